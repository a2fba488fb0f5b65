// Package jwtware is a stub of github.com/gofiber/contrib/jwt (v1.1.2).
package jwtware

// SigningKey holds information about the recognized cryptographic keys used to sign JWTs by this program.
type SigningKey struct {
	// JWTAlg is the algorithm used to sign JWTs.
	JWTAlg string
	// Key is the cryptographic key used to sign JWTs.
	Key interface{}
}

// Config defines the config for JWT middleware.
type Config struct {
	// Signing key to validate token. Used as fallback if SigningKeys has length 0.
	SigningKey SigningKey
	// Map of signing keys to validate token with kid field usage.
	SigningKeys map[string]SigningKey
}

// Handler stands in for fiber.Handler.
type Handler func() error

// New creates a JWT middleware.
func New(config ...Config) Handler { return nil }
