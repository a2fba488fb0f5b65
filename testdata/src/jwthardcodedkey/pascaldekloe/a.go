package pascaldekloe

import "github.com/pascaldekloe/jwt"

func check(tok []byte) (*jwt.Claims, error) {
	return jwt.HMACCheck(tok, []byte("secret")) // want `JWT key is hard-coded`
}

func sign(c *jwt.Claims) ([]byte, error) {
	return c.HMACSign(jwt.HS256, []byte("secret")) // want `JWT key is hard-coded`
}

// Not a finding.
func checkKey(tok, key []byte) (*jwt.Claims, error) { return jwt.HMACCheck(tok, key) }
