package goflow

import (
	"go/ast"
	"go/token"
	"go/types"
)

// resolver walks one file with Go's block scopes: it declares every local
// identifier, resolves every use to its declaration (the fallback for
// packages without type information: go/types' answer wins where it
// exists), creates the funcInfo of each function literal, and records
// definitions, field writes, calls and returns as it goes.
type resolver struct {
	ix   *index
	file *ast.File
}

type scope struct {
	parent *scope
	names  map[string]*decl
	ix     *index
}

func (s *scope) lookup(name string) *decl {
	for ; s != nil; s = s.parent {
		if d, ok := s.names[name]; ok {
			return d
		}
	}
	return nil
}

func (s *scope) child() *scope { return &scope{parent: s, names: map[string]*decl{}, ix: s.ix} }

func (s *scope) declare(d *decl) {
	if d.id.Name != "_" {
		s.names[d.id.Name] = d
	}
	s.ix.addDecl(d)
}

func (r *resolver) root() *scope {
	s := &scope{names: map[string]*decl{}, ix: r.ix}
	for name, d := range r.ix.pkgScope {
		s.names[name] = d
	}
	return s
}

func (r *resolver) file_() {
	root := r.root()
	for _, d := range r.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			r.function(r.ix.funcOf[d], root)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					r.expr(root, s.Type, nil)
					for _, v := range s.Values {
						r.expr(root, v, nil)
					}
				case *ast.TypeSpec:
					r.expr(root, s.Type, nil)
				}
			}
		}
	}
}

// function declares fn's receiver, parameters and results in a scope
// under outer and walks its body there.
func (r *resolver) function(fn *funcInfo, outer *scope) {
	s := outer.child()
	if fn.decl != nil && fn.decl.Recv != nil {
		for _, f := range fn.decl.Recv.List {
			r.expr(outer, f.Type, fn)
			for _, n := range f.Names {
				d := &decl{id: n, kind: dParam, fn: fn, index: -1, typ: f.Type}
				s.declare(d)
				fn.recv = d
			}
		}
	}
	if fn.typ.Params != nil {
		i := 0
		for _, f := range fn.typ.Params.List {
			r.expr(outer, f.Type, fn)
			if _, ok := f.Type.(*ast.Ellipsis); ok {
				fn.variadic = true
			}
			if len(f.Names) == 0 {
				fn.params = append(fn.params, nil)
				i++
			}
			for _, n := range f.Names {
				d := &decl{id: n, kind: dParam, fn: fn, index: i, typ: f.Type}
				s.declare(d)
				fn.params = append(fn.params, d)
				i++
			}
		}
	}
	if fn.typ.Results != nil {
		i := 0
		for _, f := range fn.typ.Results.List {
			r.expr(outer, f.Type, fn)
			if len(f.Names) == 0 {
				fn.results = append(fn.results, nil)
				i++
			}
			for _, n := range f.Names {
				d := &decl{id: n, kind: dResult, fn: fn, index: i, typ: f.Type}
				s.declare(d)
				fn.results = append(fn.results, d)
				i++
			}
		}
		fn.nresults = i
	}
	if fn.body != nil {
		for _, st := range fn.body.List {
			r.stmt(s, st, fn)
		}
	}
}

// isNew reports whether id on the left of := declares a new variable in
// s: go/types knows; without it, a name not yet declared in this very
// scope is new.
func (r *resolver) isNew(s *scope, id *ast.Ident) bool {
	if info := r.ix.info; info != nil {
		if obj, ok := info.Defs[id]; ok {
			return obj != nil
		}
		if _, ok := info.Uses[id]; ok {
			return false
		}
	}
	_, declared := s.names[id.Name]
	return !declared && id.Name != "_"
}

