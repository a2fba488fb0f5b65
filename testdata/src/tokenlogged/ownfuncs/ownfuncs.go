// Package ownfuncs: a call of the package's own function is judged by
// what the function returns, not by its name: a getter named after the
// token it reads from returns whatever the key selects.
package ownfuncs

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"strings"

	"golang.org/x/oauth2"
)

// tokenExtra reads one field of the token endpoint's answer.
func tokenExtra(t *oauth2.Token, key string) string {
	if v, ok := t.Extra(key).(string); ok {
		return v
	}
	return ""
}

// tokenKind says which kind of token a string is.
func tokenKind(s string) string {
	if strings.HasPrefix(s, "ey") {
		return "jwt"
	}
	return "opaque"
}

// bearerToken returns the token of an Authorization header value.
func bearerToken(h string) string {
	return strings.TrimPrefix(h, "Bearer ")
}

// accessToken returns the token's value.
func accessToken(t *oauth2.Token) string {
	return t.AccessToken
}

// extraToken passes its key on to tokenExtra: the question of what it
// reads goes to its own callers.
func extraToken(t *oauth2.Token, k string) string {
	return tokenExtra(t, k)
}

// generateToken generates a token: random bytes the core cannot see into,
// so the function's name says what they are.
func generateToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// tokenDigest returns a digest of the token, which is not the token.
func tokenDigest(t *oauth2.Token) string {
	sum := sha256.Sum256([]byte(t.AccessToken))
	return hex.EncodeToString(sum[:])
}

func logIt(t *oauth2.Token, header string) {
	log.Printf("customer %s", tokenExtra(t, "gcid"))
	log.Printf("id token %s", tokenExtra(t, "id_token")) // want `token value tokenExtra\(t, "id_token"\) written to a log`
	log.Printf("kind %s", tokenKind(t.AccessToken))
	log.Printf("token %s", accessToken(t)) // want `token value accessToken\(t\) written to a log`
	// The result is the argument trimmed: the name says what it is.
	log.Printf("bearer %s", bearerToken(header)) // want `token value bearerToken\(header\) written to a log`
	log.Printf("field %s", extraToken(t, "gcid"))
	log.Printf("field %s", extraToken(t, "refresh_token")) // want `token value extraToken\(t, "refresh_token"\) written to a log`
	log.Printf("new %s", generateToken())                  // want `token value generateToken\(\) written to a log`
	log.Printf("digest %s", tokenDigest(t))
}
