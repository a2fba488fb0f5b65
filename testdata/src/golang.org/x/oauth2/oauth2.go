// Package oauth2 is a stub of golang.org/x/oauth2 (v0.30.0) with the
// declarations the hardcodedtoken tests use, signatures as upstream.
package oauth2

import "time"

// Token represents the credentials used to authorize the requests.
type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitempty"`
	ExpiresIn    int64     `json:"expires_in,omitempty"`
}

// TokenSource is anything that can return a token.
type TokenSource interface {
	Token() (*Token, error)
}

// StaticTokenSource returns a TokenSource that always returns the same token.
func StaticTokenSource(t *Token) TokenSource { return staticTokenSource{t} }

type staticTokenSource struct{ t *Token }

func (s staticTokenSource) Token() (*Token, error) { return s.t, nil }

// Config describes a typical 3-legged OAuth2 flow.
type Config struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string
	Scopes       []string
}
