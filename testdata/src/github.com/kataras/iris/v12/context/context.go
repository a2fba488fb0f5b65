// Package context stubs github.com/kataras/iris/v12/context v12.2.11 for
// analysistest: signatures only.
package context

import "net/http"

// Context is a request's context.
type Context struct{}

// CookieOption changes a cookie before it is set or read.
type CookieOption func(*http.Cookie)

func (ctx *Context) URLParam(name string) string                             { return "" }
func (ctx *Context) URLParamDefault(name string, def string) string          { return "" }
func (ctx *Context) FormValue(name string) string                            { return "" }
func (ctx *Context) PostValue(name string) string                            { return "" }
func (ctx *Context) GetHeader(name string) string                            { return "" }
func (ctx *Context) GetCookie(name string, options ...CookieOption) string   { return "" }
func (ctx *Context) SetCookie(cookie *http.Cookie, options ...CookieOption)  {}
func (ctx *Context) SetCookieKV(name, value string, options ...CookieOption) {}
