// Package missingmodule imports a JWT module this GOPATH does not have.
package missingmodule

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const key = "hard-coded"

func sign(c jwt.Claims) {
	_, _ = jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(key)) // want `JWT key is hard-coded \(key`
	_, _ = jwt.SigningMethodHS256.Sign("h.p", []byte("literal"))                  // want `JWT key is hard-coded`
}

// Not a finding.
func signEnv(c jwt.Claims) {
	_, _ = jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(os.Getenv("K")))
}
