package goflow

import (
	"go/ast"
	"go/token"
	"go/types"
	pathpkg "path"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// callee is what a call invokes, as far as the core can tell.
type callee struct {
	// conv is the type of a conversion as written; convT the type when
	// type-checked.
	conv  ast.Expr
	convT types.Type
	// builtin names a builtin function (len, append).
	builtin string
	// fns are the package's functions the call may invoke (several for a
	// function-valued variable given different literals).
	fns []*funcInfo
	// obj is the typed callee, of any package.
	obj *types.Func
	// pkg, recv and name are what the models are asked with: the
	// import path, the receiver type's name ("" when unknown) and the
	// function's or method's name.
	pkg, recv, name string
	method          bool
	typed           bool
	// guess: resolved by names and imports only.
	guess bool
	// recvExpr is a method call's receiver.
	recvExpr ast.Expr
}

// Callee describes a call's target for rules: what the models are asked
// with, and how sure the answer is.
type Callee struct {
	// Pkg is the import path of the function's package (or of the
	// method's receiver type); Recv the receiver type's name, empty for
	// functions and when unknown; Name the function's name.
	Pkg, Recv, Name string
	Method          bool
	// Typed is set when type information resolved the call; otherwise it
	// is a guess from the file's imports and the flow of the receiver.
	Typed bool
	// Conversion is set for T(x).
	Conversion bool
	// Local is set when the package itself declares the function.
	Local bool
}

// Callee resolves what call invokes.
func (fl *Flow) Callee(call *ast.CallExpr) (Callee, bool) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	c := fl.resolveCall(fl.funcOfExpr(call), call)
	out := Callee{Pkg: c.pkg, Recv: c.recv, Name: c.name, Method: c.method, Typed: c.typed,
		Conversion: c.conv != nil || c.convT != nil, Local: len(c.fns) > 0}
	return out, out.Name != "" || out.Conversion
}

// Rows returns the model rows of section that describe call's target.
func (fl *Flow) Rows(section model.Section, call *ast.CallExpr) []*model.Row {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.rows(section, fl.resolveCall(fl.funcOfExpr(call), call))
}

func (fl *Flow) resolveCall(fn *funcInfo, call *ast.CallExpr) *callee {
	if c, ok := fl.callees[call]; ok {
		return c
	}
	// Resolving a method call asks the receiver's type, which may ask
	// this very call (n = n.Next()): while in progress, it is unknown.
	fl.callees[call] = &callee{}
	c := fl.resolveUncached(fn, call)
	fl.callees[call] = c
	return c
}

