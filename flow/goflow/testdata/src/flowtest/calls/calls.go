// Package calls: flows across the package's functions by summaries.
package calls

import (
	"os"
	"time"

	"example.com/sink"
)

// Parameter → result.
func id(k string) string { return k }

func prefixed(k string) string { return "k-" + k }

func results() {
	sink.Key([]byte(id("via-id")))       // want `^jwt-key: literal "via-id" @\d+: passed to id; returned by id; converted by \[\]byte\(…\)$`
	sink.Key([]byte(prefixed("fold")))   // want `^jwt\-key: literal "k\-" \(prefix\) @14: added to k; returned by prefixed; converted by \[\]byte\(…\) \| literal "k\-fold" @18: passed to prefixed; added to k; returned by prefixed; converted by \[\]byte\(…\)$`
	sink.Key([]byte(id(os.Getenv("K")))) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: passed to id; returned by id; converted by \[\]byte\(…\)$`
}

// Parameter → sink inside the callee: the call is a sink use too.
func signWith(k string) {
	sink.Key([]byte(k)) // want `^jwt-key: parameter 0 k @\d+: converted by \[\]byte\(…\)$`
}

func outer(k string) { signWith(k) } // want `^jwt\-key via signWith: parameter 0 k @27 => converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`

func sinksInCallees() {
	signWith("callee-key")     // want `^jwt\-key via signWith: literal "callee\-key" @30 => converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
	outer("deep-key")          // want `^jwt\-key via outer: literal "deep\-key" @31 => passed to signWith; converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
	signWith(os.Getenv("KEY")) // want `^jwt\-key via signWith: opaque os\.Getenv( \(by name\))? @32 => converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
}

// A lifetime computed inside the callee from its parameter.
func mint(hours int) {
	sink.Lifetime(time.Duration(hours) * time.Hour) // want `^lifetime: parameter 0 hours \(piece\) @\d+: converted by time\.Duration\(…\); multiplied by time\.Hour$`
}

func ttl(h int) time.Duration { return time.Duration(h) * time.Hour }

func lifetimes() {
	mint(48)              // want `^lifetime via mint: literal 172800000000000 @43 => converted by time\.Duration\(…\); multiplied by time\.Hour; enters lifetime sink example\.com/sink\.Lifetime$`
	sink.Lifetime(ttl(2)) // want `^lifetime: literal 7200000000000 @44: passed to ttl; converted by time\.Duration\(…\); multiplied by time\.Hour; returned by ttl$`
}

// A result from a source.
func token() string { return sink.Token() }

func fromSource() {
	sink.Log(token()) // want `^log: source credential sink\.Token @\d+: returned by token$`
}

// Recursion is not followed past its component; the base case is.
func rec(n int, k string) string {
	if n == 0 {
		return k
	}
	return rec(n-1, k)
}

func recursive() {
	sink.Key([]byte(rec(3, "rec-key"))) // want `^jwt-key: literal "rec-key" @\d+: passed to rec; returned by rec; converted by \[\]byte\(…\) \| opaque recursive call of rec @\d+: returned by rec; converted by \[\]byte\(…\)$`
}

// Variadic parameters.
func logAll(args ...any) {
	sink.Log(args...) // want `^log: parameter 0 args @\d+$`
}

func variadic() {
	logAll("x", sink.Token()) // want `^log via logAll: literal "x" @72 => enters log sink example\.com/sink\.Log$` `^log via logAll: source credential sink\.Token @72 => enters log sink example\.com/sink\.Log$`
}

// Methods and receivers.
type signer struct{ key string }

func (s signer) Sign() {
	sink.Key([]byte(s.key)) // want `^jwt-key: literal "method-key"( \(by name\))? @\d+: stored in field key of signer; read from s\.key; converted by \[\]byte\(…\) \| parameter -1 s @\d+: read from s\.key; converted by`
}

func methods() {
	signer{key: "method-key"}.Sign() // want `^jwt\-key via signer\.Sign: literal "method\-key" @83: stored in field key of signer => read from s\.key; converted by \[\]byte\(…\); enters jwt\-key sink example\.com/sink\.Key$`
}

// Closures handed to a library: the keyfunc's result is the key.
func keyfunc(raw string) {
	sink.Parse(raw, func() ([]byte, error) { return []byte("kf-key"), nil }) // want `^jwt-key: literal "kf-key" @\d+: converted by \[\]byte\(…\)$`
	kf := func() ([]byte, error) { return []byte(os.Getenv("KF")), nil }
	sink.Parse(raw, kf) // want `^jwt-key: opaque os\.Getenv( \(by name\))? @\d+: converted by \[\]byte\(…\); assigned to kf$`
}

// Named results and bare returns.
func named() (key string, err error) {
	key = "named-key"
	return
}

func namedResults() {
	k, _ := named()
	sink.Key([]byte(k)) // want `^jwt-key: literal "named-key" key @\d+: assigned to key; returned by named; assigned to k; converted by`
}

// A function value chosen at run time: both literals.
func choose(b bool) {
	f := func() string { return "first-fn" }
	if b {
		f = func() string { return "second-fn" }
	}
	sink.Key([]byte(f())) // want `^jwt-key: literal "first-fn" @\d+: returned by func literal; converted by \[\]byte\(…\) \| literal "second-fn" @\d+: returned by func literal; converted by \[\]byte\(…\)$`
}
