package jwt

import "errors"

// SigningMethodNone implements the none signing method.
var SigningMethodNone *signingMethodNone

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

var NoneSignatureTypeDisallowedError error = errors.New("'none' signature type is not allowed")

type signingMethodNone struct{}
type unsafeNoneMagicConstant string

func init() {
	SigningMethodNone = &signingMethodNone{}
	RegisterSigningMethod(SigningMethodNone.Alg(), func() SigningMethod { return SigningMethodNone })
}

func (m *signingMethodNone) Alg() string { return "none" }

func (m *signingMethodNone) Verify(signingString, signature string, key interface{}) (err error) {
	if _, ok := key.(unsafeNoneMagicConstant); !ok {
		return NoneSignatureTypeDisallowedError
	}
	return nil
}

func (m *signingMethodNone) Sign(signingString string, key interface{}) (string, error) {
	if _, ok := key.(unsafeNoneMagicConstant); ok {
		return "", nil
	}
	return "", NoneSignatureTypeDisallowedError
}