func (r *resolver) stmt(s *scope, st ast.Stmt, fn *funcInfo) {
	switch st := st.(type) {
	case *ast.BlockStmt:
		c := s.child()
		for _, x := range st.List {
			r.stmt(c, x, fn)
		}
	case *ast.AssignStmt:
		for _, e := range st.Rhs {
			r.expr(s, e, fn)
		}
		for _, l := range st.Lhs {
			if id, ok := l.(*ast.Ident); ok && st.Tok == token.DEFINE && r.isNew(s, id) {
				s.declare(&decl{id: id, kind: dVar, fn: fn})
				continue
			}
			r.expr(s, l, fn)
		}
		r.assignDefs(st, fn)
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return
		}
		var last *ast.ValueSpec
		for i, sp := range gd.Specs {
			switch sp := sp.(type) {
			case *ast.ValueSpec:
				r.expr(s, sp.Type, fn)
				for _, v := range sp.Values {
					r.expr(s, v, fn)
				}
				kind := dVar
				spec := sp
				if gd.Tok == token.CONST {
					kind = dConst
					if len(sp.Values) == 0 && last != nil {
						spec = &ast.ValueSpec{Names: sp.Names, Type: last.Type, Values: last.Values}
					} else {
						last = sp
					}
				}
				for j, n := range sp.Names {
					d := &decl{id: n, kind: kind, fn: fn, spec: spec, specIdx: j, typ: spec.Type, iota: i}
					s.declare(d)
					if kind == dVar {
						r.specDef(d, spec, j, fn)
					}
				}
			case *ast.TypeSpec:
				s.declare(&decl{id: sp.Name, kind: dType, fn: fn, typeSpec: sp})
				r.expr(s, sp.Type, fn)
			}
		}
	case *ast.ExprStmt:
		r.expr(s, st.X, fn)
	case *ast.SendStmt:
		r.expr(s, st.Chan, fn)
		r.expr(s, st.Value, fn)
	case *ast.IncDecStmt:
		r.expr(s, st.X, fn)
		if d := r.rootDecl(st.X); d != nil {
			r.addDef(d, &def{kind: kIncDec, node: st, fn: fn, lhs: st.X, path: lhsPath(st.X, r.ix.info)})
		}
	case *ast.GoStmt:
		r.expr(s, st.Call, fn)
	case *ast.DeferStmt:
		r.expr(s, st.Call, fn)
	case *ast.ReturnStmt:
		for _, e := range st.Results {
			r.expr(s, e, fn)
		}
		if fn != nil {
			fn.returns = append(fn.returns, st)
		}
	case *ast.LabeledStmt:
		r.stmt(s, st.Stmt, fn)
	case *ast.IfStmt:
		c := s.child()
		if st.Init != nil {
			r.stmt(c, st.Init, fn)
		}
		r.expr(c, st.Cond, fn)
		r.stmt(c, st.Body, fn)
		if st.Else != nil {
			r.stmt(c, st.Else, fn)
		}
	case *ast.ForStmt:
		c := s.child()
		if st.Init != nil {
			r.stmt(c, st.Init, fn)
		}
		r.expr(c, st.Cond, fn)
		if st.Post != nil {
			r.stmt(c, st.Post, fn)
		}
		r.stmt(c, st.Body, fn)
	case *ast.RangeStmt:
		r.expr(s, st.X, fn)
		c := s.child()
		for i, e := range []ast.Expr{st.Key, st.Value} {
			if e == nil {
				continue
			}
			kind := kRangeKey
			if i == 1 {
				kind = kRangeValue
			}
			if id, ok := e.(*ast.Ident); ok && st.Tok == token.DEFINE {
				if id.Name == "_" {
					continue
				}
				d := &decl{id: id, kind: dVar, fn: fn}
				c.declare(d)
				r.addDef(d, &def{kind: kind, node: e, fn: fn, lhs: e, rng: st})
				continue
			}
			r.expr(c, e, fn)
			if d := r.rootDecl(e); d != nil {
				r.addDef(d, &def{kind: kind, node: e, fn: fn, lhs: e, rng: st, path: lhsPath(e, r.ix.info)})
			}
		}
		r.stmt(c, st.Body, fn)
	case *ast.SwitchStmt:
		c := s.child()
		if st.Init != nil {
			r.stmt(c, st.Init, fn)
		}
		r.expr(c, st.Tag, fn)
		for _, cl := range st.Body.List {
			cc := cl.(*ast.CaseClause)
			for _, e := range cc.List {
				r.expr(c, e, fn)
			}
			cs := c.child()
			for _, x := range cc.Body {
				r.stmt(cs, x, fn)
			}
		}
	case *ast.TypeSwitchStmt:
		c := s.child()
		if st.Init != nil {
			r.stmt(c, st.Init, fn)
		}
		var sym *decl
		switch a := st.Assign.(type) {
		case *ast.AssignStmt:
			if len(a.Rhs) == 1 {
				r.expr(c, a.Rhs[0], fn)
			}
			if len(a.Lhs) == 1 {
				if id, ok := a.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
					sym = &decl{id: id, kind: dSwitch, fn: fn, tswitch: st}
					r.ix.addDecl(sym)
					sym.defs = append(sym.defs, &def{kind: kSwitch, node: a, fn: fn, lhs: id, tswitch: st})
				}
			}
		case *ast.ExprStmt:
			r.expr(c, a.X, fn)
		}
		for _, cl := range st.Body.List {
			cc := cl.(*ast.CaseClause)
			for _, e := range cc.List {
				r.expr(c, e, fn)
			}
			cs := c.child()
			if sym != nil {
				cs.names[sym.id.Name] = sym
				if info := r.ix.info; info != nil {
					if obj := info.Implicits[cc]; obj != nil {
						r.ix.objDecl[obj] = sym
					}
				}
			}
			for _, x := range cc.Body {
				r.stmt(cs, x, fn)
			}
		}
	case *ast.SelectStmt:
		for _, cl := range st.Body.List {
			cc := cl.(*ast.CommClause)
			cs := s.child()
			if cc.Comm != nil {
				r.stmt(cs, cc.Comm, fn)
			}
			for _, x := range cc.Body {
				r.stmt(cs, x, fn)
			}
		}
	}
}

