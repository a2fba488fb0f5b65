// Package clients: HTTP clients that put a parameter in the URL's query
// by name (resty, req), with a finding and a clean call each.
package clients

import (
	"github.com/go-resty/resty/v2"
	"github.com/imroc/req/v3"
)

func restyCalls(c *resty.Client, token, page string) {
	c.R().SetQueryParam("access_token", token).Get("https://api.acmepay.net/me") // want `token put in a URL query \(resty.Request.SetQueryParam access_token\)`
	c.SetQueryParam("api_key", token)                                            // want `token put in a URL query \(resty.Client.SetQueryParam api_key\)`
	c.R().SetQueryParam("page", page).SetHeader("Authorization", "Bearer "+token).Get("https://api.acmepay.net/me")
	c.R().SetQueryParam("token", "PLACEHOLDER")
}

func reqCalls(c *req.Client, token string) {
	c.R().SetQueryParam("access_token", token).Get("https://api.acmepay.net/me") // want `token put in a URL query \(req.Request.SetQueryParam access_token\)`
	c.SetCommonQueryParam("apikey", token)                                       // want `token put in a URL query \(req.Client.SetCommonQueryParam apikey\)`
	c.R().SetBearerAuthToken(token).SetQueryParam("lang", "en").Get("https://api.acmepay.net/me")
}
