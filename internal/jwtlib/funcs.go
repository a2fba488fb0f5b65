package jwtlib

import (
	"go/ast"
	"go/types"
)

// OptionArgs returns the arguments of call that fill parameters with role
// Options (for s, the callee's row), and whether that list is complete:
// a call that spreads a slice (opts...) passes options nobody can see.
func OptionArgs(s *Symbol, call *ast.CallExpr) (opts []ast.Expr, complete bool) {
	for i, a := range call.Args {
		if s.Param(i) == Options {
			opts = append(opts, a)
		}
	}
	return opts, call.Ellipsis == 0
}

// Arg returns the argument of call in the first parameter with role r.
func Arg(s *Symbol, call *ast.CallExpr, r Role) (ast.Expr, bool) {
	i := s.ParamIndex(r)
	if i < 0 || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// FuncBody finds the body of the function e denotes: a function literal,
// or a function or method of the package being analyzed (named, or as a
// method value). It needs type information for the latter and returns
// nil when the body is elsewhere or unknown.
func FuncBody(info *types.Info, files []*ast.File, e ast.Expr) *ast.BlockStmt {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.FuncLit); ok {
		return lit.Body
	}
	if info == nil {
		return nil
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok {
		return nil
	}
	for _, f := range files {
		if f.FileStart > fn.Pos() || fn.Pos() > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
				return fd.Body
			}
		}
	}
	return nil
}

// TokenOf returns the expression holding the token a call parses or
// verifies: the receiver of a method on the token itself (trait OnToken),
// or the argument with role RawToken; nil if neither.
func TokenOf(s *Symbol, call *ast.CallExpr) ast.Expr {
	if s.Has(OnToken) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X
		}
		return nil
	}
	if a, ok := Arg(s, call, RawToken); ok {
		return a
	}
	return nil
}
