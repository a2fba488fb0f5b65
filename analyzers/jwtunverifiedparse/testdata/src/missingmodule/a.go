// Package missingmodule imports JWT modules this GOPATH does not have:
// findings come from the syntactic fallback.
package missingmodule

import (
	"github.com/go-jose/go-jose/v4/jwt"
	jwt5 "github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v3/jwt"
)

func unverified(s string) {
	_, _, _ = jwt5.NewParser().ParseUnverified(s, jwt5.MapClaims{}) // want `JWT decoded without verifying its signature`
	_, _ = jwx.ParseInsecure([]byte(s))                             // want `JWT decoded without verifying its signature`
	_, _ = jwx.Parse([]byte(s), jwx.WithVerify(false))              // want `JWT signature verification turned off`
}

func discarded(s string, kf jwt5.Keyfunc) any {
	tok, _ := jwt5.Parse(s, kf) // want `JWT parse error discarded but tok.Claims used`
	return tok.Claims
}

// Not findings below.

func verified(s string, kf jwt5.Keyfunc, key any) {
	tok, err := jwt5.Parse(s, kf)
	if err == nil {
		_ = tok.Claims
	}
	t, _ := jwt.ParseSigned(s, nil)
	var c jwt.Claims
	_ = t.Claims(key, &c)
}