func (fl *Flow) resolveUncached(fn *funcInfo, call *ast.CallExpr) *callee {
	ix := fl.ix
	info := ix.info
	file := ix.fileAt(call.Pos())
	fun := ast.Unparen(call.Fun)
	if info != nil {
		if tv, ok := info.Types[fun]; ok && tv.IsType() {
			c := &callee{conv: fun, convT: tv.Type}
			if tn := resolve.NamedType(tv.Type); tn != nil {
				c.pkg, c.name = pkgPath(tn.Pkg()), tn.Name()
			}
			return c
		}
	}
	switch f := fun.(type) {
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StarExpr, *ast.StructType:
		return &callee{conv: f}
	case *ast.FuncLit:
		return &callee{fns: []*funcInfo{ix.funcOf[f]}, name: "func literal"}
	}
	var recvExpr ast.Expr
	if sel, ok := unindex(fun).(*ast.SelectorExpr); ok && !ix.isQualified(file, sel) {
		recvExpr = sel.X
	}
	if info != nil {
		switch obj := typeutil.Callee(info, call).(type) {
		case *types.Builtin:
			return &callee{builtin: obj.Name()}
		case *types.Func:
			c := &callee{obj: obj, pkg: pkgPath(obj.Pkg()), name: obj.Name(), typed: true, recvExpr: recvExpr}
			if recv := obj.Signature().Recv(); recv != nil {
				c.method = true
				if tn := resolve.NamedType(recv.Type()); tn != nil {
					c.recv = tn.Name()
				}
			}
			if fi := ix.byObj[obj.Origin()]; fi != nil {
				c.fns = []*funcInfo{fi}
			}
			return c
		case *types.Var:
			if id, ok := unindex(fun).(*ast.Ident); ok {
				return &callee{fns: fl.funcValues(id, 0), name: id.Name}
			}
			return &callee{name: obj.Name()}
		}
	}
	switch f := unindex(fun).(type) {
	case *ast.Ident:
		d, obj := ix.declOf(f)
		if d != nil {
			switch d.kind {
			case dFunc:
				return &callee{fns: []*funcInfo{ix.funcOf[d.funcDecl]}, name: f.Name, pkg: ix.pkgPath()}
			case dType:
				return &callee{conv: f, pkg: ix.pkgPath(), name: f.Name}
			case dVar, dParam, dResult, dGlobal:
				return &callee{fns: fl.funcValues(f, 0), name: f.Name}
			}
			return &callee{name: f.Name}
		}
		switch obj.(type) {
		case *types.Builtin:
			return &callee{builtin: f.Name}
		case *types.TypeName:
			return &callee{conv: f}
		}
		if obj == nil {
			if builtins[f.Name] {
				return &callee{builtin: f.Name}
			}
			if basicTypes[f.Name] {
				return &callee{conv: f}
			}
		}
		return &callee{name: f.Name, guess: true}
	case *ast.SelectorExpr:
		name := f.Sel.Name
		if ix.isQualified(file, f) {
			pkg, _, _ := ix.qualified(file, f)
			if stdType(pkg, name) || fl.isModelType(pkg, name) {
				return &callee{conv: f, pkg: pkg, name: name, guess: true}
			}
			return &callee{pkg: pkg, name: name, guess: true}
		}
		if pkg, typ, ok := fl.typeOf(fn, f.X, 0); ok {
			if pkg == ix.pkgPath() {
				if m := ix.methods[[2]string{typ, name}]; m != nil {
					return &callee{fns: []*funcInfo{m}, pkg: pkg, recv: typ, name: name, method: true, guess: true, recvExpr: f.X}
				}
			} else {
				return &callee{pkg: pkg, recv: typ, name: name, method: true, guess: true, recvExpr: f.X}
			}
		}
		if rf, ok := resolve.Callee(info, file, call); ok {
			return &callee{pkg: rf.Pkg, recv: rf.Recv, name: rf.Name, method: rf.Method, typed: rf.Typed, guess: !rf.Typed, recvExpr: recvExpr}
		}
		if ms := ix.methodsByName[name]; len(ms) == 1 {
			return &callee{fns: ms, pkg: ix.pkgPath(), name: name, method: true, guess: true, recvExpr: f.X}
		}
		return &callee{name: name, method: true, guess: true, recvExpr: f.X}
	}
	return &callee{}
}

// builtins and basicTypes are the universe's functions and types, which
// a file may use without type information.
var (
	builtins = map[string]bool{"append": true, "cap": true, "clear": true, "close": true, "complex": true,
		"copy": true, "delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
		"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true}
	basicTypes = map[string]bool{"bool": true, "byte": true, "complex64": true, "complex128": true,
		"float32": true, "float64": true, "int": true, "int8": true, "int16": true, "int32": true,
		"int64": true, "rune": true, "string": true, "uint": true, "uint8": true, "uint16": true,
		"uint32": true, "uint64": true, "uintptr": true, "any": true, "error": true}
)

// funcValues returns the package's functions a function-valued variable
// may hold: the literals and functions assigned to it.
func (fl *Flow) funcValues(id *ast.Ident, depth int) []*funcInfo {
	d, _ := fl.ix.declOf(id)
	if d == nil || depth > 3 {
		return nil
	}
	var out []*funcInfo
	add := func(e ast.Expr) {
		switch x := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			out = append(out, fl.ix.funcOf[x])
		case *ast.Ident:
			if dd, _ := fl.ix.declOf(x); dd != nil && dd.kind == dFunc {
				out = append(out, fl.ix.funcOf[dd.funcDecl])
			} else {
				out = append(out, fl.funcValues(x, depth+1)...)
			}
		}
	}
	if d.kind == dFunc {
		return []*funcInfo{fl.ix.funcOf[d.funcDecl]}
	}
	if d.kind == dGlobal && d.spec != nil && d.specIdx < len(d.spec.Values) && len(d.spec.Values) == len(d.spec.Names) {
		add(d.spec.Values[d.specIdx])
	}
	for _, df := range d.defs {
		if df.kind == kAssign && !df.multi && len(df.path) == 0 && df.rhs != nil {
			add(df.rhs)
		}
	}
	return out
}

