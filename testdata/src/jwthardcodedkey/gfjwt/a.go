package gfjwt

import (
	"os"
	"time"

	jwt "github.com/gogf/gf-jwt/v2"
)

func middleware() *jwt.GfJWTMiddleware {
	return jwt.New(&jwt.GfJWTMiddleware{
		Realm:   "zone",
		Key:     []byte("gf-key"), // want `JWT key is hard-coded \(a literal, used by Key\)`
		Timeout: time.Hour,
	})
}

// Not findings: the key from the environment; the realm and identity
// key are literals but no keys.
func fromEnv() *jwt.GfJWTMiddleware {
	return jwt.New(&jwt.GfJWTMiddleware{Realm: "zone", IdentityKey: "id", Key: []byte(os.Getenv("JWT_KEY"))})
}
