// Package oldauth still uses the unmaintained dgrijalva/jwt-go.
package oldauth

import "github.com/dgrijalva/jwt-go"

// Verify checks a partner token with a pinned algorithm.
func Verify(token string, key []byte) (*jwt.Token, error) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	return p.Parse(token, func(*jwt.Token) (interface{}, error) { return key, nil })
}
