// Package gindefault makes gin's cookie session store and never sets its
// options: the session cookie goes out without HttpOnly and Secure
// (held-out pass 8: a gateway's login session).
package gindefault

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
)

func setup(secret string, use func(gin.HandlerFunc)) {
	store := cookie.NewStore([]byte(secret)) // want `session store cookie.NewStore leaves its cookie's HttpOnly and Secure at the library's default, off`
	use(sessions.Sessions("session", store))
}

func login(c *gin.Context, id int) error {
	s := sessions.Default(c)
	s.Set("id", id)
	return s.Save()
}
