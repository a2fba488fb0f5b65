// Package modelcheck resolves Go model rows (package model) against real
// APIs: each row must name an object that exists, of the kind the row
// claims (func, method, field, var, const, type), with enough parameters
// and results for its params and access paths, and of a type that fits
// the roles it gives (a list of algorithm names is a []string).
//
// The standard library is type-checked from GOROOT's source; other
// modules come from a GOPATH-style tree of stub packages (the analyzers'
// testdata/src), which mirror each library's API at the version its model
// file was checked against. A row that names nothing real would never
// match anything, silently; this is the test that says so.
package modelcheck

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenvet/tokenvet/model"
)

// Importer type-checks packages of a GOPATH-style source tree and takes
// the standard library from GOROOT's source.
type Importer struct {
	root string
	fset *token.FileSet
	std  types.Importer
	pkgs map[string]*types.Package
	errs map[string]error
}

// NewImporter returns an importer of the stub packages under root (the
// directory holding example.com/…, github.com/…).
func NewImporter(root string) *Importer {
	fset := token.NewFileSet()
	return &Importer{root: root, fset: fset, std: importer.ForCompiler(fset, "source", nil),
		pkgs: map[string]*types.Package{}, errs: map[string]error{}}
}

// IsStd reports whether an import path is the standard library's: its
// first element has no dot.
func IsStd(path string) bool { return !strings.Contains(strings.Split(path, "/")[0], ".") }

// Import type-checks the package at path.
func (imp *Importer) Import(path string) (*types.Package, error) {
	if p, ok := imp.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := imp.errs[path]; ok {
		return nil, err
	}
	p, err := imp.load(path)
	if err != nil {
		imp.errs[path] = err
		return nil, err
	}
	imp.pkgs[path] = p
	return p, nil
}

func (imp *Importer) load(path string) (*types.Package, error) {
	if IsStd(path) {
		return imp.std.Import(path)
	}
	dir := filepath.Join(imp.root, filepath.FromSlash(path))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("no stub for %s under %s", path, imp.root)
	}
	var files []*ast.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(imp.fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in the stub of %s", path)
	}
	return (&types.Config{Importer: imp}).Check(path, imp.fset, files, nil)
}

// Check resolves every Go row of the set's files and returns one error
// per mistake, each naming the row's file and line.
func Check(s *model.Set, imp types.Importer) []error {
	var errs []error
	for _, f := range s.Files() {
		if f.Language != model.Go {
			continue
		}
		errs = append(errs, CheckFile(f, imp)...)
	}
	return errs
}

// CheckFile resolves the rows of one Go model file.
func CheckFile(f *model.File, imp types.Importer) []error {
	var errs []error
	for _, p := range f.PackageList() {
		if !IsStd(p) && p != f.Module && !strings.HasPrefix(p, f.Module+"/") {
			errs = append(errs, fmt.Errorf("%s: package %s is outside module %s", f.Path, p, f.Module))
		}
	}
	for _, r := range f.Rows() {
		pkg, err := imp.Import(r.Package)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %v", r.Where(), r.Package, err))
			continue
		}
		for _, name := range r.Identifiers() {
			if err := checkRow(pkg, r, name); err != nil {
				errs = append(errs, fmt.Errorf("%s: %s: %v", r.Where(), describe(r, name), err))
			}
		}
	}
	return errs
}

func describe(r *model.Row, name string) string {
	if r.Type != "" {
		return fmt.Sprintf("(%s.%s).%s", r.Package, r.Type, name)
	}
	return r.Package + "." + name
}

// checkRow finds the object a row names and checks its kind and shape.
func checkRow(pkg *types.Package, r *model.Row, name string) error {
	var sig *types.Signature
	var value types.Type // a field's, var's or const's type
	switch o := r.GoObject(); o {
	case model.Func, model.Var, model.Const, model.Type:
		obj := pkg.Scope().Lookup(name)
		if obj == nil {
			return errors.New("no such object")
		}
		ok := false
		switch obj := obj.(type) {
		case *types.Func:
			ok, sig = o == model.Func, obj.Signature()
		case *types.Var:
			ok, value = o == model.Var, obj.Type()
		case *types.Const:
			ok, value = o == model.Const, obj.Type()
		case *types.TypeName:
			ok = o == model.Type
			// A conversion takes one operand of the underlying type.
			sig = types.NewSignatureType(nil, nil, nil,
				types.NewTuple(types.NewParam(token.NoPos, pkg, "x", obj.Type().Underlying())),
				types.NewTuple(types.NewParam(token.NoPos, pkg, "", obj.Type())), false)
		}
		if !ok {
			return fmt.Errorf("the row says %s, the package has %v", o, obj)
		}
	case model.Method:
		m, err := findMethod(pkg, r.Type, name)
		if err != nil {
			return err
		}
		sig = m.Signature()
	case model.Field:
		f, err := findField(pkg, r.Type, name)
		if err != nil {
			return err
		}
		value = f.Type()
	}
	if err := checkPaths(r, sig); err != nil {
		return err
	}
	return checkRoles(r, sig, value)
}

