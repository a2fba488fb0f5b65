// Package context stubs github.com/beego/beego/v2/server/web/context v2.3.8 for analysistest: signatures
// only.
package context

import "net/http"

// Context is a request's context.
type Context struct {
	Input   *BeegoInput
	Output  *BeegoOutput
	Request *http.Request
}

// BeegoInput reads the request.
type BeegoInput struct{ Context *Context }

// BeegoOutput writes the response.
type BeegoOutput struct{ Context *Context }

func (input *BeegoInput) Query(key string) string  { return "" }
func (input *BeegoInput) Header(key string) string { return "" }
func (input *BeegoInput) Cookie(key string) string { return "" }
func (input *BeegoInput) Param(key string) string  { return "" }

func (ctx *Context) GetCookie(key string) string                                    { return "" }
func (ctx *Context) SetCookie(name string, value string, others ...interface{})     {}
func (output *BeegoOutput) Cookie(name string, value string, others ...interface{}) {}
