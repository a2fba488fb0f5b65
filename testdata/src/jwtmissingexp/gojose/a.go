package gojose

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

func sigOnly(s string, key any) (string, error) {
	tok, err := jwt.ParseSigned(s, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil { // want `JWT signature checked but exp never validated in this function \(tok.Claims\): expired tokens are accepted; call claims.Validate`
		return "", err
	}
	return c.Subject, nil
}

func mint(sig jose.Signer) (string, error) {
	return jwt.Signed(sig).Claims(jwt.Claims{Subject: "alice"}).Serialize() // want `JWT minted without exp`
}

// Not findings below.

func validated(s string, key any) (string, error) {
	tok, err := jwt.ParseSigned(s, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{}); err != nil { // v4 uses the current time
		return "", err
	}
	return c.Subject, nil
}

// The claims go back to the caller, who may validate them.
func returned(tok *jwt.JSONWebToken, key any) (*jwt.Claims, error) {
	c := &jwt.Claims{}
	err := tok.Claims(key, c)
	return c, err
}

func mintExp(sig jose.Signer) (string, error) {
	return jwt.Signed(sig).Claims(jwt.Claims{Subject: "a", Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Serialize()
}
