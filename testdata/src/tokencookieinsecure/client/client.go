// Package client: cookies a client keeps in a jar go out with its
// requests; HttpOnly and Secure are Set-Cookie attributes.
package client

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
)

func login(jar *cookiejar.Jar, u *url.URL, w http.ResponseWriter, signed string) {
	jar.SetCookies(u, []*http.Cookie{{Name: "jwt", Value: signed}})
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: signed}) // want `token cookie "jwt" without HttpOnly and Secure`
}
