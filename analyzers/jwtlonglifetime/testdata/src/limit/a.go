// Package limit is analyzed with -max-lifetime=1h.
package limit

import "time"

func claims() map[string]any {
	return map[string]any{"exp": time.Now().Add(2 * time.Hour).Unix()} // want `JWT lifetime of 2h0m0s exceeds the 1h0m0s limit`
}

// Not a finding: within the limit.
func ok() map[string]any { return map[string]any{"exp": time.Now().Add(time.Hour).Unix()} }
