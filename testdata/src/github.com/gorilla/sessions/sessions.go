// Package sessions stubs github.com/gorilla/sessions v1.4.0 for
// analysistest: signatures only.
package sessions

import "net/http"

// Options configure the session cookie.
type Options struct {
	Path        string
	Domain      string
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	Partitioned bool
	SameSite    http.SameSite
}

// CookieStore stores sessions in cookies.
type CookieStore struct {
	Options *Options
}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{} }
