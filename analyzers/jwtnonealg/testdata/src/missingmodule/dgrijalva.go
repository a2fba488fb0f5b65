package missingmodule

import "github.com/dgrijalva/jwt-go"

func dgrijalva() *jwt.Token {
	return jwt.New(jwt.SigningMethodNone) // want `JWT signed with the none algorithm`
}
