package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const logrusModel = `language: go
module: github.com/sirupsen/logrus
checked: [v1.9.3]
sinks:
  - type: Entry
    names: [Info, Infof]
    input: Argument[0..]
    kind: log
  - name: WithField
    input: Argument[1]
    label: Argument[0]
    kind: log
sources:
  - package: github.com/sirupsen/logrus
    type: Entry
    name: Message
    object: field
    output: Value
    kind: credential
`

func TestParseValid(t *testing.T) {
	f, err := Parse("logrus.yml", []byte(logrusModel))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sinks) != 2 || len(f.Sources) != 1 {
		t.Fatalf("rows: %d sinks, %d sources", len(f.Sinks), len(f.Sources))
	}
	r := f.Sinks[1]
	if r.Package != "github.com/sirupsen/logrus" {
		t.Errorf("package defaults to the module: got %q", r.Package)
	}
	if r.Line != 9 || r.Section != SectionSink || r.File != f {
		t.Errorf("row bookkeeping: line %d, section %q", r.Line, r.Section)
	}
	if got := r.Where(); got != "logrus.yml:9" {
		t.Errorf("Where() = %q", got)
	}
	if f.Sinks[0].GoObject() != Method || r.GoObject() != Func || f.Sources[0].GoObject() != Field {
		t.Errorf("objects: %s %s %s", f.Sinks[0].GoObject(), r.GoObject(), f.Sources[0].GoObject())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown key", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    input: Argument[0]\n    kind: log\n    sink: yes\n", "line 8: field sink not found"},
		{"unknown kind", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    input: Argument[0]\n    kind: logs\n", `x.yml:5: sink: kind "logs"`},
		{"bad path", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    input: Argument[x]\n    kind: log\n", `bad index "x"`},
		{"unknown step", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    input: Arg[0]\n    kind: log\n", `unknown step "Arg"`},
		{"no checked", "language: go\nmodule: m\n", "checked is missing"},
		{"no language", "module: m\nchecked: [v1]\n", "language is missing"},
		{"sink without input", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    kind: log\n", "a sink needs an input"},
		{"source without output", "language: go\nmodule: m\nchecked: [v1]\nsources:\n  - name: F\n    kind: credential\n", "a source needs an output"},
		{"name and names", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    names: [G]\n    input: Argument[0]\n    kind: log\n", "exactly one of name and names"},
		{"field without type", "language: go\nmodule: m\nchecked: [v1]\nsources:\n  - name: F\n    object: field\n    output: Value\n    kind: credential\n", "a field row needs the type"},
		{"func with type", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    type: T\n    object: func\n    input: Argument[0]\n    kind: log\n", "package-level"},
		{"unknown trait", "language: go\nmodule: m\nchecked: [v1]\nfamily: x\napi:\n  - name: F\n    traits: [verifies-nothing]\n", `unknown trait "verifies-nothing"`},
		{"jwt trait without family", "language: go\nmodule: m\nchecked: [v1]\napi:\n  - name: F\n    traits: [unverified]\n", "x.yml:5: api: trait unverified is read only from a JWT library's file: name its family"},
		{"unknown role", "language: go\nmodule: m\nchecked: [v1]\napi:\n  - name: F\n    params: [raw-token, keyfn]\n", `unknown role "keyfn"`},
		{"kind on api", "language: go\nmodule: m\nchecked: [v1]\napi:\n  - name: F\n    kind: log\n", "traits, not a kind"},
		{"traits on sink", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - name: F\n    input: Argument[0]\n    kind: log\n    traits: [signs]\n", "belong to api rows"},
		{"key without key-is", "language: go\nmodule: m\nchecked: [v1]\nsources:\n  - name: F\n    output: ReturnValue\n    kind: credential\n    key: Argument[0]\n", "key and key-is go together"},
		{"foreign package", "language: go\nmodule: m\nchecked: [v1]\nsinks:\n  - package: other\n    name: F\n    input: Argument[0]\n    kind: log\n", `package "other" is not among`},
		{"js row with name", "language: js\nmodule: p\nchecked: [1.0.0]\nsinks:\n  - name: sign\n    input: Argument[1]\n    kind: jwt-key\n", "path only"},
		{"js row without path", "language: js\nmodule: p\nchecked: [1.0.0]\nsinks:\n  - input: Argument[1]\n    kind: jwt-key\n", "needs a path"},
		{"two documents", "language: go\nmodule: m\nchecked: [v1]\n---\nlanguage: go\n", "one YAML document"},
		{"empty", "", "empty model file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yml", []byte(tc.text))
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "x.yml") {
				t.Fatalf("error %q; want it to name x.yml and say %q", err, tc.want)
			}
		})
	}
}

func TestJSRow(t *testing.T) {
	f, err := Parse("jsonwebtoken.yml", []byte(`language: js
module: jsonwebtoken
checked: [9.0.2]
sinks:
  - path: Member[sign]
    input: Argument[1]
    kind: jwt-key
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSet([]*File{f})
	if err != nil {
		t.Fatal(err)
	}
	if rows := s.JS(SectionSink, "jsonwebtoken"); len(rows) != 1 || rows[0].String() != "jsonwebtoken Member[sign]" {
		t.Fatalf("JS rows: %v", rows)
	}
	if rows := s.JS(SectionSource, "jsonwebtoken"); len(rows) != 0 {
		t.Fatalf("sources: %v", rows)
	}
}

func TestSetLookup(t *testing.T) {
	f, err := Parse("m.yml", []byte(`language: go
module: example.com/jwt
checked: [v1.0.0]
family: example
api:
  - type: Parser
    name: Parse
    traits: [parses-verified]
    params: [raw-token, keyfunc, options]
  - name: Parse
    traits: [parses-verified]
    params: [raw-token, keyfunc]
  - name: Sign
    traits: [signs]
    object: method
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSet([]*File{f})
	if err != nil {
		t.Fatal(err)
	}
	const pkg = "example.com/jwt"
	// The method of Parser and the function share the name; method and
	// function lookups keep them apart, whether or not the receiver type
	// is known.
	if got := s.GoMember(SectionAPI, pkg, "Parser", "Parse"); len(got) != 1 || got[0].Type != "Parser" {
		t.Errorf("typed method lookup: %v", got)
	}
	if got := s.GoMember(SectionAPI, pkg, "", "Parse"); len(got) != 1 || got[0].Type != "Parser" {
		t.Errorf("untyped method lookup: %v", got)
	}
	if got := s.GoMember(SectionAPI, pkg, "Token", "Parse"); len(got) != 0 {
		t.Errorf("method of another type: %v", got)
	}
	if got := s.GoFunc(SectionAPI, pkg, "Parse"); len(got) != 1 || got[0].Type != "" {
		t.Errorf("function lookup: %v", got)
	}
	// A method row without a type is a method of any type of the package.
	if got := s.GoMember(SectionAPI, pkg, "SigningMethodHMAC", "Sign"); len(got) != 1 {
		t.Errorf("any-type method: %v", got)
	}
	if got := s.GoFunc(SectionAPI, pkg, "Sign"); len(got) != 0 {
		t.Errorf("a method found as a function: %v", got)
	}
	if got := s.GoFunc(SectionSource, pkg, "Parse"); len(got) != 0 {
		t.Errorf("section filter: %v", got)
	}
	// Parse's keyfunc parameter gives it a derived jwt-key sink row (the
	// result the keyfunc returns), and its raw-token parameter a jwt-token
	// one, kept apart from its api row.
	if got := s.GoFunc(SectionSink, pkg, "Parse"); len(got) != 2 ||
		got[0].Kind != SinkJWTToken || got[0].Input != "Argument[0]" ||
		got[1].Kind != SinkJWTKey || got[1].Input != "Argument[1].ReturnValue[0]" {
		t.Errorf("derived sinks of Parse: %v", got)
	}
	// Two api rows (method and function) and their four derived sinks.
	if got := s.GoNamed(pkg, "Parse"); len(got) != 6 {
		t.Errorf("GoNamed: %v", got)
	}
	r := s.GoMember(SectionAPI, pkg, "Parser", "Parse")[0]
	if r.Param(0) != RoleRawToken || r.Param(5) != RoleOptions || r.ParamIndex(RoleKeyfunc) != 1 {
		t.Errorf("params: %q %q %d", r.Param(0), r.Param(5), r.ParamIndex(RoleKeyfunc))
	}
	fn := s.GoFunc(SectionAPI, pkg, "Parse")[0]
	if fn.Param(2) != RoleOther {
		t.Errorf("past the end of non-variadic params: %q", fn.Param(2))
	}
	if file, ok := s.FileOf(Go, pkg); !ok || file != f {
		t.Errorf("FileOf: %v %v", file, ok)
	}
}

func TestSetRejectsTwoFilesForOnePackage(t *testing.T) {
	a, err := Parse("a.yml", []byte("language: go\nmodule: log\nchecked: [go1.26]\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.yml", []byte("language: go\nmodule: example.com/x\npackages: [log]\nchecked: [v1]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewSet([]*File{a, b}); err == nil || !strings.Contains(err.Error(), "b.yml: package log is already described by a.yml") {
		t.Fatalf("err = %v", err)
	}
	// The same package in Go and JS is two libraries.
	c, err := Parse("c.yml", []byte("language: js\nmodule: log\nchecked: [1.0.0]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewSet([]*File{a, c}); err != nil {
		t.Fatalf("go and js package of one name: %v", err)
	}
}

func TestParsePath(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		sel     []int // positions an Argument step selects among 0..4
		recv    bool
	}{
		{"Argument[0]", "Argument[0]", []int{0}, false},
		{"Argument[1..]", "Argument[1..]", []int{1, 2, 3, 4}, false},
		{"Argument[1..2]", "Argument[1..2]", []int{1, 2}, false},
		{"Argument[receiver]", "Argument[receiver]", nil, true},
		{"Argument[this]", "Argument[receiver]", nil, true},
		{"Argument[-1]", "Argument[receiver]", nil, true},
		{"Argument[0].Member[cookie].Member[secure]", "Argument[0].Member[cookie].Member[secure]", []int{0}, false},
	} {
		p, err := ParsePath(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if p.String() != tc.out {
			t.Errorf("%s: String() = %s", tc.in, p)
		}
		selects, recv, ok := p.Arguments()
		if !ok || recv != tc.recv {
			t.Errorf("%s: Arguments() ok=%v recv=%v", tc.in, ok, recv)
		}
		var got []int
		for i := range 5 {
			if selects(i) {
				got = append(got, i)
			}
		}
		if intsString(got) != intsString(tc.sel) {
			t.Errorf("%s selects %v, want %v", tc.in, got, tc.sel)
		}
	}
	for _, s := range []string{"ReturnValue", "ReturnValue[1]", "Member[x].Instance.Member[set]", "Parameter[0]", "ArrayElement", "MapValue", "Value"} {
		p, err := ParsePath(s)
		if err != nil || p.String() != s {
			t.Errorf("%s: %v, %v", s, p, err)
		}
		if _, _, ok := p.Arguments(); ok && !strings.HasPrefix(s, "Argument") {
			t.Errorf("%s: Arguments() ok for a non-argument path", s)
		}
	}
	for _, s := range []string{"", "Argument", "Argument[", "Argument[2..1]", "ReturnValue[0..]", "Member[]", "Instance[0]", "Field[x]"} {
		if _, err := ParsePath(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

func intsString(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(rune('0' + x)))
	}
	return b.String()
}

func TestBuiltinModelsLoad(t *testing.T) {
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Files()) == 0 {
		t.Fatal("no embedded model files")
	}
	for _, f := range s.Files() {
		if !strings.HasPrefix(f.Path, "go/") && !strings.HasPrefix(f.Path, "js/") {
			t.Errorf("%s: embedded models live under go/ or js/", f.Path)
		}
		if want := Language(strings.Split(f.Path, "/")[0]); f.Language != want {
			t.Errorf("%s: language %q in the %s directory", f.Path, f.Language, want)
		}
	}
	if rows := s.GoFunc(SectionSink, "log", "Printf"); len(rows) == 0 {
		t.Error("log.Printf is not a log sink in the embedded models")
	}
}

func TestWithUser(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("acme.yml", "language: go\nmodule: example.com/acme/log\nchecked: [v0.3.0]\nsinks:\n  - name: Say\n    input: Argument[0..]\n    kind: log\n")
	s, err := WithUser([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if rows := s.GoFunc(SectionSink, "example.com/acme/log", "Say"); len(rows) != 1 {
		t.Fatalf("user row not indexed: %v", rows)
	}
	if !strings.HasPrefix(s.GoFunc(SectionSink, "example.com/acme/log", "Say")[0].Where(), filepath.Join(dir, "acme.yml")) {
		t.Errorf("user row's place: %s", s.GoFunc(SectionSink, "example.com/acme/log", "Say")[0].Where())
	}
	write("dup.yml", "language: go\nmodule: log\nchecked: [go1.26]\n")
	if _, err := WithUser([]string{dir}); err == nil || !strings.Contains(err.Error(), "already described by go/log.yml") {
		t.Fatalf("a user file for an embedded package: %v", err)
	}
	if _, err := WithUser([]string{filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "models directory") {
		t.Fatalf("missing dir: %v", err)
	}
}

func TestUseDirs(t *testing.T) {
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		userDirs.given, userDirs.abs = nil, nil
		Use(builtin)
	})
	good, bad := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(good, "acme.yml"), []byte("language: go\nmodule: example.com/acme/log\nchecked: [v0.3.0]\nsinks:\n  - name: Say\n    input: Argument[0..]\n    kind: log\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "typo.yml"), []byte("language: go\nmodule: example.com/typo\nchecked: [v1]\nsinks:\n  - name: Say\n    input: Argument[0..]\n    kind: logs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Flag().Set(good); err != nil {
		t.Fatal(err)
	}
	if rows := Current().GoFunc(SectionSink, "example.com/acme/log", "Say"); len(rows) != 1 {
		t.Fatalf("user row not in Current(): %v", rows)
	}
	// The same directory again, as two analyzers' flags give it: no
	// "already described" error.
	if err := UseDirs(good, filepath.Join(good, ".")); err != nil {
		t.Fatalf("a directory given twice: %v", err)
	}
	before := Current()
	err = UseDirs(bad)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(bad, "typo.yml")) && !strings.Contains(err.Error(), "typo.yml:5") {
		t.Fatalf("bad model file: %v", err)
	}
	if !strings.Contains(err.Error(), "typo.yml:5") {
		t.Errorf("the error does not name the line: %v", err)
	}
	if Current() != before || len(UserDirs()) != 1 {
		t.Errorf("a failed UseDirs changed the set in use (dirs %v)", UserDirs())
	}
}
