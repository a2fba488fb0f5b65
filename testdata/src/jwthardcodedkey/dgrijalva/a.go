package dgrijalva

import "github.com/dgrijalva/jwt-go"

func sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte("secret")) // want `JWT key is hard-coded`
}

// Not a finding.
func signKey(c jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}
