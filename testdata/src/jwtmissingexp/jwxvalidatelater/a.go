// Package jwxvalidatelater reproduces github.com/go-chi/jwtauth/v5
// v5.3.3 (a false positive found in the evaluation): parse with
// validation off, return the token, and validate it with jwt.Validate in
// the caller.
package jwxvalidatelater

import "github.com/lestrrat-go/jwx/v2/jwt"

type auth struct {
	verifier jwt.ParseOption
	opts     []jwt.ValidateOption
}

func (a *auth) parse(payload []byte) (jwt.Token, error) {
	// validation is done by Verify with jwt.Validate
	return jwt.Parse(payload, a.verifier, jwt.WithValidate(false))
}

func (a *auth) Verify(s string) (jwt.Token, error) {
	tok, err := a.parse([]byte(s))
	if err != nil {
		return nil, err
	}
	return tok, jwt.Validate(tok, a.opts...)
}

func sameFunction(payload []byte) error {
	tok, err := jwt.Parse(payload, jwt.WithValidate(false))
	if err != nil {
		return err
	}
	return jwt.Validate(tok)
}

// Still a finding: the token is used here and never validated.
func (a *auth) Subject(payload []byte) string {
	tok, _ := jwt.Parse(payload, a.verifier, jwt.WithValidate(false)) // want `JWT expiry check turned off`
	return tok.Subject()
}
