// Package jwa is a stub of github.com/lestrrat-go/jwx/jwa (v1.2.29).
package jwa

// SignatureAlgorithm represents the various signature algorithms.
type SignatureAlgorithm string

// Supported values for SignatureAlgorithm.
const (
	HS256 SignatureAlgorithm = "HS256"
	RS256 SignatureAlgorithm = "RS256"
	ES256 SignatureAlgorithm = "ES256"
)
