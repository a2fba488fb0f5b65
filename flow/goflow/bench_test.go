package goflow_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/flow/goflow"
)

// genPackage writes a package of nfuncs functions — each with branches, a
// loop, struct fields, a composite literal, two sinks and calls of two
// earlier functions, so that summaries chain and fan in — and one
// function of bigStmts statements that redefines a few variables from
// one another again and again.
func genPackage(nfuncs, bigStmts int) string {
	var b strings.Builder
	b.WriteString("package big\n\nimport \"example.com/sink\"\n\n")
	for i := range nfuncs {
		fmt.Fprintf(&b, "type T%d struct {\n\tKey string\n\tN   int\n}\n\n", i)
		fmt.Fprintf(&b, "func f%d(k string, c *T%d) string {\n", i, i)
		fmt.Fprintf(&b, "\tx := \"lit-%d\"\n", i)
		fmt.Fprintf(&b, "\tif len(k) > %d {\n\t\tx = k\n\t} else if k == \"\" {\n\t\tx = sink.Token()\n\t}\n", i%7)
		b.WriteString("\tfor j := 0; j < 3; j++ {\n\t\tx += \"a\"\n\t}\n")
		b.WriteString("\tc.Key = x\n")
		fmt.Fprintf(&b, "\tt := T%d{Key: x, N: %d}\n", i, i)
		b.WriteString("\tsink.Key([]byte(t.Key))\n")
		if i > 0 {
			fmt.Fprintf(&b, "\tsink.Log(c.Key, f%d(x, &T%d{}), f%d(k, nil))\n", i-1, i-1, i/2)
		} else {
			b.WriteString("\tsink.Log(c.Key)\n")
		}
		b.WriteString("\treturn x + k\n}\n\n")
	}
	b.WriteString("func big(k string) {\n")
	const vars = 20
	for v := range vars {
		fmt.Fprintf(&b, "\tv%d := \"seed-%d\"\n", v, v)
	}
	for i := range bigStmts {
		v, u := i%vars, (i+vars-1)%vars
		fmt.Fprintf(&b, "\tif k == \"%d\" {\n\t\tv%d = v%d + \"x\"\n\t} else {\n\t\tv%d = \"lit-%d\"\n\t}\n", i, v, u, v, i)
		fmt.Fprintf(&b, "\tsink.Key([]byte(v%d))\n", v)
	}
	for v := range vars {
		fmt.Fprintf(&b, "\t_ = v%d\n", v)
	}
	b.WriteString("}\n")
	return b.String()
}

// benchPackage parses and type-checks the generated package once.
func benchPackage(b *testing.B, nfuncs, bigStmts int, typed bool) goflow.Config {
	b.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "big.go", genPackage(nfuncs, bigStmts), parser.SkipObjectResolution)
	if err != nil {
		b.Fatal(err)
	}
	cfg := goflow.Config{Fset: fset, Files: []*ast.File{f}}
	if !typed {
		return cfg
	}
	stub, err := parser.ParseFile(fset, filepath.Join("testdata", "src", "example.com", "sink", "sink.go"), nil, 0)
	if err != nil {
		b.Fatal(err)
	}
	sinkPkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("example.com/sink", fset, []*ast.File{stub}, nil)
	if err != nil {
		b.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
	}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == "example.com/sink" {
			return sinkPkg, nil
		}
		return nil, fmt.Errorf("no %s", path)
	})
	cfg.Pkg, err = (&types.Config{Importer: imp}).Check("big", fset, cfg.Files, info)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Info = info
	return cfg
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// benchmarkFlow builds the core and asks every sink use for its origins,
// as a rule would.
func benchmarkFlow(b *testing.B, nfuncs, bigStmts int, typed bool) {
	cfg := benchPackage(b, nfuncs, bigStmts, typed)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		fl := goflow.New(cfg)
		n := 0
		for _, u := range fl.Sinks("") {
			n += len(u.Origins())
		}
		if n == 0 {
			b.Fatal("no origins")
		}
	}
}

// The generated package of a thousand functions and the function of
// 3000 statements, typed and not; the smaller sizes show that the cost
// grows linearly.
func BenchmarkFlowFunctions(b *testing.B)          { benchmarkFlow(b, 1000, 0, true) }
func BenchmarkFlowFunctionsUntyped(b *testing.B)   { benchmarkFlow(b, 1000, 0, false) }
func BenchmarkFlowFunctions200(b *testing.B)       { benchmarkFlow(b, 200, 0, false) }
func BenchmarkFlowBigFunction(b *testing.B)        { benchmarkFlow(b, 0, 3000, true) }
func BenchmarkFlowBigFunctionUntyped(b *testing.B) { benchmarkFlow(b, 0, 3000, false) }
func BenchmarkFlowBigFunction100(b *testing.B)     { benchmarkFlow(b, 0, 100, false) }
func BenchmarkFlowBigFunction400(b *testing.B)     { benchmarkFlow(b, 0, 400, false) }
