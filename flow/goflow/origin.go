package goflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/model"
)

// Kind is what an origin is: the evidence a rule weighs.
type Kind uint8

// Origin kinds, strongest evidence first.
const (
	// Source: a modelled source (Origin.Row) produced the value: a
	// credential, a request's header, a token endpoint's response.
	Source Kind = iota + 1
	// Literal: a constant written in the code (Origin.Value), possibly
	// folded from several (48 * time.Hour).
	Literal
	// Zero: the zero value of a variable or field nothing assigned; its
	// Value is set when the type is a basic one ("" or 0).
	Zero
	// Param: a parameter of the function the query started in (or of an
	// enclosing one), which no caller context resolved. Its name is the
	// only evidence; Sinks resolves calls through summaries instead.
	Param
	// Opaque: a value the core cannot see into — the result of a call
	// nothing models, a channel receive, a value filled in by a call.
	// Name carries whatever name it has: that is name-only evidence.
	Opaque
)

func (k Kind) String() string {
	switch k {
	case Source:
		return "source"
	case Literal:
		return "literal"
	case Zero:
		return "zero value"
	case Param:
		return "parameter"
	case Opaque:
		return "opaque"
	}
	return "invalid"
}

// Part says how much of the queried value an origin makes up.
type Part uint8

const (
	// Whole: the queried value is the origin's value (through copies,
	// conversions and value summaries).
	Whole Part = iota
	// Prefix: the origin's value starts the queried value ("http://h" in
	// "http://h" + path).
	Prefix
	// Piece: the origin's value is somewhere inside the queried value (an
	// argument of fmt.Sprintf, a field of a logged struct).
	Piece
)

func (p Part) String() string {
	return [...]string{"whole", "prefix", "piece"}[p]
}

// Origin is one place the value of a queried expression may come from,
// with the flow that brings it there.
type Origin struct {
	Kind Kind
	// Value is a Literal's constant, or a Zero's when its type is basic.
	// A []byte literal's value is the string of its bytes.
	Value constant.Value
	// Row is a Source's model row.
	Row *model.Row
	// Name is the name the value is known by where it starts: the
	// variable, constant, field, parameter or called function. It is the
	// evidence an Opaque or Param origin has.
	Name string
	// Index is a Param's position (-1 for the receiver).
	Index int
	// Part says whether the queried value is this origin's value or only
	// contains it.
	Part Part
	// Sanitized is set when the value passed a sanitizer on its way.
	Sanitized *Sanitizer
	// Pos is where the origin is in the code (the literal, the source
	// call, the parameter); Position replaces it for origins described by
	// another package's facts.
	Pos      token.Pos
	Position token.Position
	// Steps are the flow steps from the origin to the queried expression,
	// in order. (Inside the core they are a shared list, trail, written
	// out only for the origins a query returns.)
	Steps []Step
	// Guess is set when a step was resolved by name only (no type
	// information): a field matched by its name, a method by its
	// package.
	Guess bool

	// fn and path are a Param origin's function and the access path still
	// to apply to the argument a caller passes (for an Opaque origin, the
	// part of it asked for).
	fn     *funcInfo
	path   path
	trail  *stepNode
	nsteps int
	// ops are, for a Param origin, the constant operations applied to it
	// on the way (h * time.Hour), to apply to a constant argument that
	// replaces it; opsPart is its part before them.
	ops     []pendingOp
	opsPart Part
	// keyed is set on an Opaque origin that is a modelled source whose
	// key condition waits on a parameter (t.Extra(key) inside a
	// function of the package): a call passing a constant that meets the
	// condition makes it that source.
	keyed *keyedSource
	// keyMissed is set on an Opaque origin that is a keyed source's read
	// by a constant key that meets no condition (tokenExtra(t, "gcid")).
	keyMissed bool
}

// ReadsOtherKey reports an origin that is a modelled keyed read (a
// header, a field of a token endpoint's answer) by a key that names no
// credential, passed by a caller of the function that reads it: the
// value is whatever that key selects, not a token.
func (o Origin) ReadsOtherKey() bool { return o.keyMissed }

