package cristalhq

import "github.com/cristalhq/jwt/v5"

func signer() {
	_, _ = jwt.NewSignerHS(jwt.HS256, []byte("secret"))   // want `JWT key is hard-coded`
	_, _ = jwt.NewVerifierHS(jwt.HS256, []byte("secret")) // want `JWT key is hard-coded`
}

// Not a finding.
func signerKey(key []byte) { _, _ = jwt.NewSignerHS(jwt.HS256, key) }
