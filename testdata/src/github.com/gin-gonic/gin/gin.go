// Package gin stubs github.com/gin-gonic/gin v1.12.0 for analysistest:
// signatures only.
package gin

import "net/http"

// Context is a request context.
type Context struct {
	Request *http.Request
}

func (c *Context) Query(key string) (value string)                 { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string    { return "" }
func (c *Context) GetQuery(key string) (string, bool)              { return "", false }
func (c *Context) PostForm(key string) (value string)              { return "" }
func (c *Context) DefaultPostForm(key, defaultValue string) string { return "" }
func (c *Context) GetPostForm(key string) (string, bool)           { return "", false }
func (c *Context) GetHeader(key string) string                     { return "" }
func (c *Context) Cookie(name string) (string, error)              { return "", nil }
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

// HandlerFunc is a gin middleware or handler.
type HandlerFunc func(*Context)
