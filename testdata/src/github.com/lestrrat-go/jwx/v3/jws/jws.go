// Package jws is a test stub of github.com/lestrrat-go/jwx/v3/jws (v3.3.0): the
// names, types and signatures tokenvet's analyzers rely on, without the
// implementation. Option is an alias of option.Interface upstream; the stub
// declares the same methods.
package jws

import "github.com/lestrrat-go/jwx/v3/jwa"

// Option is the base interface of all options.
type Option interface {
	Ident() any
	Value() any
}

// SignOption describes options that can be passed to `jws.Sign`.
type SignOption interface {
	Option
	signOption()
}

// VerifyOption describes options that can be passed to `jws.Verify`.
type VerifyOption interface {
	Option
	verifyOption()
	parseOption()
}

// SignVerifyOption describes options that can be passed to either `jws.Verify` or `jws.Sign`.
type SignVerifyOption interface {
	Option
	signOption()
	verifyOption()
	parseOption()
}

// WithKeySuboption describes option types that can be passed to the `jws.WithKey()` option.
type WithKeySuboption interface {
	Option
	withKeySuboption()
}

type option struct{ ident, value any }

func (o *option) Ident() any { return o.ident }
func (o *option) Value() any { return o.value }

type signVerifyOption struct{ option }

func (*signVerifyOption) signOption()   {}
func (*signVerifyOption) verifyOption() {}
func (*signVerifyOption) parseOption()  {}

type signOption struct{ option }

func (*signOption) signOption() {}

type identKey struct{}
type identInsecureNoSignature struct{}

// Message represents a full JWS encoded message.
type Message struct {
	payload []byte
}

// WithKey is used to pass a static algorithm/key pair to either `jws.Sign()` or `jws.Verify()`.
func WithKey(alg jwa.KeyAlgorithm, key any, options ...WithKeySuboption) SignVerifyOption {
	return &signVerifyOption{option{identKey{}, key}}
}

// WithInsecureNoSignature creates an option that allows the user to use the
// "none" signature algorithm.
func WithInsecureNoSignature(options ...WithKeySuboption) SignOption {
	return &signOption{option{identInsecureNoSignature{}, nil}}
}

// Sign generates a JWS message for the given payload and returns it in serialized form.
func Sign(payload []byte, options ...SignOption) ([]byte, error) { return nil, nil }

// Verify checks if the given JWS message is verifiable using the given options.
func Verify(buf []byte, options ...VerifyOption) ([]byte, error) { return nil, nil }

// WithKeySetSuboption is a suboption passed to the WithKeySet() option.
type WithKeySetSuboption interface {
	Option
	withKeySetSuboption()
}

type withKeySetSuboption struct{ option }

func (*withKeySetSuboption) withKeySetSuboption() {}

type identInferAlgorithmFromKey struct{}

// WithInferAlgorithmFromKey specifies whether the JWS signing algorithm name
// should be inferred by looking at the provided key.
func WithInferAlgorithmFromKey(v bool) WithKeySetSuboption {
	return &withKeySetSuboption{option{identInferAlgorithmFromKey{}, v}}
}
