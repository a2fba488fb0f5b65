package localflow

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

const src = `package p

func f(a int) int {
	b := a
	g := func() int { a := 2; return a }
	return b + g()
}
`

func TestLocalflow(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var as []*ast.Ident // every identifier named a, in source order
	var inner inspector.Cursor
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.Ident)(nil)) {
		if id := cur.Node().(*ast.Ident); id.Name == "a" {
			as = append(as, id)
			inner = cur
		}
	}
	// as: param a, b := a, inner a := 2, return a (inner).
	if len(as) != 4 {
		t.Fatalf("found %d a's", len(as))
	}
	if !SameVar(info, as[1], as[0]) || SameVar(info, as[3], as[0]) || !SameVar(info, as[3], as[2]) {
		t.Error("SameVar with types confuses the two a's")
	}
	if !SameVar(nil, as[3], as[0]) {
		t.Error("SameVar without types should match by name")
	}
	fn, body := EnclosingFunc(inner)
	if fn != nil || body == nil || len(body.List) != 2 {
		t.Errorf("EnclosingFunc of the literal's a = %v, %v", fn, body)
	}
	for src, want := range map[string]string{"&v.f[1]": "v", "*p": "p", "f(x)": "", "(v)": "v"} {
		e, _ := parser.ParseExpr(src)
		got := ""
		if id := RootIdent(e); id != nil {
			got = id.Name
		}
		if got != want {
			t.Errorf("RootIdent(%s) = %q, want %q", src, got, want)
		}
	}
	if s := Shorten(strings.Repeat("x", 100)); len(s) != 60 || !strings.HasSuffix(s, "...") {
		t.Errorf("Shorten = %q", s)
	}
}
