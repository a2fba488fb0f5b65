package client

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

func findings(api string, tok *oauth2.Token, apiKey string, u *url.URL) {
	q := url.Values{}
	q.Set("access_token", tok.AccessToken) // want `token put in a URL query \(url.Values.Set access_token\)`
	q.Set("page", "1")
	req, _ := http.NewRequest("GET", api+"/me?"+q.Encode(), nil)
	_ = req

	v := u.Query()
	v.Add("api_key", apiKey) // want `token put in a URL query \(url.Values.Add api_key\)`
	u.RawQuery = v.Encode()

	w := url.Values{"token": {tok.AccessToken}, "lang": {"en"}} // want `url.Values literal token`
	_ = url.URL{Scheme: "https", Host: "x", RawQuery: w.Encode()}

	_ = api + "/ws?user=1&token=" + tok.AccessToken            // want `token put in a URL query \(token=\)`
	_ = fmt.Sprintf("%s/feed?access_token=%s", api, apiKey)    // want `token put in a URL query \(access_token=%\)`
	http.Get("https://example.com/hook?jwt=" + url.QueryEscape(apiKey)) // want `\(jwt=\)`
}

func nonFindings(api string, tok *oauth2.Token, code, state string) {
	form := url.Values{}
	form.Set("access_token", tok.AccessToken) // a form body (RFC 6750 allows it)
	http.Post(api, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	http.PostForm(api, url.Values{"refresh_token": {tok.RefreshToken}})

	q := url.Values{}
	q.Set("code", code)
	q.Set("state", state)
	q.Set("token", "PLACEHOLDER")
	_ = api + "/cb?" + q.Encode()
	_ = api + "/cb?code=" + code + "&state=" + state
	_ = fmt.Sprintf("%s/items?page=%d", api, 2)
	_ = api + "/docs?token=" + "example"
	_ = fmt.Sprintf("grant_type=refresh_token&refresh_token=%s", tok.RefreshToken) // a form body
	body := "grant_type=refresh_token&refresh_token=" + tok.RefreshToken // a form body
	http.Post(api, "application/x-www-form-urlencoded", strings.NewReader(body))
	req, _ := http.NewRequest("GET", api, nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
}
