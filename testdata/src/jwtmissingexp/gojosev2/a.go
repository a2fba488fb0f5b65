// Package gojosev2 uses go-jose's own v2 branch, where a zero
// Expected.Time skips exp as in square's.
package gojosev2

import (
	"time"

	"gopkg.in/go-jose/go-jose.v2/jwt"
)

func zeroTime(c jwt.Claims) error {
	return c.ValidateWithLeeway(jwt.Expected{Issuer: "me"}, time.Minute) // want `JWT claims validated with no Expected.Time`
}

// Not a finding.
func withTime(c jwt.Claims) error { return c.Validate(jwt.Expected{Time: time.Now()}) }
