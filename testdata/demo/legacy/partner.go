// Package legacy talks to a partner API that uses kataras/jwt.
package legacy

import (
	"time"

	"github.com/kataras/jwt"
)

// PartnerClaims are what the partner expects.
type PartnerClaims struct {
	Account string `json:"account"`
}

// PartnerToken signs a token for the partner's sandbox.
func PartnerToken(account string) ([]byte, error) {
	return jwt.Sign(jwt.NONE, nil, PartnerClaims{Account: account}, jwt.MaxAge(10*time.Minute))
}

// VerifyPartner checks a token the partner sent back.
func VerifyPartner(token, key []byte) (*jwt.VerifiedToken, error) {
	return jwt.Verify(jwt.HS256, key, token)
}
