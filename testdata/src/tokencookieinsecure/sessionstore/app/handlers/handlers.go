// Package handlers sets each session's cookie options.
package handlers

import (
	"net/http"

	"github.com/gorilla/sessions"
)

func Login(store *sessions.CookieStore, w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true}
	_ = s.Save(r, w)
}
