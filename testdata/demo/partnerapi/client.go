// Package partnerapi calls a partner's API with a bearer token.
package partnerapi

import (
	"net/http"
	"os"
)

// Fetch calls the partner API. The token is pasted into the code: a
// planted hardcoded-token finding (the value is made up).
func Fetch(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer 8d1f6b3a9e2c7f0a4d8b5e1c3f7a9d2b")
	return http.DefaultClient.Do(req)
}

// FetchFromEnv is the fix: the token comes from the environment.
func FetchFromEnv(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("PARTNER_TOKEN"))
	return http.DefaultClient.Do(req)
}
