package kataras

import "github.com/kataras/jwt"

func decode(tok []byte) ([]byte, error) {
	u, err := jwt.Decode(tok) // want `JWT decoded without verifying its signature \(jwt.Decode\)`
	if err != nil {
		return nil, err
	}
	return u.Payload, nil
}

func direct(tok []byte) []byte {
	u, _ := jwt.Decode(tok) // want `JWT decoded without verifying its signature`
	return use(u)
}

func use(u *jwt.UnverifiedToken) []byte { return u.Payload }

// Not findings below.

func verify(tok, key []byte) (*jwt.VerifiedToken, error) { return jwt.Verify(jwt.HS256, key, tok) }

// Reading the header to choose a key is what Decode is for.
func header(tok []byte) []byte {
	u, err := jwt.Decode(tok)
	if err != nil {
		return nil
	}
	return u.Header
}
