// Package viahelper hands a literal key to another package of the module,
// which signs with it.
package viahelper

import (
	"os"

	jwt5 "github.com/golang-jwt/jwt/v5"

	"jwthardcodedkey/viahelper/signer"
)

func mint(sub string) (string, error) {
	return signer.Sign(jwt5.MapClaims{"sub": sub}, "literal-signing-key") // want `JWT key is hard-coded`
}

// Not a finding: the key comes from the environment.
func mintFromEnv(sub string) (string, error) {
	return signer.Sign(jwt5.MapClaims{"sub": sub}, os.Getenv("JWT_KEY"))
}
