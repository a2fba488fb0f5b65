// Package frameworks: cookies set through the frameworks and session
// libraries the models describe, and cookies a client sends.
package frameworks

import (
	"context"
	"net/http"

	beego1 "github.com/astaxie/beego"
	"github.com/beego/beego/v2/server/web"
	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
	"github.com/go-resty/resty/v2"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/sessions"
	"github.com/imroc/req/v3"
	"github.com/kataras/iris/v12"
	echo5 "github.com/labstack/echo/v5"
)

func fiberV2(c *fiber2.Ctx, signed string) error {
	c.Cookie(&fiber2.Cookie{Name: "token", Value: signed})                                                        // want `token cookie "token" without HttpOnly and Secure`
	c.Cookie(&fiber2.Cookie{Name: "jwt", Value: signed, HTTPOnly: true, SameSite: fiber2.CookieSameSiteNoneMode}) // want `SameSite=None but without Secure`
	c.Cookie(&fiber2.Cookie{Name: "token", Value: signed, HTTPOnly: true, Secure: true})
	c.Cookie(&fiber2.Cookie{Name: "theme", Value: "dark"})
	return nil
}

func fiberV3(c fiber3.Ctx, signed string) error {
	c.Cookie(&fiber3.Cookie{Name: "session_id", Value: signed, Secure: true}) // want `token cookie "session_id" without HttpOnly`
	c.Cookie(&fiber3.Cookie{Name: "session_id", Value: signed, Secure: true, HTTPOnly: true})
	return nil
}

type loginController struct{ beego1.Controller }

func (c *loginController) Post() {
	signed := c.GetString("x")
	c.Ctx.SetCookie("token", signed)                      // want `token cookie "token" without HttpOnly and Secure`
	c.Ctx.SetCookie("token", signed, 3600, "/", "", true) // want `token cookie "token" without HttpOnly`
	c.Ctx.SetCookie("token", signed, 3600, "/", "", true, true)
	c.Ctx.SetCookie("lang", "en")
}

type v2Controller struct{ web.Controller }

func (c *v2Controller) Post() {
	signed := c.GetString("x")
	c.Ctx.Output.Cookie("access_token", signed, 3600, "/", "", false, true) // want `token cookie "access_token" without Secure`
	c.Ctx.Output.Cookie("access_token", signed, 3600, "/", "", true, true)
	c.Ctx.SetCookie("access_token", "", -1) // deletes it
}

func hertzHandler(ctx context.Context, c *app.RequestContext, signed string) {
	c.SetCookie("token", signed, 3600, "/", "", protocol.CookieSameSiteLaxMode, false, true) // want `token cookie "token" without Secure`
	c.SetCookie("token", signed, 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
}

func irisHandler(ctx iris.Context, signed string) {
	ctx.SetCookie(&http.Cookie{Name: "jwt", Value: signed}) // want `token cookie "jwt" without HttpOnly and Secure`
	ctx.SetCookie(&http.Cookie{Name: "jwt", Value: signed, HttpOnly: true, Secure: true})
}

func echoV5(c *echo5.Context, signed string) error {
	c.SetCookie(&http.Cookie{Name: "refresh_token", Value: signed, HttpOnly: true}) // want `token cookie "refresh_token" without Secure`
	c.SetCookie(&http.Cookie{Name: "refresh_token", Value: signed, HttpOnly: true, Secure: true})
	return nil
}

func sessionStores(store *sessions.CookieStore) {
	store.Options = &sessions.Options{Path: "/", MaxAge: 3600} // want `token cookie without HttpOnly and Secure`
	store.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true}
	store.Options = &sessions.Options{MaxAge: -1} // deletes the session
}

// clients send cookies: HttpOnly and Secure mean nothing there.
func clients(rc *resty.Client, qc *req.Client, sid string) {
	rc.R().SetCookie(&http.Cookie{Name: "session_id", Value: sid})
	rc.SetCookie(&http.Cookie{Name: "session_id", Value: sid})
	qc.R().SetCookies(&http.Cookie{Name: "session_id", Value: sid})
}
