package tokenmodel

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestTrail, without type information: the call a token comes from is
// named briefly (a chain by its last method), each assignment is a step,
// and a value that is a token by its name has no trail.
func TestTrail(t *testing.T) {
	src := `package p

import "github.com/golang-jwt/jwt/v5"

func f(c Claims, key []byte, apiKey string) {
	signed, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
	copied := signed
	use(copied, apiKey)
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGoFlow(Default(), nil, file)
	g.Track(file)
	var args []ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "use" {
				args = call.Args
			}
		}
		return true
	})
	trail := func(e ast.Expr) []string {
		var out []string
		for _, s := range g.Trail(e) {
			p := fset.Position(s.Pos)
			out = append(out, fmt.Sprintf("%d:%d %s", p.Line, p.Column, s.What))
		}
		return out
	}
	if !g.IsToken(args[0]) || !g.IsToken(args[1]) {
		t.Fatalf("the test's arguments are not tokens: %v, %v", g.IsToken(args[0]), g.IsToken(args[1]))
	}
	want := []string{"6:15 token returned by SignedString", "6:2 assigned to signed", "7:2 assigned to copied"}
	if got := trail(args[0]); !slices.Equal(got, want) {
		t.Errorf("Trail(copied) = %q, want %q", got, want)
	}
	if got := trail(args[1]); len(got) != 0 {
		t.Errorf("Trail(apiKey) = %q, want none: its name is the evidence", got)
	}
}
