// Package middleware: a JWT middleware that sends the token it issues in
// a cookie when a flag is on (gin-jwt's SendCookie), judged on the
// cookie fields of its options.
package middleware

import (
	"net/http"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
)

type settings struct {
	SendCookie bool
	Secure     bool
}

func sendsWithDefaults(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{ // want `token cookie "auth" without HttpOnly and Secure`
		Key:        key,
		Timeout:    time.Hour,
		SendCookie: true,
		CookieName: "auth",
	})
}

func sendsWithoutHTTPOnly(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{ // want `token cookie without HttpOnly`
		Key:          key,
		SendCookie:   true,
		SecureCookie: true,
	})
}

func sendsExplicitlyInsecure(key []byte) *jwt.GinJWTMiddleware {
	return &jwt.GinJWTMiddleware{ // want `token cookie without HttpOnly and Secure`
		Key:            key,
		SendCookie:     true,
		SecureCookie:   false,
		CookieHTTPOnly: false,
	}
}

func sendsSecurely(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Key:            key,
		SendCookie:     true,
		SecureCookie:   true,
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
	})
}

// A middleware that never sends a cookie: the cookie fields mean nothing.
func headerOnly(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Key: key, Timeout: time.Hour})
}

func cookieOff(key []byte) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Key: key, SendCookie: false, CookieName: "jwt"})
}

// Whether to send a cookie is configuration: the user's call.
func cookieFromConfig(key []byte, s settings) (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Key: key, SendCookie: s.SendCookie})
}

// Flags set after the literal, on its variable or on what New returns.
func flagsSetLater(key []byte, s settings) (*jwt.GinJWTMiddleware, error) {
	mw := &jwt.GinJWTMiddleware{Key: key, SendCookie: true}
	mw.SecureCookie = s.Secure
	mw.CookieHTTPOnly = true
	return mw, nil
}

func flagsSetOnResult(key []byte) (*jwt.GinJWTMiddleware, error) {
	mw, err := jwt.New(&jwt.GinJWTMiddleware{Key: key, SendCookie: true})
	if err != nil {
		return nil, err
	}
	mw.SecureCookie = true
	mw.CookieHTTPOnly = true
	return mw, nil
}

func turnedOnLater(key []byte) *jwt.GinJWTMiddleware {
	mw := &jwt.GinJWTMiddleware{Key: key} // want `token cookie without HttpOnly and Secure`
	mw.SendCookie = true
	return mw
}
