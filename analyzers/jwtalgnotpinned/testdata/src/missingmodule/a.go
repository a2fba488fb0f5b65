// Package missingmodule imports a JWT module this GOPATH does not have.
package missingmodule

import "github.com/golang-jwt/jwt/v5"

var secret = []byte("from-config")

func unpinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil }) // want `JWT parsed without pinning the algorithm`
}

// Not findings below.

func pinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, nil
		}
		return secret, nil
	})
}
