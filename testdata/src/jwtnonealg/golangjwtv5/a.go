// Package golangjwtv5 exercises jwt-none-alg on github.com/golang-jwt/jwt/v5.
package golangjwtv5

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

const noneName = "none"

var claims = jwt.MapClaims{"sub": "alice"}

func signNone() (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, claims)   // want `JWT signed with the none algorithm \(jwt.SigningMethodNone\)`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(jwt.UnsafeAllowNoneSignatureType\)`
}

func newNone() *jwt.Token {
	return jwt.New((jwt.SigningMethodNone)) // want `JWT signed with the none algorithm`
}

func signDirect() ([]byte, error) {
	return jwt.SigningMethodNone.Sign("header.payload", jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(jwt.SigningMethodNone\)` `JWT signed with the none algorithm \(jwt.UnsafeAllowNoneSignatureType\)`
}

func verifyDirect(sig []byte) error {
	return jwt.SigningMethodHS256.Verify("header.payload", sig, jwt.UnsafeAllowNoneSignatureType) // want `JWT verified with the none algorithm`
}

// Stored or returned for later signing.
var defaultMethod jwt.SigningMethod = jwt.SigningMethodNone // want `JWT none algorithm used \(jwt.SigningMethodNone\)`

func method() jwt.SigningMethod {
	return jwt.SigningMethodNone // want `JWT none algorithm used`
}

func setMethod(t *jwt.Token) {
	t.Method = jwt.SigningMethodNone              // want `JWT signed with the none algorithm`
	_ = &jwt.Token{Method: jwt.SigningMethodNone} // want `JWT signed with the none algorithm`
}

func byName() {
	_ = jwt.NewWithClaims(jwt.GetSigningMethod("none"), claims) // want `JWT signed with the none algorithm \(jwt.GetSigningMethod\("none"\)\)`
	m := jwt.GetSigningMethod(noneName)                         // want `JWT none algorithm used`
	_ = m
}

// Keyfuncs that accept unsigned tokens.
func parseNone(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `jwt.UnsafeAllowNoneSignatureType returned as a JWT key`
	})
}

func keyfunc(t *jwt.Token) (interface{}, error) {
	if t.Method.Alg() == "none" {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `returned as a JWT key`
	}
	return []byte("k"), nil
}

func parseNamed(s string) (*jwt.Token, error) { return jwt.Parse(s, keyfunc) }

func validMethods(s string) {
	_, _ = jwt.Parse(s, keyfunc, jwt.WithValidMethods([]string{"HS256", "none"}))             // want `JWT parser accepts the none algorithm \("none"\)`
	_, _ = jwt.Parse(s, keyfunc, jwt.WithValidMethods([]string{noneName}))                    // want `JWT parser accepts the none algorithm \(noneName\)`
	_, _ = jwt.Parse(s, keyfunc, jwt.WithValidMethods([]string{jwt.SigningMethodNone.Alg()})) // want `JWT parser accepts the none algorithm \(jwt.SigningMethodNone.Alg\(\)\)`
	_ = jwt.NewParser(jwt.WithValidMethods(append([]string{"RS256"}, "none")))                // want `JWT parser accepts the none algorithm`
	_, _ = jwt.NewParser(jwt.WithValidMethods([]string{"none"})).Parse(s, keyfunc)            // want `JWT parser accepts the none algorithm`
}

// Not findings below.

func rejectNone(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Method == jwt.SigningMethodNone || jwt.SigningMethodNone == t.Method {
			return nil, errors.New("unsigned token")
		}
		if t.Method != jwt.SigningMethodNone && t.Method.Alg() != jwt.SigningMethodNone.Alg() {
			return []byte("secret"), nil
		}
		switch t.Method {
		case jwt.SigningMethodNone, jwt.GetSigningMethod("none"):
			return nil, errors.New("unsigned token")
		}
		return nil, errors.New("unexpected method")
	})
}

func safe(s string) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	_, _ = tok.SignedString([]byte("secret-from-config"))
	_, _ = jwt.Parse(s, keyfunc, jwt.WithValidMethods([]string{"HS256", "RS256"}))
	_ = jwt.GetSigningMethod("RS256")
	mode := "none"
	_ = mode
	_ = []string{"none"}
	if tok.Method.Alg() == "none" {
		return
	}
	_ = jwt.SigningMethodNone.Alg()
}
