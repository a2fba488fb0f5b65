// Package missingmodule imports modules this GOPATH does not have.
package missingmodule

import (
	"github.com/dgrijalva/jwt-go" // want `import of unmaintained JWT library github.com/dgrijalva/jwt-go`
	jwtv5 "github.com/golang-jwt/jwt/v5"
)

var _ = jwt.MapClaims{}
var _ = jwtv5.MapClaims{}
