package rules

import "strings"

// expiryClaims are the names of JWT claims that carry a token's expiry:
// the registered exp, and the applications' own (expiresAt, validUntil),
// which an application checks where it reads the token. A token minted
// with one was made to expire; whether the reader checks it is the
// reader's finding, not the minting's.
var expiryClaims = map[string]bool{
	"exp": true, "expiresat": true, "expires_at": true, "expires": true, "expiry": true, "expiration": true,
	"expirationtime": true, "expiration_time": true, "validuntil": true, "valid_until": true, "notafter": true, "not_after": true,
}

// IsExpiryClaim reports whether a claim of this name sets a token's
// expiry, for jwt-missing-exp in Go and JS alike.
func IsExpiryClaim(name string) bool { return expiryClaims[strings.ToLower(name)] }
