// Package sessions stubs github.com/gorilla/sessions v1.4.0 for
// analysistest: signatures only.
package sessions

import "net/http"

// Options configure the session cookie.
type Options struct {
	Path        string
	Domain      string
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	Partitioned bool
	SameSite    http.SameSite
}

// CookieStore stores sessions in cookies.
type CookieStore struct {
	Options *Options
}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{} }

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }

// FilesystemStore stores sessions in files.
type FilesystemStore struct {
	Options *Options
}

func NewFilesystemStore(path string, keyPairs ...[]byte) *FilesystemStore {
	return &FilesystemStore{}
}

func (s *FilesystemStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }

// Session is one session.
type Session struct {
	Values  map[any]any
	Options *Options
}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return nil }
