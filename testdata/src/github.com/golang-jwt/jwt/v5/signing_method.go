package jwt

// SigningMethod can be used add new methods for signing or verifying tokens.
type SigningMethod interface {
	Verify(signingString string, sig []byte, key any) error
	Sign(signingString string, key any) ([]byte, error)
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

// GetAlgorithms returns a list of registered "alg" names.
func GetAlgorithms() (algs []string) {
	for alg := range signingMethods {
		algs = append(algs, alg)
	}
	return
}
