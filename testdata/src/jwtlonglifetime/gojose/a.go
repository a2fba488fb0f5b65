package gojose

import (
	"time"

	"github.com/go-jose/go-jose/v4/jwt"
)

func long() {
	_ = jwt.Claims{Expiry: jwt.NewNumericDate(time.Now().Add(48 * time.Hour))} // want `JWT lifetime of 2d exceeds`
}

// Not a finding.
func short() { _ = jwt.Claims{Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))} }
