// Package echo stubs github.com/labstack/echo/v5 v5.3.1 for analysistest:
// signatures only. Context is a struct since v5, handlers take *Context.
package echo

import (
	"net/http"
	"net/url"
)

// Context is a request context.
type Context struct{}

func (c *Context) Request() *http.Request                   { return nil }
func (c *Context) QueryParam(name string) string            { return "" }
func (c *Context) QueryParams() url.Values                  { return nil }
func (c *Context) FormValue(name string) string             { return "" }
func (c *Context) Cookie(name string) (*http.Cookie, error) { return nil, nil }
func (c *Context) SetCookie(cookie *http.Cookie)            {}
