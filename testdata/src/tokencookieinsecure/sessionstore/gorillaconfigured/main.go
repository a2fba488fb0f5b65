// Package gorillaconfigured sets a session's options field by field.
package gorillaconfigured

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("k"))

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Options.HttpOnly = true
	s.Options.Secure = true
	_ = s.Save(r, w)
}
