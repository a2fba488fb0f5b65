// Package jwt is a stub of github.com/cristalhq/jwt/v5 (v5.4.0).
package jwt

import "time"

// Algorithm for signing and verifying.
type Algorithm string

// Algorithms.
const (
	HS256 Algorithm = "HS256"
	RS256 Algorithm = "RS256"
)

// Signer is used to sign tokens.
type Signer interface {
	Algorithm() Algorithm
	SignSize() int
	Sign(payload []byte) ([]byte, error)
}

// Verifier is used to verify tokens.
type Verifier interface {
	Algorithm() Algorithm
	Verify(token *Token) error
}

// HSAlg implements HMAC signing and verification.
type HSAlg struct {
	alg Algorithm
	key []byte
}

// NewSignerHS returns a new HMAC-based signer.
func NewSignerHS(alg Algorithm, key []byte) (*HSAlg, error) { return &HSAlg{alg, key}, nil }

// NewVerifierHS returns a new HMAC-based verifier.
func NewVerifierHS(alg Algorithm, key []byte) (*HSAlg, error) { return &HSAlg{alg, key}, nil }

// Algorithm implements Signer and Verifier.
func (h *HSAlg) Algorithm() Algorithm { return h.alg }

// SignSize implements Signer.
func (h *HSAlg) SignSize() int { return 32 }

// Sign implements Signer.
func (h *HSAlg) Sign(payload []byte) ([]byte, error) { return nil, nil }

// Verify implements Verifier.
func (h *HSAlg) Verify(token *Token) error { return nil }

// Token represents a JWT token.
type Token struct {
	raw    []byte
	claims []byte
}

// String returns token string.
func (t *Token) String() string { return string(t.raw) }

// Claims returns token's claims.
func (t *Token) Claims() []byte { return t.claims }

// DecodeClaims into a given parameter.
func (t *Token) DecodeClaims(dst any) error { return nil }

// Parse decodes a token and verifies it's signature.
func Parse(raw []byte, verifier Verifier) (*Token, error) { return nil, nil }

// ParseClaims decodes a token, verifies it's signature and unmarshals the claims.
func ParseClaims(raw []byte, verifier Verifier, claims any) error { return nil }

// ParseNoVerify decodes a token from a raw bytes. NOTE: Consider to use Parse with a verifier to verify token signature.
func ParseNoVerify(raw []byte) (*Token, error) { return nil, nil }

// BuilderOption is used to modify builder properties.
type BuilderOption func(*Builder)

// Builder is used to create a new token.
type Builder struct {
	signer Signer
}

// NewBuilder returns new instance of Builder.
func NewBuilder(signer Signer, opts ...BuilderOption) *Builder { return &Builder{signer: signer} }

// Build pre-computed token with the given claims.
func (b *Builder) Build(claims any) (*Token, error) { return nil, nil }

// NumericDate represents date for StandardClaims.
type NumericDate struct {
	time.Time
}

// NewNumericDate creates a new NumericDate value from time.Time.
func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{t} }

// Audience is a special claim that may be a single string or an array of strings.
type Audience []string

// RegisteredClaims represents claims for JWT.
type RegisteredClaims struct {
	ID        string       `json:"jti,omitempty"`
	Audience  Audience     `json:"aud,omitempty"`
	Issuer    string       `json:"iss,omitempty"`
	Subject   string       `json:"sub,omitempty"`
	ExpiresAt *NumericDate `json:"exp,omitempty"`
	IssuedAt  *NumericDate `json:"iat,omitempty"`
	NotBefore *NumericDate `json:"nbf,omitempty"`
}

// IsValidExpiresAt reports whether a token isn't expired at a given time.
func (sc *RegisteredClaims) IsValidExpiresAt(now time.Time) bool { return true }

// IsValidAt reports whether a token is valid at a given time.
func (sc *RegisteredClaims) IsValidAt(now time.Time) bool { return true }
