package goflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/tokenvet/tokenvet/model"
)

// walker is one backward walk: a top-level query or a function summary.
// Its budget is its own, so a summary's content depends only on the
// function and its callees' summaries, never on who asked first.
type walker struct {
	fl   *Flow
	left int
	// sum is the function whose summary is being computed; nil for a
	// top-level query.
	sum *funcInfo
	// iota is the value of iota while a constant spec is evaluated
	// without type information.
	iota constant.Value
	// active holds the definitions and package-level variables being
	// evaluated, so that a cycle (x += y in a loop, var a = b; var b =
	// a) ends instead of going round until the budget runs out.
	active map[any]bool
	// fieldNest counts the field expansions (fieldGlobal) in progress;
	// depth the expressions being evaluated inside one another.
	fieldNest int
	depth     int
}

// maxFieldNest bounds field expansions inside one another: a config
// field read through a parameter (conf.TTL), and one more for a config
// struct held in a field of another (s.conf.TTL).
const maxFieldNest = 2

// enter marks k active; it reports false if k already was.
func (w *walker) enter(k any) bool {
	if w.active[k] {
		return false
	}
	if w.active == nil {
		w.active = map[any]bool{}
	}
	w.active[k] = true
	return true
}

func (w *walker) leave(k any) { delete(w.active, k) }

func newWalker(fl *Flow, sum *funcInfo) *walker {
	return &walker{fl: fl, left: maxVisits, sum: sum}
}

func (w *walker) spend() bool {
	if w.left <= 0 {
		return false
	}
	w.left--
	return true
}

// cut is the origin of a walk that hit its bounds.
func cut(e ast.Node, p path) Origin {
	return Origin{Kind: Opaque, Name: "not followed further", Pos: e.Pos(), path: p}
}

func opaque(e ast.Node, name string, p path) Origin {
	return Origin{Kind: Opaque, Name: name, Pos: e.Pos(), path: p}
}

func step(n ast.Node, what string) Step { return Step{Pos: n.Pos(), What: what} }

// addStep and asPart change os in place: a walk's results belong to the
// caller (memoised summaries are copied before they change, in
// resultsVia).
func addStep(os []Origin, s Step) []Origin {
	for i := range os {
		os[i] = os[i].withStep(s)
	}
	return os
}

func asPart(os []Origin, p Part) []Origin {
	for i := range os {
		os[i] = os[i].asPart(p)
	}
	return os
}

// eval returns the origins of the part p of e's value; fn is the
// function e is in (nil at package level).
func (w *walker) eval(fn *funcInfo, e ast.Expr, p path) []Origin {
	if e == nil {
		return nil
	}
	if !w.spend() || len(p) > maxPath || w.depth >= maxDepth {
		return []Origin{cut(e, p)}
	}
	w.depth++
	defer func() { w.depth-- }()
	e = ast.Unparen(e)
	if len(p) == 0 {
		switch e.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			// Named constants are followed to their declaration, so the
			// flow starts where the literal is written.
		default:
			if v := w.fl.typedConst(e); v != nil {
				return []Origin{{Kind: Literal, Value: v, Pos: e.Pos()}}
			}
		}
	}
	var out []Origin
	switch x := e.(type) {
	case *ast.BasicLit:
		if len(p) == 0 {
			if v := constant.MakeFromLiteral(x.Value, x.Kind, 0); v.Kind() != constant.Unknown {
				return []Origin{{Kind: Literal, Value: v, Pos: x.Pos()}}
			}
		}
		out = []Origin{opaque(x, "literal", p)}
	case *ast.Ident:
		out = w.ident(fn, x, p)
	case *ast.SelectorExpr:
		out = w.selector(fn, x, p)
	case *ast.CallExpr:
		out = w.call(fn, x, p, 0)
	case *ast.CompositeLit:
		out = w.composite(fn, x, p)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.AND:
			out = w.eval(fn, x.X, p)
		case token.ARROW:
			out = []Origin{opaque(x, "received from a channel", p)}
		default:
			out = foldUnary(x, w.eval(fn, x.X, p))
		}
	case *ast.StarExpr:
		out = w.eval(fn, x.X, p)
	case *ast.BinaryExpr:
		out = w.binary(fn, x, p)
	case *ast.IndexExpr:
		if w.fl.isFuncValue(x) {
			out = w.eval(fn, x.X, p) // an instantiation F[T]
			break
		}
		out = addStep(w.eval(fn, x.X, p.push(pstep{op: pElem, key: w.fl.constKey(fn, x.Index)})),
			lazyStep(x, "read from ", x, ""))
	case *ast.IndexListExpr:
		out = w.eval(fn, x.X, p)
	case *ast.SliceExpr:
		out = w.eval(fn, x.X, p)
		if len(p) == 0 {
			out = addStep(asPart(out, Piece), lazyStep(x, "sliced by ", x, ""))
		}
	case *ast.TypeAssertExpr:
		out = w.eval(fn, x.X, p)
	case *ast.FuncLit:
		if len(p) > 0 && p[0].op == pResult {
			out = w.fl.resultsVia(w, fn, w.fl.ix.funcOf[x], nil, p[0].index, p[1:], nil)
		} else {
			out = []Origin{opaque(x, "function literal", p)}
		}
	case *ast.KeyValueExpr:
		out = w.eval(fn, x.Value, p)
	default:
		out = []Origin{opaque(e, "", p)}
	}
	// Each origin handled costs: a walk's work is bounded, not only its
	// steps (a long chain s = s + x carries many origins up each step).
	w.left -= len(out)
	return w.fl.cap(out)
}

