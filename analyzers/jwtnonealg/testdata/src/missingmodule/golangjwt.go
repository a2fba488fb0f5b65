// Package missingmodule imports JWT libraries that this GOPATH does not
// have, as when the module is missing from the module cache: go/types
// makes fake packages, and findings must come from the syntactic fallback.
package missingmodule

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

const none = "none"

func sign() (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{}) // want `JWT signed with the none algorithm \(jwt.SigningMethodNone\)`
	// The type of tok is unknown: SignedString is guessed from the
	// argument's package.
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(jwt.UnsafeAllowNoneSignatureType\)`
}

func signDirect() ([]byte, error) {
	return jwt.SigningMethodNone.Sign("h.p", jwt.UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(jwt.SigningMethodNone\)` `JWT signed with the none algorithm \(jwt.UnsafeAllowNoneSignatureType\)`
}

func parse(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Method == jwt.SigningMethodNone {
			return nil, errors.New("unsigned")
		}
		return jwt.UnsafeAllowNoneSignatureType, nil // want `returned as a JWT key`
	}, jwt.WithValidMethods([]string{"HS256", none})) // want `JWT parser accepts the none algorithm \(none\)`
	_, _ = jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodNone.Alg()})).Parse(s, nil) // want `JWT parser accepts the none algorithm`
	_ = jwt.NewWithClaims(jwt.GetSigningMethod("none"), nil)                                        // want `JWT signed with the none algorithm`
}

// Not findings below.

func safe(s string, m any) {
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{})
	_, _ = jwt.Parse(s, nil, jwt.WithValidMethods([]string{"RS256"}))
	switch m {
	case jwt.SigningMethodNone:
	}
	if m != jwt.GetSigningMethod("none") {
		return
	}
	jwt := struct{ SigningMethodNone string }{}
	_ = jwt.SigningMethodNone
}

// A method of a known type is not guessed from its argument.
type signer struct{}

func (signer) SignedString(key any) {}

func knownType() {
	var s signer
	s.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `JWT none algorithm used`
}
