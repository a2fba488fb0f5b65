// Package models: library calls by the models' sources (with key-is
// conditions), sanitizers, summaries and sinks.
package models

import "example.com/sink"

func headers(r *sink.Request) {
	sink.Log(r.Header.Get("Authorization")) // want `^log: source request-header Header\.Get( \(by name\))? @\d+$`
	sink.Log(r.Header.Get("X-Api-Key"))     // want `^log: source request-header Header\.Get( \(by name\))? @\d+$`
	sink.Log(r.Header.Get("Accept"))        // want `^log: opaque (Header\.)?Get( \(by name\))? @\d+$`
	name := "Authorization"
	sink.Log(r.Header.Get(name)) // want `^log: source request-header Header\.Get( \(by name\))? @\d+$`
}

// A helper that reads a header by its parameter: each call's constant
// key decides, through a second helper that passes its own key on.
func header(r *sink.Request, key string) string { return r.Header.Get(key) }

func headerOf(r *sink.Request, k string) string { return header(r, k) }

func keyedHelpers(r *sink.Request, k string) {
	sink.Log(header(r, "Authorization"))  // want `^log: source request-header Header\.Get( \(by name\))? @\d+: key passed to header; returned by header$`
	sink.Log(header(r, "Accept"))         // want `^log: opaque (Header\.)?Get( \(by name\))? @\d+: returned by header$`
	sink.Log(headerOf(r, "X-Api-Key"))    // want `^log: source request-header Header\.Get( \(by name\))? @\d+: returned by header; key passed to headerOf; returned by headerOf$`
	sink.Log(headerOf(r, "Content-Type")) // want `^log: opaque (Header\.)?Get( \(by name\))? @\d+: returned by header; returned by headerOf$`
	sink.Log(header(r, k))                // want `^log: opaque (Header\.)?Get( \(by name\))? @\d+: returned by header$`
}

// A sanitizer in between: the value is marked, and a rule asking for
// live credentials does not see it.
func sanitized() {
	sink.Log(sink.Hash(sink.Token())) // want `^log: source credential sink\.Token \(piece\) sanitized\(hash\) @\d+: sanitized by sink\.Hash$`
	tok := sink.Token()
	sink.Log(len(tok))   // want `^log: source credential sink\.Token \(piece\) sanitized\(measure\) @\d+: assigned to tok$`
	sink.Log(tok == "x") // want `^log: literal "x" \(piece\) sanitized\(compare\) @\d+ \| source credential sink\.Token \(piece\) sanitized\(compare\) @\d+: assigned to tok$`
}

// Summaries: taint makes a part, value keeps the whole.
func summaries() {
	sink.Log(sink.Join("Bearer ", sink.Token())) // want `^log: literal "Bearer " \(piece\) @\d+: through sink\.Join \| source credential sink\.Token \(piece\) @\d+: through sink\.Join$`
	sink.Key([]byte(sink.Trim("trimmed")))       // want `^jwt-key: literal "trimmed" @\d+: through sink\.Trim; converted by \[\]byte\(…\)$`
	var dst string
	sink.Copy(&dst, sink.Token())
	sink.Log(dst) // want `^log: source credential sink\.Token @\d+: written by sink\.Copy \| zero value "" dst @\d+$`
}

// A call that fills in its argument.
func filled() {
	var tok string
	sink.Fill(&tok)
	sink.Log(tok) // want `^log: source credential sink\.Fill @\d+: filled in by sink\.Fill \| zero value "" tok @\d+$`
}

// A callback's parameter the library passes a credential.
func callback() {
	sink.Handle("/x", func(tok string) {
		sink.Log(tok) // want `^log: source credential sink\.Handle @\d+$`
	})
	sink.Handle("/y", func(tok string) {
		sink.Log(sink.Hash(tok)) // want `^log: source credential sink\.Handle \(piece\) sanitized\(hash\) @\d+: sanitized by sink\.Hash$`
	})
}

// A sink's label argument, and a sink that applies only for a key.
func labels(tok string) {
	sink.Logw("login", "token", tok) // want `^log label "token": parameter 0 tok @\d+$`
	v := sink.Values{}
	v.Set("access_token", tok) // want `^url-query: parameter 0 tok @\d+$`
	v.Set("page", tok)
	key := pick()
	v.Set(key, tok) // want `^url-query key unknown: parameter 0 tok @\d+$`
}

func pick() string { return sink.Token() }

// The shape of CodeQL's and gosec's hard-coded key fixtures: a method of
// a variable holding a library call's result, which without type
// information is resolved by the variable's definition.
func signing() {
	mySigningKey := []byte("AllYourBase")
	t := sink.NewToken()
	ss, err := t.SignedString(mySigningKey) // want `^jwt-key: literal "AllYourBase" mySigningKey( \(by name\))? @\d+: converted by \[\]byte\(…\); assigned to mySigningKey$`
	_ = err
	sink.Log(ss) // want `^log: source credential Tok\.SignedString( \(by name\))? @\d+: assigned to ss$`
}