// ident follows a name to its declaration.
func (w *walker) ident(fn *funcInfo, id *ast.Ident, p path) []Origin {
	d, obj := w.fl.ix.declOf(id)
	if d != nil {
		return w.declValue(fn, id, d, p)
	}
	if obj != nil {
		return w.object(id, obj, p)
	}
	switch id.Name {
	case "true", "false":
		if len(p) == 0 {
			return []Origin{{Kind: Literal, Value: constant.MakeBool(id.Name == "true"), Pos: id.Pos()}}
		}
	case "nil":
		return []Origin{{Kind: Zero, Name: "nil", Pos: id.Pos()}}
	case "iota":
		if w.iota != nil && len(p) == 0 {
			return []Origin{{Kind: Literal, Value: w.iota, Pos: id.Pos()}}
		}
	}
	return []Origin{opaque(id, id.Name, p)}
}

// declValue is the value of a declared name at the use id.
func (w *walker) declValue(fn *funcInfo, id *ast.Ident, d *decl, p path) []Origin {
	switch d.kind {
	case dConst:
		if len(p) > 0 {
			return []Origin{opaque(id, d.id.Name, p)}
		}
		if v := w.fl.typedConst(id); v != nil {
			pos := id.Pos()
			if d.specIdx < len(d.spec.Values) {
				pos = d.spec.Values[d.specIdx].Pos()
			}
			o := Origin{Kind: Literal, Value: v, Pos: pos, Name: d.id.Name}
			if id != d.id {
				o = o.withStep(lazyStep(id, "constant ", d.id, ""))
			}
			return []Origin{o}
		}
		if d.specIdx >= len(d.spec.Values) {
			return []Origin{opaque(id, d.id.Name, p)}
		}
		saved := w.iota
		w.iota = constant.MakeInt64(int64(d.iota))
		os := w.eval(d.fn, d.spec.Values[d.specIdx], nil)
		w.iota = saved
		if id != d.id {
			os = addStep(os, lazyStep(id, "constant ", d.id, ""))
		}
		return named(os, d.id.Name)
	case dGlobal:
		return w.global(id, d, p)
	case dVar, dParam, dResult:
		return w.local(fn, id, d, p)
	case dSwitch:
		if as, ok := d.tswitch.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if ta, ok := as.Rhs[0].(*ast.TypeAssertExpr); ok {
				return w.eval(d.fn, ta.X, p)
			}
		}
	case dFunc:
		if len(p) > 0 && p[0].op == pResult {
			return w.fl.resultsVia(w, fn, w.fl.ix.funcOf[d.funcDecl], nil, p[0].index, p[1:], nil)
		}
		return []Origin{opaque(id, "function "+d.id.Name, p)}
	}
	return []Origin{opaque(id, d.id.Name, p)}
}

// named gives origins without a name the name of the variable or
// constant they were reached through.
func named(os []Origin, name string) []Origin {
	for i := range os {
		if os[i].Name == "" {
			os[i].Name = name
		}
	}
	return os
}

