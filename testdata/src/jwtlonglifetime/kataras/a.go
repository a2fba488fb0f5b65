package kataras

import (
	"time"

	"github.com/kataras/jwt"
)

func long(key []byte) {
	_, _ = jwt.Sign(jwt.HS256, key, map[string]any{"sub": "a"}, jwt.MaxAge(30*24*time.Hour)) // want `JWT lifetime of 30d exceeds`
}

// Not a finding.
func short(key []byte) {
	_, _ = jwt.Sign(jwt.HS256, key, map[string]any{"sub": "a"}, jwt.MaxAge(15*time.Minute))
}
