// Package middleware configures JWT middlewares whose TokenLookup says
// where tokens are read from.
package middleware

import (
	ginjwt "github.com/appleboy/gin-jwt/v2"
	gfjwt "github.com/gogf/gf-jwt/v2"
)

const lookup = "header: Authorization, query: token"

func gin() (*ginjwt.GinJWTMiddleware, error) {
	return ginjwt.New(&ginjwt.GinJWTMiddleware{
		Realm:       "zone",
		TokenLookup: "header: Authorization, query: token, cookie: jwt", // want `token read from the URL query \(query:token\)`
	})
}

func gf() *gfjwt.GfJWTMiddleware {
	return &gfjwt.GfJWTMiddleware{
		TokenLookup: lookup, // want `token read from the URL query \(query:token\)`
	}
}

func assigned(mw *ginjwt.GinJWTMiddleware) {
	mw.TokenLookup = "query:jwt" // want `token read from the URL query \(query:jwt\)`
}

// Header and cookie only: not reported.
func headerOnly() *gfjwt.GfJWTMiddleware {
	return &gfjwt.GfJWTMiddleware{TokenLookup: "header: Authorization, cookie: jwt"}
}

// A lookup from configuration says nothing by itself.
func fromConfig(s string, mw *ginjwt.GinJWTMiddleware) {
	mw.TokenLookup = s
	_ = &ginjwt.GinJWTMiddleware{Realm: "query: token"} // another field
}
