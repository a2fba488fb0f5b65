package cristalhqv3

import (
	"os"

	"github.com/cristalhq/jwt/v3"
)

func signer() {
	key := []byte(`hs-key`)
	_, _ = jwt.NewSignerHS(jwt.HS256, key) // want `JWT key is hard-coded \(key, defined on line 10, used by jwt.NewSignerHS\)`
}

// Not findings: a key read at run time, and one a caller passes.
func fromEnv() {
	key := []byte(os.Getenv("JWT_KEY"))
	_, _ = jwt.NewVerifierHS(jwt.HS256, key)
}

func signerKey(key []byte) { _, _ = jwt.NewSignerHS(jwt.HS256, key) }
