package dgrijalva

import "github.com/dgrijalva/jwt-go"

type claims struct {
	jwt.StandardClaims
	Name string
}

func mint(key []byte) (string, error) {
	c := claims{Name: "a"}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `JWT minted without exp`
}

// Not a finding: exp set before signing.
func mintExp(key []byte, exp int64) (string, error) {
	c := claims{Name: "a"}
	c.StandardClaims.ExpiresAt = exp
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}
