package form3tech

import (
	"crypto/rsa"

	"github.com/form3tech-oss/jwt-go"
)

var hmacSecret = []byte("from-config")

// anyKey is a key of unknown type: bytes for one token, a public key for
// another, as far as the analyzer can tell.
var anyKey interface{} = loadKey()

func loadKey() interface{} { return hmacSecret }

var rsaKey *rsa.PublicKey

func unpinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return anyKey, nil }) // want `JWT parsed without pinning the algorithm`
	p := &jwt.Parser{}
	_, _ = p.Parse(s, func(t *jwt.Token) (interface{}, error) { return anyKey, nil }) // want `JWT parsed without pinning the algorithm`
	_, _ = new(jwt.Parser).Parse(s, func(t *jwt.Token) (interface{}, error) { return anyKey, nil }) // want `JWT parsed without pinning the algorithm`
}

func pemAsSecret(s string, pubPEM string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte(pubPEM), nil }) // want `JWT keyfunc returns public-key bytes`
}

// Not findings below.

func pinned(s string) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	_, _ = p.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil })
	var q jwt.Parser
	q.ValidMethods = []string{"HS256"}
	_, _ = q.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil })
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if t.Method.Alg() != "HS256" {
			return nil, nil
		}
		return hmacSecret, nil
	})
}

// An HMAC secret ([]byte) admits only HS256/384/512 and an RSA public key
// only RS* and PS*: the key's type confines the token's algorithm.
func oneKeyFamily(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil })
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte("from-" + s), nil })
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return rsaKey, nil })
}

func mixedFamilies(s string, useRSA bool) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { // want `JWT parsed without pinning the algorithm`
		if useRSA {
			return rsaKey, nil
		}
		return hmacSecret, nil
	})
}
