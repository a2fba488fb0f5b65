// Package keyprobe reproduces github.com/ory/fosite v0.49.0: a signature
// check used only to find the matching key, whose claims are never read,
// is not a use of unvalidated claims.
package keyprobe

import "github.com/go-jose/go-jose/v4/jwt"

func findKey(token *jwt.JSONWebToken, keys []any) any {
	claims := jwt.Claims{}
	for _, key := range keys {
		if err := token.Claims(key, &claims); err == nil {
			return key
		}
	}
	return nil
}

// Still a finding: the claims are used.
func subject(token *jwt.JSONWebToken, key any) string {
	var claims jwt.Claims
	if err := token.Claims(key, &claims); err != nil { // want `JWT signature checked but exp never validated`
		return ""
	}
	return claims.Subject
}
