// Package exported makes stores other packages may configure: returned,
// exported, kept in an exported field.
package exported

import "github.com/gorilla/sessions"

var Store = sessions.NewCookieStore([]byte("k"))

func New(key []byte) *sessions.CookieStore {
	return sessions.NewCookieStore(key)
}

type Server struct{ Store *sessions.CookieStore }

func (s *Server) init(key []byte) {
	s.Store = sessions.NewCookieStore(key)
}

func holder(key []byte) Server {
	return Server{Store: sessions.NewCookieStore(key)}
}

// Parenthesised is exported like Store: the parentheses change nothing.
var Parenthesised = (sessions.NewCookieStore([]byte("k")))

func parenthesisedLocal(key []byte) *sessions.CookieStore {
	s := (sessions.NewCookieStore(key))
	return s
}
