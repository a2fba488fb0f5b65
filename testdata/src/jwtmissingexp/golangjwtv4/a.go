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

// decodeOnly: a parser used only for ParseUnverified validates nothing
// whatever it is told (tuning set: portainer's getIdToken);
// jwt-unverified-parse judges the decode. One that also parses is
// reported.
func decodeOnly(s string) jwt.Claims {
	jwtParser := jwt.Parser{
		SkipClaimsValidation: true,
	}
	t, _, _ := jwtParser.ParseUnverified(s, jwt.MapClaims{})
	return t.Claims
}

func decodeAndParse(s string, kf jwt.Keyfunc) {
	p := jwt.Parser{SkipClaimsValidation: true} // want `JWT expiry check turned off \(SkipClaimsValidation\)`
	_, _, _ = p.ParseUnverified(s, jwt.MapClaims{})
	_, _ = p.Parse(s, kf)
}
