// Package urlparts sends credentials in the URL or the body of requests
// to plaintext URLs, with the base URL in a provider's endpoint set up
// elsewhere in the package.
package urlparts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

type Provider struct {
	Config *oauth2.Config
	Client *http.Client
}

func config(id, secret string) *oauth2.Config {
	endpoint := oauth2.Endpoint{
		TokenURL: "https://api.acme-video.com/oauth2/token",
		AuthURL:  "http://member.acme-video.com/account/info",
	}
	return &oauth2.Config{ClientID: id, ClientSecret: secret, Endpoint: endpoint}
}

func New(id, secret string) *Provider {
	p := &Provider{Client: http.DefaultClient}
	p.Config = config(id, secret)
	return p
}

// UserInfo puts the access token in the query of a plaintext URL.
func (p *Provider) UserInfo(tok *oauth2.Token) (*http.Response, error) {
	params := url.Values{}
	params.Add("client_id", p.Config.ClientID)
	params.Add("access_token", tok.AccessToken)
	u := fmt.Sprintf("%s?%s", p.Config.Endpoint.AuthURL, params.Encode())
	return p.Client.Get(u) // want `credential in the URL sent to plaintext http://member.acme-video.com/account/info`
}

// Refresh posts the refresh token in a form to a plaintext URL.
func Refresh(tok *oauth2.Token) (*http.Response, error) {
	form := url.Values{}
	form.Set("refresh_token", tok.RefreshToken)
	return http.PostForm("http://auth.acme-video.com/refresh", form) // want `credential in the request body sent to plaintext http://auth.acme-video.com/refresh`
}

// Escaped puts the escaped token after a plaintext base.
func Escaped(tok *oauth2.Token) (*http.Response, error) {
	return http.Get("http://auth.acme-video.com/me?token=" + url.QueryEscape(tok.AccessToken)) // want `credential in the URL sent to plaintext`
}

// Body sends the token in a JSON body.
func Body(tok *oauth2.Token) (*http.Response, error) {
	body := strings.NewReader(`{"token":"` + tok.AccessToken + `"}`)
	return http.Post("http://auth.acme-video.com/check", "application/json", body) // want `credential in the request body sent to plaintext`
}

// Not findings: the same over https, a plaintext URL with no credential,
// a loopback address, a digest of the token, and a plaintext URL inside
// an https one.

func (p *Provider) Secure(tok *oauth2.Token) (*http.Response, error) {
	u := "https://member.acme-video.com/account/info?access_token=" + url.QueryEscape(tok.AccessToken)
	return p.Client.Get(u)
}

func Plain(page string) (*http.Response, error) {
	return http.Get("http://status.acme-video.com/page?p=" + url.QueryEscape(page))
}

func Local(tok *oauth2.Token) (*http.Response, error) {
	form := url.Values{}
	form.Set("refresh_token", tok.RefreshToken)
	return http.PostForm("http://127.0.0.1:8080/refresh", form)
}

func Digest(tok *oauth2.Token) (*http.Response, error) {
	sum := sha256.Sum256([]byte(tok.AccessToken))
	return http.Get("http://auth.acme-video.com/seen?h=" + hex.EncodeToString(sum[:]))
}

func Redirect(tok *oauth2.Token) (*http.Response, error) {
	return http.Get(fmt.Sprintf("https://auth.acme-video.com/go?to=%s&t=%s", "http://www.acme-video.com/", tok.AccessToken))
}
