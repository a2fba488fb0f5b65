// Package gorilladefault keeps gorilla's stores as they come: Path and
// MaxAge only.
package gorilladefault

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("k")) // want `session store sessions.NewCookieStore leaves its cookie's HttpOnly and Secure`

func files(dir string) *sessions.FilesystemStore {
	fs := sessions.NewFilesystemStore(dir, []byte("k")) // returned: the caller may configure it
	return fs
}

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Values["user"] = "u"
	_ = s.Save(r, w)
}

func filesHere(dir string, w http.ResponseWriter, r *http.Request) {
	fs := sessions.NewFilesystemStore(dir, []byte("k")) // want `session store sessions.NewFilesystemStore leaves`
	s, _ := fs.Get(r, "session")
	_ = s.Save(r, w)
}
