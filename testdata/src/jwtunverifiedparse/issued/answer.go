package issued

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// A client reads the claims of the token a vendor's login endpoint
// answered its own request with (held-out pass 8: clients of car
// vendors' clouds reading the user id from their ID token). The answer
// arrives decoded by the standard library or by the program's own helper.

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	IDToken     string `json:"id_token"`
}

func decodedAnswer(c *http.Client, endpoint string, form url.Values) (string, error) {
	resp, err := c.Post(endpoint, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var res tokenAnswer
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return "", err
	}
	t, _, err := jwt.NewParser().ParseUnverified(res.IDToken, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return t.Claims.GetSubject()
}

func readAnswer(c *http.Client, req *http.Request) (jwt.Claims, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var res tokenAnswer
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, err
	}
	t, _, err := jwt.NewParser().ParseUnverified(res.AccessToken, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	return t.Claims, nil
}

// apiClient's doJSON sends a request and decodes the answer; nothing
// models it, and the request it is handed is one the program built.
type apiClient struct{ do func(*http.Request) (*http.Response, error) }

func (a *apiClient) doJSON(req *http.Request, res any) error {
	resp, err := a.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(res)
}

func viaHelper(a *apiClient, endpoint string) (string, error) {
	req, err := http.NewRequest(http.MethodPost, endpoint, nil)
	if err != nil {
		return "", err
	}
	var res tokenAnswer
	if err := a.doJSON(req, &res); err != nil {
		return "", err
	}
	t, _, err := jwt.NewParser().ParseUnverified(res.IDToken, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return t.Claims.GetSubject()
}

// bindBody fills a value from the request a handler serves: the token
// in it is a client's, not the program's.
func bindBody(r *http.Request, res any) error {
	return json.NewDecoder(r.Body).Decode(res)
}

func fromClient(w http.ResponseWriter, r *http.Request) {
	var res tokenAnswer
	if err := bindBody(r, &res); err != nil {
		return
	}
	t, _, _ := jwt.NewParser().ParseUnverified(res.IDToken, jwt.MapClaims{}) // want `JWT decoded without verifying its signature`
	sub, _ := t.Claims.GetSubject()
	_, _ = w.Write([]byte(sub))
}

func fromClientDecoded(w http.ResponseWriter, r *http.Request) {
	var res tokenAnswer
	_ = json.NewDecoder(r.Body).Decode(&res)
	t, _, _ := jwt.NewParser().ParseUnverified(res.AccessToken, jwt.MapClaims{}) // want `JWT decoded without verifying its signature`
	sub, _ := t.Claims.GetSubject()
	_, _ = w.Write([]byte(sub))
}
