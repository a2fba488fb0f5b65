package goflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/tokenvet/tokenvet/model"
)

// Summary is the fact a package exports about its exported functions
// and methods, its struct fields and its package-level variables, so
// that the packages of the module importing it follow flows through
// them: where a function's results come from and which of its
// parameters reach a sink; which values a field or variable is given.
//
// Facts hold positions, not token.Pos (go vet analyses each package in
// its own process), and model rows by their file and line.
type Summary struct {
	// Module is the module of the exporting package. Facts of another
	// module are not used: go vet would have them for every dependency,
	// tokenvet scan (dependencies from export data) for none.
	Module string
	Values []FactValues
	Sinks  []FactSink
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	for _, v := range s.Values {
		var os []string
		for _, o := range v.Origins {
			d := o.Kind.String()
			if o.Kind == Param {
				d += " " + strconv.Itoa(o.Index) + o.Path
			} else if o.Name != "" {
				d += " " + o.Name
			}
			if o.Part != Whole {
				d += " (" + o.Part.String() + ")"
			}
			if len(o.Ops) > 0 {
				d += fmt.Sprintf(" %d ops", len(o.Ops))
			}
			os = append(os, d)
		}
		parts = append(parts, fmt.Sprintf("%d%s: %s", v.Result, v.Path, strings.Join(os, ", ")))
	}
	for _, k := range s.Sinks {
		parts = append(parts, fmt.Sprintf("param %d%s reaches %s", k.Index, k.Path, k.Kind))
	}
	return "goflow(" + strings.Join(parts, "; ") + ")"
}

// FactValues are the origins of one part of a value: result Result of a
// function (0 for a field or variable), at Path (".Key", "[]", "").
type FactValues struct {
	Result  int
	Path    string
	Origins []FactOrigin
}

// FactOrigin is an Origin written down for another package.
type FactOrigin struct {
	Kind      Kind
	ValueKind constant.Kind
	Value     string
	Row       string // the row's Where(): "models/go/x.yml:12"
	Name      string
	Index     int
	Part      Part
	Sanitized string
	Position  token.Position
	Steps     []FactStep
	// Path is a Param's part still to apply to the argument; Ops the
	// constant operations to fold into a constant argument, and OpsPart
	// the part before them.
	Path    string
	Ops     []FactOp
	OpsPart Part
	Guess   bool
}

// FactOp is a pending constant operation: x Op C, or C Op x unless
// Left.
type FactOp struct {
	Op        token.Token
	ValueKind constant.Kind
	Value     string
	Left      bool
}

// FactStep is a Step written down for another package.
type FactStep struct {
	Position token.Position
	What     string
}

// FactSink says parameter Index (at Path) reaches a sink of Kind (row
// Row) by Steps.
type FactSink struct {
	Index int
	Path  string
	Kind  string
	Row   string
	Steps []FactStep
	Guess bool
	// Param is the parameter's origin at the sink: its part and
	// pending constant operations.
	Param FactOrigin
}

// factPath writes a path for a fact: field names and element and result
// steps, without objects or keys, which do not cross packages.
func factPath(p path) string {
	var b strings.Builder
	for _, s := range p {
		switch s.op {
		case pField:
			b.WriteString("." + s.name)
		case pElem:
			b.WriteString("[]")
		case pResult:
			b.WriteString("()" + strconv.Itoa(s.index))
		}
	}
	return b.String()
}

func parseFactPath(s string) path {
	var out path
	for s != "" {
		switch {
		case strings.HasPrefix(s, "[]"):
			out = append(out, pstep{op: pElem})
			s = s[2:]
		case strings.HasPrefix(s, "()"):
			s = s[2:]
			i := strings.IndexAny(s, ".[(")
			if i < 0 {
				i = len(s)
			}
			n, _ := strconv.Atoi(s[:i])
			out = append(out, pstep{op: pResult, index: n})
			s = s[i:]
		case strings.HasPrefix(s, "."):
			s = s[1:]
			i := strings.IndexAny(s, ".[(")
			if i < 0 {
				i = len(s)
			}
			out = append(out, pstep{op: pField, name: s[:i]})
			s = s[i:]
		default:
			return out
		}
	}
	return out
}

