// Package jwa is a test stub of github.com/lestrrat-go/jwx/v2/jwa (v2.1.7):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwa

import "fmt"

// KeyAlgorithm is a workaround for jwk.Key being able to contain different
// types of algorithms in its `alg` field.
type KeyAlgorithm interface {
	String() string
}

// InvalidKeyAlgorithm represents an algorithm that the library is not aware of.
type InvalidKeyAlgorithm string

func (s InvalidKeyAlgorithm) String() string { return string(s) }

// KeyAlgorithmFrom takes either a string, `jwa.SignatureAlgorithm` or `jwa.KeyEncryptionAlgorithm`
// and returns a `jwa.KeyAlgorithm`.
func KeyAlgorithmFrom(v interface{}) KeyAlgorithm {
	switch v := v.(type) {
	case SignatureAlgorithm:
		return v
	case string:
		return SignatureAlgorithm(v)
	}
	return InvalidKeyAlgorithm(fmt.Sprint(v))
}

// SignatureAlgorithm represents the various signature algorithms as described in https://tools.ietf.org/html/rfc7518#section-3.1
type SignatureAlgorithm string

// Supported values for SignatureAlgorithm
const (
	ES256       SignatureAlgorithm = "ES256"
	ES384       SignatureAlgorithm = "ES384"
	ES512       SignatureAlgorithm = "ES512"
	EdDSA       SignatureAlgorithm = "EdDSA"
	HS256       SignatureAlgorithm = "HS256"
	HS384       SignatureAlgorithm = "HS384"
	HS512       SignatureAlgorithm = "HS512"
	NoSignature SignatureAlgorithm = "none"
	PS256       SignatureAlgorithm = "PS256"
	RS256       SignatureAlgorithm = "RS256"
	RS384       SignatureAlgorithm = "RS384"
	RS512       SignatureAlgorithm = "RS512"
)

// String returns the string representation of a SignatureAlgorithm.
func (v SignatureAlgorithm) String() string { return string(v) }

// IsSymmetric returns true if the algorithm is a symmetric type.
func (v SignatureAlgorithm) IsSymmetric() bool { return v == HS256 || v == HS384 || v == HS512 }
