package jwtunverifiedparse

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWT claims read without signature verification.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtunverifiedparse",
	Doc:              rules.MustLookup(rules.JWTUnverifiedParse).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTUnverifiedParse).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

// Messages: what is wrong, the consequence, the fix.
const (
	msgUnverified = "JWT decoded without verifying its signature (%s): anyone can forge the claims; parse with the library's verifying function and a key"
	msgNoVerify   = "JWT signature verification turned off (%s): anyone can forge a token that passes; remove it and verify with a key"
	msgOptional   = "JWT parsed without WithVerify or WithKeySet (%s): jwx v1 then does not check the signature, so anyone can forge the claims; pass jwt.WithVerify(alg, key) or jwt.WithKeySet(set)"
	msgDiscarded  = "JWT parse error discarded but %s used: golang-jwt fills the claims even when the signature or expiry check fails; check the error before using the claims"
)

func run(pass *analysis.Pass) (any, error) {
	if _, ok := jwtlib.Lookup(strings.TrimSuffix(pass.Pkg.Path(), "_test")); ok {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		r := jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)}
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				call(pass, r, cur, n)
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if f, ok := r.LitField(n, kv.Key); ok && f.Has(jwtlib.NoVerify) && r.Applies(f, kv.Value) {
							report(pass, kv, msgNoVerify)
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if f, ok := r.SelectedField(lhs); ok && f.Has(jwtlib.NoVerify) && r.Applies(f, n.Rhs[i]) {
							report(pass, n, msgNoVerify)
						}
					}
				}
				discarded(pass, r, cur, n)
			}
		}
	}
	return nil, nil
}

func call(pass *analysis.Pass, r jwtlib.Resolver, cur inspector.Cursor, c *ast.CallExpr) {
	s, ok := r.Callee(c)
	if !ok {
		return
	}
	switch {
	case s.Has(jwtlib.Unverified | jwtlib.PayloadField):
		if payloadRead(pass, cur, c) {
			report(pass, c, msgUnverified)
		}
	case s.Has(jwtlib.Unverified):
		report(pass, c, msgUnverified)
	case s.Has(jwtlib.NoVerify):
		var arg ast.Expr
		if len(c.Args) > 0 {
			arg = c.Args[0]
		}
		if r.Applies(s, arg) {
			report(pass, c, msgNoVerify)
		}
	case s.Has(jwtlib.VerifyOptional):
		opts, complete := jwtlib.OptionArgs(s, c)
		if !complete {
			return
		}
		for _, o := range opts {
			if oc, ok := ast.Unparen(o).(*ast.CallExpr); ok {
				if os, ok := r.Callee(oc); ok && os.Has(jwtlib.EnablesVerify) {
					return
				}
			} else {
				return // an option built elsewhere: it may verify
			}
		}
		report(pass, c, msgOptional)
	}
}

// payloadRead reports whether the result of c, a decode whose payload
// is the unverified part, has its Payload read: directly
// (Decode(t).Payload), or through the variable it is assigned to. A
// result handed elsewhere counts as read.
func payloadRead(pass *analysis.Pass, cur inspector.Cursor, c *ast.CallExpr) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		return p.Sel.Name == "Payload"
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return true
		}
		v, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return true
		}
		if v.Name == "_" {
			return false
		}
		body := enclosingBody(cur)
		if body == nil {
			return true
		}
		read := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if n.Sel.Name == "Payload" && sameVar(pass.TypesInfo, n.X, v) {
					read = true
				}
				if sameVar(pass.TypesInfo, n.X, v) {
					return false // v.Header and the like
				}
			case *ast.Ident:
				if n != v && n.Pos() > p.End() && sameVar(pass.TypesInfo, n, v) {
					read = true // v itself escapes
				}
			}
			return !read
		})
		return read
	}
	return true
}

// discarded handles tok, _ := jwt.Parse(…) and _, _ = jwt.ParseWithClaims(s, &c, …).
func discarded(pass *analysis.Pass, r jwtlib.Resolver, cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 || !isBlank(as.Lhs[1]) {
		return
	}
	c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	s, ok := r.Callee(c)
	if !ok || !s.Has(jwtlib.ParsesVerified) || !isGolangJWT(s) {
		return
	}
	body := enclosingBody(cur)
	if body == nil {
		return
	}
	// The token: its Claims field, unless Valid is consulted.
	if tok, ok := as.Lhs[0].(*ast.Ident); ok && tok.Name != "_" {
		claims, valid := false, false
		ast.Inspect(body, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if ok && sel.Pos() > as.End() && sameVar(pass.TypesInfo, sel.X, tok) {
				switch sel.Sel.Name {
				case "Claims":
					claims = true
				case "Valid":
					valid = true
				}
			}
			return true
		})
		if claims && !valid {
			report(pass, c, fmt.Sprintf(msgDiscarded, "%s.Claims"), tok.Name)
			return
		}
	}
	// The claims variable handed to ParseWithClaims.
	arg, ok := jwtlib.Arg(s, c, jwtlib.ParsedClaims)
	if !ok {
		return
	}
	v := claimsVar(arg)
	if v == nil {
		return
	}
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() > as.End() && sameVar(pass.TypesInfo, id, v) {
			used = true
		}
		return !used
	})
	if used {
		report(pass, c, fmt.Sprintf(msgDiscarded, "%s"), v.Name)
	}
}

func isGolangJWT(s *jwtlib.Symbol) bool {
	lib, ok := jwtlib.Lookup(s.Pkg)
	return ok && lib.Family == jwtlib.GolangJWT
}

// claimsVar returns v for the arguments &v and v.
func claimsVar(e ast.Expr) *ast.Ident {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, _ := e.(*ast.Ident)
	return id
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// sameVar reports whether e is the identifier v denotes: the same object
// with type information, the same name without.
func sameVar(info *types.Info, e ast.Expr, v *ast.Ident) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name != v.Name {
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

func enclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			return n.Body
		case *ast.FuncLit:
			return n.Body
		}
	}
	return nil
}

func report(pass *analysis.Pass, n ast.Node, format string, args ...string) {
	what := types.ExprString(exprOf(n))
	if len(args) > 0 {
		what = args[0]
	}
	pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: rules.JWTUnverifiedParse,
		Message:  fmt.Sprintf(format, shorten(what)),
	})
}

func exprOf(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.CallExpr:
		return n.Fun
	case *ast.KeyValueExpr:
		return n.Key
	case *ast.AssignStmt:
		return n.Lhs[0]
	case ast.Expr:
		return n
	}
	return &ast.BadExpr{}
}

func shorten(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
