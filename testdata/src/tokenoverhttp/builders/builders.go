// Package builders sends credentials with request builders (resty) to
// plaintext URLs: on one chain, through one variable, and with the
// client's base URL.
package builders

import (
	"github.com/go-resty/resty/v2"
	"github.com/imroc/req/v3"
	"golang.org/x/oauth2"
)

func chain(c *resty.Client, token string) {
	c.R().SetAuthToken(token).Get("http://api.acme-video.com/v1/me") // want `Authorization header sent to plaintext http://api.acme-video.com/v1/me`
}

func variable(c *resty.Client, token string) {
	req := c.R()
	req.SetHeader("Authorization", "Bearer "+token)
	req.Get("http://api.acme-video.com/v1/me") // want `Authorization header sent to plaintext`
}

func base(token string) {
	c := resty.New()
	c.SetBaseURL("http://api.acme-video.com")
	c.SetAuthToken(token)
	c.R().Get("/v1/me") // want `Authorization header sent to plaintext http://api.acme-video.com`
}

func form(c *resty.Client, tok *oauth2.Token) {
	c.R().SetFormData(map[string]string{"refresh_token": tok.RefreshToken}).Post("http://auth.acme-video.com/token") // want `credential in the request body sent to plaintext`
}

// Not findings: https, a header that is no credential's, a constant
// header, and a builder of another variable.

func secure(c *resty.Client, token string) {
	c.R().SetAuthToken(token).Get("https://api.acme-video.com/v1/me")
}

func otherHeader(c *resty.Client, lang string) {
	c.R().SetHeader("Accept-Language", lang).Get("http://api.acme-video.com/v1/news")
}

func constantHeader(c *resty.Client) {
	c.R().SetHeader("Authorization", "Basic Og==").Get("http://api.acme-video.com/v1/news")
}

func otherRequest(c *resty.Client, token string) {
	authed := c.R()
	authed.SetAuthToken(token)
	public := c.R()
	public.Get("http://api.acme-video.com/v1/news")
}

func reqChain(c *req.Client, token string) {
	c.R().SetBearerAuthToken(token).Get("http://api.acme-video.com/v1/me") // want `Authorization header sent to plaintext`
	c.R().SetBearerAuthToken(token).Get("https://api.acme-video.com/v1/me")
}
