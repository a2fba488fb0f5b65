// Package kataras exercises jwt-none-alg on github.com/kataras/jwt.
package kataras

import (
	"errors"

	"github.com/kataras/jwt"
)

func sign(claims any) ([]byte, error) {
	return jwt.Sign(jwt.NONE, nil, claims) // want `JWT signed with the none algorithm \(jwt.NONE\)`
}

func verify(token []byte) (*jwt.VerifiedToken, error) {
	return jwt.Verify(jwt.NONE, nil, token) // want `JWT verified with the none algorithm \(jwt.NONE\)`
}

func keys() jwt.Keys {
	k := jwt.Keys{}
	k.Register(jwt.NONE, "kid", nil, nil)             // want `JWT signed or verified with the none algorithm`
	k["other"] = &jwt.Key{ID: "other", Alg: jwt.NONE} // want `JWT signed or verified with the none algorithm`
	return k
}

var defaultAlg = jwt.NONE // want `JWT none algorithm used`

func direct(hp []byte) ([]byte, error) {
	return jwt.NONE.Sign(nil, hp) // want `JWT signed with the none algorithm`
}

// Not findings below.

func safe(alg jwt.Alg, claims any, token []byte) error {
	if alg == jwt.NONE {
		return errors.New("unsigned tokens are not accepted")
	}
	if _, err := jwt.Sign(jwt.HS256, []byte("secret"), claims, jwt.MaxAge(15)); err != nil {
		return err
	}
	_, err := jwt.Verify(jwt.RS256, nil, token)
	_ = jwt.NONE.Name()
	return err
}
