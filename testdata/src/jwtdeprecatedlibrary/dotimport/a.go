// Package dotimport dot-imports dgrijalva/jwt-go: reported, but the
// import cannot be rewritten mechanically.
package dotimport

import (
	. "github.com/dgrijalva/jwt-go" // want `import of unmaintained JWT library github.com/dgrijalva/jwt-go`
)

var _ = NewWithClaims(SigningMethodHS256, MapClaims{})
