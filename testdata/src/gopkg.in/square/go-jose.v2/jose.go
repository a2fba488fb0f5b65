// Package jose is a stub of gopkg.in/square/go-jose.v2.
package jose

// SignatureAlgorithm represents a JWS signature algorithm.
type SignatureAlgorithm string

// Signature algorithms.
const (
	HS256 = SignatureAlgorithm("HS256")
	RS256 = SignatureAlgorithm("RS256")
	ES256 = SignatureAlgorithm("ES256")
)

// SigningKey represents an algorithm/key used to sign a message.
type SigningKey struct {
	Algorithm SignatureAlgorithm
	Key       interface{}
}

// SignerOptions represents options that can be set when creating signers.
type SignerOptions struct {
	ExtraHeaders map[string]interface{}
}

// Signer represents a signer which takes a payload and produces a signed JWS object.
type Signer interface {
	Sign(payload []byte) (*JSONWebSignature, error)
}

// NewSigner creates an appropriate signer based on the key type.
func NewSigner(sig SigningKey, opts *SignerOptions) (Signer, error) { return nil, nil }

// JSONWebSignature represents a signed JWS object after parsing.
type JSONWebSignature struct {
	payload []byte
}

// ParseSigned parses a signed message in JWS Compact or JWS JSON Serialization.
func ParseSigned(signature string) (*JSONWebSignature, error) { return nil, nil }

// Verify validates the signature on the object and returns the payload.
func (obj JSONWebSignature) Verify(verificationKey interface{}) ([]byte, error) { return nil, nil }

// UnsafePayloadWithoutVerification returns the payload without verifying it.
func (obj JSONWebSignature) UnsafePayloadWithoutVerification() []byte { return obj.payload }

// KeyAlgorithm represents a key management algorithm.
type KeyAlgorithm string

// ContentEncryption represents a content encryption algorithm.
type ContentEncryption string

// Recipient represents an algorithm/key to encrypt messages to.
type Recipient struct {
	Algorithm KeyAlgorithm
	Key       interface{}
	KeyID     string
}

// EncrypterOptions represents options that can be set on new encrypters.
type EncrypterOptions struct{}

// Encrypter represents an encrypter which produces an encrypted JWE object.
type Encrypter interface{}

// NewEncrypter creates an appropriate encrypter based on the key type.
func NewEncrypter(enc ContentEncryption, rcpt Recipient, opts *EncrypterOptions) (Encrypter, error) {
	return nil, nil
}
