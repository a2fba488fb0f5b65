// Package jose is a stub of github.com/square/go-jose/v3 (v3.0.0).
package jose

// SignatureAlgorithm represents a JWS signature algorithm.
type SignatureAlgorithm string

// HS256 is HMAC with SHA-256.
const HS256 = SignatureAlgorithm("HS256")

// SigningKey represents an algorithm/key used to sign a message.
type SigningKey struct {
	Algorithm SignatureAlgorithm
	Key       interface{}
}

// Signer represents a signer which takes a payload and produces a signed JWS object.
type Signer interface{}

// NewSigner creates an appropriate signer based on the key type.
func NewSigner(sig SigningKey, opts interface{}) (Signer, error) { return nil, nil }

// KeyAlgorithm represents a key management algorithm.
type KeyAlgorithm string

// Recipient represents an algorithm/key to encrypt messages to.
type Recipient struct {
	Algorithm KeyAlgorithm
	Key       interface{}
}

// Encrypter represents an encrypter which produces an encrypted JWE object.
type Encrypter interface{}

// NewEncrypter creates an appropriate encrypter based on the key type.
func NewEncrypter(enc string, rcpt Recipient, opts interface{}) (Encrypter, error) { return nil, nil }
