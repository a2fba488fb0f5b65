package goflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
)

// Bounds of every walk. A query that reaches one returns what it found
// plus an Opaque origin saying it stopped, never a silent "nothing".
const (
	// maxVisits bounds the work of one query, or of one function
	// summary: each expression and CFG block visited and each origin
	// handled costs one.
	maxVisits = 4000
	// maxDepth bounds how many expressions one walk follows inside one
	// another: a value built by 48 steps (s = s + x) is followed whole,
	// and when a budget runs out deep in a chain, the way back up is
	// short.
	maxDepth = 48
	// maxOrigins bounds the origins of one expression.
	maxOrigins = 32
	// maxSteps bounds the steps of one origin's flow.
	maxSteps = 24
	// maxPath bounds how deep into a value a question goes (a.b.c.d).
	maxPath = 4
	// maxElems bounds the elements of a composite literal looked at.
	maxElems = 64
	// maxCallerDepth bounds how many callers a field's value is
	// followed back through when it was a parameter of its writer.
	maxCallerDepth = 2
	// maxCallers bounds the call sites of one function followed back.
	maxCallers = 8
)

// Config is what New needs: one package's syntax and whatever type
// information exists for it.
type Config struct {
	Fset  *token.FileSet
	Files []*ast.File
	// Pkg and Info may be nil or partial: without them identifiers are
	// resolved by Go's scope rules on the syntax, and callees by the
	// files' imports.
	Pkg  *types.Package
	Info *types.Info
	// Models are the library models; nil means model.Current().
	Models *model.Set
	// Names judges names for key-is conditions; nil means
	// tokenmodel.Default().
	Names *tokenmodel.Model
	// ImportFact reads the facts other packages of the module exported
	// (an analysis.Pass's ImportObjectFact; nil outside a pass).
	ImportFact func(obj types.Object, fact analysis.Fact) bool
	// Module is the module path of the package; facts of other modules
	// are not used, so that go vet (which analyses every dependency) and
	// tokenvet scan (which loads dependencies without syntax) agree.
	Module string
}

// Flow answers flow questions about one package. It is safe for
// concurrent use: the analyzers that share it run in parallel.
type Flow struct {
	mu     sync.Mutex
	cfg    Config
	ix     *index
	models *model.Set
	names  *tokenmodel.Model
	facts  func(types.Object, analysis.Fact) bool
	module string

	callees   map[*ast.CallExpr]*callee
	summaries map[sumKey]*sumEntry
	sinkSums  map[*funcInfo]*sinkEntry
	callersOf map[*funcInfo][]*ast.CallExpr
	factCache map[types.Object]*Summary
}

// New builds the flow core for one package.
func New(c Config) *Flow {
	fl := &Flow{
		models: c.Models, names: c.Names, facts: c.ImportFact, module: c.Module,
		callees: map[*ast.CallExpr]*callee{}, summaries: map[sumKey]*sumEntry{},
		sinkSums: map[*funcInfo]*sinkEntry{}, callersOf: map[*funcInfo][]*ast.CallExpr{},
		factCache: map[types.Object]*Summary{},
	}
	if fl.models == nil {
		fl.models = model.Current()
	}
	if fl.names == nil {
		fl.names = tokenmodel.Default()
	}
	fl.cfg = c
	return fl
}

// init builds the index on the first question: the analyzer runs on
// every dependency too (for facts), and most are never asked anything.
// Callers hold mu.
func (fl *Flow) init() {
	if fl.ix != nil {
		return
	}
	c := fl.cfg
	fl.ix = buildIndex(c.Fset, c.Files, c.Info, c.Pkg)
	fl.callGraph()
}

// Fset is the file set positions refer to.
func (fl *Flow) Fset() *token.FileSet { return fl.cfg.Fset }

// Origins returns where the value of e may come from: literals, model
// sources, zero values, parameters and opaque values, each with the flow
// that brings it to e. e must be an expression of the package's syntax.
func (fl *Flow) Origins(e ast.Expr) []Origin {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.query(fl.funcOfExpr(e), e, nil)
}

// OriginsAt is Origins of a part of e's value, named by a model access
// path relative to e: "Member[Secret]", "ArrayElement",
// "ReturnValue[0]" (of a function value).
func (fl *Flow) OriginsAt(e ast.Expr, p model.Path) []Origin {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.query(fl.funcOfExpr(e), e, fromModel(p))
}