// keyedSource is a source row whose key is the parameter param of the
// function it was read in.
type keyedSource struct {
	row   *model.Row
	param Origin
}

// pendingOp is x op c (left) or c op x applied to a parameter x.
type pendingOp struct {
	op   token.Token
	c    constant.Value
	left bool
}

// pending records op on a Param origin.
func (o Origin) pending(op token.Token, c constant.Value, left bool) Origin {
	if len(o.ops) == 0 {
		o.opsPart = o.Part
	}
	o.ops = append(o.ops[:len(o.ops):len(o.ops)], pendingOp{op, c, left})
	return o
}

// replacing returns a, an origin of the argument that replaces the Param
// origin p, as the part p is of the result: with p's pending constant
// operations folded in when a is a constant.
func (a Origin) replacing(p Origin) Origin {
	if a.Sanitized == nil {
		a.Sanitized = p.Sanitized
	}
	a.Guess = a.Guess || p.Guess
	if len(p.ops) == 0 {
		return a.asPart(p.Part)
	}
	if constOperand(a) {
		v := a.Value
		ok := true
		for _, op := range p.ops {
			if op.left {
				v, ok = foldConst(op.op, v, op.c)
			} else {
				v, ok = foldConst(op.op, op.c, v)
			}
			if !ok {
				break
			}
		}
		if ok {
			a.Value = v
			return a.asPart(p.opsPart)
		}
	} else if a.Kind == Param || a.Kind == Opaque {
		// Still symbolic (a caller's parameter, a field read from it):
		// the operations wait for the value that replaces it in turn.
		if len(a.ops) == 0 {
			a.opsPart = a.Part
		}
		a.ops = append(a.ops[:len(a.ops):len(a.ops)], p.ops...)
		a.opsPart = max(a.opsPart, p.opsPart)
	}
	return a.asPart(p.Part)
}

// Sanitizer records what made a value harmless.
type Sanitizer struct {
	// Kind is a model sanitizer kind: hash, mask, encrypt, measure,
	// compare.
	Kind string
	// Row is the model row; nil for the language's own sanitizers (len,
	// comparisons).
	Row *model.Row
	Pos token.Pos
}

// Step is one step of a flow: where the value went and how.
type Step struct {
	Pos      token.Pos
	Position token.Position // set instead of Pos for steps in another package
	// What says what happened, without quoting the value: "assigned to
	// secret", "stored in field Secret", "converted by []byte".
	What string

	// verb, x and tail make What when the step is written out: most
	// steps belong to flows no query returns.
	verb string
	x    ast.Expr
	tail string
}

// lazyStep is a step at n whose text is verb, x as written, and tail.
func lazyStep(n ast.Node, verb string, x ast.Expr, tail string) Step {
	return Step{Pos: n.Pos(), verb: verb, x: x, tail: tail}
}

func (s Step) written() Step {
	if s.What == "" {
		s.What = s.verb
		if s.x != nil {
			s.What += short(s.x)
		}
		s.What += s.tail
	}
	s.verb, s.x, s.tail = "", nil, ""
	return s
}

// stepNode is a persistent list of steps, newest first: appending a step
// to an origin shares the steps before it.
type stepNode struct {
	s    Step
	prev *stepNode
}

// steps returns o's steps in order.
func (o Origin) steps() []Step {
	if o.trail == nil {
		return o.Steps
	}
	out := make([]Step, o.nsteps)
	i := o.nsteps
	for n := o.trail; n != nil && i > 0; n = n.prev {
		i--
		out[i] = n.s
	}
	return out
}

// export writes out the steps of origins a query returns: their text,
// and, for a flow longer than maxSteps, its first and last steps, which
// say where it starts and how it arrives.
func export(os []Origin) []Origin {
	out := make([]Origin, len(os))
	for i, o := range os {
		steps := o.steps()
		if len(steps) > maxSteps {
			steps = append(append(steps[:maxSteps/2:maxSteps/2], Step{Pos: steps[maxSteps/2].Pos, What: "…"}), steps[len(steps)-maxSteps/2+1:]...)
		}
		for j := range steps {
			steps[j] = steps[j].written()
		}
		o.Steps, o.trail, o.nsteps = steps, nil, 0
		out[i] = o
	}
	return out
}

