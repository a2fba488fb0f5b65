// Package jwt is not a JWT library: it only declares names JWT libraries
// use, so tests can check that analyzers match on import paths, not names.
package jwt

// Method is a mode of operation.
type Method string

// Modes, named like golang-jwt's and kataras' none algorithms.
var (
	SigningMethodNone Method = "none"
	NONE              Method = "none"
)

// UnsafeAllowNoneSignatureType is a made-up constant.
const UnsafeAllowNoneSignatureType = "none"

// NewWithClaims pairs a mode with data.
func NewWithClaims(m Method, v any) any { return nil }

// GetSigningMethod returns the mode called name.
func GetSigningMethod(name string) Method { return Method(name) }

// WithValidMethods limits modes.
func WithValidMethods(methods []string) func() { return nil }
