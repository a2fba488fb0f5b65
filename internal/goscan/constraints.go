package goscan

import (
	"bufio"
	"bytes"
	"fmt"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"runtime"
	"slices"
	"strings"
)

// buildEnv is the configuration the go command loaded with, as far as
// build constraints go: it is used to say why a file was left out.
type buildEnv struct {
	goos, goarch string
	tags         []string
}

func newBuildEnv(env, tags []string) buildEnv {
	b := buildEnv{goos: lookupEnv(env, "GOOS"), goarch: lookupEnv(env, "GOARCH"), tags: tags}
	if b.goos == "" {
		b.goos = runtime.GOOS
	}
	if b.goarch == "" {
		b.goarch = runtime.GOARCH
	}
	return b
}

// matches reports whether go/build would include a file called name with
// content src in a package, under b.
func (b buildEnv) matches(dir, name string, src []byte) bool {
	ctxt := build.Default
	ctxt.GOOS, ctxt.GOARCH = b.goos, b.goarch
	ctxt.CgoEnabled = false
	ctxt.BuildTags = b.tags
	ctxt.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(src)), nil }
	ok, err := ctxt.MatchFile(dir, name)
	return ok && err == nil
}

// excludedReason says why the go command left the file name (content
// src, in dir) out of its package, or "" when build constraints do not
// exclude it. It starts "excluded by build constraints" and ends with
// what to do to type-check the file, if anything.
func (b buildEnv) excludedReason(dir, name string, src []byte) string {
	const prefix = "excluded by build constraints: "
	platform := "GOOS=" + b.goos + " GOARCH=" + b.goarch
	if !b.matches(dir, name, []byte("package p\n")) {
		return prefix + "its name" + platformSuffix(name) + " is for another platform than " + platform
	}
	if line, expr := buildLine(src); line != "" && !b.matches(dir, name, []byte(line+"\n\npackage p\n")) {
		tags := "none"
		if len(b.tags) > 0 {
			tags = strings.Join(b.tags, ",")
		}
		hint := "--build-tags type-checks tagged files"
		if t, ok := expr.(*constraint.TagExpr); ok {
			hint = "--build-tags " + t.Tag + " type-checks it"
			if isPlatformTag(t.Tag) {
				hint = "GOOS and GOARCH in the environment choose the platform"
			}
		}
		return fmt.Sprintf("%s%s is not satisfied (%s, build tags: %s; %s)", prefix, shorten(line, 80), platform, tags, hint)
	}
	if importsC(src) {
		return prefix + `it uses cgo (import "C"), and tokenvet never runs cgo or the C compiler (CGO_ENABLED=0)`
	}
	return ""
}

// buildLine returns the file's //go:build line (or its first // +build
// line) and the parsed expression, from the comments before the package
// clause.
func buildLine(src []byte) (string, constraint.Expr) {
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	plus := ""
	var plusExpr constraint.Expr
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "/*") || strings.HasPrefix(line, "*"):
			continue
		case !strings.HasPrefix(line, "//"):
			return plus, plusExpr
		case constraint.IsGoBuild(line):
			if e, err := constraint.Parse(line); err == nil {
				return line, e
			}
		case plus == "" && constraint.IsPlusBuild(line):
			if e, err := constraint.Parse(line); err == nil {
				plus, plusExpr = line, e
			}
		}
	}
	return plus, plusExpr
}

// platformTags are the tags the go command sets itself, which
// --build-tags cannot (GOOS and GOARCH in the environment do).
var platformTags = strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js linux netbsd openbsd
	plan9 solaris wasip1 windows zos 386 amd64 arm arm64 loong64 mips mipsle mips64 mips64le ppc64 ppc64le
	riscv64 s390x wasm unix cgo gc gccgo`)

func isPlatformTag(tag string) bool {
	return strings.HasPrefix(tag, "go1.") || slices.Contains(platformTags, tag)
}

// importsC reports whether the file imports "C".
func importsC(src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if f == nil {
		return false
	}
	_ = err // a later syntax error does not matter here
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// shorten cuts s to n bytes at a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// platformSuffix returns the _GOOS, _GOARCH or _GOOS_GOARCH part of a
// file name, as " (_windows)", or "".
func platformSuffix(name string) string {
	parts := strings.Split(strings.TrimSuffix(strings.TrimSuffix(name, ".go"), "_test"), "_")
	n := 0
	for i := len(parts) - 1; i > 0 && n < 2 && isPlatformTag(parts[i]); i-- {
		n++
	}
	if n == 0 {
		return ""
	}
	return " (_" + strings.Join(parts[len(parts)-n:], "_") + ")"
}
