// Package jwt is a stub of github.com/gogf/gf-jwt/v2 (v2.1.0).
package jwt

import "time"

// GfJWTMiddleware provides a JSON-Web-Token authentication implementation.
type GfJWTMiddleware struct {
	Realm       string
	Key         []byte
	Timeout     time.Duration
	MaxRefresh  time.Duration
	IdentityKey string
	TokenLookup string
}

// New checks the middleware's configuration.
func New(m *GfJWTMiddleware) *GfJWTMiddleware { return m }
