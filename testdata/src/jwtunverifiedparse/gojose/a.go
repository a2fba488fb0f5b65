package gojose

import (
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

func unsafeClaims(s string) (jwt.Claims, error) {
	tok, err := jwt.ParseSigned(s, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return jwt.Claims{}, err
	}
	var c jwt.Claims
	err = tok.UnsafeClaimsWithoutVerification(&c) // want `JWT decoded without verifying its signature \(tok.UnsafeClaimsWithoutVerification\)`
	return c, err
}

func unsafePayload(s string) []byte {
	sig, _ := jose.ParseSigned(s, []jose.SignatureAlgorithm{jose.RS256})
	return sig.UnsafePayloadWithoutVerification() // want `JWT decoded without verifying its signature`
}

// Not a finding: Claims verifies with the key.
func verified(s string, key any) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(s, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return c, err
	}
	if err := tok.Claims(key, &c); err != nil {
		return c, err
	}
	return c, c.Validate(jwt.Expected{})
}
