package goflow_test

import (
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/flow/goflow/internal/flowreport"
)

// loadTyped loads the test packages with types, outside analysistest.
func loadTyped(t *testing.T, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadSyntax,
		Dir:  filepath.Join("testdata", "src"),
		Env:  append(os.Environ(), "GOPATH="+mustAbs(t, "testdata"), "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("test packages do not load")
	}
	return pkgs
}

func newFlow(p *packages.Package) *goflow.Flow {
	return goflow.New(goflow.Config{Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, Info: p.TypesInfo})
}

// describeAll describes every sink use, in the order given.
func describeAll(fl *goflow.Flow, uses []*goflow.SinkUse) map[string]string {
	out := map[string]string{}
	for _, u := range uses {
		out[fl.Fset().Position(u.Arg.Pos()).String()+" "+u.Kind+" "+u.Via] = flowreport.Describe(fl, u)
	}
	return out
}

// TestOrderDoesNotMatter asks the same questions in two orders, the
// second after questions about every expression of the package from the
// last to the first: summaries are shared between queries, and must not
// depend on which query computed them (rules run in parallel and ask in
// any order; go vet and tokenvet scan must agree).
func TestOrderDoesNotMatter(t *testing.T) {
	for _, p := range loadTyped(t, testPackages...) {
		fl := newFlow(p)
		want := describeAll(fl, fl.Sinks(""))

		other := newFlow(p)
		var exprs []ast.Expr
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					exprs = append(exprs, e)
				}
				return true
			})
		}
		for _, e := range slices.Backward(exprs) {
			other.Origins(e)
		}
		uses := other.Sinks("")
		slices.Reverse(uses)
		got := describeAll(other, uses)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: asked after others: %s\nasked first: %s", k, got[k], w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d sink uses asked after others, %d first", p.PkgPath, len(got), len(want))
		}
	}
}

// TestConcurrentQueries asks one Flow from several goroutines at once,
// as the rule analyzers sharing it do (make test runs it with -race).
func TestConcurrentQueries(t *testing.T) {
	for _, p := range loadTyped(t, "flowtest/fields", "flowtest/calls") {
		fl := newFlow(p)
		want := describeAll(fl, fl.Sinks(""))
		var wg sync.WaitGroup
		results := make([]map[string]string, 4)
		for i := range results {
			wg.Go(func() { results[i] = describeAll(fl, fl.Sinks("")) })
		}
		wg.Wait()
		for _, got := range results {
			for k, w := range want {
				if got[k] != w {
					t.Errorf("%s: concurrently: %s\nalone: %s", k, got[k], w)
				}
			}
		}
	}
}
