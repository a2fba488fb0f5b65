package goscan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/analyzers"
)

// loaderOutcome is what a scan found, as text comparable across loaders:
// every diagnostic with its positions, partial flag and fixes, and every
// problem.
func loaderOutcome(res *Result) (diags, problems []string) {
	for _, d := range res.Diagnostics {
		diags = append(diags, fmt.Sprintf("%s %s-%s %s partial=%t %q fixes=%v", d.Category, d.Start, d.End, d.Analyzer, d.Partial, d.Message, d.Fixes))
	}
	for _, p := range res.Problems {
		problems = append(problems, fmt.Sprintf("%s %s %s:%d:%d %q", p.Kind, p.Package, p.File, p.Line, p.Col, p.Message))
	}
	return diags, problems
}

// compareLoaders scans with the source loader and with export data and
// fails on any difference in diagnostics, problems or unanalysed files.
// A module the source loader declines fails the test unless fallback
// names it: the comparison must exercise the source loader.
func compareLoaders(t *testing.T, opts Options, fallback ...string) {
	t.Helper()
	var declinedFor []string
	opts.Progress = func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); strings.Contains(msg, "with export data") {
			declinedFor = append(declinedFor, msg)
		}
	}
	src := run(t, opts)
	if len(declinedFor) != len(fallback) {
		t.Errorf("source loader declined %d modules, want %d: %v", len(declinedFor), len(fallback), declinedFor)
	}
	opts.Progress = nil
	// Twice more with a types cache: filled, then read.
	opts.CacheDir = t.TempDir()
	filled := run(t, opts)
	reread := run(t, opts)
	// The second time only the direct imports of the scanned packages
	// are read (lazydeps.go); none is type-checked.
	if len(fallback) == 0 && (filled.TypesCacheMisses == 0 || reread.TypesCacheHits+reread.TypesCacheUnneeded != filled.TypesCacheMisses ||
		reread.TypesCacheMisses != 0 || reread.TypesCacheHits == 0) {
		t.Errorf("types cache: first scan %d read, %d checked; second %d read, %d checked, %d not needed: want all read or not needed the second time",
			filled.TypesCacheHits, filled.TypesCacheMisses, reread.TypesCacheHits, reread.TypesCacheMisses, reread.TypesCacheUnneeded)
	}
	opts.CacheDir = ""
	opts.exportData = true
	exp := run(t, opts)
	sd, sp := loaderOutcome(src)
	ed, ep := loaderOutcome(exp)
	if len(sd) == 0 {
		t.Errorf("no diagnostics: the comparison would prove nothing")
	}
	if !slices.Equal(sd, ed) {
		t.Errorf("diagnostics differ:\nsource loader:\n%s\nexport data:\n%s", lines(sd), lines(ed))
	}
	if !slices.Equal(sp, ep) {
		t.Errorf("problems differ:\nsource loader:\n%s\nexport data:\n%s", lines(sp), lines(ep))
	}
	if fmt.Sprint(src.Unanalysed) != fmt.Sprint(exp.Unanalysed) || src.Packages != exp.Packages {
		t.Errorf("unanalysed files or package counts differ: %v %d vs %v %d", src.Unanalysed, src.Packages, exp.Unanalysed, exp.Packages)
	}
	for name, res := range map[string]*Result{"filling the types cache": filled, "reading the types cache": reread} {
		d, p := loaderOutcome(res)
		if !slices.Equal(d, ed) || !slices.Equal(p, ep) {
			t.Errorf("%s: findings or problems differ from export data:\n%s\n%s", name, lines(d), lines(p))
		}
	}
}

func lines(ss []string) string {
	out := ""
	for _, s := range ss {
		out += "\t" + s + "\n"
	}
	return out
}

