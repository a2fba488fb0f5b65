// Package notjwt uses names and strings JWT libraries use, in code that
// has nothing to do with JWTs: no findings.
package notjwt

import (
	"example.com/lookalike/jwt"
)

// SigningMethodNone is this package's own identifier.
var SigningMethodNone = "none"

type options struct{ ValidMethods []string }

func f() {
	_ = jwt.NewWithClaims(jwt.SigningMethodNone, nil)
	_ = jwt.GetSigningMethod("none")
	_ = jwt.WithValidMethods([]string{"none"})
	_ = jwt.NONE
	_ = jwt.UnsafeAllowNoneSignatureType
	_ = SigningMethodNone
	mode := "none"
	_ = options{ValidMethods: []string{mode, "none"}}
	NONE := 1
	_ = NONE
}
