// Package missingmodule imports a JWT module this GOPATH does not have.
package missingmodule

import (
	"net/url"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("from-config")

// anyKey is a key of unknown type: bytes for one token, a public key for
// another, as far as the analyzer can tell.
var anyKey any = loadKey()

func loadKey() any { return secret }

func unpinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return anyKey, nil }) // want `JWT parsed without pinning the algorithm`
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

func keyfunc(t *jwt.Token) (any, error) { return anyKey, nil }

// Not findings: a pinned parser, a parser from elsewhere, another type's Parse.
func localParserPinned(s string, given *jwt.Parser) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, _ = p.Parse(s, keyfunc)
	_, _ = given.Parse(s, keyfunc)
	u := url.URL{}
	_, _ = u.Parse(s)
}

// Without the module's types the key's own type still tells: bytes admit
// only HMAC.
func oneKeyFamily(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil })
}
