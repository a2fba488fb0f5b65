// Package dotimport reaches golang-jwt through a dot import.
package dotimport

import . "github.com/golang-jwt/jwt/v5"

func sign() (string, error) {
	return NewWithClaims(SigningMethodNone, MapClaims{}).SignedString(UnsafeAllowNoneSignatureType) // want `JWT signed with the none algorithm \(SigningMethodNone\)` `JWT signed with the none algorithm \(UnsafeAllowNoneSignatureType\)`
}

func reject(t *Token) bool { return t.Method == SigningMethodNone }
