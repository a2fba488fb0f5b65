package jwxv2

import "github.com/lestrrat-go/jwx/v2/jws"

func infer() jws.WithKeySetSuboption {
	return jws.WithInferAlgorithmFromKey(true) // want `JWT algorithm inferred from the key \(jws.WithInferAlgorithmFromKey\)`
}

// Not a finding.
func explicit() jws.WithKeySetSuboption { return jws.WithInferAlgorithmFromKey(false) }
