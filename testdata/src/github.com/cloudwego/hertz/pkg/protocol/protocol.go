// Package protocol stubs github.com/cloudwego/hertz/pkg/protocol v0.10.4
// for analysistest: the types app's signatures use.
package protocol

// CookieSameSite is a cookie's SameSite mode.
type CookieSameSite int

// SameSite modes.
const (
	CookieSameSiteDefaultMode CookieSameSite = iota + 1
	CookieSameSiteLaxMode
	CookieSameSiteStrictMode
	CookieSameSiteNoneMode
)
