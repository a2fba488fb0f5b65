// Package sessions stubs github.com/gin-contrib/sessions v1.0.1 for
// analysistest: signatures only.
package sessions

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Store is a session store gin's middleware uses.
type Store interface {
	Options(Options)
}

// Session is the request's session.
type Session interface {
	Get(key any) any
	Set(key, val any)
	Options(Options)
	Save() error
}

// Options configure the session cookie.
type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite http.SameSite
}

func Sessions(name string, store Store) gin.HandlerFunc { return nil }

func Default(c *gin.Context) Session { return nil }
