// Package missingmodule imports a JWT module this GOPATH does not have.
package missingmodule

import (
	"net/url"

	"github.com/golang-jwt/jwt/v5"
)

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

// A parser built in the function: its Parse is the library's even though
// the variable's type is unknown.
func localParser(s string) {
	p := jwt.NewParser()
	_, _ = p.Parse(s, keyfunc) // want `JWT parsed without pinning the algorithm \(p.Parse\)`
	lit := &jwt.Parser{}
	_, _ = lit.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyfunc) // want `JWT parsed without pinning the algorithm`
}

func keyfunc(t *jwt.Token) (any, error) { return secret, nil }

// Not findings: a pinned parser, a parser from elsewhere, another type's Parse.
func localParserPinned(s string, given *jwt.Parser) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, _ = p.Parse(s, keyfunc)
	_, _ = given.Parse(s, keyfunc)
	u := url.URL{}
	_, _ = u.Parse(s)
}
