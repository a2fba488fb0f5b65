package jwxv3

import (
	"time"

	"github.com/lestrrat-go/jwx/v3/jwt"
)

func long() {
	_, _ = jwt.NewBuilder().Expiration(time.Now().Add(100 * time.Hour)).Build() // want `JWT lifetime of 100h0m0s exceeds`
	_, _ = jwt.NewBuilder().Claim("exp", time.Now().Add(100*time.Hour)).Build() // want `JWT lifetime of 100h0m0s exceeds`
}

// Not findings below.
func short() {
	_, _ = jwt.NewBuilder().Expiration(time.Now().Add(time.Hour)).Build()
	_, _ = jwt.NewBuilder().Claim("nbf", time.Now().Add(100*time.Hour)).Build()
}
