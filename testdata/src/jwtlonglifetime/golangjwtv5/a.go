package golangjwtv5

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const tokenTTL = 30 * 24 * time.Hour

func long() {
	_ = jwt.MapClaims{"exp": time.Now().Add(72 * time.Hour).Unix()}                        // want `JWT lifetime of 3d exceeds the 1d limit`
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(tokenTTL))}      // want `JWT lifetime of 30d exceeds the 1d limit`
	_ = &jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(1, 0, 0))} // want `JWT lifetime of 365d exceeds`
	exp := time.Now().Add(48 * time.Hour)                                                 // want `JWT lifetime of 2d exceeds`
	c := jwt.RegisteredClaims{Subject: "a"}
	c.ExpiresAt = jwt.NewNumericDate(exp)
	m := jwt.MapClaims{}
	m["exp"] = time.Now().UTC().Add(25 * time.Hour).Unix() // want `JWT lifetime of 25h0m0s exceeds`
}

// An access token minted beside a refresh token: the statement, not the
// function's body, says which lifetime a value is.
func pair() (jwt.RegisteredClaims, jwt.RegisteredClaims) {
	expireTime := time.Now().Add(48 * time.Hour) // want `JWT lifetime of 2d exceeds the 1d limit`
	refreshExpireTime := time.Now().Add(30 * 24 * time.Hour)
	if refreshExpireTime.IsZero() {
		refreshExpireTime = expireTime
	}
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(expireTime)}, jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(refreshExpireTime)}
}

func refreshToken() {
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(365 * 24 * time.Hour))} // want `refresh token lifetime of 365d exceeds the 90d limit`
}

// Not findings below.

func short(d time.Duration) {
	_ = jwt.MapClaims{"exp": time.Now().Add(15 * time.Minute).Unix()}
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(24 * time.Hour))}
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(d))} // not a constant
	_ = jwt.RegisteredClaims{IssuedAt: jwt.NewNumericDate(time.Now().Add(72 * time.Hour))}
	cacheUntil := time.Now().Add(30 * 24 * time.Hour) // not a token
	_ = cacheUntil
}

func issueRefresh() {
	refreshExp := time.Now().Add(30 * 24 * time.Hour) // a refresh token within its 90-day limit
	_ = jwt.MapClaims{"exp": refreshExp.Unix(), "typ": "refresh"}
}
