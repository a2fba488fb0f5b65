// Package dgrijalva uses only API that golang-jwt/jwt/v4 keeps: the fix
// rewrites the import.
package dgrijalva

import (
	"github.com/dgrijalva/jwt-go" // want `import of unmaintained JWT library github.com/dgrijalva/jwt-go: unmaintained since 2020, CVE-2020-26160`
)

func sign(key []byte) (string, error) {
	claims := jwt.MapClaims{"sub": "alice"}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func parse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
