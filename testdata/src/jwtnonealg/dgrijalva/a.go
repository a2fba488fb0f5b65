// Package dgrijalva exercises jwt-none-alg on github.com/dgrijalva/jwt-go.
package dgrijalva

import (
	"errors"

	"github.com/dgrijalva/jwt-go"
)

func sign() (string, error) {
	tok := jwt.New(jwt.SigningMethodNone)                     // want `JWT signed with the none algorithm \(jwt.SigningMethodNone\)`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm`
}

func parse(s string) (*jwt.Token, error) {
	p := jwt.Parser{ValidMethods: []string{"none"}} // want `JWT parser accepts the none algorithm`
	return p.Parse(s, func(t *jwt.Token) (interface{}, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `returned as a JWT key`
	})
}

func method() jwt.SigningMethod {
	return jwt.GetSigningMethod("none") // want `JWT none algorithm used`
}

// Not findings below.

func safe(s string) (*jwt.Token, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x"})
	_, _ = tok.SignedString([]byte("secret"))
	p := jwt.Parser{ValidMethods: []string{"HS256"}}
	return p.ParseWithClaims(s, &jwt.StandardClaims{}, func(t *jwt.Token) (interface{}, error) {
		switch t.Method {
		case jwt.SigningMethodNone:
			return nil, errors.New("unsigned")
		}
		if t.Method.Alg() != "HS256" {
			return nil, errors.New("unexpected")
		}
		return []byte("secret"), nil
	})
}
