package golangjwtv4

import "github.com/golang-jwt/jwt/v4"

func sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte("secret")) // want `JWT key is hard-coded`
}

// Not a finding.
func signKey(c jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}
