package ginjwt

import (
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
)

func middleware(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Key:        key,
		Timeout:    time.Hour * 24 * 7,   // want `JWT lifetime of 7d exceeds the 1d limit`
		MaxRefresh: time.Hour * 24 * 365, // want `refresh token lifetime of 365d exceeds the 90d limit`
	})
}

// Not findings: within the limits.
func short(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Key: key, Timeout: time.Hour, MaxRefresh: 30 * 24 * time.Hour})
}
