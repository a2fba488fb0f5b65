package tokenmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// assignment is the one that made a tracked variable a token.
type assignment struct {
	lhs *ast.Ident
	rhs ast.Expr
}

// Step is one step of the way a value became a token.
type Step struct {
	Pos  token.Pos
	What string
}

// maxTrail bounds how far Trail follows assignments back.
const maxTrail = 8

// Trail says why IsToken judged e a token, source first: the call or
// field that yields the token and the local assignments that carry it to
// e. It is empty when nothing but e itself is the evidence (its name, a
// field written at e). The text of a step never quotes a literal.
func (g *GoFlow) Trail(e ast.Expr) []Step {
	return g.trail(e, 0)
}

func (g *GoFlow) trail(e ast.Expr, depth int) []Step {
	if depth > maxTrail {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if w, ok := g.why[g.key(x)]; ok && w.lhs != x {
			return append(g.trail(w.rhs, depth+1), Step{w.lhs.Pos(), "assigned to " + w.lhs.Name})
		}
	case *ast.StarExpr:
		return g.trail(x.X, depth+1)
	case *ast.UnaryExpr:
		return g.trail(x.X, depth+1)
	case *ast.BinaryExpr:
		if g.IsToken(x.X) {
			return g.trail(x.X, depth+1)
		}
		return g.trail(x.Y, depth+1)
	case *ast.SelectorExpr:
		if g.isTokenField(x) {
			return []Step{{x.Sel.Pos(), "token field " + x.Sel.Name}}
		}
	case *ast.CallExpr:
		return g.callTrail(x, depth)
	}
	return nil
}

// callTrail is the trail of a call IsToken judged a token: through its
// operand for a conversion or a summarised call, else the call itself.
func (g *GoFlow) callTrail(call *ast.CallExpr, depth int) []Step {
	fun := funName(call.Fun)
	if g.Info != nil {
		if tv, ok := g.Info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return append(g.trail(call.Args[0], depth+1), Step{call.Pos(), "converted by " + fun})
		}
	}
	if f, ok := resolve.Callee(g.Info, g.File, call); ok {
		for _, r := range g.libs.Func(f, model.SectionSummary) {
			inputs := gomodel.Selected(r.Input, call)
			if gomodel.Receiver(r.Input) {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					inputs = []ast.Expr{sel.X}
				}
			}
			for _, a := range inputs {
				if g.IsToken(a) {
					return append(g.trail(a, depth+1), Step{call.Pos(), "passed through " + fun})
				}
			}
		}
	}
	return []Step{{call.Pos(), "token returned by " + fun}}
}

// funName names a called function briefly, as a step does: pkg.F,
// x.f.M, or M when the receiver is the result of a call (a chain).
func funName(fun ast.Expr) string {
	if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok && hasCall(sel.X) {
		return sel.Sel.Name
	}
	s := types.ExprString(fun)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

func hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, isCall := n.(*ast.CallExpr)
		found = found || isCall
		return !found
	})
	return found
}
