package goflow_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/tokenvet/tokenvet/flow/goflow"
)

// TestAsPreciseAsSSA compares the AST core with SSA's def-use graph on
// the typed test packages. For every argument of a stub library call,
// the constants SSA reaches through phi nodes and conversions are
// collected; where SSA resolves the argument completely (every leaf a
// constant), goflow must find exactly those literals and nothing else;
// where SSA stops (a parameter, a load from memory, a call), goflow must
// still find every literal SSA found.
func TestAsPreciseAsSSA(t *testing.T) {
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join("testdata", "src"),
		Env:  append(os.Environ(), "GOPATH="+mustAbs(t, "testdata"), "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "flowtest/basic", "flowtest/fields", "flowtest/calls", "flowtest/models")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("test packages do not load")
	}
	prog, ssaPkgs := ssautil.Packages(pkgs, ssa.InstantiateGenerics)
	prog.Build()
	complete, compared := 0, 0
	for i, p := range pkgs {
		fl := goflow.New(goflow.Config{Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, Info: p.TypesInfo})
		calls := map[token.Pos]*ast.CallExpr{}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					calls[c.Lparen] = c
				}
				return true
			})
		}
		for fn := range ssautil.AllFunctions(prog) {
			if fn.Pkg != ssaPkgs[i] {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(*ssa.Call)
					if !ok {
						continue
					}
					callee := call.Call.StaticCallee()
					if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "example.com/sink" || callee.Signature.Variadic() {
						continue
					}
					ce := calls[call.Pos()]
					if ce == nil || len(ce.Args) != len(call.Call.Args) {
						continue
					}
					for j, arg := range call.Call.Args {
						want, whole := ssaConstants(arg, 0, map[ssa.Value]bool{})
						if len(want) == 0 && !whole {
							continue
						}
						got, onlyLiterals := literalsOf(fl.Origins(ce.Args[j]))
						pos := p.Fset.Position(ce.Args[j].Pos())
						compared++
						if whole {
							complete++
							if !slices.Equal(got, want) || !onlyLiterals {
								t.Errorf("%s: SSA resolves %v completely; goflow finds %v (only literals: %v)", pos, want, got, onlyLiterals)
							}
							continue
						}
						for _, w := range want {
							if !slices.Contains(got, w) {
								t.Errorf("%s: SSA reaches %s; goflow does not (it finds %v)", pos, w, got)
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d arguments compared, %d resolved completely by SSA", compared, complete)
	if complete == 0 {
		t.Error("no argument SSA resolves completely: the comparison says nothing")
	}
}

// ssaConstants follows v through phis and conversions to constants;
// whole is false when some path ends elsewhere.
func ssaConstants(v ssa.Value, depth int, seen map[ssa.Value]bool) (consts []string, whole bool) {
	if depth > 20 || seen[v] {
		return nil, seen[v] // a cycle through phis adds nothing new
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return nil, false
		}
		return []string{x.Value.ExactString()}, true
	case *ssa.Phi:
		whole = true
		for _, e := range x.Edges {
			cs, w := ssaConstants(e, depth+1, seen)
			consts = append(consts, cs...)
			whole = whole && w
		}
		sort.Strings(consts)
		return slices.Compact(consts), whole
	case *ssa.Convert:
		if isBytes(x.Type()) || isBytes(x.X.Type()) {
			return ssaConstants(x.X, depth+1, seen)
		}
	case *ssa.ChangeType:
		return ssaConstants(x.X, depth+1, seen)
	case *ssa.MakeInterface:
		return ssaConstants(x.X, depth+1, seen)
	}
	return nil, false
}

func isBytes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// literalsOf returns the constants of the whole-value literal origins,
// and whether there are no other origins.
func literalsOf(os []goflow.Origin) ([]string, bool) {
	var out []string
	only := true
	for _, o := range os {
		if o.Kind == goflow.Literal && o.Part == goflow.Whole && o.Value != nil {
			out = append(out, o.Value.ExactString())
		} else {
			only = false
		}
	}
	sort.Strings(out)
	return slices.Compact(out), only
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
