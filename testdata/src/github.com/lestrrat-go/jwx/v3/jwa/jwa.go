// Package jwa is a test stub of github.com/lestrrat-go/jwx/v3/jwa (v3.3.0):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwa

import "errors"

// KeyAlgorithm is a workaround for jwk.Key being able to contain different
// types of algorithms in its `alg` field.
type KeyAlgorithm interface {
	String() string
	IsDeprecated() bool
}

// KeyAlgorithmFrom takes either a string, `jwa.SignatureAlgorithm`,
// `jwa.KeyEncryptionAlgorithm`, or `jwa.ContentEncryptionAlgorithm`
// and returns a `jwa.KeyAlgorithm`.
func KeyAlgorithmFrom(v any) (KeyAlgorithm, error) {
	switch v := v.(type) {
	case SignatureAlgorithm:
		return v, nil
	case string:
		if alg, ok := LookupSignatureAlgorithm(v); ok {
			return alg, nil
		}
	}
	return nil, errors.New("invalid key algorithm")
}

// SignatureAlgorithm represents the various signature algorithms as described in https://tools.ietf.org/html/rfc7518#section-3.1
type SignatureAlgorithm struct {
	name        string
	deprecated  bool
	isSymmetric bool
}

// NewSignatureAlgorithmOption is an option for NewSignatureAlgorithm.
type NewSignatureAlgorithmOption interface {
	Ident() any
	Value() any
}

var registry = map[string]SignatureAlgorithm{}

func init() {
	for _, alg := range []SignatureAlgorithm{
		{name: "ES256"}, {name: "ES384"}, {name: "ES512"}, {name: "EdDSA", deprecated: true},
		{name: "HS256", isSymmetric: true}, {name: "HS384", isSymmetric: true}, {name: "HS512", isSymmetric: true},
		{name: "none"}, {name: "PS256"}, {name: "RS256"}, {name: "RS384"}, {name: "RS512"},
	} {
		registry[alg.name] = alg
	}
}

func lookupBuiltinSignatureAlgorithm(name string) SignatureAlgorithm { return registry[name] }

// ES256 returns an object representing ECDSA signature algorithm using P-256 curve and SHA-256.
func ES256() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("ES256") }

// EdDSA returns an object representing EdDSA signature algorithms.
func EdDSA() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("EdDSA") }

// HS256 returns an object representing HMAC signature algorithm using SHA-256.
func HS256() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("HS256") }

// HS512 returns an object representing HMAC signature algorithm using SHA-512.
func HS512() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("HS512") }

// NoSignature returns an object representing the lack of a signature algorithm.
func NoSignature() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("none") }

// PS256 returns an object representing RSASSA-PSS signature algorithm using SHA-256 and MGF1-SHA256.
func PS256() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("PS256") }

// RS256 returns an object representing RSASSA-PKCS-v1.5 signature algorithm using SHA-256.
func RS256() SignatureAlgorithm { return lookupBuiltinSignatureAlgorithm("RS256") }

func (s SignatureAlgorithm) String() string { return s.name }

// IsDeprecated returns true if the SignatureAlgorithm object is deprecated.
func (s SignatureAlgorithm) IsDeprecated() bool { return s.deprecated }

// IsSymmetric returns true if the SignatureAlgorithm object is symmetric.
func (s SignatureAlgorithm) IsSymmetric() bool { return s.isSymmetric }

// EmptySignatureAlgorithm returns an empty SignatureAlgorithm object, used as a zero value.
func EmptySignatureAlgorithm() SignatureAlgorithm { return SignatureAlgorithm{} }

// NewSignatureAlgorithm creates a new SignatureAlgorithm object with the given name.
func NewSignatureAlgorithm(name string, options ...NewSignatureAlgorithmOption) SignatureAlgorithm {
	return SignatureAlgorithm{name: name}
}

// LookupSignatureAlgorithm returns the SignatureAlgorithm object for the given name.
func LookupSignatureAlgorithm(name string) (SignatureAlgorithm, bool) {
	alg, ok := registry[name]
	return alg, ok
}

// RegisterSignatureAlgorithm registers a new SignatureAlgorithm.
func RegisterSignatureAlgorithm(algorithms ...SignatureAlgorithm) {
	for _, alg := range algorithms {
		registry[alg.name] = alg
	}
}
