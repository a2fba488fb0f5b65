// Package jwt is a test stub of github.com/lestrrat-go/jwx/v2/jwt (v2.1.7): the
// names, types and signatures tokenvet's analyzers rely on, without the
// implementation. Option is an alias of option.Interface upstream; the stub
// declares the same methods.
package jwt

import (
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
)

// Token represents a generic JWT token.
type Token interface {
	Audience() []string
	Expiration() time.Time
	IssuedAt() time.Time
	Issuer() string
	JwtID() string
	NotBefore() time.Time
	Subject() string
	PrivateClaims() map[string]interface{}
	Get(string) (interface{}, bool)
	Set(string, interface{}) error
	Remove(string) error
}

// Option is the base interface of all options.
type Option interface {
	Ident() interface{}
	Value() interface{}
}

// ParseOption describes an Option that can be passed to `jwt.Parse()`.
type ParseOption interface {
	Option
	parseOption()
	readFileOption()
}

// SignOption describes an Option that can be passed to `jwt.Sign()`.
type SignOption interface {
	Option
	signOption()
}

// SignEncryptParseOption describes an Option that can be passed to
// `jwt.Sign`, `jwt.Encrypt` and `jwt.Parse`.
type SignEncryptParseOption interface {
	Option
	parseOption()
	encryptOption()
	readFileOption()
	signOption()
}

type option struct{ ident, value interface{} }

func (o *option) Ident() interface{} { return o.ident }
func (o *option) Value() interface{} { return o.value }

type parseOption struct{ option }

func (*parseOption) parseOption()    {}
func (*parseOption) readFileOption() {}

type signEncryptParseOption struct{ option }

func (*signEncryptParseOption) parseOption()    {}
func (*signEncryptParseOption) encryptOption()  {}
func (*signEncryptParseOption) readFileOption() {}
func (*signEncryptParseOption) signOption()     {}

type identKey struct{}
type identInsecureNoSignature struct{}
type identVerify struct{}
type identValidate struct{}

// New creates a standard token, with minimal knowledge of possible claims.
func New() Token { return nil }

// WithKey allows users to specify a key to be used when signing, encrypting
// or verifying the token.
func WithKey(alg jwa.KeyAlgorithm, key interface{}, suboptions ...Option) SignEncryptParseOption {
	return &signEncryptParseOption{option{identKey{}, key}}
}

// WithInsecureNoSignature creates an option that allows the user to use the
// "none" signature algorithm.
func WithInsecureNoSignature() SignOption {
	return &signEncryptParseOption{option{identInsecureNoSignature{}, nil}}
}

// WithVerify is used to disable verification when parsing.
func WithVerify(v bool) ParseOption { return &parseOption{option{identVerify{}, v}} }

// WithValidate is used to disable validation when parsing.
func WithValidate(v bool) ParseOption { return &parseOption{option{identValidate{}, v}} }

// Sign is a convenience function to create a signed JWT token serialized in compact form.
func Sign(t Token, options ...SignOption) ([]byte, error) { return nil, nil }

// Parse parses the JWT token payload and creates a new `jwt.Token` object.
func Parse(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

// ParseString calls Parse against a string.
func ParseString(s string, options ...ParseOption) (Token, error) { return nil, nil }

// ParseInsecure is exactly the same as Parse(), but it disables signature
// verification and token validation.
func ParseInsecure(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

// Builder is a convenience wrapper around the New() constructor.
type Builder struct {
	claims map[string]interface{}
}

// NewBuilder creates a new Builder instance.
func NewBuilder() *Builder { return &Builder{} }

// Claim sets a claim.
func (b *Builder) Claim(name string, value interface{}) *Builder { return b }

// Expiration sets the exp claim.
func (b *Builder) Expiration(v time.Time) *Builder { return b }

// IssuedAt sets the iat claim.
func (b *Builder) IssuedAt(v time.Time) *Builder { return b }

// Subject sets the sub claim.
func (b *Builder) Subject(v string) *Builder { return b }

// Build creates a new token based on the claims that the builder has received so far.
func (b *Builder) Build() (Token, error) { return nil, nil }

// ValidateOption describes an Option that can be passed to Validate() and Parse().
type ValidateOption interface {
	Option
	parseOption()
	readFileOption()
	validateOption()
}

// Validate makes sure that the essential claims stand.
func Validate(t Token, options ...ValidateOption) error { return nil }
