package goflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/tokenvet/tokenvet/internal/resolve"
)

// funcInfo is one function of the package: a declaration or a literal.
type funcInfo struct {
	decl *ast.FuncDecl // nil for a literal
	lit  *ast.FuncLit  // nil for a declaration
	typ  *ast.FuncType
	body *ast.BlockStmt
	file *ast.File
	// parent is the function a literal appears in (nil for declarations);
	// children are the literals directly inside this function.
	parent   *funcInfo
	children []*funcInfo
	// params are the parameters' declarations in order; recv is the
	// receiver's (nil for functions and for an unnamed receiver).
	params []*decl
	recv   *decl
	// results are the named results' declarations (nil entries when the
	// results are unnamed); nresults counts them either way.
	results  []*decl
	nresults int
	variadic bool
	// obj is the declared function's object, when type-checked.
	obj *types.Func
	// scc numbers the function's strongly connected component in the
	// package's call graph: a call within one is recursion, which
	// summaries do not follow.
	scc int
	// cfg is built on the first flow-sensitive question.
	cfg *funcCFG
	// calls are the calls in the body, nested literals included (their
	// sinks can use this function's parameters).
	calls []*ast.CallExpr
	// returns are the return statements of this function, not of
	// literals nested in it.
	returns []*ast.ReturnStmt
}

// name is the function's name for messages: F, T.M, or "func literal".
func (f *funcInfo) name() string {
	if f.decl == nil {
		return "func literal"
	}
	if f.decl.Recv != nil && len(f.decl.Recv.List) > 0 {
		if t := recvTypeName(f.decl.Recv.List[0].Type); t != "" {
			return t + "." + f.decl.Name.Name
		}
	}
	return f.decl.Name.Name
}

func (f *funcInfo) node() ast.Node {
	if f.decl != nil {
		return f.decl
	}
	return f.lit
}

// declKind is what a declared identifier names.
type declKind uint8

const (
	dVar    declKind = iota // a variable declared in a function (var, :=, range)
	dParam                  // a parameter or receiver
	dResult                 // a named result
	dGlobal                 // a package-level variable
	dConst                  // a constant
	dType                   // a type name
	dFunc                   // a package-level function
	dSwitch                 // the symbol of a type switch (y in y := x.(type))
)

// decl is a declared identifier: for variables, the unit of def-use.
type decl struct {
	id   *ast.Ident
	kind declKind
	fn   *funcInfo // the declaring function; nil at package level
	// index is a parameter's or named result's position (-1: receiver).
	index int
	// spec and specIdx locate a var or const declaration's value; iota
	// is the const spec's position in its group.
	spec    *ast.ValueSpec
	specIdx int
	iota    int
	// typ is the declared type, as written (nil if inferred).
	typ ast.Expr
	// tswitch is the statement of a dSwitch symbol.
	tswitch *ast.TypeSwitchStmt
	// typeSpec and funcDecl are set for dType and dFunc.
	typeSpec *ast.TypeSpec
	funcDecl *ast.FuncDecl

	// addrTaken: &v appears somewhere, so a call may change v behind the
	// code's back. closureWrite: a function literal assigns v. Either
	// makes v's def-use flow-insensitive: every definition may reach
	// every use, as SSA would keep v in memory instead of registers.
	addrTaken, closureWrite bool
	// defs are the definitions of v, of it whole or of its parts.
	defs []*def
	// byBlock indexes defs by CFG block, built on the first
	// flow-sensitive question.
	byBlock map[int32][]*def
}

// flowInsensitive reports whether any definition of d may reach any use.
func (d *decl) flowInsensitive() bool {
	return d.kind == dGlobal || d.addrTaken || d.closureWrite
}

