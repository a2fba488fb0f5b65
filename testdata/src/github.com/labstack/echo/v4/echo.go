// Package echo stubs github.com/labstack/echo/v4 v4.15.4 for analysistest.
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