func (ix *index) pkgPath() string {
	if ix.pkg == nil {
		return ""
	}
	return ix.pkg.Path()
}

func pkgPath(p *types.Package) string {
	if p == nil {
		return ""
	}
	return p.Path()
}

// qualified resolves pkg.Name to an import path and a name.
func (ix *index) qualified(f *ast.File, sel *ast.SelectorExpr) (string, string, bool) {
	return resolve.Object(ix.info, f, sel)
}

// unindex strips explicit type arguments: F[T] → F.
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

// typeOf names the declared type of e's value, as an import path and a
// type name: from type information, or else from declarations and the
// definitions reaching e (r *http.Request as a parameter, c :=
// &Client{}, l := logrus.New()). typ is empty when only the package is
// known (the result of pkg.F()).
func (fl *Flow) typeOf(fn *funcInfo, e ast.Expr, depth int) (pkg, typ string, ok bool) {
	ix := fl.ix
	if depth > 3 || e == nil {
		return "", "", false
	}
	e = ast.Unparen(e)
	if ix.info != nil {
		if tv, has := ix.info.Types[e]; has && tv.Type != nil {
			if tn := resolve.NamedType(tv.Type); tn != nil {
				return pkgPath(tn.Pkg()), tn.Name(), true
			}
		}
	}
	file := ix.fileAt(e.Pos())
	switch x := e.(type) {
	case *ast.Ident:
		d, _ := ix.declOf(x)
		if d == nil {
			return "", "", false
		}
		if d.typ != nil {
			f := file
			if d.fn != nil {
				f = d.fn.file
			}
			return ix.typeName(f, d.typ)
		}
		for i, df := range d.defs {
			if i > 4 {
				break
			}
			if df.kind == kAssign && df.rhs != nil && len(df.path) == 0 {
				if df.multi {
					if call, isCall := ast.Unparen(df.rhs).(*ast.CallExpr); isCall {
						if p, t, ok := fl.resultType(df.fn, call, df.tuple); ok {
							return p, t, true
						}
					}
					continue
				}
				if p, t, ok := fl.typeOf(df.fn, df.rhs, depth+1); ok {
					return p, t, true
				}
			}
		}
		if d.kind == dGlobal && d.spec != nil && d.specIdx < len(d.spec.Values) {
			return fl.typeOf(nil, d.spec.Values[d.specIdx], depth+1)
		}
	case *ast.CompositeLit:
		return ix.typeName(file, x.Type)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return fl.typeOf(fn, x.X, depth+1)
		}
	case *ast.StarExpr:
		return fl.typeOf(fn, x.X, depth+1)
	case *ast.CallExpr:
		return fl.resultType(fn, x, 0)
	case *ast.SelectorExpr:
		if ix.isQualified(file, x) {
			pkg, _, _ := ix.qualified(file, x)
			return pkg, "", true
		}
		p, t, ok := fl.typeOf(fn, x.X, depth+1)
		switch {
		case ok && p == ix.pkgPath():
			if ft := ix.fieldType(t, x.Sel.Name); ft != nil {
				return ix.typeName(ix.fileAt(ft.Pos()), ft)
			}
		case ok && p != "":
			// A field of another package's type, whose declaration is
			// not at hand: assume its type is of that package too, as
			// http.Request's Header is http's.
			return p, "", true
		}
	}
	return "", "", false
}

