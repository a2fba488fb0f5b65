// Package app follows flows into flowtest/facts/conf by its facts.
package app

import (
	"time"

	"example.com/sink"
	"flowtest/facts/conf"
)

func useDefault() {
	c := conf.Default()
	sink.Key([]byte(c.JWTSecret)) // want `^jwt-key: literal "conf-secret" c @\d+: stored in field JWTSecret of Config; returned by Default; assigned to c; read from c\.JWTSecret; converted by \[\]byte\(…\)$`
}

func viaParam(c *conf.Config) {
	sink.Lifetime(time.Duration(c.TokenExpiresIn) * time.Hour) // want `^lifetime: literal 172800000000000 @\d+: stored in field TokenExpiresIn of Config; read from c\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour \| parameter 0 c \(piece\)`
	sink.Key([]byte(c.Nested.Key))                             // want `^jwt-key: literal "inner-key" @\d+: stored in field Key of Inner; stored in field Nested of Config; read from c\.Nested; read from c\.Nested\.Key; converted by \[\]byte\(…\) \| parameter 0 c @\d+: read from c\.Nested; read from c\.Nested\.Key; converted by \[\]byte\(…\)$`
	sink.Lifetime(c.TTL())                                     // want `^lifetime: literal 172800000000000 @\d+: stored in field TokenExpiresIn of Config; passed to TTL; read from c\.TokenExpiresIn; converted by time\.Duration\(…\); multiplied by time\.Hour; returned by TTL \| parameter 0 c \(piece\)`
}

func funcs() {
	sink.Key([]byte(conf.Key()))          // want `^jwt-key: literal "func-key" @\d+: returned by Key; converted by \[\]byte\(…\)$`
	sink.Key([]byte(conf.Pass("passed"))) // want `^jwt-key: literal "passed" @\d+: passed to Pass; returned by Pass; converted by \[\]byte\(…\)$`
	conf.Sign("signed")                   // want `^jwt\-key via Sign: literal "signed" @25 => converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
	sink.Key([]byte(conf.DefaultKey))     // want `^jwt-key: literal "var-key" DefaultKey @\d+: initialises DefaultKey; read from DefaultKey; converted by \[\]byte\(…\)$`
	sink.Lifetime(conf.Hours(2))          // want `^lifetime: literal 7200000000000 @\d+: passed to Hours; converted by time\.Duration\(…\); multiplied by time\.Hour; returned by Hours$`
}
