package jwxv1

import (
	"github.com/lestrrat-go/jwx/jwa" // jwa alone is harmless: the model lists only v1's jwt package
	"github.com/lestrrat-go/jwx/jwt" // want `import of unmaintained JWT library github.com/lestrrat-go/jwx/jwt: .*use github.com/lestrrat-go/jwx/v3`
)

func parse(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithVerify(jwa.HS256, key), jwt.WithValidate(true))
}
