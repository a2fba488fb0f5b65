package jwtlib

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/tokenvet/tokenvet/internal/resolve"
)

// Resolver answers "which row of the model is this?" for expressions of
// one file, through internal/resolve: by type information when the type
// checker recorded it, by the file's imports otherwise.
type Resolver struct {
	Info *types.Info // may be nil or partial
	File *ast.File
}

// Member returns the row of the package-level object e refers to.
func (r Resolver) Member(e ast.Expr) (*Symbol, bool) {
	pkg, name, ok := resolve.Object(r.Info, r.File, e)
	if !ok {
		return nil, false
	}
	return Member(pkg, name)
}

// Callee returns the row of the function or method a call invokes, or of
// the type it converts to.
func (r Resolver) Callee(call *ast.CallExpr) (*Symbol, bool) {
	if f, ok := resolve.Callee(r.Info, r.File, call); ok {
		if f.Method {
			return MethodOf(f.Pkg, f.Recv, f.Name)
		}
		return Member(f.Pkg, f.Name)
	}
	if s, ok := r.Member(call.Fun); ok && s.Kind == Type {
		return s, true
	}
	return nil, false
}

// StructType returns the package and name of a composite literal's named
// type: from type information, or else from the written type (pkg.T or
// &pkg.T{} alike).
func (r Resolver) StructType(lit *ast.CompositeLit) (pkg, name string, ok bool) {
	if r.Info != nil {
		if tv, ok := r.Info.Types[lit]; ok && tv.Type != nil {
			t := types.Unalias(tv.Type)
			if p, ok := t.(*types.Pointer); ok {
				t = types.Unalias(p.Elem())
			}
			if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
				return n.Obj().Pkg().Path(), n.Obj().Name(), true
			}
		}
	}
	if lit.Type == nil {
		return "", "", false
	}
	return resolve.Object(r.Info, r.File, lit.Type)
}

// LitField returns the row of the field that key names in a composite
// literal of a library struct type.
func (r Resolver) LitField(lit *ast.CompositeLit, key ast.Expr) (*Symbol, bool) {
	id, ok := key.(*ast.Ident)
	if !ok {
		return nil, false
	}
	pkg, typeName, ok := r.StructType(lit)
	if !ok {
		return nil, false
	}
	return FieldOf(pkg, typeName, id.Name)
}

// SelectedField returns the row of the struct field the selector e
// selects, following embedded fields. Without type information it
// gives up.
func (r Resolver) SelectedField(e ast.Expr) (*Symbol, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || r.Info == nil {
		return nil, false
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || s.Obj().Pkg() == nil {
		return nil, false
	}
	return FieldOf(s.Obj().Pkg().Path(), resolve.FieldOwner(s), s.Obj().Name())
}

// BoolValue reports the value of e when it is the constant true or false
// (a literal, or a constant the type checker evaluated).
func (r Resolver) BoolValue(e ast.Expr) (value, known bool) {
	e = ast.Unparen(e)
	if r.Info != nil {
		if tv, ok := r.Info.Types[e]; ok && tv.Value != nil {
			if tv.Value.Kind() == constant.Bool {
				return constant.BoolVal(tv.Value), true
			}
			return false, false
		}
	}
	if id, ok := e.(*ast.Ident); ok && (id.Name == "true" || id.Name == "false") {
		if r.Info != nil {
			if obj := r.Info.Uses[id]; obj != nil && obj.Parent() != types.Universe {
				return false, false // shadowed
			}
		}
		return id.Name == "true", true
	}
	return false, false
}

// StringValue reports the value of e when it is a constant string (a
// literal, or a constant the type checker evaluated).
func (r Resolver) StringValue(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if r.Info != nil {
		if tv, ok := r.Info.Types[e]; ok && tv.Value != nil {
			if tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value), true
			}
			return "", false
		}
	}
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	return "", false
}

// Applies reports whether a symbol with a conditional trait (NoVerify,
// NoValidate, InfersAlg, EnablesValidate) takes effect for the boolean
// expression b (its argument or value); nil b means "used without one".
// An unknown value counts as not taking effect.
func (r Resolver) Applies(s *Symbol, b ast.Expr) bool {
	if s.If == Always {
		return true
	}
	if b == nil {
		return false
	}
	v, known := r.BoolValue(b)
	if !known {
		return false
	}
	return v == (s.If == IfTrue)
}

// ParserMethod resolves, without type information, method name called on
// a variable whose value is def: a parser a library's constructor made
// (p := jwt.NewParser(…), p := &jwt.Parser{…}, new(jwt.Parser)). It is
// that library's method of the name that parses (parses-verified or
// unverified), so that p.Parse(…) is judged as jwt.Parser.Parse is.
func (r Resolver) ParserMethod(def ast.Expr, name string) (*Symbol, bool) {
	def = ast.Unparen(def)
	if u, ok := def.(*ast.UnaryExpr); ok && u.Op == token.AND {
		def = ast.Unparen(u.X)
	}
	pkg, recv := "", ""
	switch d := def.(type) {
	case *ast.CallExpr:
		if s, ok := r.Callee(d); ok && s.Has(NewParser) {
			pkg = s.Pkg
		} else if id, isID := ast.Unparen(d.Fun).(*ast.Ident); isID && id.Name == "new" && len(d.Args) == 1 {
			if p, n, ok := resolve.Object(r.Info, r.File, d.Args[0]); ok {
				pkg, recv = p, n
			}
		}
	case *ast.CompositeLit:
		if p, n, ok := r.StructType(d); ok {
			pkg, recv = p, n
		}
	}
	if pkg == "" {
		return nil, false
	}
	s, ok := MethodOf(pkg, recv, name)
	if !ok || !(s.Has(ParsesVerified) || s.Has(Unverified)) {
		return nil, false
	}
	return s, true
}