func TestSourceLoaderMatchesExportDataDemo(t *testing.T) {
	demo, err := filepath.Abs("../../testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	// The scans below run with GOPROXY=off, so the demo's modules must be
	// in the module cache already; on a fresh machine nothing else in this
	// package puts them there.
	download := exec.Command("go", "mod", "download")
	download.Dir = demo
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", demo, err, out)
	}
	for _, tests := range []bool{false, true} {
		t.Run(fmt.Sprint("tests=", tests), func(t *testing.T) {
			compareLoaders(t, Options{Dirs: []string{demo}, Tests: tests, Jobs: 2})
		})
	}
}

// TestSourceLoaderMatchesExportDataModules: two modules (one a local
// replace of the other), tests and external tests, build tags, a
// constant and a generic function of a dependency used by the rules, a
// function that hands a token across packages (facts), a package that
// does not type-check, a cgo file, the standard library's vendored
// packages (net/http), and a package the source loader must decline.
func TestSourceLoaderMatchesExportDataModules(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
		"lib/lib.go": "package lib\n\nconst Token = \"" + pat + "\"\n\nfunc First[T any](xs []T) T { var zero T; if len(xs) == 0 { return zero }; return xs[0] }\n" +
			"\nfunc Header() string { return \"Bearer \" + Token }\n",
		"lib/sub/sub.go": "//go:build go1.21\n\npackage sub\n\nimport \"example.com/lib\"\n\nvar Keys = []string{lib.Token}\n",
		"r/go.mod":       "module example.com/r\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
		"r/a/a.go": "package a\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/lib\"\n)\n\n" +
			"func Token() string { return \"" + pat + "\" }\n\n" +
			"func Send(r *http.Request) {\n\tr.Header.Set(\"Authorization\", \"Bearer \"+lib.Token)\n\tr.URL.RawQuery = \"access_token=\" + lib.First([]string{Token()})\n}\n",
		"r/a/a_test.go":  "package a\n\nconst testKey = \"" + pat + "\"\n",
		"r/a/ax_test.go": "package a_test\n\nimport (\n\t\"log\"\n\n\t\"example.com/r/a\"\n)\n\nfunc init() { log.Println(a.Token()) }\n",
		"r/b/b.go": "package b\n\nimport (\n\t\"log\"\n\t\"net/http\"\n\n\t\"example.com/r/a\"\n)\n\n" +
			"func H(w http.ResponseWriter, r *http.Request) {\n\tt := r.URL.Query().Get(\"access_token\")\n\tlog.Printf(\"token %s %s\", t, a.Token())\n" +
			"\thttp.SetCookie(w, &http.Cookie{Name: \"session_token\", Value: t})\n}\n",
		"r/b/tagged.go": "//go:build integration\n\npackage b\n\nimport \"log\"\n\nfunc init() { log.Println(\"" + pat + "\") }\n",
		"r/bad/bad.go":  "package bad\n\nimport \"example.com/r/a\"\n\nvar X int = a.Token()\n\nconst T = \"" + pat + "\"\n",
		"r/cg/cg.go":    "package cg\n\n// int f(void) { return 1; }\nimport \"C\"\n\nconst T = \"" + pat + "\"\n",
		"r/cg/pure.go":  "package cg\n\nconst U = \"" + pat + "\"\n",
	})
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"plain", Options{Dirs: []string{dir}, Jobs: 2}},
		{"tests", Options{Dirs: []string{dir}, Tests: true, Jobs: 2}},
		{"tags", Options{Dirs: []string{dir}, Tests: true, BuildTags: []string{"integration"}, Jobs: 1}},
		{"subdir", Options{Dirs: []string{filepath.Join(dir, "r", "b")}, Tests: true, Jobs: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) { compareLoaders(t, tc.opts) })
	}
	t.Run("declined", func(t *testing.T) {
		// A function without a body and no assembly: only the compiler
		// reports it, so the module goes to go/packages.
		mkfiles(t, dir, map[string]string{"r/nobody/n.go": "package nobody\n\nfunc F()\n\nconst T = \"" + pat + "\"\n"})
		compareLoaders(t, Options{Dirs: []string{dir}, Jobs: 2}, "example.com/r")
	})
}

