package golangjwtv5

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

var kf jwt.Keyfunc = func(*jwt.Token) (any, error) { return []byte("k"), nil }

func unverified(s string) jwt.Claims {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{}) // want `JWT decoded without verifying its signature \(jwt.NewParser\(\).ParseUnverified\)`
	if err != nil {
		return nil
	}
	return tok.Claims
}

func unverifiedVar(s string) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, _, _ = p.ParseUnverified(s, &jwt.RegisteredClaims{}) // want `JWT decoded without verifying its signature`
}

func errorDiscarded(s string) string {
	tok, _ := jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"})) // want `JWT parse error discarded but tok.Claims used`
	sub, _ := tok.Claims.GetSubject()
	return sub
}

func claimsDiscarded(s string) string {
	var c jwt.RegisteredClaims
	_, _ = jwt.ParseWithClaims(s, &c, kf, jwt.WithValidMethods([]string{"HS256"})) // want `JWT parse error discarded but c used`
	return c.Subject
}

// Not findings below.

func checked(s string) (string, error) {
	tok, err := jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

func validChecked(s string) (jwt.Claims, error) {
	tok, _ := jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"}))
	if tok == nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	return tok.Claims, nil
}

func onlyValidity(s string) bool {
	_, err := jwt.Parse(s, kf)
	return err == nil
}

func claimsNotUsed(s string) {
	var c jwt.RegisteredClaims
	_, _ = jwt.ParseWithClaims(s, &c, kf)
}
