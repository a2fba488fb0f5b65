// Package frameworks: query and form reads of the web frameworks the
// models describe, each with a finding and a clean read beside it.
package frameworks

import (
	"context"

	beego1 "github.com/astaxie/beego"
	"github.com/beego/beego/v2/server/web"
	"github.com/cloudwego/hertz/pkg/app"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/kataras/iris/v12"
	echo3 "github.com/labstack/echo"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
	"github.com/valyala/fasthttp"
)

func echoV5(c *echo5.Context) error {
	_ = c.QueryParam("access_token") // want `token read from the URL query`
	_ = c.QueryParams().Get("token") // want `token read from the URL query`
	_ = c.FormValue("api_key")       // want `token read from the URL query`
	_ = c.QueryParam("page")
	_ = c.QueryParams().Get("state")
	return nil
}

func echoV3(c echo3.Context) error {
	_ = c.QueryParam("jwt")              // want `token read from the URL query`
	_ = c.QueryParams().Get("api_token") // want `token read from the URL query`
	_ = c.QueryParam("q")
	return nil
}

func echoV4(c echo4.Context) error {
	_ = c.QueryParams().Get("access_token") // want `token read from the URL query`
	_ = c.QueryParams().Get("lang")
	return nil
}

func fiberV2(c *fiber2.Ctx) error {
	_ = c.Query("token")         // want `token read from the URL query`
	_ = c.FormValue("api_token") // want `token read from the URL query`
	_ = c.Query("page", "1")
	_ = c.Query("token_name") // a token's name: a filter of a token list
	return nil
}

// The query first, then the form body when it is empty (held-out pass
// 7): one credential, reported at the query read.
func fiberQueryThenBody(c *fiber2.Ctx) string {
	token := c.Query("token") // want `token read from the URL query`
	if token == "" {
		token = c.FormValue("token")
	}
	if token == "" {
		token = c.FormValue("api_token") // want `token read from the URL query`
	}
	return token
}

func fiberV3(c fiber3.Ctx) error {
	_ = c.Query("api_key") // want `token read from the URL query`
	_ = c.Query("sort")
	return nil
}

type loginController struct{ beego1.Controller }

func (c *loginController) Get() {
	_ = c.GetString("token")              // want `token read from the URL query`
	_ = c.Ctx.Input.Query("access_token") // want `token read from the URL query`
	_ = c.Input().Get("api_key")          // want `token read from the URL query`
	_ = c.GetString("name")
	_ = c.Ctx.Input.Query("page")
}

type v2Controller struct{ web.Controller }

func (c *v2Controller) Get() {
	_ = c.GetString("jwt")                 // want `token read from the URL query`
	_ = c.Ctx.Input.Query("session_token") // want `token read from the URL query`
	form, _ := c.Input()
	_ = form.Get("access_token") // want `token read from the URL query`
	_ = form.Get("page")
	_ = c.GetString("theme")
}

func irisHandler(ctx iris.Context) {
	_ = ctx.URLParam("token")                   // want `token read from the URL query`
	_ = ctx.URLParamDefault("access_token", "") // want `token read from the URL query`
	_ = ctx.FormValue("api_key")                // want `token read from the URL query`
	_ = ctx.PostValue("token")                  // a POST body's field
	_ = ctx.URLParam("page")
}

func hertzHandler(ctx context.Context, c *app.RequestContext) {
	_ = c.Query("token")              // want `token read from the URL query`
	_, _ = c.GetQuery("access_token") // want `token read from the URL query`
	_ = c.FormValue("api_key")        // want `token read from the URL query`
	_ = c.PostForm("token")           // a POST body's field
	_ = c.DefaultQuery("page", "1")
}

func fasthttpHandler(ctx *fasthttp.RequestCtx) {
	_ = ctx.FormValue("token")               // want `token read from the URL query`
	_ = ctx.QueryArgs().Peek("access_token") // want `token read from the URL query`
	_ = ctx.PostArgs().Peek("token")         // a POST body's field
	_ = ctx.QueryArgs().Peek("page")
}
