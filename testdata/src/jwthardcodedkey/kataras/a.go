package kataras

import "github.com/kataras/jwt"

var sharedKey = []byte("sercrethatmaycontainch@r$32chars")

func sign(claims any) ([]byte, error) {
	return jwt.Sign(jwt.HS256, sharedKey, claims) // want `JWT key is hard-coded \(sharedKey, defined on line 5, used by jwt.Sign\)`
}

func verify(tok []byte) (*jwt.VerifiedToken, error) {
	return jwt.Verify(jwt.HS256, sharedKey, tok) // want `JWT key is hard-coded`
}

// Not a finding.
func verifyKey(tok, key []byte) (*jwt.VerifiedToken, error) { return jwt.Verify(jwt.HS256, key, tok) }
