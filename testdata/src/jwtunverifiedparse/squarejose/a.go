package squarejose

import "gopkg.in/square/go-jose.v2/jwt"

func unsafeClaims(s string) (out map[string]interface{}) {
	tok, _ := jwt.ParseSigned(s)
	_ = tok.UnsafeClaimsWithoutVerification(&out) // want `JWT decoded without verifying its signature`
	return out
}

// Not a finding.
func verified(s string, key interface{}) (out map[string]interface{}, err error) {
	tok, err := jwt.ParseSigned(s)
	if err != nil {
		return nil, err
	}
	return out, tok.Claims(key, &out)
}
