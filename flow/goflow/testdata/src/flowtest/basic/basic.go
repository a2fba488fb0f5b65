// Package basic: def-use within a function, constants, package-level
// variables, multiple assignment, closures, loops and arithmetic.
package basic

import (
	"os"
	"time"

	"example.com/sink"
)

const keyConst = "const-key"

var globalKey = "global-key"

var mutable = "initial"

func setMutable() { mutable = os.Getenv("MUTABLE") }

func throughVariable() {
	secret := "usememos"
	key := []byte(secret)
	sink.Key(key) // want `^jwt-key: literal "usememos" secret @\d+: assigned to secret; converted by \[\]byte\(…\); assigned to key$`
}

func reassigned() {
	key := "dev"
	key = os.Getenv("KEY")
	sink.Key([]byte(key)) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: assigned to key; converted by \[\]byte\(…\)$`
}

func branch(prod bool) {
	key := "dev"
	if prod {
		key = os.Getenv("KEY")
	}
	sink.Key([]byte(key)) // want `^jwt-key: literal "dev" key @\d+: assigned to key; converted by \[\]byte\(…\) \| opaque os\.Getenv( \(by name\))? @\d+: assigned to key; converted by \[\]byte\(…\)$`
}

func shadowed(cond bool) {
	key := "outer"
	if cond {
		key := os.Getenv("KEY")
		sink.Key([]byte(key)) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: assigned to key; converted by \[\]byte\(…\)$`
	}
	_ = key
}

func shadowing() {
	key := os.Getenv("KEY")
	{
		key := "inner"
		_ = key
	}
	sink.Key([]byte(key)) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: assigned to key; converted by \[\]byte\(…\)$`
}

func constants() {
	sink.Key([]byte(keyConst)) // want `^jwt-key: literal "const-key" keyConst @12: constant keyConst; converted by \[\]byte\(…\)$`
}

func globals() {
	sink.Key([]byte(globalKey)) // want `^jwt-key: literal "global-key" globalKey @14: initialises globalKey; read from globalKey; converted by \[\]byte\(…\)$`
	sink.Key([]byte(mutable))   // want `^jwt-key: literal "initial" mutable @16: initialises mutable; read from mutable; converted by \[\]byte\(…\) \| opaque os\.Getenv( \(by name\))? @18: assigned to mutable; read from mutable; converted by \[\]byte\(…\)$`
}

func split() (string, error) { return "from-split", nil }

func multiple() {
	a, b := "first", "second"
	sink.Key([]byte(b)) // want `^jwt-key: literal "second" b @\d+: assigned to b; converted by \[\]byte\(…\)$`
	_ = a
	k, err := split()
	sink.Key([]byte(k)) // want `^jwt-key: literal "from-split" k @\d+: returned by split; assigned to k; converted by`
	_ = err
}

func closures() {
	f := func() string { return "closure-key" }
	sink.Key([]byte(f())) // want `^jwt-key: literal "closure-key" @\d+: returned by func literal; converted by`

	k := "captured"
	g := func() {
		sink.Key([]byte(k)) // want `^jwt-key: literal "captured" k @\d+: assigned to k; converted by`
	}
	g()

	var set string
	func() { set = "set-in-closure" }()
	sink.Key([]byte(set)) // want `^jwt-key: literal "set-in-closure" set @\d+: assigned to set; converted by [^|]* \| zero value "" set`
}

func concatenation() {
	s := "Bearer "
	s += sink.Token()
	sink.Log(s) // want `^log: literal "Bearer " s \(prefix\) @\d+: assigned to s; s \+= sink\.Token\(\) \| source credential sink\.Token \(piece\) @\d+: s \+= sink\.Token\(\)$`
}

func loop() {
	for _, k := range []string{"a1", "a2"} {
		sink.Key([]byte(k)) // want `^jwt-key: literal "a1" k @\d+: element of \[\]string\{…\}; ranged over into k; converted by \[\]byte\(…\) \| literal "a2" k @\d+: element of \[\]string\{…\}; ranged over into k; converted by \[\]byte\(…\)$`
	}
}

func lifetimes() {
	sink.Lifetime(48 * time.Hour) // want `^lifetime: literal 172800000000000 @\d+`
	n := 48
	sink.Lifetime(time.Duration(n) * time.Hour)       // want `^lifetime: literal 172800000000000 n @\d+: assigned to n; converted by time\.Duration\(…\); multiplied by time\.Hour$`
	sink.Lifetime(2 * time.Duration(n) * time.Minute) // want `^lifetime: literal 5760000000000 n`
}

func byteLiteral() {
	sink.Key([]byte{'k', 'e', 'y'}) // want `^jwt-key: literal "key" @\d+$`
}

func load(dst *string) {}

func addressTaken() {
	k := "before-load"
	load(&k)
	sink.Key([]byte(k)) // want `^jwt-key: literal "before-load" k @\d+: assigned to k; converted by \[\]byte\(…\) \| opaque set by load @\d+: converted by \[\]byte\(…\)$`
}

func bytesAndBack() {
	b := []byte("bytes-key")
	s := string(b)
	sink.Key([]byte(s)) // want `^jwt-key: literal "bytes-key" b @\d+: converted by \[\]byte\(…\); assigned to b; converted by string\(…\); assigned to s; converted by \[\]byte\(…\)$`
}
