package goflow

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/tokenvet/tokenvet/model"
)

// A function's summary says where each of its results comes from, in
// terms of its parameters (Param origins, which a call site replaces by
// the origins of its arguments) and of what the function itself holds
// (literals, sources); and which of its parameters reach a sink inside
// it. Summaries are computed on demand and kept: a caller's summary uses
// its callees', so in effect they are built bottom-up. A call inside one
// strongly connected component of the call graph (recursion) is not
// followed, so a summary never depends on which function was asked
// first.

type sumKey struct {
	fn    *funcInfo
	tuple int
	path  string
}

type sumEntry struct {
	origins []Origin
	done    bool
}

// results is the summary of target's result tuple at part p.
func (fl *Flow) results(target *funcInfo, tuple int, p path) []Origin {
	k := sumKey{target, tuple, p.key()}
	if e, ok := fl.summaries[k]; ok {
		if !e.done {
			return []Origin{{Kind: Opaque, Name: "recursive call of " + target.name(), Pos: target.node().Pos(), path: p}}
		}
		return e.origins
	}
	e := &sumEntry{}
	fl.summaries[k] = e
	e.origins, e.done = slices.Clip(fl.cap(newWalker(fl, target).returns(target, tuple, p))), true
	return e.origins
}

// returns is the union of what target's return statements give result
// tuple, at part p.
func (w *walker) returns(target *funcInfo, tuple int, p path) []Origin {
	var out []Origin
	for _, ret := range target.returns {
		if tuple < target.nresults-1 && w.fails(target, ret) {
			continue
		}
		switch {
		case len(ret.Results) == target.nresults && tuple < len(ret.Results):
			out = append(out, w.eval(target, ret.Results[tuple], p)...)
		case len(ret.Results) == 1 && target.nresults > 1:
			out = append(out, w.tuple(target, ret.Results[0], tuple, p)...)
		case len(ret.Results) == 0 && tuple < len(target.results) && target.results[tuple] != nil:
			out = append(out, w.local(target, ret, target.results[tuple], p)...)
		}
	}
	return out
}

// fails reports whether ret returns an error that is never nil (the
// last result is errors.New or fmt.Errorf, directly or through a
// variable): by Go's convention the other results are then no value a
// caller uses, so a placeholder returned with the error ("", or a
// default) is not what the function gives.
func (w *walker) fails(target *funcInfo, ret *ast.ReturnStmt) bool {
	if len(ret.Results) != target.nresults || target.nresults < 2 {
		return false
	}
	os := w.eval(target, ret.Results[len(ret.Results)-1], nil)
	for _, o := range os {
		if o.Kind != Opaque || !errorConstructors[o.Name] {
			return false
		}
	}
	return len(os) > 0
}

// errorConstructors are the calls that always return a non-nil error.
// Names are the callee's package base name and function, as Opaque
// origins carry them: errors.New (also github.com/pkg/errors'), fmt.Errorf.
var errorConstructors = map[string]bool{"errors.New": true, "errors.Errorf": true, "fmt.Errorf": true}

// resultsVia is the value of result tuple (part p) of a call of target
// from fn: target's summary with its parameters replaced by the origins
// of call's arguments. Without a call (a function value's results) the
// parameters stay. target nil means another package's function, read
// from its facts.
func (fl *Flow) resultsVia(w *walker, fn, target *funcInfo, c *callee, tuple int, p path, call *ast.CallExpr) []Origin {
	if target == nil {
		if c != nil && c.obj != nil {
			if os, ok := fl.factResults(w, fn, c, call, tuple, p); ok {
				return os
			}
		}
		name := ""
		if c != nil {
			name = c.name
		}
		n := ast.Node(call)
		if call == nil {
			return []Origin{{Kind: Opaque, Name: name, path: p}}
		}
		return []Origin{opaque(n, name, p)}
	}
	if fn != nil && fn.scc == target.scc && call != nil {
		return []Origin{opaque(call, "recursive call of "+target.name(), p)}
	}
	sum := fl.results(target, tuple, p)
	name := target.name()
	var out []Origin
	for _, o := range sum {
		if o.Kind == Param && o.fn == target && call != nil {
			out = append(out, w.substitute(fn, call, c, target, o, name)...)
			continue
		}
		if o.keyed != nil && o.keyed.param.fn == target && call != nil {
			out = append(out, w.substituteKey(fn, call, c, target, o, name)...)
			continue
		}
		if call != nil {
			o = o.withStep(step(call, "returned by "+name))
		}
		out = append(out, o)
	}
	return out
}

// substitute replaces a callee's Param origin o by the origins of the
// argument call passes there, joining the flows: argument → parameter →
// (steps inside the callee) → call.
func (w *walker) substitute(fn *funcInfo, call *ast.CallExpr, c *callee, target *funcInfo, o Origin, name string) []Origin {
	var out []Origin
	for _, in := range argsFor(call, c, target.variadic, len(target.params), o.Index, o.path) {
		os := w.eval(fn, in.expr, in.path)
		if in.piece {
			os = asPart(os, Piece)
		}
		for _, a := range os {
			a = a.replacing(o)
			a = a.withStep(step(in.expr, "passed to "+name))
			a = a.withSteps(o.steps())
			out = append(out, a.withStep(step(call, "returned by "+name)))
		}
	}
	return out
}

