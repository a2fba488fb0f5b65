// Package middleware: JWT middlewares configured with literal keys, as
// their READMEs show.
package middleware

import (
	"os"

	ginjwt "github.com/appleboy/gin-jwt/v2"
	"github.com/go-chi/jwtauth/v5"
	jwtware "github.com/gofiber/contrib/jwt"
	echojwt "github.com/labstack/echo-jwt/v4"
)

func literal() {
	_, _ = ginjwt.New(&ginjwt.GinJWTMiddleware{Realm: "zone", Key: []byte("secret key")})  // want `JWT key is hard-coded \(a literal, used by Key\)`
	_ = echojwt.WithConfig(echojwt.Config{SigningKey: []byte("secret")})                   // want `JWT key is hard-coded`
	_ = echojwt.JWT([]byte("secret"))                                                      // want `JWT key is hard-coded`
	_ = jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: []byte("secret")}}) // want `JWT key is hard-coded`
	_ = jwtauth.New("HS256", []byte("secret"), nil)                                        // want `JWT key is hard-coded`
}

// Not findings: keys from the environment.
func configured() {
	key := []byte(os.Getenv("JWT_KEY"))
	_, _ = ginjwt.New(&ginjwt.GinJWTMiddleware{Realm: "zone", Key: key})
	_ = echojwt.WithConfig(echojwt.Config{SigningKey: key})
	_ = jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: key}})
	_ = jwtauth.New("HS256", key, nil)
}
