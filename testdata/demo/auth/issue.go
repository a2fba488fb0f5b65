// Package auth issues and verifies the demo service's session tokens.
package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// IssueDebugToken mints a token for local debugging.
func IssueDebugToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   user,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

// IssueToken mints a properly signed session token.
func IssueToken(user string, key []byte) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   user,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
