// Package jwt is a stub of gopkg.in/square/go-jose.v2/jwt.
package jwt

import (
	"time"

	jose "gopkg.in/square/go-jose.v2"
)

// NumericDate represents date and time as the number of seconds since the epoch.
type NumericDate int64

// NewNumericDate constructs NumericDate from time.Time value.
func NewNumericDate(t time.Time) *NumericDate { n := NumericDate(t.Unix()); return &n }

// Audience represents the recipients that the token is intended for.
type Audience []string

// Claims represents public claim values (as specified in RFC 7519).
type Claims struct {
	Issuer    string       `json:"iss,omitempty"`
	Subject   string       `json:"sub,omitempty"`
	Audience  Audience     `json:"aud,omitempty"`
	Expiry    *NumericDate `json:"exp,omitempty"`
	NotBefore *NumericDate `json:"nbf,omitempty"`
	IssuedAt  *NumericDate `json:"iat,omitempty"`
	ID        string       `json:"jti,omitempty"`
}

// Expected defines values used for protected claims validation.
type Expected struct {
	Issuer   string
	Subject  string
	Audience Audience
	ID       string
	Time     time.Time
}

// Validate checks claims in a token against expected values.
func (c Claims) Validate(e Expected) error { return nil }

// ValidateWithLeeway checks claims in a token against expected values with leeway.
func (c Claims) ValidateWithLeeway(e Expected, leeway time.Duration) error { return nil }

// JSONWebToken represents a JSON Web Token (as specified in RFC7519).
type JSONWebToken struct {
	payload func(k interface{}) ([]byte, error)
}

// Claims deserializes a JSONWebToken into dest using the provided key.
func (t *JSONWebToken) Claims(key interface{}, dest ...interface{}) error { return nil }

// UnsafeClaimsWithoutVerification deserializes the claims of a JSONWebToken into the dests.
func (t *JSONWebToken) UnsafeClaimsWithoutVerification(dest ...interface{}) error { return nil }

// ParseSigned parses token from JWS form.
func ParseSigned(s string) (*JSONWebToken, error) { return nil, nil }

// Builder is a utility for making JSON Web Tokens.
type Builder interface {
	Claims(i interface{}) Builder
	Token() (*JSONWebToken, error)
	CompactSerialize() (string, error)
}

// Signed creates builder for signed tokens.
func Signed(sig jose.Signer) Builder { return nil }