// resultType is the declared type of result i of a call.
func (fl *Flow) resultType(fn *funcInfo, call *ast.CallExpr, i int) (string, string, bool) {
	c := fl.resolveCall(fn, call)
	if c.conv != nil {
		return fl.ix.typeName(fl.ix.fileAt(call.Pos()), c.conv)
	}
	if len(c.fns) == 1 && c.fns[0].typ.Results != nil {
		fi := c.fns[0]
		n := 0
		for _, f := range fi.typ.Results.List {
			k := max(len(f.Names), 1)
			if i < n+k {
				return fl.ix.typeName(fi.file, f.Type)
			}
			n += k
		}
	}
	if c.pkg != "" && c.pkg != fl.ix.pkgPath() && !c.method {
		return c.pkg, "", true
	}
	return "", "", false
}

// typeName names a type expression: *pkg.T, T, T[P].
func (ix *index) typeName(f *ast.File, t ast.Expr) (string, string, bool) {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			if d := ix.pkgScope[x.Name]; d != nil && d.kind == dType {
				return ix.pkgPath(), x.Name, true
			}
			return "", "", false
		case *ast.SelectorExpr:
			if pkg, name, ok := ix.qualified(f, x); ok {
				return pkg, name, true
			}
			return "", "", false
		default:
			return "", "", false
		}
	}
}

// fieldType is the declared type of field name of the package's struct
// type typ.
func (ix *index) fieldType(typ, name string) ast.Expr {
	d := ix.pkgScope[typ]
	if d == nil || d.kind != dType {
		return nil
	}
	st, ok := d.typeSpec.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == name {
				return f.Type
			}
		}
	}
	return nil
}

// rows returns the model rows of section for a callee.
func (fl *Flow) rows(section model.Section, c *callee) []*model.Row {
	if c.pkg == "" || c.name == "" {
		return nil
	}
	if c.conv != nil || c.convT != nil {
		var out []*model.Row
		for _, r := range fl.models.GoFunc(section, c.pkg, c.name) {
			if r.GoObject() == model.Type {
				out = append(out, r)
			}
		}
		return out
	}
	if !c.method {
		var out []*model.Row
		for _, r := range fl.models.GoFunc(section, c.pkg, c.name) {
			if r.GoObject() == model.Func {
				out = append(out, r)
			}
		}
		return out
	}
	rows := fl.models.GoMember(section, c.pkg, c.recv, c.name)
	var out []*model.Row
	for _, r := range rows {
		if r.GoObject() == model.Method {
			out = append(out, r)
		}
	}
	if c.obj != nil && c.recv != "" {
		// Rows of an interface's method with subtypes describe the
		// package's types that implement it.
		for _, r := range fl.models.GoMember(section, c.pkg, "", c.name) {
			if !r.Subtypes || r.Type == "" || r.Type == c.recv || r.GoObject() != model.Method {
				continue
			}
			if implements(c.obj, r.Type) {
				out = append(out, r)
			}
		}
	}
	return out
}

// implements reports whether m's receiver type implements the interface
// iface of m's package.
func implements(m *types.Func, iface string) bool {
	recv := m.Signature().Recv()
	if recv == nil || m.Pkg() == nil {
		return false
	}
	tn, ok := m.Pkg().Scope().Lookup(iface).(*types.TypeName)
	if !ok {
		return false
	}
	it, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	t := recv.Type()
	return types.Implements(t, it) || types.Implements(types.NewPointer(t), it)
}

func (fl *Flow) isModelType(pkg, name string) bool {
	for _, r := range fl.models.GoNamed(pkg, name) {
		if r.GoObject() == model.Type {
			return true
		}
	}
	return false
}

// call is result tuple of a call.
func (w *walker) call(fn *funcInfo, call *ast.CallExpr, p path, tuple int) []Origin {
	fl := w.fl
	c := fl.resolveCall(fn, call)
	if c.conv != nil || c.convT != nil {
		if len(call.Args) != 1 {
			return []Origin{opaque(call, "", p)}
		}
		os := fl.convert(c, w.eval(fn, call.Args[0], p))
		return addStep(os, lazyStep(call, "converted by ", c.conv, "(…)"))
	}
	if c.builtin != "" {
		return w.builtin(fn, call, c.builtin, p)
	}
	if os, ok := w.modelled(fn, call, c, p, tuple); ok {
		return os
	}
	if len(c.fns) > 0 {
		var out []Origin
		for _, target := range c.fns {
			out = append(out, fl.resultsVia(w, fn, target, c, tuple, p, call)...)
		}
		return out
	}
	if c.obj != nil {
		if os, ok := fl.factResults(w, fn, c, call, tuple, p); ok {
			return os
		}
	}
	return []Origin{{Kind: Opaque, Name: fl.display(c), Pos: call.Pos(), path: p, Guess: c.guess}}
}

