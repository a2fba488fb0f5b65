package golangjwtv4

import (
	"time"

	"github.com/golang-jwt/jwt/v4"
)

func long() {
	_ = jwt.StandardClaims{ExpiresAt: time.Now().Add(7 * 24 * time.Hour).Unix()} // want `JWT lifetime of 7d exceeds`
}

// Not a finding.
func short() { _ = jwt.StandardClaims{ExpiresAt: time.Now().Add(time.Hour).Unix()} }
