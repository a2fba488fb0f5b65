package squarejose

import (
	"os"

	jose "gopkg.in/square/go-jose.v2"
)

func encrypter() (jose.Encrypter, error) {
	key := []byte("jwe-shared")
	return jose.NewEncrypter("", jose.Recipient{Algorithm: "dir", Key: key}, nil) // want `JWT key is hard-coded \(key, defined on line 10, used by Key\)`
}

// Not findings: the key comes from the environment, or a field other
// than the key is a literal.
func fromEnv() (jose.Encrypter, error) {
	return jose.NewEncrypter("", jose.Recipient{Algorithm: "dir", Key: []byte(os.Getenv("JWE_KEY")), KeyID: "kid-1"}, nil)
}
