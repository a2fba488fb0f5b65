// Package gomodel answers, for Go code, which rows of the library models
// (package model) an expression stands for: the rows of the function a
// call invokes, of the struct field a selector or a composite literal's
// key names, of the package-level object an identifier refers to, of the
// declared type a value has. The Go rules (token-logged, token-in-query,
// token-over-http, token-cookie-insecure, and tokenmodel's Go flow) ask
// these questions instead of comparing package and function names.
//
// Resolution goes through internal/resolve: by type information when the
// type checker recorded it, by the file's imports otherwise, so an
// answer for a package that failed to load is a guess as good as
// resolve's (a method's receiver type is then unknown and rows of every
// type of the package match).
package gomodel

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// Q asks about the code of one file.
type Q struct {
	Set  *model.Set
	Info *types.Info // may be nil or partial
	File *ast.File
}

// New returns a Q over the models in use (model.Current).
func New(info *types.Info, file *ast.File) Q {
	return Q{Set: model.Current(), Info: info, File: file}
}

// Callee returns the rows of section for the function or method call
// invokes, with the callee; no rows if it is unresolved or unmodelled.
func (q Q) Callee(call *ast.CallExpr, section model.Section) ([]*model.Row, resolve.Func) {
	f, ok := resolve.Callee(q.Info, q.File, call)
	if !ok {
		return nil, f
	}
	return q.Func(f, section), f
}

// Func returns the rows of section for a resolved function or method.
func (q Q) Func(f resolve.Func, section model.Section) []*model.Row {
	if f.Method {
		return q.Set.GoMember(section, f.Pkg, f.Recv, f.Name)
	}
	return q.Set.GoFunc(section, f.Pkg, f.Name)
}

// CalleeAPI returns the callee's api row with trait, if any.
func (q Q) CalleeAPI(call *ast.CallExpr, trait string) (*model.Row, resolve.Func, bool) {
	rows, f := q.Callee(call, model.SectionAPI)
	r := withTrait(rows, trait)
	return r, f, r != nil
}

// ImportedMethod returns the rows of section for a method called name of
// any type of the packages the file imports: the guess for a method call
// whose receiver's type nobody knows (a variable of a package that
// failed to load), which resolve cannot place.
func (q Q) ImportedMethod(section model.Section, name string) []*model.Row {
	if q.File == nil {
		return nil
	}
	var out []*model.Row
	for _, spec := range q.File.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		for _, r := range q.Set.GoMember(section, p, "", name) {
			if r.GoObject() == model.Method {
				out = append(out, r)
			}
		}
	}
	return out
}

// Object returns the rows of section for the package-level function,
// variable, constant or type e (an identifier or pkg.Name) refers to.
func (q Q) Object(e ast.Expr, section model.Section) []*model.Row {
	pkg, name, ok := resolve.Object(q.Info, q.File, e)
	if !ok {
		return nil
	}
	return q.Set.GoFunc(section, pkg, name)
}

// ObjectHas reports whether the package-level object e refers to has an
// api row with trait.
func (q Q) ObjectHas(e ast.Expr, trait string) bool {
	return withTrait(q.Object(e, model.SectionAPI), trait) != nil
}

// TypeHas reports whether the declared type behind t (through aliases
// and one pointer) has an api row with trait.
func (q Q) TypeHas(t types.Type, trait string) bool {
	tn := resolve.NamedType(t)
	return tn != nil && q.TypeNameHas(tn.Pkg().Path(), tn.Name(), trait)
}

// TypeNameHas reports whether the type name of package pkg has an api
// row with trait.
func (q Q) TypeNameHas(pkg, name, trait string) bool {
	for _, r := range q.Set.GoFunc(model.SectionAPI, pkg, name) {
		if r.GoObject() == model.Type && r.Has(trait) {
			return true
		}
	}
	return false
}

// TypeExprHas reports whether a type expression (a parameter's type, a
// literal's type: T, *T, pkg.T) names a type with trait: by type
// information, or else by the file's imports.
func (q Q) TypeExprHas(e ast.Expr, trait string) bool {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	if q.Info != nil {
		if tn := resolve.NamedType(q.Info.TypeOf(e)); tn != nil {
			return q.TypeNameHas(tn.Pkg().Path(), tn.Name(), trait)
		}
	}
	p, name, ok := resolve.Object(q.Info, q.File, e)
	return ok && q.TypeNameHas(p, name, trait)
}

