// Package parsed reads values from a request's query and parses them as
// JWTs: a bearer token in the URL whatever the parameter is called.
package parsed

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
	jose "github.com/go-jose/go-jose/v3/jwt"
	"github.com/golang-jwt/jwt/v5"
)

var key = func(*jwt.Token) (any, error) { return []byte("k"), nil }

func direct(r *http.Request) {
	signed := r.URL.Query().Get("assertion") // want `token read from the URL query \(parameter "assertion"\) and parsed as a JWT`
	_, _ = jwt.Parse(signed, key)
}

func viaHelper(r *http.Request) {
	s := r.URL.Query().Get("s") // want `token read from the URL query \(parameter "s"\) and parsed as a JWT`
	decode(s)
}

func decode(s string) {
	t, _ := jose.ParseSigned(s)
	_ = t
}

func unverified(r *http.Request) {
	q := r.URL.Query()
	_, _, _ = jwt.NewParser().ParseUnverified(q.Get("x"), nil) // want `token read from the URL query \(parameter "x"\) and parsed as a JWT`
}

func ginQuery(c *gin.Context) {
	_, _ = jwt.Parse(c.Query("t"), key) // want `token read from the URL query \(parameter "t"\) and parsed as a JWT`
}

// A token-like name is reported once, as a token read from the query.
func named(r *http.Request) {
	tok := r.URL.Query().Get("access_token") // want `token read from the URL query \(r.URL.Query\(\).Get\("access_token"\)\): clients`
	_, _ = jwt.Parse(tok, key)
}

// Not reported: a token from the Authorization header, a query value
// that is not parsed, and the query of a URL the program parsed itself
// (a link it was handed), which authenticates no caller.
func header(r *http.Request) {
	_, _ = jwt.Parse(r.Header.Get("Authorization"), key)
}

func notParsed(r *http.Request) string {
	return r.URL.Query().Get("page")
}

func ownURL(link string) {
	u, _ := url.Parse(link)
	_, _ = jwt.Parse(u.Query().Get("t"), key)
}

// OAuth's state is the client's own anti-CSRF value (RFC 6749 §10.12),
// which the authorization server hands back in the redirect's query by
// definition; signing it as a JWT makes it no credential.
func oauthCallback(c *gin.Context) {
	_, _ = jwt.Parse(c.Query("state"), key)
}

func oauthCallbackStd(r *http.Request) {
	_, _ = jwt.Parse(r.URL.Query().Get("state"), key)
}