func (fl *Flow) factOrigin(o Origin, own *funcInfo) FactOrigin {
	f := FactOrigin{Kind: o.Kind, Name: o.Name, Index: o.Index, Part: o.Part, Position: o.At(fl.ix.fset),
		Path: factPath(o.path), Guess: o.Guess}
	if o.Kind == Param && o.fn != own {
		// A parameter of another function (an enclosing one) means
		// nothing to the importer.
		f.Kind, f.Path = Opaque, ""
	}
	if o.Value != nil {
		f.ValueKind, f.Value = o.Value.Kind(), o.Value.ExactString()
	}
	if o.Row != nil {
		f.Row = o.Row.Where()
	}
	for _, op := range o.ops {
		f.Ops = append(f.Ops, FactOp{Op: op.op, ValueKind: op.c.Kind(), Value: op.c.ExactString(), Left: op.left})
	}
	f.OpsPart = o.opsPart
	if o.Sanitized != nil {
		f.Sanitized = o.Sanitized.Kind
	}
	f.Steps = fl.factSteps(o.steps())
	return f
}

func (fl *Flow) factSteps(ss []Step) []FactStep {
	out := make([]FactStep, len(ss))
	for i, s := range ss {
		out[i] = FactStep{Position: s.At(fl.ix.fset), What: s.written().What}
	}
	return out
}

func fromFactSteps(ss []FactStep) []Step {
	out := make([]Step, len(ss))
	for i, s := range ss {
		out[i] = Step{Position: s.Position, What: s.What}
	}
	return out
}

// origin reads a fact's origin back.
func (fl *Flow) origin(f FactOrigin) Origin {
	o := Origin{Kind: f.Kind, Name: f.Name, Index: f.Index, Part: f.Part, Position: f.Position,
		Steps: fromFactSteps(f.Steps), Guess: f.Guess, path: parseFactPath(f.Path)}
	if f.Value != "" || f.ValueKind == constant.String {
		o.Value = parseConst(f.ValueKind, f.Value)
	}
	if f.Row != "" {
		o.Row = fl.rowAt(f.Row)
	}
	for _, op := range f.Ops {
		if c := parseConst(op.ValueKind, op.Value); c != nil {
			o.ops = append(o.ops, pendingOp{op: op.Op, c: c, left: op.Left})
		}
	}
	o.opsPart = f.OpsPart
	if f.Sanitized != "" {
		o.Sanitized = &Sanitizer{Kind: f.Sanitized}
	}
	return o
}

func parseConst(k constant.Kind, s string) constant.Value {
	switch k {
	case constant.String:
		return constant.MakeFromLiteral(s, token.STRING, 0)
	case constant.Int:
		return constant.MakeFromLiteral(s, token.INT, 0)
	case constant.Float:
		if num, den, ok := strings.Cut(s, "/"); ok {
			return constant.BinaryOp(constant.MakeFromLiteral(num, token.INT, 0), token.QUO, constant.MakeFromLiteral(den, token.INT, 0))
		}
		return constant.MakeFromLiteral(s, token.FLOAT, 0)
	case constant.Bool:
		return constant.MakeBool(s == "true")
	}
	return nil
}

// rowAt finds a model row by its Where().
func (fl *Flow) rowAt(where string) *model.Row {
	for _, f := range fl.models.Files() {
		for _, r := range f.Rows() {
			if r.Where() == where {
				return r
			}
		}
	}
	return nil
}

// sinkRowAt is rowAt for a sink of kind: a sink the models derive from an
// api row (a JWT library's key or raw-token parameter) has that row's
// place, so the derived row of the kind is looked up among the api row's
// element's rows.
func (fl *Flow) sinkRowAt(where, kind string) *model.Row {
	r := fl.rowAt(where)
	if r == nil || r.Kind == kind {
		return r
	}
	for _, id := range r.Identifiers() {
		for _, d := range fl.models.GoNamed(r.Package, id) {
			if d.Section == model.SectionSink && d.Kind == kind && d.Where() == where && d.Type == r.Type {
				return d
			}
		}
	}
	return nil
}

// summaryOf returns the fact obj's package exported, if it is of this
// module.
func (fl *Flow) summaryOf(obj types.Object) *Summary {
	if fl.facts == nil || obj == nil || obj.Pkg() == nil || obj.Pkg() == fl.ix.pkg {
		return nil
	}
	if _, modelled := fl.models.FileOf(model.Go, obj.Pkg().Path()); modelled {
		// A library's behaviour is its model's, whatever its code
		// does.
		return nil
	}
	if s, ok := fl.factCache[obj]; ok {
		return s
	}
	var s *Summary
	var f Summary
	if fl.facts(obj, &f) && f.Module == fl.module {
		s = &f
	}
	fl.factCache[obj] = s
	return s
}

