// Package typeerror does not type-check (a missing module, a bad
// assignment): the rule still runs on what resolves.
package typeerror

import (
	"net/http"

	"example.com/missing/session"
)

func h(r *http.Request) {
	s := session.Current()
	_ = "https://api.example.com/v1?access_token=" + s.Token // want `token put in a URL query \(access_token=\)`
	_ = r.URL.Query().Get("token")                           // want `token read from the URL query`
	var n int = "x"
	_ = n
}
