package lestratjwk

import (
	"os"

	"github.com/lestrrat/go-jwx/jwk"
)

var shared = []byte("jwk-shared")

func global() (jwk.Key, error) {
	return jwk.New(shared) // want `JWT key is hard-coded \(shared, defined on line 9, used by jwk.New\)`
}

// Not findings: a key read from a file, and a package-level variable
// that is reassigned from the environment.
func fromFile() (jwk.Key, error) {
	raw, err := os.ReadFile("key.bin")
	if err != nil {
		return nil, err
	}
	return jwk.New(raw)
}

var rotated = []byte("jwk-initial")

func init() { rotated = []byte(os.Getenv("JWK")) }

func rotatedKey() (jwk.Key, error) { return jwk.New(rotated) }
