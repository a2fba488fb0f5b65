// Package iris stubs github.com/kataras/iris/v12 v12.2.11 for
// analysistest: the aliases handlers use.
package iris

import "github.com/kataras/iris/v12/context"

// Context is the handler's request context.
type Context = *context.Context
