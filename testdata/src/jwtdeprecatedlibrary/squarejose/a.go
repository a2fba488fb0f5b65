// Package squarejose imports the archived square/go-jose.v2; there is no
// drop-in fix (go-jose v4 changed ParseSigned).
package squarejose

import (
	jose "gopkg.in/square/go-jose.v2" // want `import of unmaintained JWT library gopkg.in/square/go-jose.v2: archived, no fix for CVE-2024-28180 .*use github.com/go-jose/go-jose/v4`
	"gopkg.in/square/go-jose.v2/jwt"  // want `import of unmaintained JWT library gopkg.in/square/go-jose.v2/jwt`
)

var _ = jose.HS256

func parse(s string) (*jwt.JSONWebToken, error) { return jwt.ParseSigned(s) }
