package golangjwtv4

import (
	"time"

	"github.com/golang-jwt/jwt/v4"
)

func skip(s string, kf jwt.Keyfunc) {
	p := &jwt.Parser{ValidMethods: []string{"RS256"}, SkipClaimsValidation: true} // want `JWT expiry check turned off \(SkipClaimsValidation\)`
	_, _ = p.Parse(s, kf)
	var q jwt.Parser
	q.SkipClaimsValidation = true // want `JWT expiry check turned off`
}

func mint(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: "a"}).SignedString(key) // want `JWT minted without exp`
}

// Not findings below.

func fine(key []byte) {
	_ = &jwt.Parser{SkipClaimsValidation: false}
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{ExpiresAt: time.Now().Add(time.Hour).Unix()})
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now())})
}
