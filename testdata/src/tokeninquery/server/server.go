package server

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

const csrfFormToken = "_form_token"

// The query, then the body: one credential, reported once. A read of
// r.Form (body and query alike) is no explicit query read, so it does
// not make FormValue a fallback.
func queryThenBody(r *http.Request) string {
	t := r.URL.Query().Get("session_token") // want `token read from the URL query`
	if t == "" {
		t = r.FormValue("session_token")
	}
	if r.Form.Get("access_token") != "" {
		t = r.FormValue("access_token") // want `token read from the URL query`
	}
	return t
}

func handler(w http.ResponseWriter, r *http.Request) {
	_ = r.URL.Query().Get("access_token") // want `token read from the URL query`
	_ = r.FormValue("token")              // want `token read from the URL query \(r.FormValue\("token"\)\)`
	q := r.URL.Query()
	_ = q.Get("api_key") // want `token read from the URL query`
	_ = r.Form.Get("jwt") // want `token read from the URL query`

	// not findings
	_ = r.PostFormValue("token")
	_ = r.URL.Query().Get("code")
	_ = r.URL.Query().Get("state")
	_ = r.URL.Query().Get("page")
	_ = r.PostForm.Get("access_token")
	_ = r.Header.Get("Authorization")
	if r.Form.Get("token") != "" || r.URL.Query().Get("access_token") != "" { // gitea: detected to be rejected
		http.Error(w, "send the token in the Authorization header", http.StatusBadRequest)
	}
	_ = r.Form.Get("mcaptcha__token") // a captcha response, not a credential
	// A constant whose name says CSRF, for a parameter named like a token
	// (sftpgo's csrfFormToken = "_form_token"); a count of tokens (an LLM
	// request's max_tokens).
	_ = r.Form.Get(csrfFormToken)
	_ = r.Form.Get("max_tokens")
	_ = r.FormValue("num_tokens")
	// kratos v1.3.1: identifiers, flags and CSRF tokens are not credentials
	_ = r.URL.Query().Get("credentials_identifier")
	_ = r.URL.Query().Get("preview_credentials_identifier_similar")
	_ = r.URL.Query().Get("return_session_token_exchange_code") == "true"
	_ = r.Form.Get("csrf_token")
	// writefreely v0.15.1: who an OAuth token was issued to, not the token
	_ = r.FormValue("token_username")
	_ = r.FormValue("token_email")
	_ = r.FormValue("token_remote_user")
	mine := map[string][]string{}
	_ = mine
	// held-out pass 4: git-lfs asks whether a request already has a token
	if len(r.URL.Query().Get("token")) > 0 || len(r.FormValue("access_token")) == 0 {
		return
	}
	// held-out pass 3: pagination cursors named token (prometheus)
	_ = r.URL.Query().Get("group_next_token")
	_ = r.URL.Query().Get("page_token")
}

// notTheRequest: query reads of URLs that are not a request this program
// received authenticate nobody (held-out pass 3: rclone's OneDrive delta
// link; coder's test of a redirect's Location).
func notTheRequest(deltaLink string, resp *http.Response) {
	u, _ := url.Parse(deltaLink)
	_ = u.Query().Get("token")
	loc, _ := resp.Location()
	_ = loc.Query().Get("access_token")
	_ = resp.Request.URL.Query().Get("access_token")
	req, _ := http.NewRequest("GET", deltaLink, nil)
	_ = req.URL.Query().Get("token")
}

// receivedRequests: the request a handler received, however it is reached.
func receivedRequests(c *gin.Context, e echo.Context, r *http.Request) {
	_ = c.Request.URL.Query().Get("access_token") // want `token read from the URL query`
	_ = e.Request().URL.Query().Get("token")      // want `token read from the URL query`
	r2 := r.WithContext(r.Context())
	_ = r2.URL.Query().Get("api_key") // want `token read from the URL query`
}

type integrations struct {
	PinboardToken, NotionToken, ReadwiseAPIKey, Theme string
}

type creds struct{ Token, Page string }

// formBindings: miniflux v2.2.10's integrations settings form binds the
// submitted (POST) fields into a struct; the keys are saved, not used to
// authenticate the request.
func formBindings(r *http.Request) {
	_ = integrations{
		PinboardToken:  r.FormValue("pinboard_token"),
		NotionToken:    r.Form.Get("notion_token"),
		ReadwiseAPIKey: r.FormValue("readwise_api_key"),
		Theme:          r.PostFormValue("theme"),
	}

	// still findings: one credential in a struct, and explicit query reads
	_ = creds{Token: r.FormValue("token"), Page: r.FormValue("page")} // want `token read from the URL query`
	_ = integrations{
		PinboardToken:  r.URL.Query().Get("pinboard_token"), // want `token read from the URL query`
		NotionToken:    r.URL.Query().Get("notion_token"),   // want `token read from the URL query`
		ReadwiseAPIKey: r.FormValue("readwise_api_key"),
		Theme:          r.URL.Query().Get("theme"),
	}
}

func ginHandler(c *gin.Context) {
	_ = c.Query("token")                   // want `token read from the URL query`
	_ = c.DefaultQuery("access_token", "") // want `token read from the URL query`
	_, _ = c.GetQuery("apikey")            // want `token read from the URL query`
	_ = c.PostForm("token")
	_ = c.Query("state")
}

func echoHandler(c echo.Context) error {
	_ = c.QueryParam("jwt") // want `token read from the URL query`
	_ = c.FormValue("token") // want `token read from the URL query`
	_ = c.QueryParam("q")
	return nil
}

// An OAuth token endpoint: clients POST its parameters in a form body
// (RFC 6749 §3.2), so FormValue reads the body there.
func tokenEndpoint(w http.ResponseWriter, r *http.Request) {
	switch r.FormValue("grant_type") {
	case "refresh_token":
		_ = r.FormValue("refresh_token")
	case "client_credentials":
		_ = r.FormValue("client_secret")
	}
	_ = r.URL.Query().Get("client_secret") // want `token read from the URL query`
}

// Introspection (RFC 7662) and client assertions (RFC 7521) alike.
func introspect(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("token")
	_ = r.FormValue("token_type_hint")
	_ = r.FormValue("client_assertion")
	_ = r.FormValue("client_assertion_type")
}

// A filter in front of every route that only asks whether a request is a
// token request is no token endpoint: its query reads stay reported.
func autoSignin(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("grant_type") != "" {
		return
	}
	_ = r.FormValue("access_token") // want `token read from the URL query`
}