// display names a callee for origins and steps: os.Getenv, Client.Do,
// f for the package's own functions.
func (fl *Flow) display(c *callee) string {
	switch {
	case c.recv != "":
		return c.recv + "." + c.name
	case !c.method && c.pkg != "" && c.pkg != fl.ix.pkgPath():
		return pathpkg.Base(c.pkg) + "." + c.name
	}
	return c.name
}

// modelled applies the models' sources, sanitizers and summaries to a
// call's result.
func (w *walker) modelled(fn *funcInfo, call *ast.CallExpr, c *callee, p path, tuple int) ([]Origin, bool) {
	fl := w.fl
	matched := false
	var out []Origin
	for _, r := range fl.rows(model.SectionSource, c) {
		if !outputIsResult(r.Output, tuple) {
			continue
		}
		if !w.keyHolds(fn, call, c, r) {
			if k, ok := w.keyParam(fn, call, c, r); ok && len(p) == 0 {
				// t.Extra(key) with key a parameter: the caller's
				// constant decides (resultsVia).
				matched = true
				out = append(out, Origin{Kind: Opaque, Name: fl.display(c), Pos: call.Pos(), keyed: &keyedSource{row: r, param: k}})
			}
			continue
		}
		matched = true
		if len(p) == 0 {
			out = append(out, fl.sourceOrigin(r, call))
		} else {
			out = append(out, Origin{Kind: Opaque, Name: c.name, Pos: call.Pos(), path: p})
		}
	}
	if matched {
		return out, true
	}
	for _, r := range fl.rows(model.SectionSanitizer, c) {
		if tuple != 0 {
			continue
		}
		matched = true
		for _, in := range w.inputs(call, c, r.Input) {
			for _, o := range w.eval(fn, in.expr, in.path) {
				o.Sanitized = &Sanitizer{Kind: r.Kind, Row: r, Pos: call.Pos()}
				out = append(out, o.asPart(Piece))
			}
		}
	}
	if matched {
		return addStep(out, step(call, "sanitized by "+fl.display(c))), true
	}
	lead := -1
	for _, r := range fl.rows(model.SectionSummary, c) {
		if !outputIsResult(r.Output, tuple) {
			continue
		}
		if !matched {
			lead = w.leadingArg(fn, call, c)
		}
		matched = true
		part := Piece
		q := p
		if r.Kind == model.SummaryValue {
			part = Whole
		} else {
			q = nil
		}
		for _, in := range w.inputs(call, c, r.Input) {
			pt := part
			if in.arg == lead && pt == Piece {
				pt = Prefix
			}
			out = append(out, addStep(asPart(w.eval(fn, in.expr, append(in.path, q...)), pt), step(call, "through "+fl.display(c)))...)
		}
	}
	return out, matched
}

// leadingArg is, for a call of a formatting function (trait formats)
// whose constant format begins with a verb that prints its operand as
// it is (%s, %v), the position of that operand: its value starts the
// result, as the first operand of a concatenation does
// (fmt.Sprintf("%s?%s", base, query) is a URL on base). -1 otherwise.
func (w *walker) leadingArg(fn *funcInfo, call *ast.CallExpr, c *callee) int {
	for _, r := range w.fl.rows(model.SectionAPI, c) {
		if !r.Has(model.TraitFormats) {
			continue
		}
		i := r.ParamIndex(model.RoleFormat)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		for _, o := range w.eval(fn, call.Args[i], nil) {
			if f, ok := o.String(); ok && o.Kind == Literal && o.Part == Whole && (strings.HasPrefix(f, "%s") || strings.HasPrefix(f, "%v")) {
				return i + 1
			}
		}
	}
	return -1
}

