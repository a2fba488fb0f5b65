// Package conf exports facts about its functions, fields and variables
// for flowtest/facts/app.
package conf

import (
	"time"

	"example.com/sink"
)

type Config struct {
	JWTSecret      string // want JWTSecret:`^goflow\(0: literal\)$`
	TokenExpiresIn int    // want TokenExpiresIn:`^goflow\(0: literal\)$`
	Nested         Inner  // want Nested:`^goflow\(0.Key: literal\)$`
	Unset          string
}

type Inner struct {
	Key string // want Key:`^goflow\(0: literal\)$`
}

func Default() *Config { // want Default:`^goflow\(0.JWTSecret: literal; 0.TokenExpiresIn: literal; 0.Nested.Key: literal; 0.Unset: zero value Unset\)$`
	return &Config{JWTSecret: "conf-secret", TokenExpiresIn: 48, Nested: Inner{Key: "inner-key"}}
}

var DefaultKey = "var-key" // want DefaultKey:`^goflow\(0: literal DefaultKey\)$`

func Key() string { return "func-key" } // want Key:`^goflow\(0: literal\)$`

func Pass(k string) string { return k } // want Pass:`^goflow\(0: parameter 0\)$`

func Sign(k string) { // want Sign:`^goflow\(param 0 reaches jwt-key\)$`
	sink.Key([]byte(k))
}

func Hours(h int) time.Duration { return time.Duration(h) * time.Hour } // want Hours:`^goflow\(0: parameter 0 \(piece\) 1 ops\)$`

// TTL is computed from a field of its receiver.
func (c *Config) TTL() time.Duration { // want TTL:`^goflow\(0: parameter -1.TokenExpiresIn \(piece\) 1 ops\)$`
	return time.Duration(c.TokenExpiresIn) * time.Hour
}

// An alias brings another package's struct type, whose fields are not
// this package's to describe (exporting facts on them panics).
type Cookie = sink.Cookie

var _ = Cookie{Value: "alias-value"}

// Unexported fields and variables get no facts: no importer reads them.
type hidden struct{ secret string }

var _ = hidden{secret: "x"}

var unexported = "y"

func init() { _ = unexported }
