// Package sink is a stub library whose model (testdata/models/sink.yml)
// has one row of every form the flow core follows.
package sink

import "time"

// Sources.

func Token() string { return "" }

type Header map[string][]string

func (h Header) Get(key string) string { return "" }

type Request struct{ Header Header }

func Fill(dst *string) {}

func Handle(path string, h func(tok string)) {}

type OAuth struct {
	AccessToken string
	Expiry      time.Time
}

func Exchange(code string) *OAuth { return nil }

// Sinks.

func Key(k []byte) {}

func Log(args ...any) {}

func Logw(msg, key string, value any) {}

func Lifetime(d time.Duration) {}

func Get(url string) {}

type Cookie struct{ Name, Value string }

func SetCookie(c *Cookie) {}

func Parse(raw string, keyfunc func() ([]byte, error)) {}

type Config struct {
	SigningKey []byte
	Timeout    time.Duration
}

type Values map[string][]string

func (v Values) Set(key, value string) {}

// Sanitizers and summaries.

func Hash(s string) string { return s }

func Join(parts ...string) string { return "" }

func Trim(s string) string { return s }

func Copy(dst *string, src string) {}

// A token built by a constructor and signed by a method.

type Tok struct{}

func NewToken() *Tok { return nil }

func (t *Tok) SignedString(key any) (string, error) { return "", nil }
