// Package missingmodule imports JWT modules this GOPATH does not have:
// findings come from the syntactic fallback.
package missingmodule

import (
	"strings"

	"github.com/go-jose/go-jose/v4/jwt"
	jwt5 "github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v3/jwt"
)

func unverified(s string) {
	_, _, _ = jwt5.NewParser().ParseUnverified(s, jwt5.MapClaims{}) // want `JWT decoded without verifying its signature`
	_, _ = jwx.ParseInsecure([]byte(s))                             // want `JWT decoded without verifying its signature`
	_, _ = jwx.Parse([]byte(s), jwx.WithVerify(false))              // want `JWT signature verification turned off`
}

// A parser kept in a variable: its methods are the library's even though
// the variable's type is unknown.
func localParser(s string) {
	p := jwt5.NewParser()
	_, _, _ = p.ParseUnverified(s, jwt5.MapClaims{}) // want `JWT decoded without verifying its signature \(p.ParseUnverified\)`
	var q = jwt5.NewParser(jwt5.WithValidMethods([]string{"HS256"}))
	_, _, _ = q.ParseUnverified(s, jwt5.MapClaims{}) // want `JWT decoded without verifying its signature`
}

// Not findings: a value that is no parser, or one of two kinds.
func notParsers(s string, given any, cond bool) {
	b := strings.NewReplacer("a", "b")
	_, _, _ = b.ParseUnverified(s, nil)
	p := jwt5.NewParser()
	if cond {
		p = given.(*jwt5.Parser)
	}
	_, _, _ = p.ParseUnverified(s, nil)
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
