package jwxv2

import (
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

func sign(t jwt.Token) ([]byte, error) {
	return jwt.Sign(t, jwt.WithKey(jwa.HS256, []byte("secret"))) // want `JWT key is hard-coded \(a literal, used by jwt.WithKey\)`
}

// Not a finding.
func signKey(t jwt.Token, key []byte) ([]byte, error) { return jwt.Sign(t, jwt.WithKey(jwa.HS256, key)) }