// expr resolves the identifiers of e and walks into function literals.
func (r *resolver) expr(s *scope, e ast.Expr, fn *funcInfo) {
	switch e := e.(type) {
	case nil:
	case *ast.Ident:
		if _, ok := r.ix.decls[e]; ok {
			return
		}
		if info := r.ix.info; info != nil && info.Uses[e] != nil {
			return // go/types answers (declOf asks it first); the map stays small
		}
		if d := s.lookup(e.Name); d != nil {
			r.ix.uses[e] = d
		}
	case *ast.BasicLit:
	case *ast.Ellipsis:
		r.expr(s, e.Elt, fn)
	case *ast.FuncLit:
		child := &funcInfo{lit: e, typ: e.Type, body: e.Body, file: r.file, parent: fn}
		r.ix.addFunc(child)
		if fn != nil {
			fn.children = append(fn.children, child)
		}
		r.function(child, s)
	case *ast.CompositeLit:
		r.expr(s, e.Type, fn)
		_, isMap := e.Type.(*ast.MapType)
		_, isArray := e.Type.(*ast.ArrayType)
		for i, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				r.expr(s, elt, fn)
				r.positionalWrite(e, i, elt, fn)
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok && !isMap && !isArray && r.isStructLit(e) {
				// A struct literal's key is a field name, not a use.
				r.ix.fieldWrites[key.Name] = append(r.ix.fieldWrites[key.Name], &fieldWrite{
					field: r.fieldObj(key), value: kv.Value, fn: fn, lit: e, owner: e.Type, pos: kv.Pos()})
			} else {
				r.expr(s, kv.Key, fn)
			}
			r.expr(s, kv.Value, fn)
		}
	case *ast.ParenExpr:
		r.expr(s, e.X, fn)
	case *ast.SelectorExpr:
		r.expr(s, e.X, fn)
	case *ast.IndexExpr:
		r.expr(s, e.X, fn)
		r.expr(s, e.Index, fn)
	case *ast.IndexListExpr:
		r.expr(s, e.X, fn)
		for _, x := range e.Indices {
			r.expr(s, x, fn)
		}
	case *ast.SliceExpr:
		r.expr(s, e.X, fn)
		r.expr(s, e.Low, fn)
		r.expr(s, e.High, fn)
		r.expr(s, e.Max, fn)
	case *ast.TypeAssertExpr:
		r.expr(s, e.X, fn)
		r.expr(s, e.Type, fn)
	case *ast.CallExpr:
		r.expr(s, e.Fun, fn)
		for i, a := range e.Args {
			r.expr(s, a, fn)
			if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
				r.ix.litCall[lit] = litArg{e, i}
			}
		}
		r.ix.calls = append(r.ix.calls, e)
		r.ix.callFn[e] = fn
		if fn != nil {
			fn.calls = append(fn.calls, e)
		}
		r.callDefs(e, fn)
	case *ast.StarExpr:
		r.expr(s, e.X, fn)
	case *ast.UnaryExpr:
		r.expr(s, e.X, fn)
		if e.Op == token.AND {
			if d := r.rootDecl(e.X); d != nil && d.kind != dGlobal {
				d.addrTaken = true
			}
		}
	case *ast.BinaryExpr:
		r.expr(s, e.X, fn)
		r.expr(s, e.Y, fn)
	case *ast.KeyValueExpr:
		r.expr(s, e.Key, fn)
		r.expr(s, e.Value, fn)
	case *ast.ArrayType:
		r.expr(s, e.Len, fn)
		r.expr(s, e.Elt, fn)
	case *ast.MapType:
		r.expr(s, e.Key, fn)
		r.expr(s, e.Value, fn)
	case *ast.ChanType:
		r.expr(s, e.Value, fn)
	case *ast.StructType:
		for _, f := range e.Fields.List {
			r.expr(s, f.Type, fn)
		}
	case *ast.FuncType:
		for _, fl := range []*ast.FieldList{e.Params, e.Results} {
			if fl != nil {
				for _, f := range fl.List {
					r.expr(s, f.Type, fn)
				}
			}
		}
	}
}

