// Package handlertest: a request built with httptest is handed to a
// handler by a test; its query authenticates nobody.
package handlertest

import (
	"net/http"
	"net/http/httptest"
)

func handler(w http.ResponseWriter, r *http.Request) {
	_ = r.URL.Query().Get("access_token") // want `token read from the URL query`
}

func exercise() {
	req := httptest.NewRequest("GET", "/me?access_token=abc", nil)
	_ = req.URL.Query().Get("access_token")
	handler(httptest.NewRecorder(), req)
}
