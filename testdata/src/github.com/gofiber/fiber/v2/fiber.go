// Package fiber stubs github.com/gofiber/fiber/v2 v2.52.15 for
// analysistest: signatures only.
package fiber

// Ctx is a request context.
type Ctx struct{}

// Cookie is a cookie to set on the response.
type Cookie struct {
	Name        string
	Value       string
	Path        string
	Domain      string
	MaxAge      int
	Secure      bool
	HTTPOnly    bool
	SameSite    string
	SessionOnly bool
}

func (c *Ctx) Query(key string, defaultValue ...string) string     { return "" }
func (c *Ctx) FormValue(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string       { return "" }
func (c *Ctx) Cookies(key string, defaultValue ...string) string   { return "" }
func (c *Ctx) Cookie(cookie *Cookie)                               {}

// SameSite modes of a Cookie.
const (
	CookieSameSiteLaxMode  = "lax"
	CookieSameSiteNoneMode = "none"
)
