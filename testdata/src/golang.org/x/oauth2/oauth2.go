// Package oauth2 stubs golang.org/x/oauth2 v0.35.0 for analysistest: the
// declarations the hardcodedtoken and transport analyzers' tests use,
// with upstream's signatures.
package oauth2

import (
	"context"
	"net/http"
	"time"
)

// Token is an OAuth 2.0 token.
type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitempty"`
	ExpiresIn    int64     `json:"expires_in,omitempty"`
}

// Extra returns an extra field of the token endpoint's answer.
func (t *Token) Extra(key string) any { return nil }

// TokenSource supplies tokens.
type TokenSource interface {
	Token() (*Token, error)
}

// Endpoint is an OAuth 2.0 provider's endpoints.
type Endpoint struct {
	AuthURL  string
	TokenURL string
}

// AuthCodeOption is an option of Exchange.
type AuthCodeOption interface{}

// Config is an OAuth 2.0 client configuration.
type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

// Exchange converts an authorization code into a token.
func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}

// PasswordCredentialsToken converts a resource owner's credentials into a token.
func (c *Config) PasswordCredentialsToken(ctx context.Context, username, password string) (*Token, error) {
	return nil, nil
}

// Client returns an HTTP client using the provided token.
func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return nil }

// StaticTokenSource returns a TokenSource that always returns the same token.
func StaticTokenSource(t *Token) TokenSource { return staticTokenSource{t} }

type staticTokenSource struct{ t *Token }

func (s staticTokenSource) Token() (*Token, error) { return s.t, nil }

// NewClient creates an *http.Client from a TokenSource.
func NewClient(ctx context.Context, src TokenSource) *http.Client { return nil }
