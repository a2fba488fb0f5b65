// Package session issues and checks the demo's long-lived API tokens. It
// holds the JWT mistakes tokenvet's other JWT rules find.
package session

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// demoSigningKey is committed to the repository: anyone can mint tokens.
const demoSigningKey = "change-me-demo-signing-key"

var publicKeyPEM = []byte(os.Getenv("SESSION_PUBLIC_KEY_PEM"))

// IssueAPIToken mints an API token that lives for a month.
func IssueAPIToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   user,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * 24 * time.Hour)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(demoSigningKey))
}

// IssueServiceToken mints a token with no expiry at all.
func IssueServiceToken(service string, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": service}).SignedString(key)
}

// Subject reads the subject without checking the signature.
func Subject(token string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(token, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

// Role ignores the parse error and trusts the claims anyway.
func Role(token string) any {
	tok, _ := jwt.Parse(token, func(*jwt.Token) (any, error) { return publicKeyPEM, nil })
	return tok.Claims.(jwt.MapClaims)["role"]
}

// Check verifies and skips expiry. The algorithm is not pinned, but the
// []byte key admits only HS256/384/512, so the token cannot choose a
// weaker one.
func Check(token string, key []byte) error {
	_, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithoutClaimsValidation())
	return err
}
