// Package echojwt is a stub of github.com/labstack/echo-jwt/v4 (v4.4.0).
package echojwt

// Config defines the config for JWT middleware.
type Config struct {
	// Signing key to validate token.
	SigningKey interface{}
	// Map of signing keys to validate token with kid field usage.
	SigningKeys map[string]interface{}
	// Signing method used to check the token's signing algorithm.
	SigningMethod string
}

// MiddlewareFunc stands in for echo.MiddlewareFunc.
type MiddlewareFunc func(next func() error) func() error

// WithConfig returns a JSON Web Token (JWT) auth middleware or panics if configuration is invalid.
func WithConfig(config Config) MiddlewareFunc { return nil }

// JWT returns a JSON Web Token (JWT) auth middleware.
func JWT(signingKey interface{}) MiddlewareFunc { return nil }
