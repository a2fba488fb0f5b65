// Package pickkey reproduces github.com/ory/fosite v0.49.0 (false
// positives found in the evaluation): unverified claims read to check
// prerequisites or to pick the verification key, with the same token
// verified in the same function or by every caller.
package pickkey

import (
	"errors"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	jwt5 "github.com/golang-jwt/jwt/v5"
)

type store interface {
	Key(iss, sub string) (any, error)
}

func grant(s store, assertion string) (jwt.Claims, error) {
	token, err := jwt.ParseSigned(assertion, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return jwt.Claims{}, err
	}
	if err := prerequisites(token); err != nil {
		return jwt.Claims{}, err
	}
	key, err := findKey(s, token)
	if err != nil {
		return jwt.Claims{}, err
	}
	var claims jwt.Claims
	if err := token.Claims(key, &claims); err != nil {
		return jwt.Claims{}, err
	}
	return claims, claims.Validate(jwt.Expected{})
}

// Every caller verifies the token afterwards.
func prerequisites(token *jwt.JSONWebToken) error {
	var c jwt.Claims
	if err := token.UnsafeClaimsWithoutVerification(&c); err != nil {
		return err
	}
	if c.Issuer == "" {
		return errors.New("iss required")
	}
	return nil
}

// The unverified issuer picks the key, and the same token is verified.
func findKey(s store, token *jwt.JSONWebToken) (any, error) {
	var c jwt.Claims
	if err := token.UnsafeClaimsWithoutVerification(&c); err != nil {
		return nil, err
	}
	key, err := s.Key(c.Issuer, c.Subject)
	if err != nil {
		return nil, err
	}
	var probe jwt.Claims
	if err := token.Claims(key, &probe); err != nil {
		return nil, err
	}
	return key, nil
}

func byKid(raw string, keys map[string]any) (*jwt5.Token, error) {
	unverified, _, err := jwt5.NewParser().ParseUnverified(raw, jwt5.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	return jwt5.Parse(raw, func(*jwt5.Token) (any, error) { return keys[kid], nil }, jwt5.WithValidMethods([]string{"RS256"}))
}

// Still findings: nobody verifies these tokens.

func trusting(token *jwt.JSONWebToken) (string, error) {
	var c jwt.Claims
	err := token.UnsafeClaimsWithoutVerification(&c) // want `JWT decoded without verifying its signature`
	return c.Subject, err
}

func caller(assertion string) (string, error) {
	token, err := jwt.ParseSigned(assertion, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	return trusting(token)
}

func otherToken(raw, other string, kf jwt5.Keyfunc) {
	tok, _, _ := jwt5.NewParser().ParseUnverified(raw, jwt5.MapClaims{}) // want `JWT decoded without verifying its signature`
	_ = tok
	_, _ = jwt5.Parse(other, kf, jwt5.WithValidMethods([]string{"RS256"}))
}
