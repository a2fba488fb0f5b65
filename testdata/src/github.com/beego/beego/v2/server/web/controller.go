// Package web stubs github.com/beego/beego/v2/server/web v2.3.8 for analysistest: signatures only.
package web

import (
	"net/url"

	"github.com/beego/beego/v2/server/web/context"
)

// Controller is the base of a handler's controller.
type Controller struct {
	Ctx *context.Context
}

func (c *Controller) GetString(key string, def ...string) string { return "" }
func (c *Controller) Input() (url.Values, error)                 { return nil, nil }
