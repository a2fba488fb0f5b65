// Package beego stubs github.com/astaxie/beego v1.12.3 for analysistest: signatures only.
package beego

import (
	"net/url"

	"github.com/astaxie/beego/context"
)

// Controller is the base of a handler's controller.
type Controller struct {
	Ctx *context.Context
}

func (c *Controller) GetString(key string, def ...string) string { return "" }
func (c *Controller) Input() url.Values                          { return nil }