// ValueHas reports whether the expression's value has a type with trait,
// by type information only.
func (q Q) ValueHas(e ast.Expr, trait string) bool {
	if q.Info == nil {
		return false
	}
	tv, ok := q.Info.Types[e]
	return ok && tv.Type != nil && q.TypeHas(tv.Type, trait)
}

// LitType returns the package and name of a composite literal's named
// type: from type information (a literal inside []*T{{…}} too), or else
// from the written type.
func (q Q) LitType(lit *ast.CompositeLit) (pkg, name string, ok bool) {
	if q.Info != nil {
		if tn := resolve.NamedType(q.Info.TypeOf(lit)); tn != nil {
			return tn.Pkg().Path(), tn.Name(), true
		}
	}
	if lit.Type == nil {
		return "", "", false
	}
	return resolve.Object(q.Info, q.File, lit.Type)
}

// LitHas reports whether a composite literal's named type (LitType) has
// an api row with trait.
func (q Q) LitHas(lit *ast.CompositeLit, trait string) bool {
	pkg, name, ok := q.LitType(lit)
	return ok && q.TypeNameHas(pkg, name, trait)
}

// LitField returns the rows of section for the field that key names in
// a composite literal of a modelled struct type.
func (q Q) LitField(lit *ast.CompositeLit, key ast.Expr, section model.Section) []*model.Row {
	id, ok := key.(*ast.Ident)
	if !ok {
		return nil
	}
	pkg, typ, ok := q.LitType(lit)
	if !ok {
		return nil
	}
	return fields(q.Set.GoMember(section, pkg, typ, id.Name))
}

// Field returns the rows of section for the struct field a selector
// selects (following embedded fields). It needs type information.
func (q Q) Field(sel *ast.SelectorExpr, section model.Section) []*model.Row {
	if q.Info == nil {
		return nil
	}
	s, ok := q.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || s.Obj().Pkg() == nil {
		return nil
	}
	return fields(q.Set.GoMember(section, s.Obj().Pkg().Path(), resolve.FieldOwner(s), s.Obj().Name()))
}

// FieldHas reports whether the field a selector selects has an api row
// with trait.
func (q Q) FieldHas(sel *ast.SelectorExpr, trait string) bool {
	return withTrait(q.Field(sel, model.SectionAPI), trait) != nil
}

// TypeFields returns the api rows of the fields of type typ of package
// pkg, by the role of their value (cookie-name, http-only, …).
func (q Q) TypeFields(pkg, typ string) map[string]*model.Row {
	out := map[string]*model.Row{}
	f, ok := q.Set.FileOf(model.Go, pkg)
	if !ok {
		return out
	}
	for _, r := range f.API {
		if r.Package == pkg && r.Type == typ && r.GoObject() == model.Field && r.Value != "" {
			out[r.Value] = r
		}
	}
	return out
}

func fields(rows []*model.Row) []*model.Row {
	return slices.DeleteFunc(slices.Clone(rows), func(r *model.Row) bool { return r.GoObject() != model.Field })
}

func withTrait(rows []*model.Row, trait string) *model.Row {
	for _, r := range rows {
		if r.Has(trait) {
			return r
		}
	}
	return nil
}

// Arg returns the position of the single argument an access path such
// as "Argument[1]" names, or -1.
func Arg(path string) int {
	if path == "" {
		return -1
	}
	p, err := model.CachedPath(path)
	if err != nil || len(p) != 1 || p[0].Op != model.OpArgument || p[0].Receiver || p[0].Lo != p[0].Hi {
		return -1
	}
	return p[0].Lo
}

// Selected returns the arguments of call an input path such as
// "Argument[0..]" or "Argument[1]" selects, in order.
func Selected(path string, call *ast.CallExpr) []ast.Expr {
	p, err := model.CachedPath(path)
	if err != nil {
		return nil
	}
	sel, recv, ok := p.Arguments()
	if !ok || recv {
		return nil
	}
	var out []ast.Expr
	for i, a := range call.Args {
		if sel(i) {
			out = append(out, a)
		}
	}
	return out
}

// Receiver reports whether an input path is the receiver.
func Receiver(path string) bool {
	p, err := model.CachedPath(path)
	if err != nil {
		return false
	}
	_, recv, ok := p.Arguments()
	return ok && recv
}
