// Package typeerror has type errors unrelated to JWTs; findings must
// survive them (the analyzer runs despite errors).
package typeerror

import "github.com/golang-jwt/jwt/v5"

var broken int = "not an int"

func sign() (string, error) {
	undefinedHelper()
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{}) // want `JWT signed with the none algorithm`
	_ = tok.Undefined
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm`
}

func parse(s string) {
	_, _ = jwt.Parse(s, nil, jwt.WithValidMethods([]string{"none", missingConst})) // want `JWT parser accepts the none algorithm`
	_ = jwt.NewWithClaims(jwt.SigningMethodNone, undefinedClaims)                  // want `JWT signed with the none algorithm`
}
