// Package oidc is a stub of github.com/coreos/go-oidc/v3/oidc (v3.21.0).
package oidc

import (
	"context"
	"time"
)

// Config is the configuration for an IDTokenVerifier.
type Config struct {
	ClientID             string
	SupportedSigningAlgs []string
	SkipClientIDCheck    bool
	SkipExpiryCheck      bool
	SkipIssuerCheck      bool
	Now                  func() time.Time
	// InsecureSkipSignatureCheck causes this package to skip JWT signature validation.
	InsecureSkipSignatureCheck bool
}

// KeySet is a set of public JSON Web Keys.
type KeySet interface {
	VerifySignature(ctx context.Context, jwt string) (payload []byte, err error)
}

// IDToken is an OpenID Connect extension that provides a predictable representation of an authorization event.
type IDToken struct {
	Issuer  string
	Subject string
	Expiry  time.Time
}

// Claims unmarshals the raw JSON payload of the ID Token into a provided struct.
func (i *IDToken) Claims(v interface{}) error { return nil }

// IDTokenVerifier provides verification for ID Tokens.
type IDTokenVerifier struct {
	config *Config
}

// NewVerifier returns a verifier manually constructed from a key set and issuer URL.
func NewVerifier(issuerURL string, keySet KeySet, config *Config) *IDTokenVerifier {
	return &IDTokenVerifier{config: config}
}

// Provider represents an OpenID Connect server's configuration.
type Provider struct{}

// NewProvider uses the OpenID Connect discovery mechanism to construct a Provider.
func NewProvider(ctx context.Context, issuer string) (*Provider, error) { return nil, nil }

// Verifier returns an IDTokenVerifier that uses the provider's key set to verify JWTs.
func (p *Provider) Verifier(config *Config) *IDTokenVerifier { return &IDTokenVerifier{config: config} }

// Verify parses a raw ID Token, verifies it's been signed by the provider, performs any additional checks depending on the Config, and returns the payload.
func (v *IDTokenVerifier) Verify(ctx context.Context, rawIDToken string) (*IDToken, error) {
	return nil, nil
}
