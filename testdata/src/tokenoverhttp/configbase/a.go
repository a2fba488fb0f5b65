// Package configbase sends credentials to base URLs that are
// configuration: defaults written in a struct literal elsewhere, read
// where the request is built.
package configbase

import "net/http"

type Config struct {
	CodeAPI    string
	AccountAPI string
	Timeout    int
}

func defaults() *Config {
	return &Config{
		CodeAPI:    "http://code.acmepay.net/api",
		AccountAPI: "https://account.acmepay.net/api",
		Timeout:    30,
	}
}

type Client struct {
	conf *Config
	http *http.Client
}

func NewClient() *Client { return &Client{conf: defaults(), http: http.DefaultClient} }

func (c *Client) Code(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.conf.CodeAPI+"/code", nil) // want `Authorization header sent to plaintext`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return c.http.Do(req)
}

// Not findings: an https default, and a base URL only a caller knows.

func (c *Client) Account(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.conf.AccountAPI+"/me", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return c.http.Do(req)
}

func Fetch(base, token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", base+"/me", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