// Constants returns the constant values e may have, each a Literal (or
// Zero) origin with its flow; folded arithmetic included
// (time.Duration(conf.TokenExpiresIn) * time.Hour is the literal 48
// times an hour). complete is false when some origin is not a constant,
// so a rule can tell "always 48h" from "48h unless configured".
func (fl *Flow) Constants(e ast.Expr) (values []Origin, complete bool) {
	complete = true
	for _, o := range fl.Origins(e) {
		if (o.Kind == Literal || o.Kind == Zero) && o.Value != nil && o.Part == Whole {
			values = append(values, o)
		} else {
			complete = false
		}
	}
	return values, complete
}

// Reaches returns the origins of e that satisfy pred: the query "does a
// literal (a credential source, …) reach this argument, and how".
func (fl *Flow) Reaches(e ast.Expr, pred func(Origin) bool) []Origin {
	var out []Origin
	for _, o := range fl.Origins(e) {
		if pred(o) {
			out = append(out, o)
		}
	}
	return out
}

func (fl *Flow) funcOfExpr(e ast.Expr) *funcInfo {
	fl.init()
	f := fl.ix.fileAt(e.Pos())
	if f == nil {
		return nil
	}
	return fl.ix.funcAt(f, e.Pos())
}

// query runs one top-level question with a fresh budget and completes
// what summaries leave open: a field read from a value the core cannot
// see into gets every value stored in that field.
func (fl *Flow) query(fn *funcInfo, e ast.Expr, p path) []Origin {
	w := newWalker(fl, nil)
	return export(w.finish(w.eval(fn, e, p), 0))
}

// finish adds, for each Param or Opaque origin still asked for a field,
// the values stored in that field anywhere in the package (and by facts
// of the field's own package): the config default read as conf.Field
// through a parameter.
func (w *walker) finish(os []Origin, depth int) []Origin {
	out := os
	for _, o := range os {
		if (o.Kind != Param && o.Kind != Opaque) || len(o.path) == 0 || o.path[0].op != pField {
			continue
		}
		if o.Kind == Param && o.fn == w.sum && o.fn != nil {
			continue // the callers' arguments will say (a summary exported as a fact)
		}
		for _, g := range w.fieldGlobal(o.path, depth) {
			out = append(out, g.after(o))
		}
	}
	return w.fl.cap(out)
}

// cap removes repeated origins (same kind, place, value and part; the
// shorter flow wins) and keeps at most maxOrigins, in a stable order. It
// allocates only when it changes something: it runs at every step.
func (fl *Flow) cap(os []Origin) []Origin {
	if len(os) <= 1 {
		return os
	}
	dup := false
	for i := 1; i < len(os) && !dup; i++ {
		for j := 0; j < i; j++ {
			if sameOrigin(os[i], os[j]) {
				dup = true
				break
			}
		}
	}
	if !dup && len(os) <= maxOrigins {
		return os
	}
	out := make([]Origin, 0, min(len(os), maxOrigins))
next:
	for _, o := range os {
		for i := range out {
			if sameOrigin(o, out[i]) {
				if o.stepCount() < out[i].stepCount() {
					out[i] = o
				}
				continue next
			}
		}
		out = append(out, o)
	}
	if len(out) > maxOrigins {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
		out = out[:maxOrigins]
	}
	return out
}

// sameOrigin reports whether a and b are one origin reached twice.
func sameOrigin(a, b Origin) bool {
	if a.Kind != b.Kind || a.Pos != b.Pos || a.Position != b.Position || a.Row != b.Row || a.Part != b.Part ||
		(a.Sanitized != nil) != (b.Sanitized != nil) || a.Index != b.Index || len(a.ops) != len(b.ops) {
		return false
	}
	switch {
	case a.Value == nil || b.Value == nil:
		if (a.Value == nil) != (b.Value == nil) {
			return false
		}
	case a.Value.Kind() != b.Value.Kind() || !constant.Compare(a.Value, token.EQL, b.Value):
		return false
	}
	if a.Kind == Opaque || a.Kind == Param {
		return a.Name == b.Name && a.fn == b.fn && samePath(a.path, b.path)
	}
	return true
}

func samePath(a, b path) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if same, certain := sameStep(a[i], b[i]); !same || !certain {
			return false
		}
	}
	return true
}
