// Package resolve tells which package-level object an expression or a call
// refers to, as an import path and a name, so that analyzers match on what
// code means rather than on how a selector is spelled.
//
// Type information is used whenever the type checker recorded it. When it
// did not — the package imports a module that is not in the module cache,
// so go/types made a fake, empty package for it, or the caller has no
// types.Info at all — resolution falls back to the file's import
// declarations. The fallback is a guess: each function documents what it
// cannot know.
package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"
)

// Object resolves e — an identifier or a pkg.Name selector, possibly in
// parentheses — to the package-level object (func, var, const or type) it
// refers to, and returns that object's package path and name.
//
// With type information the answer is exact: a package-level object of any
// package, including the one being analyzed and dot-imported ones. A
// selector whose qualifier is an import of a package that failed to load
// still resolves, from the import path go/types recorded for it.
//
// Without it (info nil, or the qualifier not recorded because an unnamed
// import's real package name differs from the name go/types guessed), a
// selector X.Name resolves when X matches an import of file: its explicit
// name, or the name assumed from the import path (the last element, skipping
// a /vN major-version suffix, a gopkg.in ".vN" suffix, a "go-" prefix and
// anything after the first character that cannot be in an identifier, so
// "github.com/dgrijalva/jwt-go" is assumed to be jwt). The fallback cannot
// resolve a bare identifier (a dot-import or a local object), and when info
// is nil it cannot see a local variable that shadows an import; when info
// is present, a qualifier recorded as anything but a package name never
// falls back.
func Object(info *types.Info, file *ast.File, e ast.Expr) (pkgPath, name string, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := used(info, e); obj != nil {
			return packageLevel(obj)
		}
	case *ast.SelectorExpr:
		x, isIdent := e.X.(*ast.Ident)
		if !isIdent {
			return "", "", false
		}
		if obj := used(info, x); obj != nil {
			pn, isPkg := obj.(*types.PkgName)
			if !isPkg {
				return "", "", false // a field or method of a variable or type
			}
			return pn.Imported().Path(), e.Sel.Name, true
		}
		if p, found := importedAs(file, x.Name); found {
			return p, e.Sel.Name, true
		}
	}
	return "", "", false
}

// Func describes the function or method a call invokes.
type Func struct {
	// Pkg is the import path of the package that declares the function or
	// the method's receiver type.
	Pkg string
	// Recv is the receiver's type name without any '*' ("Parser" for
	// (*Parser).Parse, "SigningMethod" for a call through that interface)
	// when Method is true and the receiver type is known. It is empty for
	// package-level functions, methods of unnamed interfaces, and methods
	// the syntactic fallback resolves through a call's package (it is set
	// for new(pkg.T).M and pkg.T{}.M, whose type is written).
	Recv string
	// Name is the function or method name.
	Name string
	// Method reports whether the callee is a method (also an interface
	// method) rather than a package-level function.
	Method bool
	// Typed reports whether the answer comes from type information. When
	// false it is a syntactic guess; see Callee.
	Typed bool
}

// Callee resolves the function or method that call invokes.
//
// With type information it uses typeutil.Callee: for a method the result is
// the method's declaring package and receiver type (for a call through an
// interface, the interface's method). It reports false for conversions,
// builtins and calls of function-typed variables.
//
// When the type checker did not resolve the callee (typically because it
// belongs to a package that failed to import), Callee falls back to syntax
// and reports Typed == false:
//   - pkg.F(...), resolved as in Object, gives a package-level function;
//   - pkg.V.M(...) gives method M whose receiver type is assumed to be
//     declared in pkg, the package of V;
//   - f(...).M(...), where f(...) itself was resolved by this fallback
//     (as in jwt.NewParser().ParseUnverified(...)), gives method M assumed
//     to belong to f's package.
//
// The fallback cannot know the receiver type (Recv is empty), cannot tell a
// function from a conversion to a type of that package, cannot follow a
// method call on a local variable, and its package guesses are wrong if a
// method's receiver type comes from another package than the value it is
// called on.
func Callee(info *types.Info, file *ast.File, call *ast.CallExpr) (Func, bool) {
	if info != nil && info.Types != nil && info.Uses != nil {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return Func{}, false // conversion
		}
		switch obj := typeutil.Callee(info, call).(type) {
		case *types.Func:
			return typedFunc(obj)
		case nil:
			// Either unresolved (fall back below) or a type name
			// without recorded type (a conversion).
			if id := calleeIdent(call.Fun); id != nil {
				if _, isType := info.Uses[id].(*types.TypeName); isType {
					return Func{}, false
				}
			}
		default:
			return Func{}, false // builtin or function-typed variable
		}
	}
	return syntacticCallee(info, file, call)
}

// FileOf returns the file among files whose extent includes pos, or nil;
// analyzers use it to find the file whose imports Object and Callee
// consult.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// NamedType returns the declared type behind t, looking through aliases
// and one pointer: net/http's Request for *http.Request. It returns nil
// for unnamed types and for types of the universe (error).
func NamedType(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj()
	}
	return nil
}

