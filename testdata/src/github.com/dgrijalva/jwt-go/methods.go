package jwt

import "crypto"

// SigningMethodHMAC implements the HMAC-SHA family of signing methods.
type SigningMethodHMAC struct {
	Name string
	Hash crypto.Hash
}

// SigningMethodRSA implements the RSA family of signing methods.
type SigningMethodRSA struct {
	Name string
	Hash crypto.Hash
}

// SigningMethodECDSA implements the ECDSA family of signing methods.
type SigningMethodECDSA struct {
	Name      string
	Hash      crypto.Hash
	KeySize   int
	CurveBits int
}

var (
	SigningMethodHS256 = &SigningMethodHMAC{"HS256", crypto.SHA256}
	SigningMethodHS384 = &SigningMethodHMAC{"HS384", crypto.SHA384}
	SigningMethodHS512 = &SigningMethodHMAC{"HS512", crypto.SHA512}
	SigningMethodRS256 = &SigningMethodRSA{"RS256", crypto.SHA256}
	SigningMethodRS384 = &SigningMethodRSA{"RS384", crypto.SHA384}
	SigningMethodRS512 = &SigningMethodRSA{"RS512", crypto.SHA512}
	SigningMethodES256 = &SigningMethodECDSA{"ES256", crypto.SHA256, 32, 256}
	SigningMethodES384 = &SigningMethodECDSA{"ES384", crypto.SHA384, 48, 384}
	SigningMethodES512 = &SigningMethodECDSA{"ES512", crypto.SHA512, 66, 521}
)

func (m *SigningMethodHMAC) Alg() string { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

func (m *SigningMethodRSA) Alg() string { return m.Name }
func (m *SigningMethodRSA) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodRSA) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

func (m *SigningMethodECDSA) Alg() string { return m.Name }
func (m *SigningMethodECDSA) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodECDSA) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}
