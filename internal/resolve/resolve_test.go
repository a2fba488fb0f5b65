package resolve

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// lib is a package the test importer can load; everything else it is asked
// for fails, as an import of a module missing from the module cache does.
const libSrc = `package lib

const Const = 1

var Var = 2

type T struct{}

func (*T) M() {}

type I interface{ N() }

type Alg string

func F() {}

func NewT() *T { return nil }
`

const mainSrc = `package p

import (
	lib "example.com/lib/v2"
	jwt "github.com/golang-jwt/jwt/v5"
	"example.com/missing/v3"
	old "github.com/dgrijalva/jwt-go"
)

var Local = 1

func objects() {
	_ = lib.Const
	_ = (lib.Var)
	_ = lib.F
	_ = jwt.SigningMethodNone
	_ = missing.Thing
	_ = old.SigningMethodNone
	_ = Local
	x := 1
	_ = x
	{
		lib := struct{ Const int }{}
		_ = lib.Const
	}
	_ = lib.T{}.M
}

func calls() {
	lib.F()
	lib.NewT().M()
	var t *lib.T
	t.M()
	var i lib.I
	i.N()
	_ = lib.Alg("none")
	jwt.Parse("x")
	jwt.NewParser().ParseUnverified("x")
	jwt.SigningMethodNone.Sign("", nil)
	missing.Do()
	fv := func() {}
	fv()
	_ = len("")
	p := jwt.NewParser()
	p.Parse("")
	{
		jwt := struct{ Parse func() }{}
		jwt.Parse()
	}
	new(lib.T).M()
	new(jwt.Parser).ParseUnverified("x")
	(&jwt.Parser{}).Parse("")
}
`

type testImporter struct {
	fset *token.FileSet
	lib  *types.Package
}

func (imp *testImporter) Import(path string) (*types.Package, error) {
	if path == "example.com/lib/v2" {
		return imp.lib, nil
	}
	return nil, fmt.Errorf("module providing %s not found", path)
}

// load parses mainSrc and type-checks it, keeping going past the errors the
// failing imports cause, as analysis drivers do.
func load(t *testing.T) (*ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	libFile, err := parser.ParseFile(fset, "lib.go", libSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := (&types.Config{}).Check("example.com/lib/v2", fset, []*ast.File{libFile}, nil)
	if err != nil {
		t.Fatal(err)
	}
	file, err := parser.ParseFile(fset, "p.go", mainSrc, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	var typeErrs int
	conf := &types.Config{Importer: &testImporter{fset, lib}, Error: func(error) { typeErrs++ }}
	conf.Check("example.com/p", fset, []*ast.File{file}, info)
	if typeErrs == 0 {
		t.Fatal("want type errors from the missing imports, got none")
	}
	return file, info
}

// funcBody returns the statements of the named function.
func funcBody(t *testing.T, file *ast.File, name string) []ast.Stmt {
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			return fd.Body.List
		}
	}
	t.Fatalf("no func %s", name)
	return nil
}

// blankRHS collects, in order, x from every `_ = x` statement in stmts
// and nested blocks.
func blankRHS(stmts []ast.Stmt) []ast.Expr {
	var out []ast.Expr
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if id, ok := s.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				out = append(out, s.Rhs[0])
			}
		case *ast.BlockStmt:
			out = append(out, blankRHS(s.List)...)
		}
	}
	return out
}

func TestObject(t *testing.T) {
	file, info := load(t)
	exprs := blankRHS(funcBody(t, file, "objects"))
	tests := []struct {
		typed, untyped string // "path name", or "" for not resolved
	}{
		{"example.com/lib/v2 Const", "example.com/lib/v2 Const"},
		{"example.com/lib/v2 Var", "example.com/lib/v2 Var"},
		{"example.com/lib/v2 F", "example.com/lib/v2 F"},
		// Named import of a package that failed to load: go/types
		// still records the path.
		{"github.com/golang-jwt/jwt/v5 SigningMethodNone", "github.com/golang-jwt/jwt/v5 SigningMethodNone"},
		// Unnamed failed import: go/types guessed the name "v3", so
		// only the import-declaration fallback finds it.
		{"example.com/missing/v3 Thing", "example.com/missing/v3 Thing"},
		{"github.com/dgrijalva/jwt-go SigningMethodNone", "github.com/dgrijalva/jwt-go SigningMethodNone"},
		// A bare identifier needs type information.
		{"example.com/p Local", ""},
		{"", ""},
		// A local shadowing the import: typed knows; without types
		// the import wins (documented limitation).
		{"", "example.com/lib/v2 Const"},
		{"", ""},
	}
	if len(exprs) != len(tests) {
		t.Fatalf("found %d expressions, want %d", len(exprs), len(tests))
	}
	for i, tt := range tests {
		for _, mode := range []struct {
			info *types.Info
			want string
		}{{info, tt.typed}, {nil, tt.untyped}} {
			var got string
			if p, name, ok := Object(mode.info, file, exprs[i]); ok {
				got = p + " " + name
			}
			if got != mode.want {
				t.Errorf("Object(%s, typed=%v) = %q, want %q", types.ExprString(exprs[i]), mode.info != nil, got, mode.want)
			}
		}
	}
}

