package jwt

// SigningMethod can be used add new methods for signing or verifying tokens.
type SigningMethod interface {
	Verify(signingString, signature string, key interface{}) error
	Sign(signingString string, key interface{}) (string, error)
	Alg() string
}

var signingMethods = map[string]func() SigningMethod{}

// RegisterSigningMethod registers the "alg" name and a factory function for signing method.
func RegisterSigningMethod(alg string, f func() SigningMethod) { signingMethods[alg] = f }

// GetSigningMethod retrieves a signing method from an "alg" string.
func GetSigningMethod(alg string) (method SigningMethod) {
	if f, ok := signingMethods[alg]; ok {
		method = f()
	}
	return
}
