package goflow_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/flow/goflow/internal/flowreport"
	"github.com/tokenvet/tokenvet/model"
)

// The test data are packages under testdata/src whose calls of the stub
// library example.com/sink (modelled by testdata/models/sink.yml) are
// sinks. The reporter below turns every sink use into a diagnostic that
// lists the origins of the value entering it, and the files say what
// each must be with // want comments: the findings and the non-findings
// (an origin list anchored with ^…$ that must not contain a literal or a
// source).
//
// Each package runs three ways: type-checked (analysistest), type-checked
// without its imports (as tokenvet's syntactic fallback loads code
// without a go.mod), and with no type information at all. A /* untyped:
// "re" … */ comment on a line replaces its expectations for the last two,
// where the answer may be less precise.

func TestMain(m *testing.M) {
	set, err := model.WithUser([]string{"testdata/models"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	model.Use(set)
	os.Exit(m.Run())
}

// reporter reports the origins of every sink use.
var reporter = flowreport.Analyzer

type diag struct {
	pos token.Pos
	msg string
}

func report(fl *goflow.Flow) []diag {
	var out []diag
	for _, u := range fl.Sinks("") {
		out = append(out, diag{u.Arg.Pos(), flowreport.Describe(fl, u)})
	}
	return out
}

var testPackages = []string{"flowtest/basic", "flowtest/fields", "flowtest/calls", "flowtest/models"}

func TestTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), reporter, testPackages...)
}

func TestWithoutImports(t *testing.T) {
	for _, pkg := range testPackages {
		t.Run(pkg, func(t *testing.T) { checkUntyped(t, pkg, false) })
	}
}

func TestWithoutTypes(t *testing.T) {
	for _, pkg := range testPackages {
		t.Run(pkg, func(t *testing.T) { checkUntyped(t, pkg, true) })
	}
}

// unresolved is an importer that resolves nothing, as in tokenvet's
// loading of directories without a loadable module.
type unresolved struct{}

func (unresolved) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("%s not resolved", path)
}

// loadUntyped parses a test package and builds its flow with partial
// type information (bare: none).
func loadUntyped(t *testing.T, pkg string, bare bool) (*goflow.Flow, *token.FileSet, []*ast.File) {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), "src", pkg)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	cfg := goflow.Config{Fset: fset, Files: files}
	if !bare {
		info := &types.Info{
			Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
			Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		}
		conf := types.Config{Importer: unresolved{}, Error: func(error) {}}
		cfg.Pkg, _ = conf.Check(pkg, fset, files, info)
		cfg.Info = info
	}
	return goflow.New(cfg), fset, files
}

// expectation is one regexp a line expects a diagnostic to match.
type expectation struct {
	re      *regexp.Regexp
	matched bool
}

func checkUntyped(t *testing.T, pkg string, bare bool) {
	fl, fset, files := loadUntyped(t, pkg, bare)
	want := map[string][]*expectation{} // "file:line" → expectations
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text, untyped := strings.CutPrefix(c.Text, "/* untyped:")
				if untyped {
					text = strings.TrimSuffix(text, "*/")
				} else if text, _ = strings.CutPrefix(c.Text, "//"); !strings.HasPrefix(strings.TrimSpace(text), "want") {
					continue
				} else {
					text = strings.TrimPrefix(strings.TrimSpace(text), "want")
				}
				p := fset.Position(c.Pos())
				k := fmt.Sprintf("%s:%d", p.Filename, p.Line)
				res := parseWant(t, p, text)
				if untyped || want[k] == nil {
					want[k] = res
				}
			}
		}
	}
	for _, d := range report(fl) {
		p := fset.Position(d.pos)
		k := fmt.Sprintf("%s:%d", p.Filename, p.Line)
		found := false
		for _, e := range want[k] {
			if e.re.MatchString(d.msg) {
				e.matched, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected diagnostic: %s", p, d.msg)
		}
	}
	for k, es := range want {
		for _, e := range es {
			if !e.matched {
				t.Errorf("%s: no diagnostic was reported matching %q", k, e.re)
			}
		}
	}
}

// parseWant reads the Go string literals of a want comment.
func parseWant(t *testing.T, p token.Position, text string) []*expectation {
	var s scanner.Scanner
	fs := token.NewFileSet()
	s.Init(fs.AddFile("", -1, len(text)), []byte(text), nil, 0)
	var out []*expectation
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF || tok == token.SEMICOLON && lit == "\n" {
			break
		}
		if tok != token.STRING {
			continue
		}
		pat, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, &expectation{re: re})
	}
	return out
}

// TestFacts checks the facts flowtest/facts/conf exports, and the flows
// flowtest/facts/app follows into it by them.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), goflow.Analyzer, "flowtest/facts/conf")
	analysistest.Run(t, analysistest.TestData(), reporter, "flowtest/facts/app")
}
