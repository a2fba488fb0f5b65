// Package ginoptions sets the store's options from its configuration:
// the program configures its cookie, and no literal is there to judge.
package ginoptions

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
)

func setup(secret string, opts sessions.Options, use func(gin.HandlerFunc)) {
	store := cookie.NewStore([]byte(secret))
	store.Options(opts)
	use(sessions.Sessions("session", store))
}