// findMethod finds method name on type typ of pkg (its pointer too, its
// embedded fields and interfaces), or, for an empty typ, on any type of
// the package.
func findMethod(pkg *types.Package, typ, name string) (*types.Func, error) {
	for _, n := range pkg.Scope().Names() {
		tn, ok := pkg.Scope().Lookup(n).(*types.TypeName)
		if !ok || (typ != "" && n != typ) {
			continue
		}
		recv := tn.Type()
		if !types.IsInterface(recv) {
			recv = types.NewPointer(recv)
		}
		if f, ok := lookup(recv, pkg, name).(*types.Func); ok {
			return f, nil
		}
	}
	if typ != "" && pkg.Scope().Lookup(typ) == nil {
		return nil, fmt.Errorf("no type %s", typ)
	}
	return nil, errors.New("no such method")
}

func lookup(t types.Type, pkg *types.Package, name string) types.Object {
	obj, _, _ := types.LookupFieldOrMethod(t, false, pkg, name)
	return obj
}

// findField finds the field name of struct type typ, embedded fields'
// fields included.
func findField(pkg *types.Package, typ, name string) (*types.Var, error) {
	tn, ok := pkg.Scope().Lookup(typ).(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("no type %s", typ)
	}
	if _, ok := tn.Type().Underlying().(*types.Struct); !ok {
		return nil, fmt.Errorf("%s is not a struct", typ)
	}
	v, ok := lookup(tn.Type(), pkg, name).(*types.Var)
	if !ok || !v.IsField() {
		return nil, errors.New("no such field")
	}
	return v, nil
}

// checkPaths checks that the row's params and access paths fit the
// signature (nil for a field, variable or constant).
func checkPaths(r *model.Row, sig *types.Signature) error {
	if sig == nil {
		if len(r.Params) > 0 {
			return errors.New("params on something that is not called")
		}
		for _, p := range []string{r.Input, r.Output, r.Key, r.Label} {
			if p != "" && p != string(model.OpValue) {
				return fmt.Errorf("access path %s on something that is not called (use Value)", p)
			}
		}
		return nil
	}
	n, variadic := sig.Params().Len(), sig.Variadic()
	if len(r.Params) > n && !variadic {
		return fmt.Errorf("%d params, the signature has %d", len(r.Params), n)
	}
	for _, s := range []string{r.Input, r.Output, r.Key, r.Label} {
		if s == "" {
			continue
		}
		p, err := model.ParsePath(s)
		if err != nil {
			return err
		}
		st := p[0]
		switch st.Op {
		case model.OpArgument:
			if st.Receiver {
				if sig.Recv() == nil && r.GoObject() != model.Method {
					return fmt.Errorf("%s of a function", s)
				}
				continue
			}
			// Position i exists, or is one of the variadic arguments.
			exists := func(i int) bool { return i < n || (variadic && i >= n-1) }
			if !exists(st.Lo) || (st.Hi >= 0 && !exists(st.Hi)) {
				return fmt.Errorf("%s, the signature has %d parameters", s, n)
			}
		case model.OpReturnValue:
			if sig.Results().Len() == 0 || st.Lo >= sig.Results().Len() {
				return fmt.Errorf("%s, the signature has %d results", s, sig.Results().Len())
			}
		case model.OpValue:
			return fmt.Errorf("%s of something that is called", s)
		}
	}
	return nil
}

// checkRoles checks that the parameters and value a row gives roles to
// have types that can hold them.
func checkRoles(r *model.Row, sig *types.Signature, value types.Type) error {
	check := func(what string, role string, t types.Type) error {
		switch role {
		case model.RoleAlgNames:
			if !isStringSlice(t) {
				return fmt.Errorf("%s of type %s holds algorithm names", what, t)
			}
		case model.RoleAlgName, model.RoleCookieName, model.RoleCookieValue, model.RoleURL, model.RoleFormat, model.RoleClaimName, model.RoleTokenLookup:
			if b, ok := t.Underlying().(*types.Basic); !(ok && b.Info()&types.IsString != 0) && !types.IsInterface(t) {
				return fmt.Errorf("%s of type %s holds a string (%s)", what, t, role)
			}
		case model.RoleAlg:
			if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() != types.String {
				return fmt.Errorf("%s of type %s holds an algorithm", what, t)
			}
		case model.RoleHTTPOnly, model.RoleSecure, model.RoleSendsCookie:
			if b, ok := t.Underlying().(*types.Basic); !(ok && b.Info()&types.IsBoolean != 0) && !types.IsInterface(t) {
				return fmt.Errorf("%s of type %s holds a flag (%s)", what, t, role)
			}
		}
		return nil
	}
	if value != nil && r.Value != "" {
		if err := check("the value", r.Value, value); err != nil {
			return err
		}
	}
	if sig == nil {
		return nil
	}
	n := sig.Params().Len()
	for i, role := range r.Params {
		var t types.Type
		switch {
		case sig.Variadic() && i >= n-1:
			// One of the variadic arguments (beego's others ...any).
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			t = sig.Params().At(i).Type()
		default:
			continue
		}
		if err := check(fmt.Sprintf("parameter %d", i), role, t); err != nil {
			return err
		}
	}
	return nil
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().(*types.Basic)
	return ok && b.Kind() == types.String
}
