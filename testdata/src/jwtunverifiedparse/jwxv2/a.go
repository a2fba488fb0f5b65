package jwxv2

import (
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

const verify = false

func insecure(b []byte) (jwt.Token, error) {
	return jwt.ParseInsecure(b) // want `JWT decoded without verifying its signature \(jwt.ParseInsecure\)`
}

func noVerify(b []byte) {
	_, _ = jwt.Parse(b, jwt.WithVerify(false))     // want `JWT signature verification turned off \(jwt.WithVerify\)`
	_, _ = jwt.ParseString("", jwt.WithVerify(verify)) // want `JWT signature verification turned off`
}

// Not findings below.

func verified(b, key []byte, on bool) {
	_, _ = jwt.Parse(b, jwt.WithKey(jwa.HS256, key))
	_, _ = jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithVerify(true))
	_, _ = jwt.Parse(b, jwt.WithVerify(on))
	tok, _ := jwt.Parse(b, jwt.WithKey(jwa.HS256, key))
	_ = tok
}