// outputIsResult reports whether a row's output is result i.
func outputIsResult(output string, i int) bool {
	p, err := model.CachedPath(output)
	if err != nil || len(p) != 1 || p[0].Op != model.OpReturnValue {
		return false
	}
	return p[0].Lo == i
}

// input is an expression a model row's access path selects at a call,
// and the part of its value the path asks for.
type input struct {
	expr ast.Expr
	path path
	// arg is the argument position (-1 for the receiver).
	arg int
	// piece: the argument is one element of the value the path asks
	// about (one of a variadic parameter's arguments).
	piece bool
}

// inputs returns the expressions an access path selects at a call:
// Argument[1], Argument[0..] (every argument, the elements of a slice
// passed with ...), Argument[receiver], followed by Member, ArrayElement
// and ReturnValue steps into the argument.
func (w *walker) inputs(call *ast.CallExpr, c *callee, s string) []input {
	p, err := model.CachedPath(s)
	if err != nil || len(p) == 0 || p[0].Op != model.OpArgument {
		return nil
	}
	rest := fromModel(p[1:])
	if p[0].Receiver {
		if c.recvExpr == nil {
			return nil
		}
		return []input{{expr: c.recvExpr, path: rest, arg: -1}}
	}
	var out []input
	for i, a := range call.Args {
		if !p[0].Selects(i) {
			continue
		}
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 && (p[0].Hi < 0 || p[0].Hi > i) {
			out = append(out, input{expr: a, path: rest.push(pstep{op: pElem}), arg: i})
			continue
		}
		out = append(out, input{expr: a, path: rest, arg: i})
	}
	return out
}

// fromModel turns the steps of a model access path after its first
// into a path into a value.
func fromModel(p model.Path) path {
	var out path
	for _, s := range p {
		switch s.Op {
		case model.OpMember:
			out = append(out, pstep{op: pField, name: s.Name})
		case model.OpArrayElement, model.OpMapValue:
			out = append(out, pstep{op: pElem})
		case model.OpReturnValue:
			out = append(out, pstep{op: pResult, index: s.Lo})
		}
	}
	return out
}

// keyHolds judges a row's key condition on the constant the call passes
// there: Header.Get("Authorization") is a credential source,
// Header.Get("Accept") is not. A key that is not a constant fails.
func (w *walker) keyHolds(fn *funcInfo, call *ast.CallExpr, c *callee, r *model.Row) bool {
	if r.Key == "" {
		return true
	}
	for _, in := range w.inputs(call, c, r.Key) {
		for _, o := range w.eval(fn, in.expr, in.path) {
			if s, ok := o.String(); ok && o.Kind == Literal && o.Part == Whole && w.fl.keyIs(r.KeyIs, s) {
				return true
			}
		}
	}
	return false
}

// keyParam returns the parameter of the summarised function that a
// row's key is, when that is all the key can be: the call site of the
// function then passes the constant the condition is judged on.
func (w *walker) keyParam(fn *funcInfo, call *ast.CallExpr, c *callee, r *model.Row) (Origin, bool) {
	if r.Key == "" || w.sum == nil || fn != w.sum {
		return Origin{}, false
	}
	var param Origin
	n := 0
	for _, in := range w.inputs(call, c, r.Key) {
		for _, o := range w.eval(fn, in.expr, in.path) {
			if o.Kind != Param || o.fn != fn || o.Part != Whole || len(o.path) > 0 || len(o.ops) > 0 {
				return Origin{}, false
			}
			param = o
			n++
		}
	}
	return param, n == 1
}

// credentialHeaders carry a credential whatever the scheme.
var credentialHeaders = map[string]bool{"authorization": true, "proxy-authorization": true, "cookie": true}

func (fl *Flow) keyIs(kind, s string) bool {
	switch kind {
	case model.KeyCredentialHeader:
		return credentialHeaders[strings.ToLower(s)] || fl.names.IsTokenKey(s)
	case model.KeyTokenName:
		return fl.names.IsTokenParam(s)
	}
	return false
}

