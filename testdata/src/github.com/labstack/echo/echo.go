// Package echo stubs github.com/labstack/echo v3.3.10+incompatible (the
// import path before modules) for analysistest: signatures only.
package echo

import (
	"net/http"
	"net/url"
)

// Context is a request context.
type Context interface {
	Request() *http.Request
	QueryParam(name string) string
	QueryParams() url.Values
	FormValue(name string) string
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
}