func (r *resolver) isStructLit(lit *ast.CompositeLit) bool {
	if r.ix.info == nil {
		return true
	}
	tv, ok := r.ix.info.Types[lit]
	if !ok || tv.Type == nil || tv.Type == types.Typ[types.Invalid] {
		return true // a type of an unresolved import: a struct, if keyed by names
	}
	t := tv.Type.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	_, isStruct := t.(*types.Struct)
	return isStruct
}

// fieldObj is the field a struct literal's key names, when typed.
func (r *resolver) fieldObj(key *ast.Ident) types.Object {
	if r.ix.info == nil {
		return nil
	}
	if v, ok := r.ix.info.Uses[key].(*types.Var); ok && v.IsField() {
		return v
	}
	return nil
}

// positionalWrite records element i of an unkeyed struct literal as a
// write of the i-th field, which only type information can name.
func (r *resolver) positionalWrite(lit *ast.CompositeLit, i int, v ast.Expr, fn *funcInfo) {
	st := structOf(r.ix.info, lit)
	if st == nil || i >= st.NumFields() {
		return
	}
	f := st.Field(i)
	r.ix.fieldWrites[f.Name()] = append(r.ix.fieldWrites[f.Name()], &fieldWrite{
		field: f, value: v, fn: fn, lit: lit, owner: lit.Type, pos: v.Pos()})
}

// structOf is the struct type of a composite literal, when typed.
func structOf(info *types.Info, lit *ast.CompositeLit) *types.Struct {
	if info == nil {
		return nil
	}
	tv, ok := info.Types[lit]
	if !ok || tv.Type == nil {
		return nil
	}
	t := tv.Type.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, _ := t.(*types.Struct)
	return st
}

// rootDecl is the variable whose value, or part of it, e denotes: v for
// v, v.f, v[i], *v, (v).
func (r *resolver) rootDecl(e ast.Expr) *decl {
	id := rootIdent(e)
	if id == nil {
		return nil
	}
	d, _ := r.ix.declOf(id)
	if d == nil || (d.kind != dVar && d.kind != dParam && d.kind != dResult && d.kind != dGlobal) {
		return nil
	}
	return d
}

