package squarejose

import (
	"time"

	"gopkg.in/square/go-jose.v2/jwt"
)

func zeroTime(c jwt.Claims) error {
	return c.Validate(jwt.Expected{Issuer: "me"}) // want `JWT claims validated with no Expected.Time \(c.Validate\)`
}

// Not findings below.

func withTime(c jwt.Claims, e jwt.Expected) {
	_ = c.Validate(jwt.Expected{Issuer: "me", Time: time.Now()})
	_ = c.ValidateWithLeeway(e, time.Minute) // unknown Expected
}
