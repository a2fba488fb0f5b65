// Package jwt is a stub of github.com/appleboy/gin-jwt/v2 (v2.10.3).
package jwt

import (
	"net/http"
	"time"
)

// GinJWTMiddleware provides a Json-Web-Token authentication implementation.
type GinJWTMiddleware struct {
	// Realm name to display to the user. Required.
	Realm string
	// signing algorithm - possible values are HS256, HS384, HS512, RS256, RS384 or RS512
	SigningAlgorithm string
	// Secret key used for signing. Required.
	Key []byte
	// Duration that a jwt token is valid. Optional, defaults to one hour.
	Timeout time.Duration
	// This field allows clients to refresh their token until MaxRefresh has passed.
	MaxRefresh time.Duration
	// Private key file for asymmetric algorithms
	PrivKeyFile string
	// TokenLookup is a string in the form of "<source>:<name>" that is used
	// to extract token from the request.
	TokenLookup string
	// Optionally return the token as a cookie
	SendCookie bool
	// Allow insecure cookies for development over http
	SecureCookie bool
	// Allow cookies to be accessed client side for development
	CookieHTTPOnly bool
	// CookieName allow cookie name change for development
	CookieName string
	// CookieSameSite allow use http.SameSite cookie param
	CookieSameSite http.SameSite
}

// New for check error with GinJWTMiddleware
func New(m *GinJWTMiddleware) (*GinJWTMiddleware, error) { return m, nil }
