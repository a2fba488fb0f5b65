package form3tech

import "github.com/form3tech-oss/jwt-go"

func unverified(s string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := new(jwt.Parser).ParseUnverified(s, claims) // want `JWT decoded without verifying its signature`
	return claims, err
}

func discarded(s string, kf jwt.Keyfunc) interface{} {
	tok, _ := jwt.Parse(s, kf) // want `JWT parse error discarded but tok.Claims used`
	return tok.Claims
}

// Not a finding: the error is checked.
func verified(s string, kf jwt.Keyfunc) (jwt.Claims, error) {
	tok, err := jwt.Parse(s, kf)
	if err != nil {
		return nil, err
	}
	return tok.Claims, nil
}