// substituteKey judges a keyed source's condition on the argument call
// passes for its key parameter: a constant that meets it makes o the
// source (tokenExtra(t, "id_token") reads the ID token), one that does
// not leaves o opaque, and a parameter of the caller passes the
// question on to its own callers.
func (w *walker) substituteKey(fn *funcInfo, call *ast.CallExpr, c *callee, target *funcInfo, o Origin, name string) []Origin {
	k := o.keyed
	plain := o
	plain.keyed = nil
	plain = plain.withStep(step(call, "returned by "+name))
	for _, in := range argsFor(call, c, target.variadic, len(target.params), k.param.Index, nil) {
		for _, a := range w.eval(fn, in.expr, in.path) {
			switch {
			case a.Kind == Literal && a.Part == Whole:
				if s, ok := a.String(); ok && w.fl.keyIs(k.row.KeyIs, s) {
					src := w.fl.sourceOrigin(k.row, call)
					src.Pos = o.Pos
					src.trail, src.nsteps = o.trail, o.nsteps
					return []Origin{src.withStep(step(in.expr, "key passed to "+name)).withStep(step(call, "returned by "+name))}
				}
				plain.keyMissed = true
			case a.Kind == Param && a.fn == fn && fn == w.sum && a.Part == Whole && len(a.path) == 0 && len(a.ops) == 0:
				chained := plain
				chained.keyed = &keyedSource{row: k.row, param: a}
				return []Origin{chained}
			}
		}
	}
	return []Origin{plain}
}

// argsFor is the argument a call passes for parameter index (-1: the
// receiver), and the part p of it: for the variadic parameter without
// ..., every argument from there on.
func argsFor(call *ast.CallExpr, c *callee, variadic bool, nparams, index int, p path) []input {
	if index < 0 {
		if c == nil || c.recvExpr == nil {
			return nil
		}
		return []input{{expr: c.recvExpr, path: p, arg: -1}}
	}
	if variadic && index == nparams-1 && !call.Ellipsis.IsValid() {
		var out []input
		for i := index; i < len(call.Args); i++ {
			if len(p) > 0 && p[0].op == pElem {
				out = append(out, input{expr: call.Args[i], path: p[1:], arg: i})
			} else if len(p) == 0 {
				out = append(out, input{expr: call.Args[i], arg: i, piece: true})
			}
		}
		return out
	}
	if index < len(call.Args) {
		return []input{{expr: call.Args[index], path: p, arg: index}}
	}
	return nil
}

// callGraph resolves every call once, records each function's callers
// and numbers the strongly connected components (Tarjan).
func (fl *Flow) callGraph() {
	edges := map[*funcInfo][]*funcInfo{}
	for _, call := range fl.ix.calls {
		fn := fl.ix.callFn[call]
		c := fl.resolveCall(fn, call)
		for _, t := range c.fns {
			if t == nil {
				continue
			}
			if fn != nil {
				edges[fn] = append(edges[fn], t)
			}
			fl.callersOf[t] = append(fl.callersOf[t], call)
		}
	}
	index := map[*funcInfo]int{}
	low := map[*funcInfo]int{}
	onStack := map[*funcInfo]bool{}
	var stack []*funcInfo
	next, scc := 0, 0
	var visit func(v *funcInfo)
	visit = func(v *funcInfo) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, u := range edges[v] {
			if _, seen := index[u]; !seen {
				visit(u)
				low[v] = min(low[v], low[u])
			} else if onStack[u] {
				low[v] = min(low[v], index[u])
			}
		}
		if low[v] == index[v] {
			scc++
			for {
				u := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[u] = false
				u.scc = scc
				if u == v {
					break
				}
			}
		}
	}
	for _, f := range fl.ix.funcs {
		if _, seen := index[f]; !seen {
			visit(f)
		}
	}
}

