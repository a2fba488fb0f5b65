// Package app stubs github.com/cloudwego/hertz/pkg/app v0.10.4 for
// analysistest: signatures only.
package app

import "github.com/cloudwego/hertz/pkg/protocol"

// RequestContext is a handler's request and response.
type RequestContext struct{}

func (ctx *RequestContext) Query(key string) string                      { return "" }
func (ctx *RequestContext) DefaultQuery(key, defaultValue string) string { return "" }
func (ctx *RequestContext) GetQuery(key string) (string, bool)           { return "", false }
func (ctx *RequestContext) PostForm(key string) string                   { return "" }
func (ctx *RequestContext) GetPostForm(key string) (string, bool)        { return "", false }
func (ctx *RequestContext) FormValue(key string) []byte                  { return nil }
func (ctx *RequestContext) GetHeader(key string) []byte                  { return nil }
func (ctx *RequestContext) Cookie(key string) []byte                     { return nil }
func (ctx *RequestContext) SetCookie(name, value string, maxAge int, path, domain string, sameSite protocol.CookieSameSite, secure, httpOnly bool) {
}
