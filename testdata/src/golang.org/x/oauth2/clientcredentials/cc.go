// Package clientcredentials stubs golang.org/x/oauth2/clientcredentials
// v0.35.0 for analysistest: signatures only.
package clientcredentials

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// Config is a client-credentials flow configuration.
type Config struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
}

func (c *Config) Client(ctx context.Context) *http.Client { return nil }

// Token fetches a token with the client's credentials.
func (c *Config) Token(ctx context.Context) (*oauth2.Token, error) { return nil, nil }