// index is what the package's syntax says, built once per package.
type index struct {
	fset  *token.FileSet
	files []*ast.File
	info  *types.Info
	pkg   *types.Package

	funcs    []*funcInfo
	funcOf   map[ast.Node]*funcInfo    // FuncDecl or FuncLit → info
	byObj    map[*types.Func]*funcInfo // typed declared functions
	fileFns  map[*ast.File][]*funcInfo // sorted by position
	decls    map[*ast.Ident]*decl      // declaring identifier → decl
	objDecl  map[types.Object]*decl    // typed objects of this package
	uses     map[*ast.Ident]*decl      // syntactic resolution of uses
	pkgScope map[string]*decl          // package-level names
	// methods maps a receiver type name and a method name to the
	// method's declaration.
	methods map[[2]string]*funcInfo
	// methodsByName lists the methods of each name, for calls whose
	// receiver type is unknown.
	methodsByName map[string][]*funcInfo
	// litCall records, for a function literal passed directly as an
	// argument, the call and the argument position.
	litCall map[*ast.FuncLit]litArg
	// fieldWrites lists, by field name, every value stored in a field of
	// that name: composite literal elements and assignments.
	fieldWrites map[string][]*fieldWrite
	// calls lists every call in the package, in source order.
	calls []*ast.CallExpr
	// callFn maps a call to the function it is in (nil at package level).
	callFn map[*ast.CallExpr]*funcInfo
}

type litArg struct {
	call *ast.CallExpr
	arg  int
}

// fieldWrite is one value stored into a field.
type fieldWrite struct {
	field types.Object // the field, when type-checked
	value ast.Expr
	fn    *funcInfo
	// lit is the composite literal the value is an element of, or nil
	// for an assignment; owner is the struct type's syntax (T in T{…}),
	// when written.
	lit   *ast.CompositeLit
	owner ast.Expr
	// base is x in an assignment x.f = v.
	base ast.Expr
	pos  token.Pos
}

// what describes the write for a flow step.
func (fw *fieldWrite) what(name string) string {
	if fw.base != nil {
		return "assigned to " + short(fw.base) + "." + name
	}
	return "stored in field " + name + " of " + typeString(fw.owner)
}

// funcAt returns the innermost function around pos in file f.
func (ix *index) funcAt(f *ast.File, pos token.Pos) *funcInfo {
	fns := ix.fileFns[f]
	i := sort.Search(len(fns), func(i int) bool { return fns[i].node().Pos() > pos })
	for i--; i >= 0; i-- {
		if n := fns[i].node(); n.Pos() <= pos && pos < n.End() {
			return fns[i]
		}
	}
	return nil
}

// fileAt returns the file containing pos.
func (ix *index) fileAt(pos token.Pos) *ast.File {
	i := sort.Search(len(ix.files), func(i int) bool { return ix.files[i].FileEnd >= pos })
	if i < len(ix.files) && ix.files[i].FileStart <= pos {
		return ix.files[i]
	}
	return nil
}

// buildIndex walks the package's files once.
func buildIndex(fset *token.FileSet, files []*ast.File, info *types.Info, pkg *types.Package) *index {
	ix := &index{
		fset: fset, info: info, pkg: pkg,
		funcOf: map[ast.Node]*funcInfo{}, byObj: map[*types.Func]*funcInfo{},
		fileFns: map[*ast.File][]*funcInfo{}, decls: map[*ast.Ident]*decl{},
		objDecl: map[types.Object]*decl{}, uses: map[*ast.Ident]*decl{},
		pkgScope: map[string]*decl{}, methods: map[[2]string]*funcInfo{},
		methodsByName: map[string][]*funcInfo{}, litCall: map[*ast.FuncLit]litArg{},
		fieldWrites: map[string][]*fieldWrite{}, callFn: map[*ast.CallExpr]*funcInfo{},
	}
	ix.files = append(ix.files, files...)
	sort.Slice(ix.files, func(i, j int) bool { return ix.files[i].FileStart < ix.files[j].FileStart })
	for _, f := range ix.files {
		ix.declarePackage(f)
	}
	for _, f := range ix.files {
		r := &resolver{ix: ix, file: f}
		r.file_()
	}
	for _, f := range ix.files {
		sort.Slice(ix.fileFns[f], func(i, j int) bool { return ix.fileFns[f][i].node().Pos() < ix.fileFns[f][j].node().Pos() })
	}
	return ix
}

