// Package typeerror does not type-check.
package typeerror

import (
	"net/http"

	"example.com/missing/session"
)

func call() {
	req, _ := http.NewRequest("GET", "http://api.acmepay.net/me", nil) // want `Authorization header sent to plaintext`
	req.Header.Set("Authorization", "Bearer "+session.Current().Token)
	var n int = "x"
	_ = n
}