func TestCallee(t *testing.T) {
	file, info := load(t)
	var calls []*ast.CallExpr
	ast.Inspect(&ast.BlockStmt{List: funcBody(t, file, "calls")}, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			// Only the outermost call of a chain is a case.
			calls = append(calls, c)
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
				if _, chained := sel.X.(*ast.CallExpr); chained {
					return false
				}
			}
			for _, a := range c.Args {
				if _, nested := a.(*ast.CallExpr); nested {
					return false
				}
			}
		}
		return true
	})
	f := func(pkg, recv, name string, method, typed bool) string {
		return fmt.Sprint(Func{pkg, recv, name, method, typed})
	}
	tests := []struct{ typed, untyped string }{
		{f("example.com/lib/v2", "", "F", false, true), f("example.com/lib/v2", "", "F", false, false)},
		{f("example.com/lib/v2", "T", "M", true, true), f("example.com/lib/v2", "", "M", true, false)},
		{f("example.com/lib/v2", "T", "M", true, true), ""},
		{f("example.com/lib/v2", "I", "N", true, true), ""},
		// A conversion: typed knows; syntax cannot tell it from a call.
		{"", f("example.com/lib/v2", "", "Alg", false, false)},
		{f("github.com/golang-jwt/jwt/v5", "", "Parse", false, false), f("github.com/golang-jwt/jwt/v5", "", "Parse", false, false)},
		{f("github.com/golang-jwt/jwt/v5", "", "ParseUnverified", true, false), f("github.com/golang-jwt/jwt/v5", "", "ParseUnverified", true, false)},
		{f("github.com/golang-jwt/jwt/v5", "", "Sign", true, false), f("github.com/golang-jwt/jwt/v5", "", "Sign", true, false)},
		{f("example.com/missing/v3", "", "Do", false, false), f("example.com/missing/v3", "", "Do", false, false)},
		{"", ""}, // fv()
		{"", ""}, // len("")
		{f("github.com/golang-jwt/jwt/v5", "", "NewParser", false, false), f("github.com/golang-jwt/jwt/v5", "", "NewParser", false, false)},
		// A method on a local variable of unknown type is not guessed.
		{"", ""},
		// A struct field shadowing the import name.
		{"", f("github.com/golang-jwt/jwt/v5", "", "Parse", false, false)},
		// new(T) and &T{} receivers are known by their written type.
		{f("example.com/lib/v2", "T", "M", true, true), f("example.com/lib/v2", "T", "M", true, false)},
		{f("github.com/golang-jwt/jwt/v5", "Parser", "ParseUnverified", true, false), f("github.com/golang-jwt/jwt/v5", "Parser", "ParseUnverified", true, false)},
		{f("github.com/golang-jwt/jwt/v5", "Parser", "Parse", true, false), f("github.com/golang-jwt/jwt/v5", "Parser", "Parse", true, false)},
	}
	if len(calls) != len(tests) {
		var got []string
		for _, c := range calls {
			got = append(got, types.ExprString(c))
		}
		t.Fatalf("found %d calls, want %d:\n%s", len(calls), len(tests), strings.Join(got, "\n"))
	}
	for i, tt := range tests {
		for _, mode := range []struct {
			info *types.Info
			want string
		}{{info, tt.typed}, {nil, tt.untyped}} {
			var got string
			if fn, ok := Callee(mode.info, file, calls[i]); ok {
				got = fmt.Sprint(fn)
			}
			if got != mode.want {
				t.Errorf("Callee(%s, typed=%v) = %q, want %q", types.ExprString(calls[i]), mode.info != nil, got, mode.want)
			}
		}
	}
}

func TestAssumedName(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/golang-jwt/jwt/v5":       "jwt",
		"github.com/golang-jwt/jwt":          "jwt",
		"github.com/dgrijalva/jwt-go":        "jwt",
		"github.com/lestrrat-go/jwx/v3/jwa":  "jwa",
		"gopkg.in/square/go-jose.v2":         "jose",
		"gopkg.in/yaml.v3":                   "yaml",
		"k8s.io/api/core/v1":                 "v1",
		"github.com/kataras/jwt":             "jwt",
		"example.com/v2":                     "example",
		"github.com/go-jose/go-jose/v4/json": "json",
	} {
		if got := assumedName(path); got != want {
			t.Errorf("assumedName(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestFileOf(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range []string{"package a\nvar X = 1\n", "package a\nvar Y = 2\n"} {
		f, err := parser.ParseFile(fset, "", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, f := range files {
		spec := f.Decls[0].(*ast.GenDecl).Specs[0]
		if got := FileOf(files, spec.Pos()); got != f {
			t.Errorf("FileOf(%v) = file at %v, want %v", spec.Pos(), got.Pos(), f.Pos())
		}
	}
	if got := FileOf(files, token.Pos(1<<30)); got != nil {
		t.Errorf("FileOf(out of range) = %v, want nil", got)
	}
}

func TestFieldOwner(t *testing.T) {
	src := `package p
type Token struct{ Raw string }
type Wrapper struct{ Token; Extra struct{ Raw string } }
var w Wrapper
var a, b, c = w.Raw, w.Token.Raw, w.Extra.Raw
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for sel, s := range info.Selections {
		got[types.ExprString(sel)] = FieldOwner(s)
	}
	for expr, want := range map[string]string{"w.Raw": "Token", "w.Token.Raw": "Token", "w.Token": "Wrapper", "w.Extra.Raw": ""} {
		if got[expr] != want {
			t.Errorf("FieldOwner(%s) = %q, want %q", expr, got[expr], want)
		}
	}
}
