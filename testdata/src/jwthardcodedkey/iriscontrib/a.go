package iriscontrib

import (
	"os"

	"github.com/iris-contrib/middleware/jwt"
)

func sign() string {
	key := []byte("iris-contrib-key")
	token := jwt.NewTokenWithClaims(nil, nil)
	s, _ := token.SignedString(key) // want `JWT key is hard-coded \(key, defined on line 10, used by token.SignedString\)`
	return s
}

// Not a finding: the key from the environment.
func fromEnv() string {
	s, _ := jwt.NewToken(nil).SignedString([]byte(os.Getenv("KEY")))
	return s
}