// viaCallers replaces Param origins by what the package's calls of their
// function pass (context-insensitively, a bounded number of callers
// deep): a field written from a constructor's parameter gets the
// constructor's arguments.
func (w *walker) viaCallers(os []Origin, depth int) []Origin {
	if depth >= maxCallerDepth {
		return os
	}
	var out []Origin
	for _, o := range os {
		if o.Kind != Param || o.fn == nil || len(w.fl.callersOf[o.fn]) == 0 {
			out = append(out, o)
			continue
		}
		name := o.fn.name()
		for i, call := range w.fl.callersOf[o.fn] {
			if i == maxCallers {
				out = append(out, cut(call, o.path))
				break
			}
			caller := w.fl.ix.callFn[call]
			c := w.fl.resolveCall(caller, call)
			for _, in := range argsFor(call, c, o.fn.variadic, len(o.fn.params), o.Index, o.path) {
				as := w.eval(caller, in.expr, in.path)
				if in.piece {
					as = asPart(as, Piece)
				}
				for _, a := range w.viaCallers(as, depth+1) {
					a = a.replacing(o).withStep(step(in.expr, "passed to "+name))
					a = a.withSteps(o.steps())
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// fieldGlobal is every value stored in the field p[0] in the package
// (composite literal elements and assignments), and in the field's own
// package by its facts, at the part p[1:]: what a field read from a
// value the core cannot see into may give.
func (w *walker) fieldGlobal(p path, depth int) []Origin {
	s := p[0]
	// A field's values read from one another (b.Nodes = append(b.Nodes,
	// n)) are followed once; and a field read from a value taken from
	// another field's writes, at most maxFieldNest deep.
	var key any = "field " + s.name
	if s.obj != nil {
		key = s.obj
	}
	if w.fieldNest >= maxFieldNest || !w.enter(key) {
		return nil
	}
	w.fieldNest++
	defer func() { w.fieldNest--; w.leave(key) }()
	var out []Origin
	for _, fw := range w.fl.ix.fieldWrites[s.name] {
		if s.obj != nil && fw.field != nil && s.obj != fw.field {
			continue
		}
		if !w.spend() {
			out = append(out, cut(fw.value, p))
			break
		}
		guess := s.obj == nil || fw.field == nil
		if guess && s.owner != "" {
			if owner := w.fl.writeOwner(fw); owner != "" && owner != s.owner {
				continue
			}
		}
		os := w.viaCallers(w.eval(fw.fn, fw.value, p[1:]), depth)
		for _, o := range os {
			o = o.withStep(Step{Pos: fw.pos, What: fw.what(s.name)})
			o.Guess = o.Guess || guess
			out = append(out, o)
		}
	}
	if s.obj != nil && s.obj.Pkg() != nil && s.obj.Pkg() != w.fl.ix.pkg {
		out = append(out, w.fl.factValues(w, nil, s.obj, 0, p[1:], nil, nil)...)
	}
	return out
}

// foreignVar is the value of another package's variable: from its facts,
// else opaque.
func (fl *Flow) foreignVar(w *walker, id *ast.Ident, v *types.Var, p path) []Origin {
	if os := fl.factValues(w, nil, v, 0, p, nil, nil); len(os) > 0 {
		return addStep(os, step(id, "read from "+v.Name()))
	}
	return []Origin{opaque(id, v.Name(), p)}
}

// paramSink is a parameter of a function that reaches a sink inside it:
// through the use inner (a modelled sink, or a call of another function
// whose parameter does), in innerFn.
type paramSink struct {
	index int
	path  path
	row   *model.Row
	steps []Step
	guess bool
	// param is the parameter's origin as it reaches the sink: its part,
	// sanitizer and pending constant operations apply to what a caller
	// passes.
	param Origin
}

type sinkEntry struct {
	sinks []paramSink
	done  bool
}

// paramSinks is the summary of which of target's parameters reach a
// sink, directly or through the functions it calls, with the steps from
// the parameter to the sink.
func (fl *Flow) paramSinks(target *funcInfo) []paramSink {
	if e, ok := fl.sinkSums[target]; ok {
		return e.sinks
	}
	e := &sinkEntry{}
	fl.sinkSums[target] = e
	w := newWalker(fl, target)
	type key struct {
		index int
		path  string
		row   *model.Row
	}
	seen := map[key]bool{}
	var out []paramSink
	for _, call := range fl.callsWithin(target) {
		cf := fl.ix.callFn[call]
		for _, u := range fl.sinkUses(w, cf, call) {
			for _, o := range w.eval(cf, u.arg, u.path) {
				if o.Kind != Param || o.fn != target {
					continue
				}
				k := key{o.Index, o.path.key(), u.row}
				if seen[k] {
					continue
				}
				seen[k] = true
				steps := append(append(o.steps(), u.entry()), u.steps...)
				param := o
				param.Steps, param.trail, param.nsteps = nil, nil, 0
				out = append(out, paramSink{index: o.Index, path: o.path, row: u.row, steps: capSteps(steps),
					guess: o.Guess || u.guess, param: param})
			}
		}
	}
	e.sinks, e.done = out, true
	return out
}

// callsWithin lists the calls in target's body, its function literals'
// included: a literal defined there and using a parameter is usually
// called there too.
func (fl *Flow) callsWithin(target *funcInfo) []*ast.CallExpr {
	out := append([]*ast.CallExpr(nil), target.calls...)
	for _, c := range target.children {
		out = append(out, fl.callsWithin(c)...)
	}
	return out
}

func capSteps(s []Step) []Step {
	if len(s) <= maxSteps {
		return s
	}
	out := append([]Step(nil), s[:maxSteps/2]...)
	out = append(out, Step{What: "…"})
	return append(out, s[len(s)-maxSteps/2+1:]...)
}
