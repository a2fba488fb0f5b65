package pascaldekloe

import (
	"time"

	"github.com/pascaldekloe/jwt"
)

func sigOnly(tok, secret []byte) (string, error) {
	c, err := jwt.HMACCheck(tok, secret) // want `JWT signature checked but exp never validated in this function \(jwt.HMACCheck\): expired tokens are accepted; call claims.Valid`
	if err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Not a finding.
func validated(tok, secret []byte) (string, bool) {
	c, err := jwt.HMACCheck(tok, secret)
	if err != nil || !c.Valid(time.Now()) {
		return "", false
	}
	return c.Subject, true
}
