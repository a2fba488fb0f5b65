// Package jwt is a stub of github.com/cristalhq/jwt/v3 (v3.1.0).
package jwt

// Algorithm for signing and verifying.
type Algorithm string

// HS256 is HMAC with SHA-256.
const HS256 Algorithm = "HS256"

// Signer is used to sign tokens.
type Signer interface {
	Algorithm() Algorithm
	Sign(payload []byte) ([]byte, error)
}

// Verifier is used to verify tokens.
type Verifier interface {
	Algorithm() Algorithm
}

// NewSignerHS returns a signer for an HMAC algorithm.
func NewSignerHS(alg Algorithm, key []byte) (Signer, error) { return nil, nil }

// NewVerifierHS returns a verifier for an HMAC algorithm.
func NewVerifierHS(alg Algorithm, key []byte) (Verifier, error) { return nil, nil }