// IsNamed reports whether t, or what it points to, is the type name
// declared in the package with import path pkg.
func IsNamed(t types.Type, pkg, name string) bool {
	tn := NamedType(t)
	return tn != nil && tn.Pkg().Path() == pkg && tn.Name() == name
}

func typedFunc(f *types.Func) (Func, bool) {
	if f.Pkg() == nil {
		return Func{}, false // error.Error and other universe methods
	}
	out := Func{Pkg: f.Pkg().Path(), Name: f.Name(), Typed: true}
	if recv := f.Signature().Recv(); recv != nil {
		out.Method = true
		if tn := NamedType(recv.Type()); tn != nil {
			out.Recv = tn.Name()
		}
	}
	return out, true
}

func syntacticCallee(info *types.Info, file *ast.File, call *ast.CallExpr) (Func, bool) {
	fun := unindex(call.Fun)
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return Func{}, false // a bare name: a local or dot-imported function
	}
	if p, name, ok := Object(info, file, sel); ok {
		return Func{Pkg: p, Name: name}, true
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.SelectorExpr:
		if p, _, ok := Object(info, file, x); ok {
			return Func{Pkg: p, Name: sel.Sel.Name, Method: true}, true
		}
	case *ast.CallExpr:
		if p, t, ok := newOf(info, file, x); ok {
			return Func{Pkg: p, Recv: t, Name: sel.Sel.Name, Method: true}, true
		}
		if inner, ok := Callee(info, file, x); ok && !inner.Typed {
			return Func{Pkg: inner.Pkg, Name: sel.Sel.Name, Method: true}, true
		}
	case *ast.UnaryExpr, *ast.CompositeLit:
		// (&pkg.T{}).M() and pkg.T{}.M(): the literal's written type.
		e := ast.Expr(x)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if lit, ok := e.(*ast.CompositeLit); ok && lit.Type != nil {
			if p, t, ok := Object(info, file, lit.Type); ok {
				return Func{Pkg: p, Recv: t, Name: sel.Sel.Name, Method: true}, true
			}
		}
	}
	return Func{}, false
}

// newOf resolves new(pkg.T), the builtin, to pkg.T: the receiver of
// new(jwt.Parser).ParseUnverified is known by the syntax alone.
func newOf(info *types.Info, file *ast.File, call *ast.CallExpr) (pkg, typ string, ok bool) {
	id, isIdent := ast.Unparen(call.Fun).(*ast.Ident)
	if !isIdent || id.Name != "new" || len(call.Args) != 1 {
		return "", "", false
	}
	if obj := used(info, id); obj != nil {
		if _, builtin := obj.(*types.Builtin); !builtin {
			return "", "", false // a function of the package called new
		}
	}
	return Object(info, file, call.Args[0])
}

// unindex strips parentheses and explicit type arguments: F[T] → F.
func unindex(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		return ast.Unparen(x.X)
	case *ast.IndexListExpr:
		return ast.Unparen(x.X)
	}
	return e
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := unindex(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

func used(info *types.Info, id *ast.Ident) types.Object {
	if info == nil || info.Uses == nil {
		return nil
	}
	return info.Uses[id]
}

func packageLevel(obj types.Object) (string, string, bool) {
	if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return "", "", false // universe, local, field or method
	}
	return obj.Pkg().Path(), obj.Name(), true
}

// importedAs returns the path of the import that file declares under name.
func importedAs(file *ast.File, name string) (string, bool) {
	if file == nil {
		return "", false
	}
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		local := assumedName(p)
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == name && name != "_" && name != "." {
			return p, true
		}
	}
	return "", false
}

// PackageName is the name a reader assumes for the package at an import
// path (the last element, skipping a /vN suffix, a "go-" prefix and what
// cannot be in an identifier: resty for github.com/go-resty/resty/v2), as
// the syntactic fallback does; for messages that name a library's type as
// code writes it.
func PackageName(importPath string) string { return assumedName(importPath) }

// assumedName is the package name a reader would assume for an import path
// without a name: the convention goimports follows too.
func assumedName(importPath string) string {
	base := path.Base(importPath)
	if isMajorVersion(base) {
		if dir := path.Dir(importPath); dir != "." {
			base = path.Base(dir)
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}); i >= 0 {
		base = base[:i] // jwt-go → jwt, yaml.v3 → yaml
	}
	return base
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	n, err := strconv.Atoi(s[1:])
	return err == nil && n >= 2 && s[1] != '0'
}

// FieldOwner returns the name of the struct type that declares the field
// a selection selects, following embedded fields (x.Token.Raw, or x.Raw
// through an embedded jwt.Token, are both Token's Raw); "" when that
// struct is unnamed or the selection is no field.
func FieldOwner(s *types.Selection) string {
	if s == nil || s.Kind() != types.FieldVal {
		return ""
	}
	t := s.Recv()
	idx := s.Index()
	for i, j := range idx {
		t = types.Unalias(t)
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return ""
		}
		if i == len(idx)-1 {
			if n, ok := t.(*types.Named); ok {
				return n.Obj().Name()
			}
			return ""
		}
		t = st.Field(j).Type()
	}
	return ""
}
