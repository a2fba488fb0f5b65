package jwxv1

import (
	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwt"
)

func noValidate(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithVerify(jwa.HS256, key)) // want `JWT parsed without WithValidate\(true\) \(jwt.Parse\)`
}

// Not findings below.

func validated(b, key []byte, opts []jwt.ParseOption) {
	_, _ = jwt.Parse(b, jwt.WithVerify(jwa.HS256, key), jwt.WithValidate(true))
	_, _ = jwt.Parse(b, opts...)
}
