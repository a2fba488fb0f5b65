// Package jwxv2 exercises jwt-none-alg on github.com/lestrrat-go/jwx/v2.
package jwxv2

import (
	"errors"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

const none = "none"

func sign(tok jwt.Token) ([]byte, error) {
	return jwt.Sign(tok, jwt.WithKey(jwa.NoSignature, nil)) // want `JWT signed or verified with the none algorithm \(jwa.NoSignature\)`
}

func insecure(tok jwt.Token) ([]byte, error) {
	return jwt.Sign(tok, jwt.WithInsecureNoSignature()) // want `JWT signed without a signature \(jwt.WithInsecureNoSignature\(\)\)`
}

func jwsSign(payload []byte) ([]byte, error) {
	if _, err := jws.Sign(payload, jws.WithInsecureNoSignature()); err != nil { // want `JWT signed without a signature`
		return nil, err
	}
	return jws.Sign(payload, jws.WithKey(jwa.SignatureAlgorithm("none"), nil)) // want `JWT signed or verified with the none algorithm \(jwa.SignatureAlgorithm\("none"\)\)`
}

func verify(buf []byte) ([]byte, error) {
	return jws.Verify(buf, jws.WithKey(jwa.KeyAlgorithmFrom(none), nil)) // want `JWT signed or verified with the none algorithm`
}

func keyAlg(tok jwt.Token) ([]byte, error) {
	return jwt.Sign(tok, jwt.WithKey(jwa.KeyAlgorithmFrom(jwa.NoSignature), nil)) // want `JWT signed or verified with the none algorithm \(jwa.KeyAlgorithmFrom\(jwa.NoSignature\)\)`
}

func parse(buf []byte) (jwt.Token, error) {
	alg := jwa.NoSignature // want `JWT none algorithm used \(jwa.NoSignature\)`
	return jwt.Parse(buf, jwt.WithKey(alg, nil))
}

// Not findings below.

func safe(tok jwt.Token, buf []byte, alg jwa.SignatureAlgorithm) error {
	if alg == jwa.NoSignature {
		return errors.New("unsigned tokens are not accepted")
	}
	switch alg {
	case jwa.NoSignature:
		return errors.New("unsigned tokens are not accepted")
	}
	if _, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, []byte("secret"))); err != nil {
		return err
	}
	_, err := jwt.Parse(buf, jwt.WithKey(jwa.SignatureAlgorithm("RS256"), nil))
	_ = jwa.NoSignature.String()
	return err
}
