package cristalhq

import "github.com/cristalhq/jwt/v5"

func noVerify(raw []byte) (*jwt.Token, error) {
	return jwt.ParseNoVerify(raw) // want `JWT decoded without verifying its signature \(jwt.ParseNoVerify\)`
}

// Not a finding.
func verified(raw []byte, v jwt.Verifier) (*jwt.Token, error) { return jwt.Parse(raw, v) }
