package kataras

import "github.com/kataras/jwt"

func decode(tok []byte) ([]byte, error) {
	u, err := jwt.Decode(tok) // want `JWT decoded without verifying its signature \(jwt.Decode\)`
	if err != nil {
		return nil, err
	}
	return u.Payload, nil
}

// Not a finding.
func verify(tok, key []byte) (*jwt.VerifiedToken, error) { return jwt.Verify(jwt.HS256, key, tok) }
