// Package jwxv3 exercises jwt-none-alg on github.com/lestrrat-go/jwx/v3.
package jwxv3

import (
	"errors"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

func sign(tok jwt.Token) ([]byte, error) {
	return jwt.Sign(tok, jwt.WithKey(jwa.NoSignature(), nil)) // want `JWT signed or verified with the none algorithm \(jwa.NoSignature\(\)\)`
}

func insecure(tok jwt.Token, payload []byte) ([]byte, error) {
	if _, err := jws.Sign(payload, jws.WithInsecureNoSignature()); err != nil { // want `JWT signed without a signature`
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithInsecureNoSignature()) // want `JWT signed without a signature`
}

func byName(buf []byte) ([]byte, error) {
	if _, err := jws.Verify(buf, jws.WithKey(jwa.NewSignatureAlgorithm("none"), nil)); err != nil { // want `JWT signed or verified with the none algorithm`
		return nil, err
	}
	alg, _ := jwa.LookupSignatureAlgorithm("none") // want `JWT none algorithm used`
	return jws.Verify(buf, jws.WithKey(alg, nil))
}

func keyAlg() (jwa.KeyAlgorithm, error) {
	return jwa.KeyAlgorithmFrom("none") // want `JWT none algorithm used`
}

// Not findings below.

func safe(tok jwt.Token, alg jwa.SignatureAlgorithm) error {
	if alg == jwa.NoSignature() || alg.String() == jwa.NoSignature().String() {
		return errors.New("unsigned tokens are not accepted")
	}
	switch alg {
	case jwa.NoSignature():
		return errors.New("unsigned tokens are not accepted")
	}
	_, err := jwt.Sign(tok, jwt.WithKey(jwa.RS256(), nil))
	_, _ = jwa.LookupSignatureAlgorithm("RS256")
	_ = jwa.HS256()
	return err
}
