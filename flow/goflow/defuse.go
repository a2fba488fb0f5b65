package goflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/cfg"
)

// defKind is how a definition gives a variable its value.
type defKind uint8

const (
	kAssign     defKind = iota // v = e, v := e, var v = e (also of a part: v.f = e)
	kOpAssign                  // v += e
	kZero                      // var v T
	kRangeKey                  // for v := range x
	kRangeValue                // for _, v := range x
	kIncDec                    // v++
	kSwitch                    // switch v := x.(type)
	kCall                      // f(&v), f(v), v.M(): a model may say the call writes v
)

// def is one definition of a variable, or of a part of it.
type def struct {
	kind defKind
	node ast.Node // the statement, spec, range key or value, or call
	fn   *funcInfo
	lhs  ast.Expr
	// path is the part of the variable defined (x.f = e defines [f]);
	// empty for the whole variable.
	path path
	rhs  ast.Expr
	// multi is set when rhs is one multi-valued expression and the
	// definition takes its result tuple.
	multi   bool
	tuple   int
	op      token.Token // the arithmetic of an op-assignment
	rng     *ast.RangeStmt
	tswitch *ast.TypeSwitchStmt
	call    *ast.CallExpr
	arg     int  // kCall: the argument position, -1 for the receiver
	addr    bool // kCall: passed as &v

	// block and idx place the definition in its function's CFG.
	block  int32
	idx    int
	placed bool
}

// pop is an access-path step of a value inside a variable.
type pop uint8

const (
	pField  pop = iota // a struct field
	pElem              // an element of a slice, array or map (or a byte of a string)
	pResult            // a result of a function value
)

type pstep struct {
	op    pop
	name  string       // pField
	obj   types.Object // pField, when typed
	index int          // pResult
	key   constant.Value
	// owner is, without type information, the struct type a field
	// belongs to as the syntax shows it ("pkg.T"), or empty.
	owner string
}

// path is a sequence of steps into a value: the part of it a query asks
// about. Field steps carry the field object when typed, so that two
// fields of one name in different structs stay apart.
type path []pstep

func (p path) String() string {
	var b strings.Builder
	for _, s := range p {
		switch s.op {
		case pField:
			b.WriteString("." + s.name)
		case pElem:
			if s.key != nil {
				b.WriteString("[" + s.key.ExactString() + "]")
			} else {
				b.WriteString("[]")
			}
		case pResult:
			b.WriteString("()" + strconv.Itoa(s.index))
		}
	}
	return b.String()
}

// key identifies a path in memo tables: the field objects' identity
// matters, not just the names.
func (p path) key() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteString(path{s}.String())
		if s.obj != nil {
			b.WriteString("@" + strconv.Itoa(int(s.obj.Pos())))
		}
	}
	return b.String()
}

func (p path) push(s pstep) path {
	out := make(path, 0, len(p)+1)
	out = append(out, s)
	return append(out, p...)
}

// sameStep reports whether a and b select the same part; known says
// whether that is certain (distinct constant keys differ; an unknown key
// may be any).
func sameStep(a, b pstep) (same, certain bool) {
	if a.op != b.op {
		return false, true
	}
	switch a.op {
	case pField:
		if a.obj != nil && b.obj != nil {
			return a.obj == b.obj, true
		}
		if a.owner != "" && b.owner != "" && a.owner != b.owner {
			return false, true
		}
		return a.name == b.name, true
	case pElem:
		if a.key != nil && b.key != nil {
			return constant.Compare(a.key, token.EQL, b.key), true
		}
		return true, false
	case pResult:
		return a.index == b.index, true
	}
	return false, true
}

// defMatch is how a definition of path d relates to a question about
// path q: it gives q's value (covers, with the rest of q to look for in
// the right-hand side, and kills when certain), gives a part of it
// (inside: d is below q), or is about another part (unrelated).
type defMatch uint8

const (
	unrelated defMatch = iota
	covers
	inside
)

func matchDef(d, q path) (m defMatch, rest path, kills bool) {
	kills = true
	for i := range d {
		if i == len(q) {
			return inside, nil, false
		}
		same, certain := sameStep(d[i], q[i])
		if !same {
			return unrelated, nil, false
		}
		kills = kills && certain
	}
	return covers, q[len(d):], kills
}

// lhsPath is the path an assignment's left side defines below its root
// variable: x.f.g = e defines [f g]; x[k] = e an element; *p = e all of p.
func lhsPath(e ast.Expr, info *types.Info) path {
	var out path
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			out = append(out, fieldStep(info, x))
			e = x.X
		case *ast.IndexExpr:
			out = append(out, pstep{op: pElem, key: constKey(info, x.Index)})
			e = x.X
		default:
			// Collected innermost last; the path reads from the root.
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
			return out
		}
	}
}

func fieldStep(info *types.Info, sel *ast.SelectorExpr) pstep {
	s := pstep{op: pField, name: sel.Sel.Name}
	if info != nil {
		if se := info.Selections[sel]; se != nil && se.Kind() == types.FieldVal {
			s.obj = se.Obj()
		}
	}
	return s
}

// constKey is an index's constant value, when it has one.
func constKey(info *types.Info, e ast.Expr) constant.Value {
	if info != nil {
		if tv, ok := info.Types[e]; ok && tv.Value != nil {
			return tv.Value
		}
	}
	if lit, ok := ast.Unparen(e).(*ast.BasicLit); ok {
		v := constant.MakeFromLiteral(lit.Value, lit.Kind, 0)
		if v.Kind() != constant.Unknown {
			return v
		}
	}
	return nil
}