// At returns where the step is.
func (s Step) At(fset *token.FileSet) token.Position {
	if s.Pos.IsValid() && fset != nil {
		return fset.Position(s.Pos)
	}
	return s.Position
}

// At returns where the origin is.
func (o Origin) At(fset *token.FileSet) token.Position {
	if o.Pos.IsValid() && fset != nil {
		return fset.Position(o.Pos)
	}
	return o.Position
}

// IsLiteral reports whether the value is wholly a constant written in the
// code (and no sanitizer changed it).
func (o Origin) IsLiteral() bool { return o.Kind == Literal && o.Part == Whole && o.Sanitized == nil }

// String returns a Literal's or Zero's string value.
func (o Origin) String() (string, bool) {
	if o.Value == nil || o.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(o.Value), true
}

// Int64 returns a Literal's or Zero's integer value (a float is
// truncated, as a conversion to an integer type would).
func (o Origin) Int64() (int64, bool) {
	if o.Value == nil {
		return 0, false
	}
	v := constant.ToInt(o.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// Describe writes the origin for messages and tests: its kind, what it
// is (a literal's value only when quote is set: secrets are never
// printed), and its steps.
func (o Origin) Describe(fset *token.FileSet, quote bool) string {
	var b strings.Builder
	b.WriteString(o.Kind.String())
	switch o.Kind {
	case Literal, Zero:
		if quote && o.Value != nil {
			b.WriteString(" " + o.Value.ExactString())
		}
	case Source:
		if o.Row != nil {
			b.WriteString(" " + o.Row.Kind)
		}
	case Param:
		fmt.Fprintf(&b, " %d", o.Index)
	}
	if o.Name != "" {
		fmt.Fprintf(&b, " %s", o.Name)
	}
	if o.Part != Whole {
		fmt.Fprintf(&b, " (%s)", o.Part)
	}
	if o.Sanitized != nil {
		fmt.Fprintf(&b, " sanitized(%s)", o.Sanitized.Kind)
	}
	if o.Guess {
		b.WriteString(" (by name)")
	}
	if fset != nil {
		p := o.At(fset)
		fmt.Fprintf(&b, " @%d", p.Line)
	}
	if len(o.Steps) > 0 {
		b.WriteString(": ")
		for i, s := range o.Steps {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(s.What)
		}
	}
	return b.String()
}

// Flow is an origin's whole flow: the origin itself as the first step,
// then its steps, then the steps after the query point (a sink use's
// steps inside callees). It is what a SARIF codeFlow lists (see
// Related). The first step says what the origin is, and a literal's
// value only when it is a number: a string may be a secret.
func (o Origin) Flow(after ...Step) []Step {
	first := Step{Pos: o.Pos, Position: o.Position, What: o.describeStart()}
	return slices.Concat([]Step{first}, o.Steps, after)
}

// withStep returns o with s appended to its steps.
func (o Origin) withStep(s Step) Origin {
	if o.trail == nil && len(o.Steps) > 0 {
		for _, t := range o.Steps {
			o.trail = &stepNode{t, o.trail}
		}
		o.nsteps, o.Steps = len(o.Steps), nil
	}
	o.trail = &stepNode{s, o.trail}
	o.nsteps++
	return o
}

// withSteps appends ss in order.
func (o Origin) withSteps(ss []Step) Origin {
	for _, s := range ss {
		o = o.withStep(s)
	}
	return o
}

// stepCount is the number of o's steps.
func (o Origin) stepCount() int {
	if o.trail == nil {
		return len(o.Steps)
	}
	return o.nsteps
}

// asPart demotes o: a Whole becomes p; a Prefix stays a Prefix only if p
// is Prefix.
func (o Origin) asPart(p Part) Origin {
	if p > o.Part {
		o.Part = p
	}
	return o
}

// after continues g, a value found for the part of o that o could not
// give, with what o went through since: its steps, part, pending
// operations and sanitizer.
func (g Origin) after(o Origin) Origin {
	return g.replacing(o).withSteps(o.steps())
}
