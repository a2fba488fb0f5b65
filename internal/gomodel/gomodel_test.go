package gomodel

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/tokenvet/tokenvet/model"
)

const libModel = `language: go
module: example.com/lib
checked: [v1.0.0]
sources:
  - type: Token
    name: Raw
    object: field
    output: Value
    kind: credential
  - type: Token
    name: Signed
    output: ReturnValue
    kind: credential
sinks:
  - name: Log
    input: Argument[0..]
    kind: log
  - name: Field
    input: Argument[1]
    label: Argument[0]
    kind: log
api:
  - name: Cookie
    object: type
    traits: [cookie]
  - type: Cookie
    name: Secure
    object: field
    value: secure
  - name: Stdout
    object: var
    traits: [std-stream]
`

const libSrc = `package lib

type Token struct{ Raw string }

func (Token) Signed() string { return "" }

type Cookie struct{ Name string; Secure bool }

var Stdout int

func Log(args ...any)         {}
func Field(key string, v any) {}
`

const userSrc = `package p

import "example.com/lib"

type wrapped struct{ lib.Token }

func f(w wrapped, t lib.Token) {
	lib.Log(t.Raw, w.Raw)
	lib.Field("k", t.Signed())
	_ = lib.Cookie{Secure: true}
	_ = lib.Stdout
}
`

type fakeImporter map[string]*types.Package

func (f fakeImporter) Import(path string) (*types.Package, error) {
	if p, ok := f[path]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("no package %s", path)
}

func setUp(t *testing.T) (Q, *ast.File) {
	t.Helper()
	mf, err := model.Parse("lib.yml", []byte(libModel))
	if err != nil {
		t.Fatal(err)
	}
	set, err := model.NewSet([]*model.File{mf})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	lf, err := parser.ParseFile(fset, "lib.go", libSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := (&types.Config{}).Check("example.com/lib", fset, []*ast.File{lf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	uf, err := parser.ParseFile(fset, "p.go", userSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	if _, err := (&types.Config{Importer: fakeImporter{"example.com/lib": lib}}).Check("p", fset, []*ast.File{uf}, info); err != nil {
		t.Fatal(err)
	}
	return Q{Set: set, Info: info, File: uf}, uf
}

func TestQuestions(t *testing.T) {
	q, f := setUp(t)
	var calls []*ast.CallExpr
	var sels []*ast.SelectorExpr
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			calls = append(calls, n)
		case *ast.SelectorExpr:
			sels = append(sels, n)
		case *ast.CompositeLit:
			lit = n
		}
		return true
	})
	byText := map[string]*ast.SelectorExpr{}
	for _, s := range sels {
		byText[types.ExprString(s)] = s
	}
	// lib.Log(t.Raw, w.Raw): a log sink taking every argument.
	rows, fn := q.Callee(calls[0], model.SectionSink)
	if len(rows) != 1 || rows[0].Kind != model.SinkLog || fn.Name != "Log" {
		t.Fatalf("Callee(lib.Log) = %v, %+v", rows, fn)
	}
	if got := Selected(rows[0].Input, calls[0]); len(got) != 2 {
		t.Errorf("Selected(Argument[0..]) = %d arguments", len(got))
	}
	// The field through an embedded struct is Token's Raw.
	for _, e := range []string{"t.Raw", "w.Raw"} {
		if rows := q.Field(byText[e], model.SectionSource); len(rows) != 1 || rows[0].Kind != model.SourceCredential {
			t.Errorf("Field(%s) = %v", e, rows)
		}
	}
	// lib.Field("k", …): label and input.
	rows, _ = q.Callee(calls[1], model.SectionSink)
	if len(rows) != 1 || Arg(rows[0].Label) != 0 || Arg(rows[0].Input) != 1 {
		t.Errorf("Callee(lib.Field) = %v", rows)
	}
	// t.Signed(): a method's source row.
	if rows, fn := q.Callee(calls[2], model.SectionSource); len(rows) != 1 || !fn.Method || fn.Recv != "Token" {
		t.Errorf("Callee(t.Signed) = %v, %+v", rows, fn)
	}
	if rows := q.LitField(lit, lit.Elts[0].(*ast.KeyValueExpr).Key, model.SectionAPI); len(rows) != 1 || rows[0].Value != model.RoleSecure {
		t.Errorf("LitField(Secure) = %v", rows)
	}
	if pkg, typ, ok := q.LitType(lit); !ok || pkg != "example.com/lib" || typ != "Cookie" || !q.TypeNameHas(pkg, typ, model.TraitCookie) {
		t.Errorf("LitType = %s %s %v", pkg, typ, ok)
	}
	if got := q.TypeFields("example.com/lib", "Cookie"); got[model.RoleSecure] == nil || len(got) != 1 {
		t.Errorf("TypeFields(Cookie) = %v", got)
	}
	if !q.ObjectHas(byText["lib.Stdout"], model.TraitStdStream) || q.ObjectHas(byText["lib.Log"], model.TraitStdStream) {
		t.Error("ObjectHas(lib.Stdout, std-stream)")
	}
	if got := q.ImportedMethod(model.SectionSource, "Signed"); len(got) != 1 {
		t.Errorf("ImportedMethod(Signed) = %v", got)
	}
	if got := q.ImportedMethod(model.SectionSource, "Raw"); len(got) != 0 {
		t.Errorf("ImportedMethod(Raw) returns a field: %v", got)
	}
}

func TestPaths(t *testing.T) {
	for path, want := range map[string]int{"Argument[1]": 1, "Argument[0..]": -1, "Argument[receiver]": -1, "ReturnValue": -1, "": -1} {
		if got := Arg(path); got != want {
			t.Errorf("Arg(%q) = %d, want %d", path, got, want)
		}
	}
	if !Receiver("Argument[receiver]") || Receiver("Argument[0]") {
		t.Error("Receiver")
	}
}