// factValues are the origins of part p of result tuple of obj (a
// function, field or variable of another package), from its fact. For a
// function, call (when not nil) gives the arguments its Param origins
// stand for.
func (fl *Flow) factValues(w *walker, fn *funcInfo, obj types.Object, tuple int, p path, call *ast.CallExpr, c *callee) []Origin {
	s := fl.summaryOf(obj)
	if s == nil {
		return nil
	}
	want := factPath(p)
	var out []Origin
	for _, v := range s.Values {
		if v.Result != tuple || v.Path != want {
			continue
		}
		for _, fo := range v.Origins {
			o := fl.origin(fo)
			if o.Kind == Param {
				if call == nil {
					out = append(out, o)
					continue
				}
				out = append(out, w.substituteFact(fn, call, c, obj, o)...)
				continue
			}
			if call != nil {
				o = o.withStep(step(call, "returned by "+obj.Name()))
			}
			out = append(out, o)
		}
	}
	return out
}

// substituteFact is substitute for a callee described by a fact.
func (w *walker) substituteFact(fn *funcInfo, call *ast.CallExpr, c *callee, obj types.Object, o Origin) []Origin {
	sig, _ := obj.Type().(*types.Signature)
	variadic, nparams := false, 0
	if sig != nil {
		variadic, nparams = sig.Variadic(), sig.Params().Len()
	}
	var out []Origin
	for _, in := range argsFor(call, c, variadic, nparams, o.Index, o.path) {
		os := w.eval(fn, in.expr, w.fl.typedPath(in.expr, in.path))
		if in.piece {
			os = asPart(os, Piece)
		}
		for _, a := range os {
			a = a.replacing(o)
			a = a.withStep(step(in.expr, "passed to "+obj.Name()))
			a = a.withSteps(o.steps())
			out = append(out, a.withStep(step(call, "returned by "+obj.Name())))
		}
	}
	return out
}

// factResults is result tuple (part p) of a call of another package's
// function, from its fact.
func (fl *Flow) factResults(w *walker, fn *funcInfo, c *callee, call *ast.CallExpr, tuple int, p path) ([]Origin, bool) {
	if fl.summaryOf(c.obj) == nil {
		return nil, false
	}
	os := fl.factValues(w, fn, c.obj, tuple, p, call, c)
	return os, len(os) > 0
}

// factSinks are the sinks another package's function feeds, from its
// fact.
func (fl *Flow) factSinks(c *callee, call *ast.CallExpr) []sinkUse {
	s := fl.summaryOf(c.obj)
	if s == nil {
		return nil
	}
	sig := c.obj.Signature()
	var out []sinkUse
	for _, k := range s.Sinks {
		r := fl.sinkRowAt(k.Row, k.Kind)
		if r == nil {
			continue
		}
		param := fl.origin(k.Param)
		for _, in := range argsFor(call, c, sig.Variadic(), sig.Params().Len(), k.Index, parseFactPath(k.Path)) {
			out = append(out, sinkUse{row: r, call: call, arg: in.expr, path: fl.typedPath(in.expr, in.path), via: c.obj.Name(),
				steps: fromFactSteps(k.Steps), guess: k.Guess, param: &param})
		}
	}
	return out
}

