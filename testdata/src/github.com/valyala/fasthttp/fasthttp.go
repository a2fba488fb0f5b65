// Package fasthttp stubs github.com/valyala/fasthttp v1.73.0 for
// analysistest: signatures only.
package fasthttp

// RequestCtx is a handler's request and response.
type RequestCtx struct{}

// Args are a request's query or form arguments.
type Args struct{}

func (ctx *RequestCtx) QueryArgs() *Args            { return &Args{} }
func (ctx *RequestCtx) PostArgs() *Args             { return &Args{} }
func (ctx *RequestCtx) FormValue(key string) []byte { return nil }
func (ctx *RequestCtx) UserValue(key any) any       { return nil }
func (a *Args) Peek(key string) []byte              { return nil }