// opOf is the operator of an op-assignment: token.ADD for +=.
func opOf(tok token.Token) token.Token {
	switch tok {
	case token.ADD_ASSIGN:
		return token.ADD
	case token.SUB_ASSIGN:
		return token.SUB
	case token.MUL_ASSIGN:
		return token.MUL
	case token.QUO_ASSIGN:
		return token.QUO
	case token.REM_ASSIGN:
		return token.REM
	case token.AND_ASSIGN:
		return token.AND
	case token.OR_ASSIGN:
		return token.OR
	case token.XOR_ASSIGN:
		return token.XOR
	case token.SHL_ASSIGN:
		return token.SHL
	case token.SHR_ASSIGN:
		return token.SHR
	case token.AND_NOT_ASSIGN:
		return token.AND_NOT
	}
	return token.ILLEGAL
}

// funcCFG is a function's control-flow graph with what def-use needs:
// predecessors and where each node is.
type funcCFG struct {
	g     *cfg.CFG
	preds [][]int32
	nodes []cfgNode // sorted by pos
}

type cfgNode struct {
	pos, end token.Pos
	block    int32
	idx      int
}

func (ix *index) cfgOf(fn *funcInfo) *funcCFG {
	if fn.cfg != nil {
		return fn.cfg
	}
	g := cfg.New(fn.body, func(call *ast.CallExpr) bool { return ix.mayReturn(fn, call) })
	c := &funcCFG{g: g, preds: make([][]int32, len(g.Blocks))}
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			c.preds[s.Index] = append(c.preds[s.Index], b.Index)
		}
		for i, n := range b.Nodes {
			c.nodes = append(c.nodes, cfgNode{n.Pos(), n.End(), b.Index, i})
		}
	}
	sort.SliceStable(c.nodes, func(i, j int) bool { return c.nodes[i].pos < c.nodes[j].pos })
	fn.cfg = c
	return c
}

// locate returns the block and index of the CFG node containing pos.
func (c *funcCFG) locate(pos token.Pos) (int32, int, bool) {
	i := sort.Search(len(c.nodes), func(i int) bool { return c.nodes[i].pos > pos })
	// Nodes are disjoint but for a select case's received variable,
	// which the CFG lists inside its assignment: look a little back.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if n := c.nodes[j]; n.pos <= pos && pos < n.end {
			return n.block, n.idx, true
		}
	}
	return 0, 0, false
}

// mayReturn: calls to panic, os.Exit and log.Fatal end the path, so the
// definitions before them reach nothing after.
func (ix *index) mayReturn(fn *funcInfo, call *ast.CallExpr) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if f.Name == "panic" {
			d, obj := ix.declOf(f)
			return d != nil || (obj != nil && obj.Parent() != types.Universe)
		}
	case *ast.SelectorExpr:
		if pkg, name, ok := ix.qualified(fn.file, f); ok {
			switch {
			case pkg == "os" && name == "Exit", pkg == "log" && strings.HasPrefix(name, "Fatal"):
				return false
			}
		}
	}
	return true
}

// place locates a definition in its function's CFG.
func (ix *index) place(df *def) bool {
	if df.placed {
		return df.block >= 0
	}
	df.placed = true
	df.block = -1
	if df.fn == nil || df.fn.body == nil {
		return false
	}
	c := ix.cfgOf(df.fn)
	b, i, ok := c.locate(df.node.Pos())
	if !ok {
		return false
	}
	df.block, df.idx = b, i
	return true
}

// defsByBlock indexes d's definitions in its own function by block, in
// order.
func (ix *index) defsByBlock(d *decl) map[int32][]*def {
	if d.byBlock != nil {
		return d.byBlock
	}
	d.byBlock = map[int32][]*def{}
	for _, df := range d.defs {
		if df.fn == d.fn && ix.place(df) {
			d.byBlock[df.block] = append(d.byBlock[df.block], df)
		}
	}
	for _, list := range d.byBlock {
		sort.SliceStable(list, func(i, j int) bool { return list[i].idx < list[j].idx })
	}
	return d.byBlock
}

// hit is a definition that reaches a use, and what to ask of it.
type hit struct {
	def   *def
	rest  path
	piece bool // the definition gives only a part of the value asked
}

// reaching returns the definitions of d that may reach the use at pos in
// d's own function, for the part q of d's value, and whether the
// function's entry reaches it too (a parameter's value, a named result's
// zero). It is SSA's def-use for a variable kept in a register, computed
// on the AST: a backward walk over the CFG that stops, on each path, at
// the first definition covering q.
func (w *walker) reaching(d *decl, pos token.Pos, q path) (hits []hit, entry bool, ok bool) {
	ix := w.fl.ix
	c := ix.cfgOf(d.fn)
	b0, i0, found := c.locate(pos)
	if !found {
		return nil, false, false
	}
	byBlock := ix.defsByBlock(d)
	type item struct {
		block int32
		limit int
	}
	work := []item{{b0, i0}}
	visited := map[int32]bool{}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		if !w.spend() {
			return hits, true, true
		}
		killed := false
		list := byBlock[it.block]
		for j := len(list) - 1; j >= 0 && !killed; j-- {
			df := list[j]
			if df.idx >= it.limit {
				continue
			}
			m, rest, kills := matchDef(df.path, q)
			switch m {
			case covers:
				hits = append(hits, hit{def: df, rest: rest})
				killed = kills && df.kind != kCall
			case inside:
				hits = append(hits, hit{def: df, piece: true})
			}
		}
		if killed {
			continue
		}
		if it.block == 0 {
			entry = true
		}
		for _, p := range c.preds[it.block] {
			if !visited[p] && c.g.Blocks[p].Live {
				visited[p] = true
				work = append(work, item{p, 1 << 30})
			}
		}
	}
	return hits, entry, true
}
