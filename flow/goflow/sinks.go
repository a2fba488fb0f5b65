package goflow

import (
	"go/ast"
	"go/types"
	"sort"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// SinkUse is a place where a value enters a modelled sink: an argument
// of a modelled call, a value stored in a modelled field, or an argument
// of a function of the scanned code whose parameter reaches a sink inside
// it (then Steps lead from the argument to the modelled sink, and Via
// names the function).
type SinkUse struct {
	// Row is the model's sink row and Kind its kind.
	Row  *model.Row
	Kind string
	// Call is the call the value is passed to; nil for a field write.
	Call *ast.CallExpr
	// Arg is the expression whose value enters the sink (an argument, a
	// receiver, a field's value in a composite literal or assignment).
	Arg ast.Expr
	// Label is the argument that names what is logged or stored (the
	// row's label), or nil.
	Label ast.Expr
	// KeyUnknown is set when the row applies only for some constant key
	// (key-is) and the key here is not a constant.
	KeyUnknown bool
	// Via is the function of the package whose parameter carries the
	// value to the sink; empty when Call is the modelled sink itself.
	Via string
	// Steps lead from Arg to the modelled sink inside callees.
	Steps []Step
	// Guess is set when resolving the sink relied on names only.
	Guess bool

	fn   *funcInfo
	use  sinkUse
	flow *Flow
}

// Origins returns where the value entering the sink comes from (the part
// of Arg the row's input path names). For a sink reached through a
// function's parameter (Via), what the function does to the value on
// the way (a lifetime multiplied by time.Hour) applies.
func (u *SinkUse) Origins() []Origin {
	fl := u.flow
	fl.mu.Lock()
	defer fl.mu.Unlock()
	os := fl.query(u.fn, u.Arg, u.use.path)
	if u.use.param == nil {
		return os
	}
	out := make([]Origin, len(os))
	for i, o := range os {
		out[i] = o.replacing(*u.use.param)
	}
	return out
}

// written writes out steps' text.
func written(ss []Step) []Step {
	out := make([]Step, len(ss))
	for i, s := range ss {
		out[i] = s.written()
	}
	return out
}

// Flow is the whole flow of origin o into the sink, source to sink: o's
// steps, then the argument entering the sink's call, then the steps
// inside the functions the value passes through to the modelled sink.
func (u *SinkUse) Flow(o Origin) []Step {
	return o.Flow(append([]Step{u.use.entry()}, u.Steps...)...)
}

// sinkUse is a SinkUse before it is exported.
type sinkUse struct {
	row        *model.Row
	call       *ast.CallExpr
	arg        ast.Expr
	path       path
	label      ast.Expr
	keyUnknown bool
	via        string
	steps      []Step
	guess      bool
	// param is, for a call of a function whose parameter reaches a
	// sink, that parameter's origin at the sink.
	param *Origin
}

// entry is the step at which the value enters the sink's call.
func (u sinkUse) entry() Step {
	if u.via != "" {
		return Step{Pos: u.arg.Pos(), What: "passed to " + u.via}
	}
	what := "enters " + u.row.Kind + " sink"
	if u.call != nil {
		what += " " + u.row.String()
	}
	return Step{Pos: u.arg.Pos(), What: what}
}

// Sinks returns every place in the package where a value enters a sink
// of kind (all kinds if kind is empty), in source order.
func (fl *Flow) Sinks(kind string) []*SinkUse {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	fl.init()
	w := newWalker(fl, nil)
	var out []*SinkUse
	add := func(fn *funcInfo, u sinkUse) {
		if kind != "" && u.row.Kind != kind {
			return
		}
		out = append(out, &SinkUse{Row: u.row, Kind: u.row.Kind, Call: u.call, Arg: u.arg, Label: u.label,
			KeyUnknown: u.keyUnknown, Via: u.via, Steps: written(u.steps), Guess: u.guess, fn: fn, use: u, flow: fl})
	}
	for _, call := range fl.ix.calls {
		fn := fl.ix.callFn[call]
		w.left = maxVisits
		for _, u := range fl.sinkUses(w, fn, call) {
			add(fn, u)
		}
	}
	for _, name := range sortedKeys(fl.ix.fieldWrites) {
		for _, fw := range fl.ix.fieldWrites[name] {
			for _, u := range fl.fieldSinks(fw, name) {
				add(fw.fn, u)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Arg.Pos() < out[j].Arg.Pos() })
	return out
}

// sinkUses are the sinks a call feeds: the modelled sink rows of its
// callee, and the parameters of a package function (or of another
// package's, by its facts) that reach a sink.
func (fl *Flow) sinkUses(w *walker, fn *funcInfo, call *ast.CallExpr) []sinkUse {
	c := fl.resolveCall(fn, call)
	var out []sinkUse
	for _, r := range fl.rows(model.SectionSink, c) {
		keyUnknown := false
		if r.Key != "" && !w.keyHolds(fn, call, c, r) {
			if w.keyIsConstant(fn, call, c, r) {
				continue
			}
			keyUnknown = true
		}
		var label ast.Expr
		if r.Label != "" {
			if ins := w.inputs(call, c, r.Label); len(ins) > 0 {
				label = ins[0].expr
			}
		}
		for _, in := range w.inputs(call, c, r.Input) {
			out = append(out, sinkUse{row: r, call: call, arg: in.expr, path: in.path, label: label, keyUnknown: keyUnknown, guess: c.guess})
		}
	}
	for _, t := range c.fns {
		if t == nil || (fn != nil && fn.scc == t.scc) {
			continue
		}
		name := t.name()
		sums := fl.paramSinks(t)
		for i := range sums {
			ps := &sums[i]
			for _, in := range argsFor(call, c, t.variadic, len(t.params), ps.index, ps.path) {
				out = append(out, sinkUse{row: ps.row, call: call, arg: in.expr, path: in.path, via: name,
					steps: ps.steps, guess: ps.guess || c.guess, param: &ps.param})
			}
		}
	}
	if len(c.fns) == 0 && c.obj != nil {
		out = append(out, fl.factSinks(c, call)...)
	}
	return out
}

// keyIsConstant reports whether a row's key argument is a constant here
// (so that a failed key-is condition means the row does not apply).
func (w *walker) keyIsConstant(fn *funcInfo, call *ast.CallExpr, c *callee, r *model.Row) bool {
	ins := w.inputs(call, c, r.Key)
	if len(ins) == 0 {
		return false
	}
	for _, o := range w.eval(fn, ins[0].expr, ins[0].path) {
		if o.Kind != Literal {
			return false
		}
	}
	return true
}

// fieldSinks are the modelled sink rows of the field a write stores
// into (a middleware config's SigningKey).
func (fl *Flow) fieldSinks(fw *fieldWrite, name string) []sinkUse {
	var pkg, typ string
	if f, ok := fw.field.(*types.Var); ok && f.Pkg() != nil {
		pkg = f.Pkg().Path()
		if fw.lit != nil && fl.ix.info != nil {
			if tn := resolve.NamedType(fl.ix.info.TypeOf(fw.lit)); tn != nil {
				typ = tn.Name()
			}
		}
	} else if fw.owner != nil {
		var ok bool
		if pkg, typ, ok = fl.ix.typeName(fl.ix.fileAt(fw.owner.Pos()), fw.owner); !ok {
			return nil
		}
	} else {
		return nil
	}
	if pkg == fl.ix.pkgPath() {
		return nil
	}
	var out []sinkUse
	for _, r := range fl.models.GoMember(model.SectionSink, pkg, typ, name) {
		if r.GoObject() != model.Field {
			continue
		}
		var p path
		if mp, err := model.CachedPath(r.Input); err == nil && len(mp) > 0 && mp[0].Op == model.OpValue {
			p = fromModel(mp[1:])
		}
		out = append(out, sinkUse{row: r, arg: fw.value, path: p, guess: fw.field == nil})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}
