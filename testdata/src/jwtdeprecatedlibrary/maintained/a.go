// Package maintained imports only maintained JWT libraries: no findings.
package maintained

import (
	jose "github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v4"
	jwt5 "github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v3/jwt"
)

var (
	_ = jose.HS256
	_ = jwt.SigningMethodHS256
	_ = jwt5.SigningMethodHS256
	_ = jwx.New
)
