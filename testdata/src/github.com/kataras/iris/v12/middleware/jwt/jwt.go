// Package jwt is a stub of github.com/kataras/iris/v12/middleware/jwt (v12.2.11).
package jwt

import "time"

// Alg is a signing algorithm (kataras/jwt's Alg).
type Alg interface {
	Name() string
}

// Signer signs tokens.
type Signer struct {
	Alg    Alg
	Key    interface{}
	MaxAge time.Duration
}

// NewSigner returns a Signer.
func NewSigner(signatureAlg Alg, signatureKey interface{}, maxAge time.Duration) *Signer {
	return &Signer{Alg: signatureAlg, Key: signatureKey, MaxAge: maxAge}
}

// Verifier verifies tokens.
type Verifier struct {
	Alg Alg
	Key interface{}
}

// NewVerifier returns a Verifier.
func NewVerifier(signatureAlg Alg, signatureKey interface{}, validators ...interface{}) *Verifier {
	return &Verifier{Alg: signatureAlg, Key: signatureKey}
}
