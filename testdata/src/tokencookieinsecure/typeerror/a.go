// Package typeerror does not type-check.
package typeerror

import (
	"net/http"

	"example.com/missing/session"
)

func set(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: session.Current().Token}) // want `token cookie "jwt" without HttpOnly and Secure`
	var n int = "x"
	_ = n
}
