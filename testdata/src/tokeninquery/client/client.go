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

// forwardedToken: minio's AuthN plugin call authenticates itself with an
// Authorization header and forwards the user's token in the query (held
// out pass 3; a different header does not make a query token harmless).
func forwardedToken(pluginURL *url.URL, token, authToken string) {
	q := pluginURL.Query()
	q.Set("token", token) // want `token put in a URL query \(url.Values.Set token\)`
	pluginURL.RawQuery = q.Encode()
	req, _ := http.NewRequest("POST", pluginURL.String(), nil)
	req.Header.Set("Authorization", authToken)
}

// sameTokenTwice sends the one credential in the header and in the query:
// the query copy is still a token in a URL.
func sameTokenTwice(api, apiKey string) {
	req, _ := http.NewRequest("GET", api+"/orders?api_key="+apiKey, nil) // want `token put in a URL query \(api_key=\)`
	req.Header.Set("Authorization", "Bearer "+apiKey)
}

// forwardsCallerToken reads the caller's Authorization header (it sends
// none itself) and puts the token in a redirect's query: still a finding.
func forwardsCallerToken(w http.ResponseWriter, r *http.Request, api string) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	http.Redirect(w, r, api+"/landing?access_token="+tok, http.StatusFound) // want `token put in a URL query \(access_token=\)`
}

type account struct{ UnsubscribeToken, ResetToken string }

// mailLinks: a mail link's unsubscribe token opts one address out of
// mail and signs no one in (held-out pass 6, wakapi); a reset token does.
func mailLinks(api string, u account) {
	_ = fmt.Sprintf("%s/unsubscribe?token=%s", api, u.UnsubscribeToken)
	_ = fmt.Sprintf("%s/set-password?token=%s", api, u.ResetToken) // want `token put in a URL query \(token=%\)`
}