// declarePackage records the package-level names of f.
func (ix *index) declarePackage(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			fi := &funcInfo{decl: d, typ: d.Type, body: d.Body, file: f}
			ix.addFunc(fi)
			if ix.info != nil {
				if obj, ok := ix.info.Defs[d.Name].(*types.Func); ok {
					fi.obj = obj
					ix.byObj[obj] = fi
				}
			}
			if d.Recv == nil {
				dd := &decl{id: d.Name, kind: dFunc, funcDecl: d}
				ix.addDecl(dd)
				if d.Name.Name != "init" && d.Name.Name != "_" {
					ix.pkgScope[d.Name.Name] = dd
				}
			} else if len(d.Recv.List) > 0 {
				t := recvTypeName(d.Recv.List[0].Type)
				ix.methods[[2]string{t, d.Name.Name}] = fi
				ix.methodsByName[d.Name.Name] = append(ix.methodsByName[d.Name.Name], fi)
			}
		case *ast.GenDecl:
			iota := 0
			var last *ast.ValueSpec
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					kind := dGlobal
					if d.Tok == token.CONST {
						kind = dConst
						// An implicit repetition of the previous spec's
						// values (iota sequences): evaluate those.
						if len(s.Values) == 0 && last != nil {
							s = &ast.ValueSpec{Names: s.Names, Type: last.Type, Values: last.Values}
						} else {
							last = s
						}
					}
					for i, n := range s.Names {
						dd := &decl{id: n, kind: kind, spec: s, specIdx: i, typ: s.Type, iota: iota}
						ix.addDecl(dd)
						if n.Name != "_" {
							ix.pkgScope[n.Name] = dd
						}
					}
					iota++
				case *ast.TypeSpec:
					dd := &decl{id: s.Name, kind: dType, typeSpec: s}
					ix.addDecl(dd)
					ix.pkgScope[s.Name.Name] = dd
				}
			}
		}
	}
}

func (ix *index) addFunc(fi *funcInfo) {
	ix.funcs = append(ix.funcs, fi)
	ix.funcOf[fi.node()] = fi
	ix.fileFns[fi.file] = append(ix.fileFns[fi.file], fi)
}

// addDecl records a declaring identifier, and its object when typed.
func (ix *index) addDecl(d *decl) {
	ix.decls[d.id] = d
	if ix.info != nil {
		if obj := ix.info.Defs[d.id]; obj != nil {
			ix.objDecl[obj] = d
		}
	}
}

// recvTypeName is T for a receiver of type T, *T, T[P] or *T[P].
func recvTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// declOf returns the declaration an identifier refers to (or declares),
// for identifiers of this package's syntax: from type information when
// the checker recorded it, else from the syntactic resolver. It returns
// the object instead for objects of other packages, and neither for
// universe names and unresolved ones.
func (ix *index) declOf(id *ast.Ident) (*decl, types.Object) {
	if d := ix.decls[id]; d != nil {
		return d, nil
	}
	if ix.info != nil {
		obj := ix.info.Uses[id]
		if obj == nil {
			obj = ix.info.Defs[id]
		}
		if obj != nil {
			if _, isPkg := obj.(*types.PkgName); isPkg {
				return nil, obj
			}
			if d := ix.objDecl[obj]; d != nil {
				return d, obj
			}
			if obj.Pkg() != nil && obj.Pkg() != ix.pkg {
				return nil, obj
			}
			if obj.Pkg() == nil || obj.Parent() == types.Universe {
				return nil, obj
			}
			// A type switch's per-clause symbol is an implicit object
			// declared nowhere in the syntax; the resolver maps it.
		}
	}
	return ix.uses[id], nil
}

// isQualified reports whether sel is a package-qualified name (pkg.Name)
// rather than a field or method of a value.
func (ix *index) isQualified(f *ast.File, sel *ast.SelectorExpr) bool {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	if d, obj := ix.declOf(id); d != nil {
		return false
	} else if obj != nil {
		_, isPkg := obj.(*types.PkgName)
		return isPkg
	}
	_, _, ok = resolve.Object(ix.info, f, sel)
	return ok
}
