// Package goscope decides which Go files' findings a run reports, the same
// way under both drivers: `tokenvet scan` and `go vet -vettool`.
//
// Two kinds of file are left out by default:
//
//   - Test code: _test.go files, files built only under a build tag that
//     names a test suite (//go:build e2etest, integration: TestOnly), and
//     the packages only tests import, by
//     their directory within the module (fixtures/, testutil/, mocks/,
//     testdata/, e2e/, …: rules/secrets.IsTestDir, the same places the
//     secret and browser rules call test code). tokenvet scan loads
//     _test.go files only with --tests; go vet always hands the tool the
//     test variants of each package, so without this filter the two
//     drivers would disagree on every finding in a test file. Under go
//     vet, -tests reports them.
//   - Generated files, marked by the "// Code generated … DO NOT EDIT."
//     comment the go command recognises (ast.IsGenerated): a finding there
//     is fixed in the generator or its input, and the file is rewritten
//     on the next generate. --include-generated (scan) or
//     -include-generated (go vet) reports them. hardcoded-token is the
//     exception: a credential compiled into a generated file is committed
//     all the same, so its own context layer decides (generated files
//     keep provider-format secrets and private keys, see
//     rules/secrets).
//
// The filter wraps each analyzer's Report, as suppress.Analyzers does for
// tokenvet:ignore comments, so no analyzer has to know about it.
package goscope

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/token"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/rules/secrets"
)

// Policy says which of the files left out by default are reported.
type Policy struct {
	// Tests reports findings in _test.go files.
	Tests bool
	// Generated reports findings in generated files.
	Generated bool
	// Always names analyzers whose findings are never left out for being
	// in a generated file (they judge such files themselves).
	Always map[string]bool
}

// Counts is how many findings a Policy left out, per kind of file. A
// finding is counted once however many variants of its package report
// it (with --tests, a package and its test variant both do). It is safe
// for concurrent use; the checker runs packages in parallel.
type Counts struct {
	mu               sync.Mutex
	tests, generated map[string]bool
}

// Tests is the number of findings left out because they were in _test.go
// files.
func (c *Counts) Tests() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.tests)
}

// Generated is the number of findings left out because they were in
// generated files.
func (c *Counts) Generated() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.generated)
}

func (c *Counts) add(set *map[string]bool, key string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if *set == nil {
		*set = map[string]bool{}
	}
	(*set)[key] = true
}

// Analyzers returns copies of as whose diagnostics in files p leaves out
// are dropped and, when counts is not nil, counted. p is read when an
// analyzer runs, not before: under go vet the flags that fill it are
// parsed after the analyzers are handed over.
func Analyzers(as []*analysis.Analyzer, p *Policy, counts *Counts) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (any, error) {
			p, always := *p, p.Always[a.Name]
			if p.Tests && p.Generated {
				return run(pass)
			}
			report := pass.Report
			generated, testOnly := map[*ast.File]bool{}, map[*ast.File]bool{}
			inTestDir := !p.Tests && testPackage(pass) // the same for every diagnostic of the pass
			pass.Report = func(d analysis.Diagnostic) {
				why := leftOut(pass, d.Pos, p, always, inTestDir, fileCache{generated, testOnly})
				if why == "" {
					report(d)
					return
				}
				if counts == nil {
					return
				}
				key := fmt.Sprintf("%s %s %s", pass.Fset.PositionFor(d.Pos, false), d.Category, d.Message)
				if why == "test" {
					counts.add(&counts.tests, key)
				} else {
					counts.add(&counts.generated, key)
				}
			}
			return run(pass)
		}
		out[i] = &w
	}
	return out
}

// fileCache holds, per file of a pass, what leftOut asked of it once:
// ast.IsGenerated and TestOnly.
type fileCache struct{ generated, testOnly map[*ast.File]bool }

// cached returns m[f], computing it with fn the first time.
func cached(m map[*ast.File]bool, f *ast.File, fn func(*ast.File) bool) bool {
	v, ok := m[f]
	if !ok {
		v = fn(f)
		m[f] = v
	}
	return v
}

// leftOut says why the diagnostic at pos is not reported ("test" or
// "generated"), or "" when it is. inTestDir says the pass's package is
// test code left out (testPackage); cache holds per-file answers.
func leftOut(pass *analysis.Pass, pos token.Pos, p Policy, always, inTestDir bool, cache fileCache) string {
	if inTestDir || !p.Tests && strings.HasSuffix(pass.Fset.PositionFor(pos, false).Filename, "_test.go") {
		return "test"
	}
	if p.Tests && (p.Generated || always) {
		return ""
	}
	f := enclosingFile(pass.Files, pos)
	if f == nil {
		return ""
	}
	if !p.Tests && cached(cache.testOnly, f, TestOnly) {
		return "test"
	}
	if !p.Generated && !always && cached(cache.generated, f, IsGenerated) {
		return "generated"
	}
	return ""
}

// TestOnly reports whether f's build constraint admits it only under a
// build tag that names a test suite (//go:build e2etest, integration,
// testing && linux): code a test run compiles in, as _test.go files are,
// which a release build never holds.
func TestOnly(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			e, err := constraint.Parse(c.Text)
			return err == nil && TestOnlyConstraint(e)
		}
	}
	return false
}

// TestOnlyConstraint reports whether build constraint e needs a build tag
// that names a test suite: it is false with every such tag off and true
// with them on, the platform tags as this machine's.
func TestOnlyConstraint(e constraint.Expr) bool {
	return !e.Eval(func(tag string) bool { return !testTag(tag) && platformTag(tag) }) &&
		e.Eval(func(tag string) bool { return testTag(tag) || platformTag(tag) })
}

// testTag reports a build tag that names a test suite: test, testing,
// e2e, integration, mock, or a word ending in "test" after a kind of
// test (e2etest, integrationtest, unit_test, acceptance-test).
func testTag(tag string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(tag), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		switch w {
		case "test", "tests", "testing", "testonly", "e2e", "integration", "integrations", "mock", "mocks", "fixtures":
			return true
		}
		for _, kind := range []string{"e2e", "integration", "unit", "system", "acceptance", "smoke", "functional", "api", "load"} {
			if w == kind+"test" || w == kind+"tests" {
				return true
			}
		}
	}
	return false
}

// platformTag reports the tags a plain build on this machine satisfies.
func platformTag(tag string) bool {
	switch tag {
	case runtime.GOOS, runtime.GOARCH, "gc":
		return true
	case "unix":
		return runtime.GOOS != "windows" && runtime.GOOS != "plan9" && runtime.GOOS != "js" && runtime.GOOS != "wasip1"
	}
	return strings.HasPrefix(tag, "go1.")
}

// testPackage reports whether the pass's package lies in a directory of
// test code within its module (server/forge/fixtures, internal/testutil).
// Only the part of the import path below the module counts, so that a
// module named …/test is not all test code; spec/ is not test code in Go,
// where packages of that name describe APIs.
func testPackage(pass *analysis.Pass) bool {
	if pass.Module == nil || pass.Module.Path == "" || pass.Pkg == nil {
		return false
	}
	rel, ok := strings.CutPrefix(pass.Pkg.Path(), pass.Module.Path+"/")
	if !ok {
		return false
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg != "spec" && seg != "specs" && secrets.IsTestDir(strings.ToLower(seg)) {
			return true
		}
	}
	return false
}

// IsGenerated reports whether f carries the generated-code marker the go
// command recognises: a line "// Code generated … DO NOT EDIT." before
// the package clause.
func IsGenerated(f *ast.File) bool { return ast.IsGenerated(f) }

func enclosingFile(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