// local is the value of a function's variable at a use: the definitions
// reaching it (flow-sensitively when the variable stays in its function
// and its address is not taken), and a parameter's incoming value.
func (w *walker) local(fn *funcInfo, use ast.Node, d *decl, p path) []Origin {
	var hits []hit
	entry := false
	sensitive := fn == d.fn && !d.flowInsensitive() && d.fn != nil && d.fn.body != nil
	if sensitive {
		var ok bool
		hits, entry, ok = w.reaching(d, use.Pos(), p)
		sensitive = ok
	}
	if !sensitive {
		for _, df := range d.defs {
			switch m, rest, _ := matchDef(df.path, p); m {
			case covers:
				hits = append(hits, hit{def: df, rest: rest})
			case inside:
				hits = append(hits, hit{def: df, piece: true})
			}
		}
		entry = d.kind == dParam || d.kind == dResult
	}
	var out []Origin
	for _, h := range hits {
		out = append(out, w.defValue(d, h)...)
	}
	if entry {
		switch d.kind {
		case dParam:
			out = append(out, w.param(d, p)...)
		case dResult:
			out = append(out, w.zero(d, p))
		}
	}
	return named(out, d.id.Name)
}

// defValue is what one definition gives the variable.
func (w *walker) defValue(d *decl, h hit) []Origin {
	df := h.def
	if !w.enter(df) {
		return nil
	}
	defer w.leave(df)
	if h.piece {
		if df.rhs == nil || df.kind != kAssign || df.multi {
			return nil
		}
		return addStep(asPart(w.eval(df.fn, df.rhs, nil), Piece), lazyStep(df.node, "stored in ", df.lhs, ""))
	}
	switch df.kind {
	case kAssign:
		if df.rhs == nil {
			return nil
		}
		var os []Origin
		if df.multi {
			os = w.tuple(df.fn, df.rhs, df.tuple, h.rest)
		} else {
			os = w.eval(df.fn, df.rhs, h.rest)
		}
		return addStep(os, lazyStep(df.lhs, "assigned to ", df.lhs, ""))
	case kOpAssign:
		prev := w.local(df.fn, df.node, d, h.rest)
		return w.fold(df.op, df.node, prev, w.eval(df.fn, df.rhs, nil))
	case kZero:
		return []Origin{w.zero(d, h.rest)}
	case kRangeValue:
		return addStep(w.eval(df.fn, df.rng.X, h.rest.push(pstep{op: pElem})), lazyStep(df.lhs, "ranged over into ", df.lhs, ""))
	case kRangeKey:
		return []Origin{opaque(df.lhs, "range key", h.rest)}
	case kIncDec:
		return []Origin{opaque(df.lhs, "incremented", h.rest)}
	case kSwitch:
		if as, ok := df.node.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if ta, ok := as.Rhs[0].(*ast.TypeAssertExpr); ok {
				return w.eval(df.fn, ta.X, h.rest)
			}
		}
	case kCall:
		return w.callOut(df, h.rest)
	}
	return nil
}

// zero is the zero value of d, or of the part p of it.
func (w *walker) zero(d *decl, p path) Origin {
	o := Origin{Kind: Zero, Name: d.id.Name, Pos: d.id.Pos(), path: p}
	if len(p) == 0 {
		o.Value = w.fl.zeroValue(d.id, d.typ)
	}
	return o
}

// param is a parameter's incoming value: a model source when the
// function is a literal handed to a modelled call (a handler's request),
// else a Param origin that callers substitute.
func (w *walker) param(d *decl, p path) []Origin {
	if d.fn.lit != nil {
		if la, ok := w.fl.ix.litCall[d.fn.lit]; ok && len(p) == 0 {
			if os := w.fl.callbackSource(w, la, d); len(os) > 0 {
				return os
			}
		}
	}
	return []Origin{{Kind: Param, Index: d.index, Name: d.id.Name, Pos: d.id.Pos(), fn: d.fn, path: p}}
}

// global is a package-level variable's value: its initializer and every
// assignment in the package (flow-insensitive: any function may run
// before the use).
func (w *walker) global(use *ast.Ident, d *decl, p path) []Origin {
	if !w.enter(d) {
		return nil
	}
	defer w.leave(d)
	var out []Origin
	if d.spec != nil {
		switch {
		case len(d.spec.Values) == 0:
			out = append(out, w.zero(d, p))
		case len(d.spec.Values) == 1 && len(d.spec.Names) > 1:
			out = append(out, addStep(w.tuple(nil, d.spec.Values[0], d.specIdx, p), lazyStep(d.id, "initialises ", d.id, ""))...)
		case d.specIdx < len(d.spec.Values):
			out = append(out, addStep(w.eval(nil, d.spec.Values[d.specIdx], p), lazyStep(d.id, "initialises ", d.id, ""))...)
		}
	}
	for _, df := range d.defs {
		h := hit{def: df}
		switch m, rest, _ := matchDef(df.path, p); m {
		case covers:
			h.rest = rest
		case inside:
			h.piece = true
		default:
			continue
		}
		out = append(out, w.defValue(d, h)...)
	}
	if use != d.id {
		out = addStep(out, lazyStep(use, "read from ", d.id, ""))
	}
	return named(out, d.id.Name)
}

