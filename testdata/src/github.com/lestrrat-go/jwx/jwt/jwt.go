// Package jwt is a stub of github.com/lestrrat-go/jwx/jwt (v1.2.29).
package jwt

import (
	"net/http"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
)

// Token represents a generic JWT token.
type Token interface {
	Expiration() time.Time
	Subject() string
	Set(string, interface{}) error
}

// Option is a generic option.
type Option interface {
	Ident() interface{}
	Value() interface{}
}

// ParseOption describes an option for Parse.
type ParseOption interface {
	Option
	parseOption()
}

// SignOption describes an option for Sign.
type SignOption interface {
	Option
	signOption()
}

type parseOption struct{ ident, value interface{} }

func (o *parseOption) Ident() interface{} { return o.ident }
func (o *parseOption) Value() interface{} { return o.value }
func (*parseOption) parseOption()         {}

type identVerify struct{}
type identKeySet struct{}
type identValidate struct{}

// KeySet stands in for jwk.Set.
type KeySet interface{ Len() int }

// New creates a standard token.
func New() Token { return nil }

// ParseString calls Parse against a string.
func ParseString(s string, options ...ParseOption) (Token, error) { return nil, nil }

// ParseBytes calls Parse against a byte slice.
func ParseBytes(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

// Parse parses the JWT token payload; it verifies only with WithVerify or WithKeySet.
func Parse(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

// ParseRequest searches a http.Request object for a JWT token.
func ParseRequest(req *http.Request, options ...ParseOption) (Token, error) { return nil, nil }

// WithVerify forces the Parse method to verify the JWT message using the given key.
func WithVerify(alg jwa.SignatureAlgorithm, key interface{}) ParseOption {
	return &parseOption{identVerify{}, key}
}

// WithKeySet forces the Parse method to verify the JWT message using one of the keys in the given key set.
func WithKeySet(set KeySet) ParseOption { return &parseOption{identKeySet{}, set} }

// WithValidate is passed to Parse to make it validate the claims.
func WithValidate(b bool) ParseOption { return &parseOption{identValidate{}, b} }

// Sign is a convenience function to create a signed JWT token serialized in compact form.
func Sign(t Token, alg jwa.SignatureAlgorithm, key interface{}, options ...SignOption) ([]byte, error) {
	return nil, nil
}
