// Package fiber stubs github.com/gofiber/fiber/v3 v3.5.0 for
// analysistest: signatures only. Ctx is an interface since v3.
package fiber

// Ctx is a request context.
type Ctx interface {
	Query(key string, defaultValue ...string) string
	FormValue(key string, defaultValue ...string) string
	Get(key string, defaultValue ...string) string
	Cookies(key string, defaultValue ...string) string
	Cookie(cookie *Cookie)
}

// Cookie is a cookie to set on the response.
type Cookie struct {
	Name        string
	Value       string
	Path        string
	Domain      string
	SameSite    string
	MaxAge      int
	Secure      bool
	HTTPOnly    bool
	Partitioned bool
	SessionOnly bool
}

// SameSite modes of a Cookie.
const (
	CookieSameSiteLaxMode  = "Lax"
	CookieSameSiteNoneMode = "None"
)