// object is the value of another package's object (or a universe one).
func (w *walker) object(id *ast.Ident, obj types.Object, p path) []Origin {
	switch obj := obj.(type) {
	case *types.Const:
		if len(p) == 0 {
			return []Origin{{Kind: Literal, Value: obj.Val(), Pos: id.Pos(), Name: obj.Name()}}
		}
	case *types.Nil:
		return []Origin{{Kind: Zero, Name: "nil", Pos: id.Pos()}}
	case *types.Var:
		return w.fl.foreignVar(w, id, obj, p)
	case *types.Func:
		if len(p) > 0 && p[0].op == pResult {
			return w.fl.resultsVia(w, nil, nil, &callee{obj: obj, pkg: pkgPath(obj.Pkg()), name: obj.Name(), typed: true}, p[0].index, p[1:], nil)
		}
		return []Origin{opaque(id, "function "+obj.Name(), p)}
	}
	return []Origin{opaque(id, obj.Name(), p)}
}

// selector is x.f: a package member, a field, or a method value.
func (w *walker) selector(fn *funcInfo, sel *ast.SelectorExpr, p path) []Origin {
	ix := w.fl.ix
	file := ix.fileAt(sel.Pos())
	if ix.isQualified(file, sel) {
		if ix.info != nil {
			if obj := ix.info.Uses[sel.Sel]; obj != nil {
				if len(p) == 0 {
					if rows := w.fl.varRows(model.SectionSource, obj); len(rows) > 0 {
						return []Origin{w.fl.sourceOrigin(rows[0], sel)}
					}
				}
				return w.object(sel.Sel, obj, p)
			}
		}
		pkg, name, _ := ix.qualified(file, sel)
		if v, ok := stdConst(pkg, name); ok && len(p) == 0 {
			return []Origin{{Kind: Literal, Value: v, Pos: sel.Pos(), Name: pkg + "." + name}}
		}
		if len(p) == 0 {
			for _, r := range w.fl.models.GoFunc(model.SectionSource, pkg, name) {
				if o := r.GoObject(); o == model.Var || o == model.Const {
					return []Origin{w.fl.sourceOrigin(r, sel)}
				}
			}
		}
		return []Origin{{Kind: Opaque, Name: pkg + "." + name, Pos: sel.Pos(), path: p, Guess: ix.info == nil || ix.info.Uses[sel.Sel] == nil}}
	}
	if ix.info != nil {
		if s := ix.info.Selections[sel]; s != nil && s.Kind() != types.FieldVal {
			if len(p) > 0 && p[0].op == pResult {
				if f, ok := s.Obj().(*types.Func); ok {
					return w.fl.resultsVia(w, fn, ix.byObj[f], &callee{obj: f, pkg: pkgPath(f.Pkg()), name: f.Name(), typed: true, method: true}, p[0].index, p[1:], nil)
				}
			}
			return []Origin{opaque(sel, "method "+sel.Sel.Name, p)}
		}
	}
	if len(p) == 0 {
		if rows := w.fl.fieldRows(w, fn, model.SectionSource, sel); len(rows) > 0 {
			return []Origin{w.fl.sourceOrigin(rows[0], sel)}
		}
	}
	steps := w.fl.selectionSteps(sel)
	if len(steps) == 1 {
		// Where a write's field is not type-checked (a literal of an
		// unresolved import's type), the owner types keep fields of one
		// name in different structs apart.
		steps[0].owner = w.fl.ownerOf(fn, sel.X)
	}
	q := p
	for i := len(steps) - 1; i >= 0; i-- {
		q = q.push(steps[i])
	}
	var out []Origin
	for _, o := range w.eval(fn, sel.X, q) {
		if w.expandable(o) {
			// A field of a value the core cannot see into: every value
			// stored in that field. Expanded here, not at the end, so
			// that what the read goes through (a conversion, * time.Hour)
			// applies to those values too.
			for _, g := range w.fieldGlobal(o.path, 0) {
				out = append(out, g.after(o))
			}
			o.path = nil
		}
		out = append(out, o)
	}
	return addStep(out, lazyStep(sel, "read from ", sel, ""))
}

