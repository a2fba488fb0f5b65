package jwxv1

import (
	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwt"
)

func noVerifyOption(b []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithValidate(true)) // want `JWT parsed without WithVerify or WithKeySet \(jwt.Parse\)`
}

func noOptions(s string) {
	_, _ = jwt.ParseString(s) // want `JWT parsed without WithVerify or WithKeySet`
}

// Not findings below.

func verified(b, key []byte, set jwt.KeySet, opts []jwt.ParseOption, opt jwt.ParseOption) {
	_, _ = jwt.Parse(b, jwt.WithVerify(jwa.HS256, key), jwt.WithValidate(true))
	_, _ = jwt.ParseBytes(b, jwt.WithKeySet(set))
	_, _ = jwt.Parse(b, opts...) // options nobody can see
	_, _ = jwt.Parse(b, opt)     // an option built elsewhere
}
