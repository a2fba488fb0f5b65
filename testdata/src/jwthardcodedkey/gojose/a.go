package gojose

import (
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

const hmacSecret = "super-secret"

func signer() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(hmacSecret)}, nil) // want `JWT key is hard-coded \(hmacSecret, defined on line 8, used by Key\)`
}

func verify(tok *jwt.JSONWebToken) error {
	var c jwt.Claims
	return tok.Claims([]byte("super-secret"), &c) // want `JWT key is hard-coded`
}

// Not findings below.

func signerKey(key []byte) (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, nil)
}
