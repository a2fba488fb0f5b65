package jwxv3

import (
	"time"

	"github.com/lestrrat-go/jwx/v3/jwt"
)

func noValidate(b []byte) {
	_, _ = jwt.Parse(b, jwt.WithValidate(false)) // want `JWT expiry check turned off \(jwt.WithValidate\)`
}

func build() (jwt.Token, error) {
	return jwt.NewBuilder().Subject("alice").IssuedAt(time.Now()).Build() // want `JWT minted without exp \(jwt.NewBuilder\(\).Subject\("alice"\).IssuedAt\(time.Now\(\)\).Build\)`
}

// Not findings below.

func fine(b []byte, on bool) {
	_, _ = jwt.Parse(b, jwt.WithValidate(true))
	_, _ = jwt.Parse(b, jwt.WithValidate(on))
	_, _ = jwt.NewBuilder().Subject("alice").Expiration(time.Now().Add(time.Hour)).Build()
	_, _ = jwt.NewBuilder().Claim("exp", time.Now().Add(time.Hour)).Build()
	bld := jwt.NewBuilder().Subject("alice")
	bld.Expiration(time.Now().Add(time.Hour))
	_, _ = bld.Build()
}

// checkedByHand: validation off, but the function reads exp itself
// (held-out pass 6, navidrome's Deezer client).
func checkedByHand(b []byte) (time.Duration, bool) {
	tok, err := jwt.Parse(b, jwt.WithVerify(false), jwt.WithValidate(false))
	if err != nil {
		return 0, false
	}
	exp, ok := tok.Expiration()
	return time.Until(exp), ok
}
