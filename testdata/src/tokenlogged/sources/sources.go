// Package sources: values the models call credentials whatever they are
// called (a framework's header, cookie and form reads, an oauth2 token
// endpoint's answer), logged, next to reads that name no credential.
package sources

import (
	"context"
	"log"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	"github.com/kataras/iris/v12"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	beego "github.com/beego/beego/v2/server/web"
)

func ginHandler(c *gin.Context) {
	log.Print(c.GetHeader("Authorization")) // want `token value c.GetHeader\("Authorization"\) written to a log`
	v, _ := c.Cookie("session_id")
	log.Print(v)                       // want `token value v written to a log`
	log.Print(c.PostForm("api_token")) // want `token value c.PostForm\("api_token"\) written to a log`
	log.Print(c.GetHeader("Accept"), c.PostForm("name"))
}

func fiberHandler(c *fiber2.Ctx) error {
	log.Println("auth:", c.Get("Authorization")) // want `token value c.Get\("Authorization"\) written to a log`
	log.Println("lang:", c.Get("Accept-Language"), c.Cookies("theme"))
	return nil
}

func irisHandler(ctx iris.Context) {
	log.Println(ctx.GetHeader("X-Api-Key")) // want `token value ctx.GetHeader\("X-Api-Key"\) written to a log`
	log.Println(ctx.GetHeader("User-Agent"))
}

func hertzHandler(ctx context.Context, c *app.RequestContext) {
	log.Printf("%s", c.GetHeader("Authorization")) // want `token value c.GetHeader\("Authorization"\) written to a log`
	log.Printf("%s", c.GetHeader("Accept"))
}

type ctl struct{ beego.Controller }

func (c *ctl) Get() {
	log.Print(c.Ctx.Input.Header("Authorization")) // want `token value c.Ctx.Input.Header\("Authorization"\) written`
	log.Print(c.Ctx.Input.Header("Referer"))
}

func oauth(ctx context.Context, conf *oauth2.Config, cc *clientcredentials.Config, code string, r *http.Request) {
	res, _ := conf.Exchange(ctx, code)
	log.Printf("exchanged: %v", res) // want `token value res written to a log`
	got, _ := cc.Token(ctx)
	log.Printf("client credentials: %v", got) // want `token value got written to a log`
	c, _ := r.Cookie("session_id")
	log.Printf("cookie: %v", c) // want `token value c written to a log`
	log.Printf("code %s exchanged", code)
}
