// Package missingmodule imports a JWT module this GOPATH does not have.
package missingmodule

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func long() {
	_ = jwt.MapClaims{"exp": time.Now().Add(72 * time.Hour).Unix()}                         // want `JWT lifetime of 3d exceeds`
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(48 * time.Hour))} // want `JWT lifetime of 2d exceeds`
}

// Not a finding.
func short() { _ = jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()} }
