// Package fields: struct fields, composite literals, config defaults —
// the misses of issue 12 among them.
package fields

import (
	"os"
	"time"

	"example.com/sink"
)

// memos: secret := "usememos" → s.Secret → []byte(s.Secret).
type Server struct {
	Secret string
	Name   string
}

func NewServer() *Server {
	secret := "usememos"
	return &Server{Secret: secret, Name: os.Getenv("NAME")}
}

func (s *Server) sign() {
	sink.Key([]byte(s.Secret)) // want `^jwt-key: literal "usememos" secret( \(by name\))? @19: assigned to secret; stored in field Secret of Server; read from s\.Secret; converted by \[\]byte\(…\) \| parameter -1 s @\d+: read from s\.Secret; converted by \[\]byte\(…\)$`
}

// A different field of the same struct is not the secret.
func (s *Server) signName() {
	sink.Key([]byte(s.Name)) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @20: stored in field Name of Server; read from s\.Name; converted by \[\]byte\(…\) \| parameter -1 s @\d+: read from s\.Name; converted by \[\]byte\(…\)$`
}

// TokenExpiresIn: 48 → time.Duration(conf.TokenExpiresIn) * time.Hour.
type Conf struct {
	TokenExpiresIn int
	Other          int
}

func DefaultConf() *Conf {
	return &Conf{TokenExpiresIn: 48, Other: 1}
}

func mint(conf *Conf) {
	sink.Lifetime(time.Duration(conf.TokenExpiresIn) * time.Hour) // want `^lifetime: literal 172800000000000( \(by name\))? @39: stored in field TokenExpiresIn of Conf; read from conf\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour \| literal 43200000000000( \(by name\))? @60: assigned to cfg\.TokenExpiresIn; read from conf\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour \| literal 86400000000000( \(by name\))? @92: stored in field TokenExpiresIn of Conf; read from conf\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour \| parameter 0 conf \(piece\) @42: read from conf\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour$`
}

// Base URLs in config struct literals: codeApi: "http://…".
type client struct{ codeApi string }

func newClient() *client {
	return &client{codeApi: "http://code.example.com/api"}
}

func (c *client) fetch(path string) {
	sink.Get(c.codeApi + path) // want `^request-url: literal "http://code\.example\.com/api" \(prefix\)( \(by name\))? @50: stored in field codeApi of client; read from c\.codeApi; added to path \| parameter -1 c \(prefix\) @\d+: read from c\.codeApi; added to path \| parameter 0 path \(piece\) @\d+: added to path$`
}

// A local value: the assignment after the literal wins.
func local() {
	cfg := Conf{Other: 2}
	cfg.TokenExpiresIn = 12
	sink.Lifetime(time.Duration(cfg.TokenExpiresIn)) // want `^lifetime: literal 12 cfg @\d+: assigned to cfg\.TokenExpiresIn; read from cfg\.TokenExpiresIn; converted by time\.Duration\(…\)$`
	sink.Lifetime(time.Duration(cfg.Other))          // want `^lifetime: literal 2 cfg @\d+: stored in field Other of Conf; assigned to cfg; read from cfg\.Other; converted by time\.Duration\(…\)$`
}

// A field nothing set is its zero value.
func unset() {
	cfg := &Conf{Other: 3}
	sink.Lifetime(time.Duration(cfg.TokenExpiresIn)) // want `^lifetime: zero value 0 TokenExpiresIn @\d+: assigned to cfg; read from cfg\.TokenExpiresIn; converted by time\.Duration\(…\)$`
}

type Inner struct{ Key string }

type Outer struct {
	In  Inner
	Ptr *Inner
}

func nested() {
	o := Outer{In: Inner{Key: "nested"}, Ptr: &Inner{Key: "pointed"}}
	sink.Key([]byte(o.In.Key))  // want `^jwt-key: literal "nested" o @\d+: stored in field Key of Inner; stored in field In of Outer; assigned to o; read from o\.In; read from o\.In\.Key; converted by \[\]byte\(…\)$`
	sink.Key([]byte(o.Ptr.Key)) // want `^jwt-key: literal "pointed" o @\d+: stored in field Key of Inner; stored in field Ptr of Outer; assigned to o; read from o\.Ptr; read from o\.Ptr\.Key; converted by \[\]byte\(…\)$`
}

type Creds struct{ User, Pass string }

func differentField() {
	c := Creds{User: "admin", Pass: os.Getenv("PASS")}
	sink.Key([]byte(c.Pass)) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: stored in field Pass of Creds; assigned to c; read from c\.Pass; converted by \[\]byte\(…\)$`
}

// A package-level default.
var defaults = Conf{TokenExpiresIn: 24}

func fromDefaults() {
	sink.Lifetime(time.Duration(defaults.TokenExpiresIn) * time.Hour) // want `^lifetime: literal 86400000000000 defaults @\d+: stored in field TokenExpiresIn of Conf; initialises defaults; read from defaults; read from defaults\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour$`
}

// A constructor storing its parameter: the callers' arguments.
type Signer struct{ key string }

func NewSigner(key string) *Signer { return &Signer{key: key} }

func (s *Signer) Sign() {
	sink.Key([]byte(s.key)) // want `^jwt-key: literal "from-caller"( \(by name\))? @108: passed to NewSigner; stored in field key of Signer; read from s\.key; converted by \[\]byte\(…\) \| parameter -1 s @\d+: read from s\.key; converted by \[\]byte\(…\)$`
}

func useSigner() {
	NewSigner("from-caller").Sign() // want `^jwt\-key via Signer\.Sign: literal "from\-caller" @108: passed to NewSigner; stored in field key of Signer; returned by NewSigner => read from s\.key; converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
}

// Model fields: a sink field and a cookie's value.
func modelFields(tok string) {
	_ = sink.Config{SigningKey: []byte("field-key"), Timeout: 72 * time.Hour} // want `^jwt-key: literal "field-key" @\d+: converted by \[\]byte\(…\)$` `^lifetime: literal 259200000000000 @\d+(: multiplied by time\.Hour)?$`
	sink.SetCookie(&sink.Cookie{Name: "session", Value: sink.Token()})        // want `^set-cookie: source credential sink\.Token @\d+: stored in field Value of sink\.Cookie$`
	sink.SetCookie(&sink.Cookie{Name: "theme", Value: "dark"})                // want `^set-cookie: literal "dark" @\d+: stored in field Value of sink\.Cookie$`
}

// A source field of a library type, and another field of it that is not.
func oauth(code string) {
	t := sink.Exchange(code)
	sink.Log(t.AccessToken) // want `^log: source credential OAuth\.AccessToken @\d+$`
	sink.Log(t.Expiry)      // want `^log: opaque sink\.Exchange( \(by name\))? @\d+: assigned to t; read from t\.Expiry$`
}
