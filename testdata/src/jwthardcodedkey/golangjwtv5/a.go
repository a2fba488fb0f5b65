package golangjwtv5

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const signingKey = "s3cr3t-signing-key"

var hmacKey = []byte("another-secret")

func sign(c jwt.Claims) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	_, _ = tok.SignedString([]byte("my-secret")) // want `JWT key is hard-coded \(a literal, used by tok.SignedString\)`
	_, _ = tok.SignedString([]byte(signingKey))  // want `JWT key is hard-coded \(signingKey, defined on line 9, used by tok.SignedString\)`
	_, _ = tok.SignedString(hmacKey)             // want `JWT key is hard-coded \(hmacKey`
	local := []byte("local-secret")
	_, _ = tok.SignedString(local) // want `JWT key is hard-coded \(local`
	_, _ = jwt.SigningMethodHS256.Sign("h.p", []byte{1, 2, 3}) // want `JWT key is hard-coded`
}

func parse(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return []byte(signingKey), nil // want `JWT key is hard-coded \(signingKey, defined on line 9, used by the keyfunc of jwt.Parse\)`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Not findings below.

var fromEnv = []byte(os.Getenv("JWT_KEY"))

var rotated = []byte("initial")

func rotate(k []byte) { rotated = k }

func safe(c jwt.Claims, s string, key []byte) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	_, _ = tok.SignedString(fromEnv)
	_, _ = tok.SignedString(key)
	_, _ = tok.SignedString(rotated) // reassigned elsewhere
	_, _ = tok.SignedString([]byte(""))
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) { return fromEnv, nil }, jwt.WithValidMethods([]string{"HS256"}))
	_, _ = jwt.SigningMethodRS256.Verify("h.p", nil, []byte("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"))
}

// The none "key" is jwt-none-alg's business.
func noneKey(c jwt.Claims) {
	_, _ = jwt.NewWithClaims(jwt.SigningMethodNone, c).SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func chained(c jwt.Claims) {
	_, _ = jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(signingKey)) // want `JWT key is hard-coded \(signingKey, defined on line 9, used by SignedString\)`
}
