package a

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type config struct{ SecureCookies bool }

func findings(w http.ResponseWriter, signed string, sessionID string) {
	http.SetCookie(w, &http.Cookie{Name: "session_token", Value: signed, Path: "/"}) // want `token cookie "session_token" without HttpOnly and Secure`
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: signed, HttpOnly: true})       // want `token cookie "jwt" without Secure`
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sessionID, Secure: true})      // want `token cookie "sid" without HttpOnly`
	c := &http.Cookie{Name: "access_token", Value: signed, HttpOnly: true, SameSite: http.SameSiteNoneMode} // want `SameSite=None but without Secure`
	http.SetCookie(w, c)
	d := http.Cookie{Name: "id_token", Value: signed, HttpOnly: true, Secure: false} // want `token cookie "id_token" without Secure`
	http.SetCookie(w, &d)
	for _, e := range []*http.Cookie{{Name: "jwt", Value: signed}} { // want `token cookie "jwt" without HttpOnly and Secure`
		http.SetCookie(w, e)
	}
}

func ginFindings(ctx *gin.Context, token string) {
	ctx.SetCookie("token", token, 3600, "/", "", false, true) // want `token cookie "token" without Secure`
	ctx.SetCookie("refresh_token", token, 3600, "/", "", false, false) // want `without HttpOnly and Secure`
}

const csrfCookieName = "app-csrf"

// A double-submit CSRF cookie must be readable by the page's scripts and
// proves nothing without the session cookie, whatever holds its value.
func csrfCookies(w http.ResponseWriter, ctx *gin.Context, token string) {
	ctx.SetCookie(csrfCookieName, token, 0, "/", "", true, false)
	http.SetCookie(w, &http.Cookie{Name: "XSRF-TOKEN", Value: token, Secure: true})
}

func nonFindings(w http.ResponseWriter, ctx *gin.Context, signed string, cfg config) {
	http.SetCookie(w, &http.Cookie{Name: "session_token", Value: signed, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
	http.SetCookie(w, &http.Cookie{Name: "session_token", Value: "", MaxAge: -1}) // deletion
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: signed, HttpOnly: true, Secure: cfg.SecureCookies})
	c := &http.Cookie{Name: "access_token", Value: signed}
	c.HttpOnly = true
	c.Secure = true
	http.SetCookie(w, c)
	ctx.SetCookie("token", signed, 3600, "/", "", true, true)
	ctx.SetCookie("lang", "en", 3600, "/", "", false, false)
	ctx.SetCookie("token", "", -1, "/", "", false, false)
}

// A client sending a cookie (argo-cd's e2e fixture): Set-Cookie
// attributes do not apply.
func clientCookie(req *http.Request, jar http.CookieJar, token string) {
	req.AddCookie(&http.Cookie{Name: "argocd.token", Value: token})
	jar.SetCookies(req.URL, []*http.Cookie{{Name: "session_token", Value: token}})
}
