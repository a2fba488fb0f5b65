package cristalhq

import (
	"time"

	"github.com/cristalhq/jwt/v5"
)

func sigOnly(raw []byte, v jwt.Verifier) (string, error) {
	tok, err := jwt.Parse(raw, v) // want `JWT signature checked but exp never validated in this function \(jwt.Parse\): expired tokens are accepted; call claims.IsValidAt`
	if err != nil {
		return "", err
	}
	var c jwt.RegisteredClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

func mint(s jwt.Signer) (*jwt.Token, error) {
	return jwt.NewBuilder(s).Build(&jwt.RegisteredClaims{Subject: "a"}) // want `JWT minted without exp`
}

// Not findings below.

func validated(raw []byte, v jwt.Verifier) (bool, error) {
	tok, err := jwt.Parse(raw, v)
	if err != nil {
		return false, err
	}
	var c jwt.RegisteredClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return false, err
	}
	return c.IsValidAt(time.Now()), nil
}

func mintExp(s jwt.Signer) (*jwt.Token, error) {
	return jwt.NewBuilder(s).Build(&jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
}