// expandable reports whether o is a value asked for a field that no
// caller will resolve: an opaque value, or a parameter of a function
// that is not the summary being computed.
func (w *walker) expandable(o Origin) bool {
	if len(o.path) == 0 || o.path[0].op != pField {
		return false
	}
	return o.Kind == Opaque || (o.Kind == Param && (w.sum == nil || o.fn != w.sum))
}

// composite is the part p of a composite literal's value.
func (w *walker) composite(fn *funcInfo, lit *ast.CompositeLit, p path) []Origin {
	if len(p) == 0 {
		if v, ok := w.fl.byteLiteral(lit); ok {
			return []Origin{{Kind: Literal, Value: v, Pos: lit.Pos()}}
		}
		var out []Origin
		for i, elt := range lit.Elts {
			if i >= maxElems {
				out = append(out, cut(elt, nil))
				break
			}
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = append(out, addStep(asPart(w.eval(fn, elt, nil), Piece), lazyStep(elt, "element of ", lit, ""))...)
		}
		return out
	}
	switch s := p[0]; s.op {
	case pField:
		st := structOf(w.fl.ix.info, lit)
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				key, ok := kv.Key.(*ast.Ident)
				if !ok || key.Name != s.name {
					continue
				}
				if s.obj != nil && w.fl.ix.info != nil {
					if f := w.fl.ix.info.Uses[key]; f != nil && f != s.obj {
						continue
					}
				}
				return addStep(w.eval(fn, kv.Value, p[1:]), lazyStep(kv, "stored in field "+s.name+" of ", lit.Type, ""))
			}
			if st != nil && i < st.NumFields() && st.Field(i).Name() == s.name {
				return addStep(w.eval(fn, elt, p[1:]), lazyStep(elt, "stored in field "+s.name+" of ", lit.Type, ""))
			}
		}
		// Not set: the field's zero value.
		o := Origin{Kind: Zero, Name: s.name, Pos: lit.Pos(), path: p[1:]}
		if len(p) == 1 {
			if s.obj != nil {
				o.Value = zeroOf(s.obj.Type())
			} else if pkg, typ, ok := w.fl.ix.typeName(w.fl.ix.fileAt(lit.Pos()), lit.Type); ok && pkg == w.fl.ix.pkgPath() {
				o.Value = w.fl.syntacticZero(w.fl.ix.fieldType(typ, s.name), 0)
			}
		}
		return []Origin{o}
	case pElem:
		var out []Origin
		for i, elt := range lit.Elts {
			if i >= maxElems {
				out = append(out, cut(elt, p))
				break
			}
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if s.key != nil {
					if k := w.fl.constKey(fn, kv.Key); k != nil && k.Kind() == s.key.Kind() && !constant.Compare(k, token.EQL, s.key) {
						continue
					}
				}
				elt = kv.Value
			}
			out = append(out, addStep(w.eval(fn, elt, p[1:]), lazyStep(elt, "element of ", lit, ""))...)
		}
		return out
	}
	return []Origin{opaque(lit, "composite literal", p)}
}

// binary folds constant operands and keeps the others' origins, marked
// as parts of the result.
func (w *walker) binary(fn *funcInfo, b *ast.BinaryExpr, p path) []Origin {
	if len(p) > 0 {
		return []Origin{opaque(b, "", p)}
	}
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		var out []Origin
		for _, o := range append(w.eval(fn, b.X, nil), w.eval(fn, b.Y, nil)...) {
			if o.Sanitized == nil {
				o.Sanitized = &Sanitizer{Kind: model.SanitizerCompare, Pos: b.OpPos}
			}
			out = append(out, o.asPart(Piece))
		}
		return out
	case token.LAND, token.LOR:
		return []Origin{opaque(b, "boolean expression", nil)}
	}
	return w.fold(b.Op, b, w.eval(fn, b.X, nil), w.eval(fn, b.Y, nil))
}

// tuple is result i of a multi-valued expression: a call, a comma-ok
// type assertion, map index or receive.
func (w *walker) tuple(fn *funcInfo, e ast.Expr, i int, p path) []Origin {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return w.call(fn, x, p, i)
	case *ast.TypeAssertExpr, *ast.IndexExpr:
		if i == 0 {
			return w.eval(fn, x, p)
		}
		return []Origin{opaque(x, "ok", p)}
	}
	return []Origin{opaque(e, "", p)}
}
