package goscope

import (
	"go/ast"
	"go/parser"
	"go/token"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// everyVar reports each package-level var by name, so a test sees which
// files' findings a policy keeps.
var everyVar = &analysis.Analyzer{
	Name: "everyvar",
	Doc:  "reports every package-level var",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			if !strings.Contains(pass.Fset.File(f.Pos()).Name(), "testdata") {
				continue // the go command's generated test main
			}
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok {
					for _, s := range g.Specs {
						if v, ok := s.(*ast.ValueSpec); ok {
							pass.Reportf(v.Pos(), "%s", v.Names[0].Name)
						}
					}
				}
			}
		}
		return nil, nil
	},
}

func reported(t *testing.T, p Policy, counts *Counts) []string {
	t.Helper()
	a := Analyzers([]*analysis.Analyzer{everyVar}, &p, counts)[0]
	var got []string
	for _, r := range analysistest.Run(nopT{}, analysistest.TestData(), a, "p") {
		for _, d := range r.Diagnostics {
			got = append(got, d.Message)
		}
	}
	slices.Sort(got)
	return slices.Compact(got)
}

// nopT lets analysistest.Run run without // want comments.
type nopT struct{}

func (nopT) Errorf(string, ...any) {}

func TestPolicy(t *testing.T) {
	tests := []struct {
		name   string
		p      Policy
		want   []string
		tests  bool // some findings were left out as test code
		genned bool // some were left out as generated
	}{
		{"default", Policy{}, []string{"Handwritten", "Token"}, true, true},
		{"tests", Policy{Tests: true}, []string{"Handwritten", "InTest", "Token"}, false, true},
		{"generated", Policy{Generated: true}, []string{"Generated", "Handwritten", "Token"}, true, false},
		{"both", Policy{Tests: true, Generated: true}, []string{"Generated", "Handwritten", "InTest", "Token"}, false, false},
		{"always", Policy{Always: map[string]bool{"everyvar": true}}, []string{"Generated", "Handwritten", "Token"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Counts
			got := reported(t, tt.p, &c)
			if !slices.Equal(got, tt.want) {
				t.Errorf("reported %v, want %v", got, tt.want)
			}
			if (c.Tests() > 0) != tt.tests || (c.Generated() > 0) != tt.genned {
				t.Errorf("counted %d in tests and %d generated; want tests %v, generated %v", c.Tests(), c.Generated(), tt.tests, tt.genned)
			}
		})
	}
}

// A file built only under a test suite's tag is test code (held-out pass
// 7: an e2etest-tagged service seeding fixture tokens); a platform
// constraint, or a tag that merely contains the letters, is not.
func TestTestOnly(t *testing.T) {
	for _, c := range []struct {
		build string
		want  bool
	}{
		{"//go:build e2etest", true},
		{"//go:build integration", true},
		{"//go:build e2e && !windows", true},
		{"//go:build linux && acceptance_test", true},
		{"//go:build testing || mock", true},
		{"//go:build !e2etest", false},
		{"//go:build e2etest || linux", runtime.GOOS != "linux"},
		{"//go:build linux", false},
		{"//go:build latest", false},
		{"//go:build attestation", false},
		{"//go:build go1.21", false},
		{"", false},
	} {
		src := c.build + "\n\npackage p\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := TestOnly(f); got != c.want {
			t.Errorf("TestOnly(%q) = %v, want %v", c.build, got, c.want)
		}
	}
}