// sourceOrigin is the origin a source row gives at n.
func (fl *Flow) sourceOrigin(r *model.Row, n ast.Node) Origin {
	return Origin{Kind: Source, Row: r, Pos: n.Pos(), Name: rowName(r)}
}

// rowName names a row's element briefly: sink.Token, Header.Get.
func rowName(r *model.Row) string {
	name := r.Name
	if name == "" && len(r.Names) > 0 {
		name = r.Names[0]
	}
	if r.Type != "" {
		return r.Type + "." + name
	}
	return pathpkg.Base(r.Package) + "." + name
}

// builtin is the result of a builtin call.
func (w *walker) builtin(fn *funcInfo, call *ast.CallExpr, name string, p path) []Origin {
	switch name {
	case "len", "cap":
		var out []Origin
		for _, a := range call.Args {
			for _, o := range w.eval(fn, a, nil) {
				o.Sanitized = &Sanitizer{Kind: model.SanitizerMeasure, Pos: call.Pos()}
				out = append(out, o.asPart(Piece))
			}
		}
		return out
	case "append":
		if len(call.Args) == 0 {
			return nil
		}
		out := w.eval(fn, call.Args[0], p)
		for i, a := range call.Args[1:] {
			q := p
			if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
				// append(s, t...): t's elements are s's.
			} else if len(p) > 0 && p[0].op == pElem {
				q = p[1:]
			} else if len(p) > 0 {
				continue
			}
			os := w.eval(fn, a, q)
			if len(p) == 0 {
				os = asPart(os, Piece)
			}
			out = append(out, addStep(os, step(a, "appended"))...)
		}
		return out
	case "min", "max":
		var out []Origin
		for _, a := range call.Args {
			out = append(out, w.eval(fn, a, p)...)
		}
		return out
	case "new", "make":
		return []Origin{{Kind: Zero, Name: name, Pos: call.Pos(), path: p}}
	}
	return []Origin{opaque(call, name, p)}
}

