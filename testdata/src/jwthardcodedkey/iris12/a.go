package iris12

import (
	"os"
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

func signer() *jwt.Signer {
	key := []byte("iris-key")
	return &jwt.Signer{Key: key, MaxAge: time.Minute} // want `JWT key is hard-coded \(key, defined on line 11, used by Key\)`
}

func constructed() (*jwt.Signer, *jwt.Verifier) {
	key := []byte("iris-key-2")
	return jwt.NewSigner(nil, key, time.Minute), // want `JWT key is hard-coded \(key, defined on line 16, used by jwt.NewSigner\)`
		jwt.NewVerifier(nil, key) // want `JWT key is hard-coded \(key, defined on line 16, used by jwt.NewVerifier\)`
}

// Not findings: the key from the environment, in both forms.
func fromEnv() (*jwt.Signer, *jwt.Verifier) {
	key := []byte(os.Getenv("JWT_KEY"))
	return &jwt.Signer{Key: key}, jwt.NewVerifier(nil, key)
}
