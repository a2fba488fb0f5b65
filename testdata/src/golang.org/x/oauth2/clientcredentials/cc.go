// Package clientcredentials stubs golang.org/x/oauth2/clientcredentials.
package clientcredentials

import (
	"context"
	"net/http"
)

// Config is a client-credentials flow configuration.
type Config struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
}

func (c *Config) Client(ctx context.Context) *http.Client { return nil }
