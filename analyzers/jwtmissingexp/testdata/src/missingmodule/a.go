// Package missingmodule imports JWT modules this GOPATH does not have:
// findings come from the syntactic fallback.
package missingmodule

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v3/jwt"
)

func mint(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "a"}).SignedString(key) // want `JWT minted without exp`
}

func mintStruct(key []byte) {
	c := &jwt.RegisteredClaims{Subject: "a"}
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, c) // want `JWT minted without exp`
}

func off(s string, kf jwt.Keyfunc) {
	_, _ = jwt.Parse(s, kf, jwt.WithoutClaimsValidation()) // want `JWT expiry check turned off`
	_, _ = jwx.Parse([]byte(s), jwx.WithValidate(false))   // want `JWT expiry check turned off`
}

// Not findings below.

func fine(key []byte) {
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()})
	c := jwt.RegisteredClaims{Subject: "a"}
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, c)
}
