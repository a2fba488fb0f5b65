// Package localflow holds the small intraprocedural questions the JWT
// analyzers ask about a function body: which function encloses a node,
// whether two identifiers are the same variable, which variable an
// expression is rooted in. Without type information, identity falls back
// to names within the function — the analyzers' syntactic fallback.
package localflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// EnclosingFuncCursor returns the cursor of the innermost function
// declaration or literal around cur, if there is one.
func EnclosingFuncCursor(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// EnclosingFunc returns the innermost function declaration or literal
// around cur: the declaration (nil for a literal) and the body.
func EnclosingFunc(cur inspector.Cursor) (*ast.FuncDecl, *ast.BlockStmt) {
	c, ok := EnclosingFuncCursor(cur)
	if !ok {
		return nil, nil
	}
	switch n := c.Node().(type) {
	case *ast.FuncDecl:
		return n, n.Body
	case *ast.FuncLit:
		return nil, n.Body
	}
	return nil, nil
}

// EnclosingBody returns the body of the innermost function around cur.
func EnclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	_, body := EnclosingFunc(cur)
	return body
}

// SameVar reports whether e is an identifier denoting the same variable
// as v: the same object with type information, the same name without.
func SameVar(info *types.Info, e ast.Expr, v *ast.Ident) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || v == nil || id.Name != v.Name {
		return false
	}
	if info == nil {
		return true
	}
	a, b := info.ObjectOf(id), info.ObjectOf(v)
	if a == nil || b == nil {
		return true
	}
	return a == b
}

// RootIdent returns v for v, &v, *v, v.f.g and v[i]: the variable whose
// value, or part of it, e denotes; nil for anything else.
func RootIdent(e ast.Expr) *ast.Ident {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
	return nil
}

// ValueName is the name the value of e goes by, for rules that judge a
// value by its name: a variable's (tok), a field's or method value's
// (u.UnsubscribeToken); "" for anything else.
func ValueName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// Shorten keeps an expression quoted in a message to one short line.
func Shorten(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
