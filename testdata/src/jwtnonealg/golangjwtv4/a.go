// Package golangjwtv4 exercises jwt-none-alg on github.com/golang-jwt/jwt/v4.
package golangjwtv4

import (
	"errors"

	jwt4 "github.com/golang-jwt/jwt/v4"
)

const alg = "none"

func sign() (string, error) {
	tok := jwt4.NewWithClaims(jwt4.SigningMethodNone, jwt4.MapClaims{}) // want `JWT signed with the none algorithm \(jwt4.SigningMethodNone\)`
	return tok.SignedString(jwt4.UnsafeAllowNoneSignatureType)          // want `JWT signed with the none algorithm`
}

func signDirect() (string, error) {
	return jwt4.SigningMethodNone.Sign("h.p", jwt4.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(jwt4.SigningMethodNone\)` `JWT signed with the none algorithm \(jwt4.UnsafeAllowNoneSignatureType\)`
}

func verifyDirect() error {
	return jwt4.SigningMethodNone.Verify("h.p", "", nil) // want `JWT verified with the none algorithm`
}

func keyfunc(t *jwt4.Token) (interface{}, error) {
	return jwt4.UnsafeAllowNoneSignatureType, nil // want `returned as a JWT key`
}

func parsers(s string) {
	p := &jwt4.Parser{ValidMethods: []string{"RS256", alg}} // want `JWT parser accepts the none algorithm \(alg\)`
	p.ValidMethods = []string{"none"}                       // want `JWT parser accepts the none algorithm`
	p.ValidMethods = append(p.ValidMethods, "none")         // want `JWT parser accepts the none algorithm`
	_, _ = p.Parse(s, keyfunc)
	_ = jwt4.Parser{ValidMethods: []string{0: "none"}}                                       // want `JWT parser accepts the none algorithm`
	_, _ = jwt4.Parse(s, keyfunc, jwt4.WithValidMethods([]string{"none"}))                   // want `JWT parser accepts the none algorithm`
	_, _ = jwt4.ParseWithClaims(s, &jwt4.RegisteredClaims{}, keyfunc)                        // no finding: pinning is another rule
	_ = jwt4.NewParser(jwt4.WithValidMethods([]string{jwt4.GetSigningMethod("none").Alg()})) // want `JWT parser accepts the none algorithm`
}

// Not findings below.

func safe(s string) {
	p := &jwt4.Parser{ValidMethods: []string{"RS256"}}
	p.ValidMethods = []string{"HS256"}
	_, _ = p.Parse(s, func(t *jwt4.Token) (interface{}, error) {
		if t.Method == jwt4.SigningMethodNone {
			return nil, errors.New("none")
		}
		return []byte("k"), nil
	})
	tok := jwt4.New(jwt4.SigningMethodRS256)
	_, _ = tok.SignedString(nil)
	var skip = struct{ ValidMethods []string }{ValidMethods: []string{"none"}}
	skip.ValidMethods = []string{"none"}
}