// TestSourceLoaderInterruptEndsGoList: cancelling the scan while the
// source loader's go list is blocked (here on a module proxy that never
// answers) makes Run return promptly, and the go command is gone: its
// connection to the proxy is closed.
func TestSourceLoaderInterruptEndsGoList(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	conns := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns <- c // never answered
		}
	}()
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod": "module example.com/r\n\ngo 1.22\n\nrequire example.com/never v1.0.0\n",
		"a.go":   "package r\n\nimport \"example.com/never\"\n\nvar X = never.X\n",
	})
	env := append(os.Environ(), "GOPROXY=http://"+ln.Addr().String(), "GOFLAGS=-mod=mod",
		"GOSUMDB=off", "GOMODCACHE="+t.TempDir(), "GOTMPDIR="+t.TempDir())
	bound, cancelBound := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancelBound()
	ctx, cancel := context.WithCancel(bound)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Options{Dirs: []string{dir}, Analyzers: analyzers.All(), Env: env})
		done <- err
	}()
	var c net.Conn
	select {
	case c = <-conns:
	case <-bound.Done():
		t.Fatal("go list never asked the proxy")
	}
	defer c.Close()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-bound.Done():
		t.Fatal("Run did not return after the cancellation")
	}
	// The go command has exited: the proxy reads end of file.
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.Copy(io.Discard, c); err != nil {
		t.Errorf("the go command still holds its connection to the proxy: %v", err)
	}
}

// TestTypesCacheInvalidation: a changed file of a dependency makes the
// next scan type-check that package and those importing it again, and
// read every other dependency from the cache.
func TestTypesCacheInvalidation(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"lib/go.mod":    "module example.com/lib\n\ngo 1.22\n",
		"lib/lib.go":    "package lib\n\nconst Token = \"" + pat + "\"\n",
		"lib/up/up.go":  "package up\n\nimport \"example.com/lib\"\n\nconst T = lib.Token\n",
		"lib/side/s.go": "package side\n\nconst S = 1\n",
		"r/go.mod":      "module example.com/r\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
		"r/a/a.go":      "package a\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/lib/side\"\n\t\"example.com/lib/up\"\n)\n\nfunc Send(r *http.Request) {\n\t_ = side.S\n\tr.Header.Set(\"Authorization\", \"Bearer \"+up.T)\n}\n",
	})
	opts := Options{Dirs: []string{filepath.Join(dir, "r")}, Jobs: 2, CacheDir: t.TempDir()}
	first := run(t, opts)
	second := run(t, opts)
	// Unchanged: only a's three imports are read (net/http, side, up);
	// the rest of the graph is left unread.
	if second.TypesCacheMisses != 0 || second.TypesCacheHits != 3 || second.TypesCacheHits+second.TypesCacheUnneeded != first.TypesCacheMisses {
		t.Fatalf("unchanged tree: %d read, %d checked, %d not needed; want 3 read and the other %d of the first scan not needed",
			second.TypesCacheHits, second.TypesCacheMisses, second.TypesCacheUnneeded, first.TypesCacheMisses-3)
	}
	d2, _ := loaderOutcome(second)
	mkfiles(t, dir, map[string]string{"lib/lib.go": "package lib\n\n// Token is changed.\nconst Token = \"" + pat + "\"\n"})
	third := run(t, opts)
	// lib and up, which imports it; not side, nor the standard library.
	if third.TypesCacheMisses != 2 || third.TypesCacheHits != first.TypesCacheMisses-2 {
		t.Errorf("after changing lib.go: %d read, %d checked; want 2 checked (lib, up) and %d read", third.TypesCacheHits, third.TypesCacheMisses, first.TypesCacheMisses-2)
	}
	d1, _ := loaderOutcome(first)
	d3, _ := loaderOutcome(third)
	if len(d1) == 0 || !slices.Equal(d1, d3) || !slices.Equal(d1, d2) {
		t.Errorf("findings changed:\n%s\n%s\n%s", lines(d1), lines(d2), lines(d3))
	}
}
