// Package samesiteonly keeps its store in an unexported field and sets
// only SameSite and, to log out, MaxAge: HttpOnly and Secure stay off
// (held-out pass 8: a media server's login session).
package samesiteonly

import (
	"net/http"

	"github.com/gorilla/sessions"
)

type Store struct {
	sessionStore *sessions.CookieStore
}

func NewStore(key []byte) *Store {
	ret := &Store{
		sessionStore: sessions.NewCookieStore(key), // want `session store sessions.NewCookieStore leaves its cookie's HttpOnly and Secure`
	}
	ret.sessionStore.Options.SameSite = http.SameSiteLaxMode
	return ret
}

func (s *Store) Logout(w http.ResponseWriter, r *http.Request) {
	session, _ := s.sessionStore.Get(r, "session")
	session.Options.MaxAge = -1
	_ = session.Save(r, w)
}

// cookie builds the session's cookie from its options: a read, which
// configures nothing.
func (s *Store) cookie(session *sessions.Session) *http.Cookie {
	opts := session.Options
	return &http.Cookie{Name: "session", Path: opts.Path, HttpOnly: opts.HttpOnly}
}
