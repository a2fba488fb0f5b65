// Package ginconfigured sets the store's options: the literal decides.
package ginconfigured

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
)

func setup(secret string, use func(gin.HandlerFunc)) {
	store := cookie.NewStore([]byte(secret))
	store.Options(sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true})
	use(sessions.Sessions("session", store))
}

func weak(secret string, use func(gin.HandlerFunc)) {
	store := cookie.NewStore([]byte(secret))
	store.Options(sessions.Options{Path: "/", MaxAge: 3600}) // want `token cookie without HttpOnly and Secure`
	use(sessions.Sessions("other", store))
}
