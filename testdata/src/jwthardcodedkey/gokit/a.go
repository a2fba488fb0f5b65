package gokit

import (
	"os"

	kitjwt "github.com/go-kit/kit/auth/jwt"
)

func signer() kitjwt.Middleware {
	var (
		kid = "kid"
		key = []byte("kit-key")
	)
	return kitjwt.NewSigner(kid, key, nil, nil) // want `JWT key is hard-coded \(key, defined on line 12, used by kitjwt.NewSigner\)`
}

// Not a finding: the key id is a literal, the key is not.
func fromEnv() kitjwt.Middleware {
	return kitjwt.NewSigner("kid", []byte(os.Getenv("KEY")), nil, nil)
}
