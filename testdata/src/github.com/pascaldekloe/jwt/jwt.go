// Package jwt is a stub of github.com/pascaldekloe/jwt (v1.12.0).
package jwt

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/json"
	"time"
)

// Algorithm identification.
const (
	HS256 = "HS256"
	RS256 = "RS256"
)

// NumericTime implements NumericDate: "A JSON numeric value representing the number of seconds from 1970-01-01T00:00:00Z UTC until the specified UTC date/time, ignoring leap seconds."
type NumericTime float64

// NewNumericTime returns the the corresponding representation with nil for the zero value.
func NewNumericTime(t time.Time) *NumericTime {
	n := NumericTime(t.Unix())
	return &n
}

// Registered are the IANA registered "JSON Web Token Claims".
type Registered struct {
	Issuer    string       `json:"iss,omitempty"`
	Subject   string       `json:"sub,omitempty"`
	Audiences []string     `json:"aud,omitempty"`
	Expires   *NumericTime `json:"exp,omitempty"`
	NotBefore *NumericTime `json:"nbf,omitempty"`
	Issued    *NumericTime `json:"iat,omitempty"`
	ID        string       `json:"jti,omitempty"`
}

// Valid returns whether the claims set may be accepted for processing at the given moment in time.
func (r *Registered) Valid(t time.Time) bool { return true }

// AcceptTemporal returns whether the claims set may be accepted for processing at the given moment in time.
func (r *Registered) AcceptTemporal(t time.Time, leeway time.Duration) error { return nil }

// Claims are the (signed) statements of a JWT.
type Claims struct {
	Registered
	Set map[string]interface{}
}

// ParseWithoutCheck skips the signature validation.
func ParseWithoutCheck(token []byte) (*Claims, error) { return nil, nil }

// HMACCheck parses a JWT if, and only if, the signature checks out.
func HMACCheck(token, secret []byte) (*Claims, error) { return nil, nil }

// RSACheck parses a JWT if, and only if, the signature checks out.
func RSACheck(token []byte, key *rsa.PublicKey) (*Claims, error) { return nil, nil }

// ECDSACheck parses a JWT if, and only if, the signature checks out.
func ECDSACheck(token []byte, key *ecdsa.PublicKey) (*Claims, error) { return nil, nil }

// EdDSACheck parses a JWT if, and only if, the signature checks out.
func EdDSACheck(token []byte, key ed25519.PublicKey) (*Claims, error) { return nil, nil }

// HMACSign updates the Raw field and returns a new JWT.
func (c *Claims) HMACSign(alg string, secret []byte, extraHeaders ...json.RawMessage) (token []byte, err error) {
	return nil, nil
}
