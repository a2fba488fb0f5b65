package pascaldekloe

import "github.com/pascaldekloe/jwt"

func noCheck(tok []byte) (*jwt.Claims, error) {
	return jwt.ParseWithoutCheck(tok) // want `JWT decoded without verifying its signature \(jwt.ParseWithoutCheck\)`
}

// Not a finding.
func checked(tok, secret []byte) (*jwt.Claims, error) { return jwt.HMACCheck(tok, secret) }
