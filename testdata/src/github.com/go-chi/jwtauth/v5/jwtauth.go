// Package jwtauth is a stub of github.com/go-chi/jwtauth/v5 (v5.3.3).
package jwtauth

import "github.com/lestrrat-go/jwx/v2/jwt"

// JWTAuth signs and verifies tokens.
type JWTAuth struct {
	alg       string
	signKey   interface{}
	verifyKey interface{}
}

// New creates a JWTAuth authenticator instance.
func New(alg string, signKey interface{}, verifyKey interface{}, validateOptions ...jwt.ValidateOption) *JWTAuth {
	return &JWTAuth{alg: alg, signKey: signKey, verifyKey: verifyKey}
}
