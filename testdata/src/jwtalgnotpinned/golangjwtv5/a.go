package golangjwtv5

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/golang-jwt/jwt/v5/request"
)

var secret = []byte("from-config")

// anyKey is a key of unknown type: bytes for one token, a public key for
// another, as far as the analyzer can tell.
var anyKey any = loadKey()

func loadKey() any { return secret }

var publicKeyPEM []byte

func keyfunc(*jwt.Token) (any, error) { return anyKey, nil }

func unpinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { // want `JWT parsed without pinning the algorithm \(jwt.Parse\)`
		return anyKey, nil
	})
	_, _ = jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyfunc)  // want `JWT parsed without pinning the algorithm \(jwt.ParseWithClaims\)`
	_, _ = jwt.NewParser(jwt.WithLeeway(5)).Parse(s, keyfunc)        // want `JWT parsed without pinning the algorithm`
	p := jwt.NewParser()
	_, _ = p.Parse(s, keyfunc) // want `JWT parsed without pinning the algorithm \(p.Parse\)`
}

func fromRequest(r *http.Request) {
	_, _ = request.ParseFromRequest(r, request.OAuth2Extractor, keyfunc) // want `JWT parsed without pinning the algorithm \(request.ParseFromRequest\)`
}

func publicKeyAsSecret(s string) {
	_, _ = jwt.Parse(s, func(*jwt.Token) (any, error) { // want `JWT keyfunc returns public-key bytes and the algorithm is not pinned`
		return publicKeyPEM, nil
	})
}

// Not findings below.

func pinnedByOption(s string) {
	_, _ = jwt.Parse(s, keyfunc, jwt.WithValidMethods([]string{"HS256"}))
	_, _ = jwt.NewParser(jwt.WithValidMethods([]string{"HS256"})).Parse(s, keyfunc)
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, _ = p.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyfunc)
}

func pinnedInKeyfunc(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method: %v", t.Header["alg"])
		}
		return secret, nil
	})
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Header["alg"] != "RS256" {
			return nil, errors.New("bad alg")
		}
		return publicKeyPEM, nil
	})
}

func pinnedRequest(r *http.Request) {
	_, _ = request.ParseFromRequest(r, request.OAuth2Extractor, keyfunc,
		request.WithParser(jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}))))
}

func unknown(s string, kf jwt.Keyfunc, opts []jwt.ParserOption, p *jwt.Parser) {
	_, _ = jwt.Parse(s, kf)               // keyfunc not visible
	_, _ = jwt.Parse(s, keyfunc, opts...) // options not visible
	_, _ = p.Parse(s, keyfunc)            // parser built elsewhere
}

// Like github.com/go-kratos/kratos/v2's jwt middleware: the method is
// compared after parsing.
func checkedAfterParse(s string) error {
	tok, err := jwt.Parse(s, keyfunc)
	if err != nil {
		return err
	}
	if tok.Method != jwt.SigningMethodHS256 {
		return errors.New("unexpected signing method")
	}
	return nil
}

var rsaKey *rsa.PublicKey

// An HMAC secret ([]byte) admits only HS256/384/512 and an RSA public key
// only RS* and PS*: the key's type confines the token's algorithm.
func oneKeyFamily(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil })
	_, _ = jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, func(t *jwt.Token) (any, error) {
		if s == "" {
			return nil, errors.New("empty")
		}
		return rsaKey, nil
	})
}

func mixedFamilies(s string, useRSA bool) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { // want `JWT parsed without pinning the algorithm`
		if useRSA {
			return rsaKey, nil
		}
		return secret, nil
	})
}

// The header decoded and its alg tested before the parse: the code pins
// the algorithm itself.
type proofHeader struct {
	Alg string `json:"alg"`
}

func algTestedFirst(s string, header proofHeader) error {
	if header.Alg == "" || strings.HasPrefix(header.Alg, "HS") {
		return errors.New("symmetric algorithms are not allowed")
	}
	_, err := jwt.Parse(s, func(t *jwt.Token) (any, error) { return anyKey, nil })
	return err
}

// A test of alg after the parse, or of something else, does not count.
func algTestedElsewhere(s string, header proofHeader) error {
	if header.Alg == "" {
		return nil
	}
	_, err := jwt.Parse(s, func(t *jwt.Token) (any, error) { return anyKey, nil }) // want `JWT parsed without pinning the algorithm`
	return err
}
