// Package verifier checks a token's signature for its callers in other
// packages: what it does with its parameter crosses as an analysis fact.
package verifier

import jwt5 "github.com/golang-jwt/jwt/v5"

// Check verifies token against key with the algorithm pinned.
func Check(token string, key []byte) error {
	_, err := jwt5.NewParser(jwt5.WithValidMethods([]string{"HS256"})).Parse(token, func(*jwt5.Token) (any, error) { return key, nil })
	return err
}

// Peek only decodes.
func Peek(token string) (jwt5.MapClaims, error) {
	claims := jwt5.MapClaims{}
	_, _, err := jwt5.NewParser().ParseUnverified(token, claims) // want `JWT decoded without verifying its signature`
	return claims, err
}
