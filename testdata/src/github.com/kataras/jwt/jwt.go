// Package jwt is a test stub of github.com/kataras/jwt (v0.1.12): the
// names, types and signatures tokenvet's analyzers rely on, without the
// implementation.
package jwt

import (
	"crypto"
	"time"
)

type (
	// PrivateKey is a generic type, this key is responsible for signing the token.
	PrivateKey = interface{}
	// PublicKey is a generic type, this key is responsible to verify the token.
	PublicKey = interface{}
)

// Alg represents a signing and verifying algorithm.
type Alg interface {
	Name() string
	Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error)
	Verify(key PublicKey, headerAndPayload []byte, signature []byte) error
}

type algNONE struct{}

func (a *algNONE) Name() string { return "NONE" }
func (a *algNONE) Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error) {
	return nil, nil
}
func (a *algNONE) Verify(key PublicKey, headerAndPayload []byte, signature []byte) error {
	return nil
}

type algHMAC struct {
	name   string
	hasher crypto.Hash
}

func (a *algHMAC) Name() string { return a.name }
func (a *algHMAC) Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error) {
	return nil, nil
}
func (a *algHMAC) Verify(key PublicKey, headerAndPayload []byte, signature []byte) error {
	return nil
}

type algRSA struct {
	name   string
	hasher crypto.Hash
}

func (a *algRSA) Name() string { return a.name }
func (a *algRSA) Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error) {
	return nil, nil
}
func (a *algRSA) Verify(key PublicKey, headerAndPayload []byte, signature []byte) error {
	return nil
}

var (
	// NONE is the "none" algorithm: the token is not signed.
	NONE Alg = &algNONE{}
	// HS256 is HMAC using SHA-256.
	HS256 Alg = &algHMAC{"HS256", crypto.SHA256}
	// HS384 is HMAC using SHA-384.
	HS384 Alg = &algHMAC{"HS384", crypto.SHA384}
	// HS512 is HMAC using SHA-512.
	HS512 Alg = &algHMAC{"HS512", crypto.SHA512}
	// RS256 is RSASSA-PKCS-v1.5 using SHA-256.
	RS256 Alg = &algRSA{"RS256", crypto.SHA256}
)

// InjectFunc can be used to further modify the final token's body part.
type InjectFunc func(plainPayload []byte) ([]byte, error)

// Claims holds the standard JWT claims (payload fields).
type Claims struct {
	NotBefore int64    `json:"nbf,omitempty"`
	IssuedAt  int64    `json:"iat,omitempty"`
	Expiry    int64    `json:"exp,omitempty"`
	ID        string   `json:"jti,omitempty"`
	Issuer    string   `json:"iss,omitempty"`
	Subject   string   `json:"sub,omitempty"`
	Audience  []string `json:"aud,omitempty"`
}

// ApplyClaims implements the SignOption interface.
func (c Claims) ApplyClaims(dest *Claims) { *dest = c }

// SignOption is used to set claims on Sign.
type SignOption interface {
	ApplyClaims(*Claims)
}

// SignOptionFunc completes the SignOption interface.
type SignOptionFunc func(*Claims)

// ApplyClaims completes the SignOption interface.
func (f SignOptionFunc) ApplyClaims(c *Claims) { f(c) }

// MaxAge is a SignOption to set the expiration "exp", "iat" JWT standard claims.
func MaxAge(maxAge time.Duration) SignOptionFunc {
	return func(c *Claims) { c.Expiry = time.Now().Add(maxAge).Unix() }
}

// TokenValidator provides further token and claims validation.
type TokenValidator interface {
	ValidateToken(token []byte, standardClaims Claims, err error) error
}

// HeaderValidator is a function which can be used to validate a token's header.
type HeaderValidator func(alg string, headerDecoded []byte) (Alg, PublicKey, InjectFunc, error)

// VerifiedToken holds the information about a verified token.
type VerifiedToken struct {
	Token          []byte
	Header         []byte
	Payload        []byte
	Signature      []byte
	StandardClaims Claims
}

// Claims decodes the token's payload to the "dest".
func (t *VerifiedToken) Claims(dest interface{}) error { return nil }

// UnverifiedToken contains the compact form token parts.
type UnverifiedToken struct {
	Header    []byte
	Payload   []byte
	Signature []byte
}

// Sign signs and generates a new token based on the algorithm and a secret key.
func Sign(alg Alg, key PrivateKey, claims interface{}, opts ...SignOption) ([]byte, error) {
	return nil, nil
}

// SignEncrypted same as Sign but it encrypts the payload part with the given "encrypt" function.
func SignEncrypted(alg Alg, key PrivateKey, encrypt InjectFunc, claims interface{}, opts ...SignOption) ([]byte, error) {
	return nil, nil
}

// SignWithHeader same as Sign but accepts a custom json header structure too.
func SignWithHeader(alg Alg, key PrivateKey, claims interface{}, customHeader interface{}, opts ...SignOption) ([]byte, error) {
	return nil, nil
}

// SignEncryptedWithHeader same as SignEncrypted but accepts a custom json header structure too.
func SignEncryptedWithHeader(alg Alg, key PrivateKey, encrypt InjectFunc, claims interface{}, customHeader interface{}, opts ...SignOption) ([]byte, error) {
	return nil, nil
}

// Verify decodes, verifies and validates the standard JWT claims of the given "token" using the algorithm and the secret key.
func Verify(alg Alg, key PublicKey, token []byte, validators ...TokenValidator) (*VerifiedToken, error) {
	return nil, nil
}

// VerifyEncrypted same as Verify but it decrypts the payload part with the given "decrypt" function.
func VerifyEncrypted(alg Alg, key PublicKey, decrypt InjectFunc, token []byte, validators ...TokenValidator) (*VerifiedToken, error) {
	return nil, nil
}

// VerifyWithHeaderValidator same as Verify but it accepts a custom header validator too.
func VerifyWithHeaderValidator(alg Alg, key PublicKey, token []byte, headerValidator HeaderValidator, validators ...TokenValidator) (*VerifiedToken, error) {
	return nil, nil
}

// Decode decodes the token of compact form WITHOUT verification and validation.
func Decode(token []byte) (*UnverifiedToken, error) { return nil, nil }

// Key holds the Go parsed key pairs.
type Key struct {
	ID      string
	Alg     Alg
	Public  PublicKey
	Private PrivateKey
	MaxAge  time.Duration
	Encrypt InjectFunc
	Decrypt InjectFunc
}

// Keys is a map which holds the key id and a key pair.
type Keys map[string]*Key

// Get returns the key based on its id.
func (keys Keys) Get(kid string) (*Key, bool) {
	k, ok := keys[kid]
	return k, ok
}

// Register registers a keypair to a unique identifier per key.
func (keys Keys) Register(alg Alg, kid string, pubKey PublicKey, privKey PrivateKey) {
	keys[kid] = &Key{ID: kid, Alg: alg, Public: pubKey, Private: privKey}
}
