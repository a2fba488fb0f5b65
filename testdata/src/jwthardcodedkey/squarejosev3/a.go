package squarejosev3

import (
	"flag"

	jose "github.com/square/go-jose/v3"
)

func signer() (jose.Signer, error) {
	key := []byte("jws-key")
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, nil) // want `JWT key is hard-coded \(key, defined on line 10, used by Key\)`
}

func encrypter() (jose.Encrypter, error) {
	return jose.NewEncrypter("", jose.Recipient{Algorithm: "dir", Key: []byte("jwe-key")}, nil) // want `JWT key is hard-coded \(a literal, used by Key\)`
}

var keyFlag = flag.String("key", "", "signing key")

// Not a finding: the key is a command-line flag.
func fromFlag() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(*keyFlag)}, nil)
}
