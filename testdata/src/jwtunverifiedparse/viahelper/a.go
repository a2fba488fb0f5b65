// Package viahelper reads unverified claims and has another package of
// the module verify the same token (pocketbase's
// jwk.ValidateTokenSignature after ParseUnverified).
package viahelper

import (
	jwt5 "github.com/golang-jwt/jwt/v5"

	"jwtunverifiedparse/viahelper/verifier"
)

func login(idToken string, key []byte) (jwt5.MapClaims, error) {
	claims := jwt5.MapClaims{}
	if _, _, err := jwt5.NewParser().ParseUnverified(idToken, claims); err != nil {
		return nil, err
	}
	if err := verifier.Check(idToken, key); err != nil {
		return nil, err
	}
	return claims, nil
}

// Findings: the helper only decodes, or verifies another token.

func loginPeek(idToken string) (jwt5.MapClaims, error) {
	claims := jwt5.MapClaims{}
	if _, _, err := jwt5.NewParser().ParseUnverified(idToken, claims); err != nil { // want `JWT decoded without verifying its signature`
		return nil, err
	}
	_, _ = verifier.Peek(idToken)
	return claims, nil
}

func loginOther(idToken, other string, key []byte) (jwt5.MapClaims, error) {
	claims := jwt5.MapClaims{}
	if _, _, err := jwt5.NewParser().ParseUnverified(idToken, claims); err != nil { // want `JWT decoded without verifying its signature`
		return nil, err
	}
	return claims, verifier.Check(other, key)
}