// exportFacts computes and exports the package's facts: for every
// exported function and method, its results (whole, and each field of a
// struct result) and its parameters that reach sinks; for every struct
// field and package-level variable, the values stored in it.
func (fl *Flow) exportFacts(export func(types.Object, *Summary)) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	fl.init()
	ix := fl.ix
	if ix.pkg == nil || ix.info == nil {
		return
	}
	for _, fi := range ix.funcs {
		if fi.obj == nil || (!fi.obj.Exported() && fi.obj.Signature().Recv() == nil) {
			continue
		}
		s := &Summary{Module: fl.module}
		res := fi.obj.Signature().Results()
		for r := 0; r < res.Len(); r++ {
			for _, p := range valuePaths(res.At(r).Type()) {
				w := newWalker(fl, fi)
				w.left = factVisits
				os := w.finish(fl.results(fi, r, p), 0)
				s.addValues(fl, r, p, os, fi)
			}
		}
		for _, ps := range fl.paramSinks(fi) {
			s.Sinks = append(s.Sinks, FactSink{Index: ps.index, Path: factPath(ps.path), Kind: ps.row.Kind,
				Row: ps.row.Where(), Steps: fl.factSteps(ps.steps), Guess: ps.guess, Param: fl.factOrigin(ps.param, fi)})
		}
		if len(s.Values) > 0 || len(s.Sinks) > 0 {
			export(fi.obj, s)
		}
	}
	scope := ix.pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName:
			st, ok := obj.Type().Underlying().(*types.Struct)
			if !ok || obj.IsAlias() {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				if !f.Exported() || f.Pkg() != ix.pkg || len(ix.fieldWrites[f.Name()]) == 0 {
					// Another package reads only exported fields, and
					// only this package's own are this package's to
					// describe (type T struct{ other.S } declares T's
					// own fields only; an alias declares none).
					continue
				}
				s := &Summary{Module: fl.module}
				for _, sub := range valuePaths(f.Type()) {
					w := newWalker(fl, nil)
					w.left = factVisits
					p := sub.push(pstep{op: pField, name: f.Name(), obj: f})
					s.addValues(fl, 0, sub, w.fieldGlobal(p, 0), nil)
				}
				if len(s.Values) > 0 {
					export(f, s)
				}
			}
		case *types.Var:
			d := ix.objDecl[obj]
			if d == nil || !obj.Exported() {
				continue
			}
			s := &Summary{Module: fl.module}
			for _, p := range valuePaths(obj.Type()) {
				w := newWalker(fl, nil)
				w.left = factVisits
				s.addValues(fl, 0, p, w.finish(w.global(d.id, d, p), 0), nil)
			}
			if len(s.Values) > 0 {
				export(obj, s)
			}
		}
	}
}

func (s *Summary) addValues(fl *Flow, result int, p path, os []Origin, own *funcInfo) {
	if len(os) == 0 {
		return
	}
	v := FactValues{Result: result, Path: factPath(p)}
	for _, o := range os {
		v.Origins = append(v.Origins, fl.factOrigin(o, own))
	}
	s.Values = append(s.Values, v)
}

// valuePaths are the parts of a value of type t a fact describes: the
// value itself if it is of a scalar type the rules ask about (a string,
// bytes, a number, a duration, a boolean), and for a struct (or pointer
// to one) each such field, one level down again for fields that are
// structs. A *ssa.Function's fields tell no rule anything, and
// computing them for every exported struct would cost more than all the
// rest.
func valuePaths(t types.Type) []path {
	var out []path
	if scalar(t) {
		out = append(out, nil)
	}
	var walk func(t types.Type, prefix path, depth int)
	walk = func(t types.Type, prefix path, depth int) {
		st := structUnder(t)
		if st == nil || depth > 1 {
			return
		}
		for i := 0; i < st.NumFields() && i < 32; i++ {
			f := st.Field(i)
			if !f.Exported() {
				continue
			}
			p := append(prefix[:len(prefix):len(prefix)], pstep{op: pField, name: f.Name(), obj: f})
			if scalar(f.Type()) {
				out = append(out, p)
			}
			walk(f.Type(), p, depth+1)
		}
	}
	walk(t, nil, 0)
	return out
}

// scalar reports the types whose values the rules judge: strings and
// bytes (keys, tokens, URLs), numbers (lifetimes), booleans (flags).
func scalar(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// factVisits is the budget of one exported value: a fact describes
// what a constructor or a default sets, which is near at hand.
const factVisits = maxVisits / 4

func sortStrings(s []string) { sort.Strings(s) }

// typedPath gives the field steps of p, read from a fact by name, their
// field objects in the type of e, so that they match this package's
// view of the fields (and their own facts).
func (fl *Flow) typedPath(e ast.Expr, p path) path {
	if fl.ix.info == nil || len(p) == 0 {
		return p
	}
	t := fl.ix.info.TypeOf(e)
	out := make(path, len(p))
	copy(out, p)
	for i, s := range out {
		if t == nil {
			break
		}
		switch s.op {
		case pField:
			obj, _, _ := types.LookupFieldOrMethod(t, true, nil, s.name)
			v, ok := obj.(*types.Var)
			if !ok || !v.IsField() {
				return out
			}
			if !v.Exported() && v.Pkg() != nil {
				// LookupFieldOrMethod with a nil package finds only
				// exported names; an unexported field needs its own.
				obj, _, _ = types.LookupFieldOrMethod(t, true, v.Pkg(), s.name)
				v, _ = obj.(*types.Var)
			}
			out[i].obj = v
			t = v.Type()
		case pElem:
			switch u := t.Underlying().(type) {
			case *types.Slice:
				t = u.Elem()
			case *types.Array:
				t = u.Elem()
			case *types.Map:
				t = u.Elem()
			default:
				t = nil
			}
		default:
			t = nil
		}
	}
	return out
}