// rootIdent returns v for v, v.f.g, v[i], *v, and nil for anything else
// (a call's result, a package-qualified name).
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.ParenExpr:
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
}

func (r *resolver) addDef(d *decl, df *def) {
	if df.fn != d.fn && d.kind != dGlobal {
		d.closureWrite = true
	}
	d.defs = append(d.defs, df)
}

// assignDefs records the definitions an assignment makes, and the field
// writes of assignments to x.f.
func (r *resolver) assignDefs(as *ast.AssignStmt, fn *funcInfo) {
	tuple := len(as.Rhs) == 1 && len(as.Lhs) > 1
	for i, l := range as.Lhs {
		df := &def{kind: kAssign, node: as, fn: fn, lhs: l, path: lhsPath(l, r.ix.info)}
		switch {
		case tuple:
			df.rhs, df.tuple, df.multi = as.Rhs[0], i, true
		case i < len(as.Rhs):
			df.rhs = as.Rhs[i]
		}
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			df.kind, df.op = kOpAssign, opOf(as.Tok)
		}
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && df.rhs != nil && !tuple && r.isField(sel) {
			var obj types.Object
			if r.ix.info != nil {
				if s := r.ix.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
					obj = s.Obj()
				}
			}
			r.ix.fieldWrites[sel.Sel.Name] = append(r.ix.fieldWrites[sel.Sel.Name], &fieldWrite{
				field: obj, value: df.rhs, fn: fn, base: sel.X, pos: as.Pos()})
		}
		if d := r.rootDecl(l); d != nil {
			r.addDef(d, df)
		}
	}
}

// isField reports whether x.f selects a field (or method) rather than a
// package's member.
func (r *resolver) isField(sel *ast.SelectorExpr) bool {
	return !r.ix.isQualified(r.file, sel)
}

// specDef records the definition a var spec makes.
func (r *resolver) specDef(d *decl, spec *ast.ValueSpec, j int, fn *funcInfo) {
	df := &def{kind: kAssign, node: spec, fn: fn, lhs: d.id}
	switch {
	case len(spec.Values) == 0:
		df.kind = kZero
	case len(spec.Values) == 1 && len(spec.Names) > 1:
		df.rhs, df.tuple, df.multi = spec.Values[0], j, true
	case j < len(spec.Values):
		df.rhs = spec.Values[j]
	}
	r.addDef(d, df)
}

// callDefs records a call as a possible definition of the variables it
// is handed: &v as an argument (the call may fill it in), and v as an
// argument or receiver (a model may say the call writes into it:
// json.Unmarshal's target, url.Values.Set's receiver).
func (r *resolver) callDefs(call *ast.CallExpr, fn *funcInfo) {
	add := func(e ast.Expr, arg int) {
		addr := false
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			e, addr = u.X, true
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		d, _ := r.ix.declOf(id)
		if d == nil || (d.kind != dVar && d.kind != dParam && d.kind != dResult && d.kind != dGlobal) {
			return
		}
		if !addr && !r.writable(id) {
			return // a string or a number passed by value: no call changes it
		}
		d.defs = append(d.defs, &def{kind: kCall, node: call, fn: fn, lhs: id, call: call, arg: arg, addr: addr})
		if d.fn != fn && addr && d.kind != dGlobal {
			d.closureWrite = true
		}
	}
	for i, a := range call.Args {
		add(a, i)
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		add(sel.X, -1)
	}
}

// writable reports whether a call handed id's value may write into it:
// a pointer, map, slice, channel or interface, or a value whose type is
// not known.
func (r *resolver) writable(id *ast.Ident) bool {
	if r.ix.info == nil {
		return true
	}
	t := r.ix.info.TypeOf(id)
	if t == nil || t == types.Typ[types.Invalid] {
		return true
	}
	switch t.Underlying().(type) {
	case *types.Basic, *types.Struct, *types.Array, *types.Signature:
		return false
	}
	return true
}