// callOut is what a call writes into a variable handed to it: a model
// source or summary whose output is that argument, or, for &v passed to
// anything else, an opaque value.
func (w *walker) callOut(df *def, p path) []Origin {
	fl := w.fl
	c := fl.resolveCall(df.fn, df.call)
	var out []Origin
	for _, r := range fl.rows(model.SectionSource, c) {
		if outputIsArg(r.Output, df.arg) && w.keyHolds(df.fn, df.call, c, r) {
			o := fl.sourceOrigin(r, df.call)
			if len(p) > 0 {
				o = Origin{Kind: Opaque, Name: c.name, Pos: df.call.Pos(), path: p}
			}
			out = append(out, o.withStep(step(df.call, "filled in by "+fl.display(c))))
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, r := range fl.rows(model.SectionSummary, c) {
		if !outputIsArg(r.Output, df.arg) {
			continue
		}
		part, q := Piece, path(nil)
		if r.Kind == model.SummaryValue {
			part, q = Whole, p
		}
		for _, in := range w.inputs(df.call, c, r.Input) {
			out = append(out, addStep(asPart(w.eval(df.fn, in.expr, append(in.path, q...)), part), step(df.call, "written by "+fl.display(c)))...)
		}
	}
	if len(out) > 0 || !df.addr {
		return out
	}
	return []Origin{{Kind: Opaque, Name: "set by " + fl.display(c), Pos: df.call.Pos(), path: p, Guess: c.guess}}
}

// outputIsArg reports whether a row's output is argument i (-1: the
// receiver).
func outputIsArg(output string, i int) bool {
	p, err := model.CachedPath(output)
	if err != nil || len(p) != 1 || p[0].Op != model.OpArgument {
		return false
	}
	if i < 0 {
		return p[0].Receiver
	}
	return p[0].Selects(i)
}

// callbackSource is the source a function literal's parameter receives
// from the modelled call it is handed to (output
// Argument[k].Parameter[j]).
func (fl *Flow) callbackSource(w *walker, la litArg, d *decl) []Origin {
	fn := fl.ix.callFn[la.call]
	c := fl.resolveCall(fn, la.call)
	var out []Origin
	for _, r := range fl.rows(model.SectionSource, c) {
		p, err := model.CachedPath(r.Output)
		if err != nil || len(p) != 2 || p[0].Op != model.OpArgument || p[1].Op != model.OpParameter {
			continue
		}
		if p[0].Selects(la.arg) && p[1].Selects(d.index) && w.keyHolds(fn, la.call, c, r) {
			out = append(out, Origin{Kind: Source, Row: r, Pos: d.id.Pos(), Name: rowName(r)})
		}
	}
	return out
}

// fieldRows returns the model rows of section for the field sel selects.
func (fl *Flow) fieldRows(w *walker, fn *funcInfo, section model.Section, sel *ast.SelectorExpr) []*model.Row {
	var pkg, typ string
	if fl.ix.info != nil {
		if s := fl.ix.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
			pkg = pkgPath(s.Obj().Pkg())
			if tn := resolve.NamedType(s.Recv()); tn != nil && len(s.Index()) == 1 {
				typ = tn.Name()
			}
		}
	}
	if pkg == "" {
		var ok bool
		if pkg, typ, ok = fl.typeOf(fn, sel.X, 0); !ok {
			return nil
		}
	}
	var out []*model.Row
	for _, r := range fl.models.GoMember(section, pkg, typ, sel.Sel.Name) {
		if r.GoObject() == model.Field {
			out = append(out, r)
		}
	}
	return out
}

// varRows returns the model rows of section for another package's
// variable or constant.
func (fl *Flow) varRows(section model.Section, obj types.Object) []*model.Row {
	if obj.Pkg() == nil {
		return nil
	}
	var out []*model.Row
	for _, r := range fl.models.GoFunc(section, obj.Pkg().Path(), obj.Name()) {
		if o := r.GoObject(); o == model.Var || o == model.Const {
			out = append(out, r)
		}
	}
	return out
}

// selectionSteps are the field steps of x.f: one, or, for a field
// promoted from embedded structs, one per embedded field on the way.
func (fl *Flow) selectionSteps(sel *ast.SelectorExpr) []pstep {
	info := fl.ix.info
	if info != nil {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && len(s.Index()) > 1 {
			var out []pstep
			t := s.Recv()
			for _, i := range s.Index() {
				st := structUnder(t)
				if st == nil || i >= st.NumFields() {
					return []pstep{fieldStep(info, sel)}
				}
				f := st.Field(i)
				out = append(out, pstep{op: pField, name: f.Name(), obj: f})
				t = f.Type()
			}
			return out
		}
	}
	return []pstep{fieldStep(info, sel)}
}

func structUnder(t types.Type) *types.Struct {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, _ := t.(*types.Struct)
	return st
}

// isFuncValue reports whether x[i] is an instantiation of a generic
// function rather than an index.
func (fl *Flow) isFuncValue(x *ast.IndexExpr) bool {
	if fl.ix.info == nil {
		return false
	}
	tv, ok := fl.ix.info.Types[x.X]
	if !ok || tv.Type == nil {
		return false
	}
	_, isSig := tv.Type.Underlying().(*types.Signature)
	return isSig
}

// short writes an expression for a step, briefly.
func short(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

func typeString(e ast.Expr) string {
	if e == nil {
		return "composite"
	}
	return short(e)
}

// ownerOf names, without type information, the struct type of x as the
// syntax shows it ("pkg.T"), or "".
func (fl *Flow) ownerOf(fn *funcInfo, x ast.Expr) string {
	if pkg, typ, ok := fl.typeOf(fn, x, 0); ok && typ != "" {
		return pkg + "." + typ
	}
	return ""
}

// writeOwner is ownerOf for the struct a field write stores into.
func (fl *Flow) writeOwner(fw *fieldWrite) string {
	if fw.owner != nil {
		if pkg, typ, ok := fl.ix.typeName(fl.ix.fileAt(fw.owner.Pos()), fw.owner); ok {
			return pkg + "." + typ
		}
		return ""
	}
	if fw.base != nil {
		return fl.ownerOf(fw.fn, fw.base)
	}
	return ""
}
