package jwtlonglifetime

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWTs minted with a lifetime above the limit.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtlonglifetime",
	Doc:              rules.MustLookup(rules.JWTLongLifetime).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTLongLifetime).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

// Defaults of the limits (the JS rule's too).
const (
	DefaultMaxLifetime        = rules.DefaultMaxLifetime
	DefaultRefreshMaxLifetime = rules.DefaultRefreshMaxLifetime
)

var maxLifetime, refreshMaxLifetime time.Duration

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.DurationVar(&maxLifetime, "max-lifetime", DefaultMaxLifetime,
		"longest allowed lifetime of an access token (Go duration)")
	Analyzer.Flags.DurationVar(&refreshMaxLifetime, "refresh-max-lifetime", DefaultRefreshMaxLifetime,
		"longest allowed lifetime of a token whose names say refresh (Go duration)")
}

type checker struct {
	pass *analysis.Pass
	r    jwtlib.Resolver
	// flow says where a lifetime's value was written, for the
	// diagnostic's evidence.
	flow *goflow.Flow
	// reported holds the defaults already reported (several uses of one
	// configuration field share it).
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	reported := map[token.Pos]bool{}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		c := &checker{pass: pass, r: jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)},
			flow: pass.ResultOf[goflow.Analyzer].(*goflow.Flow), reported: reported}
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.CompositeLit:
				c.lifetimeFields(n)
			}
		}
	}
	return nil, nil
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	if s, ok := c.r.Callee(call); ok {
		if arg, ok := jwtlib.Arg(s, call, jwtlib.Lifetime); ok {
			if d, ok := c.duration(arg); ok {
				c.judge(cur, call, arg, d)
			}
			return
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !c.isTime(sel.X) {
		return
	}
	var d time.Duration
	var lifetime ast.Expr // the argument that is the lifetime, if one is
	switch {
	case sel.Sel.Name == "Add" && len(call.Args) == 1:
		if d, ok = c.duration(call.Args[0]); !ok {
			if c.reachesExp(cur, 0) {
				c.defaults(cur, call, call.Args[0])
			}
			return
		}
		lifetime = call.Args[0]
	case sel.Sel.Name == "AddDate" && len(call.Args) == 3:
		for i, unit := range []time.Duration{365 * 24 * time.Hour, 30 * 24 * time.Hour, 24 * time.Hour} {
			n, ok := c.intValue(call.Args[i])
			if !ok {
				return
			}
			d += time.Duration(n) * unit
		}
	default:
		return
	}
	if c.reachesExp(cur, 0) {
		c.judge(cur, call, lifetime, d)
	}
}

func (c *checker) judge(cur inspector.Cursor, call *ast.CallExpr, lifetime ast.Expr, d time.Duration) {
	c.judgeAt(call, lifetime, d, c.saysRefresh(cur))
}

// lifetimeFields judges a middleware configuration's lifetime fields
// (gin-jwt's Timeout and MaxRefresh); the field's name alone says
// whether it is a refresh lifetime.
func (c *checker) lifetimeFields(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		f, ok := c.r.LitField(lit, kv.Key)
		if !ok || f.Value != jwtlib.Lifetime {
			continue
		}
		if d, ok := c.duration(kv.Value); ok {
			c.judgeAt(kv.Value, kv.Value, d, hasRefresh(f.Name))
		}
	}
}

// defaults judges a lifetime that is no constant where it is used but
// that the flow core folds to constants written elsewhere: a
// configuration default (TokenExpiresIn: 48 in a literal, read as
// time.Duration(conf.TokenExpiresIn) * time.Hour). Each default over the
// limit is reported where it is written, the value to change, when that
// is in this package, with its flow into the exp; otherwise at the use.
func (c *checker) defaults(cur inspector.Cursor, call *ast.CallExpr, lifetime ast.Expr) {
	values, _ := c.flow.Constants(lifetime)
	refresh := c.saysRefresh(cur)
	limit := limitFor(refresh)
	for _, o := range values {
		v, ok := o.Int64()
		if o.Kind != goflow.Literal || !ok || time.Duration(v) <= limit {
			continue
		}
		d := time.Duration(v)
		at := ast.Node(call)
		if lit := c.literalAt(o.Pos); lit != nil {
			at = lit
		}
		if c.reported[at.Pos()] {
			continue
		}
		c.reported[at.Pos()] = true
		flow := o.Flow(goflow.Step{Pos: lifetime.Pos(), What: "sets the lifetime"}, goflow.Step{Pos: call.Pos(), What: "becomes the token's expiry"})
		flow[0].What = "default " + rules.HumanDuration(d)
		if o.Name != "" {
			flow[0].What += " for " + o.Name
		}
		c.pass.Report(analysis.Diagnostic{
			Pos:      at.Pos(),
			End:      at.End(),
			Category: rules.JWTLongLifetime,
			Message:  rules.LifetimeMessage(d, limit, refresh),
			Related:  goflow.Related(flow, at.Pos(), at.End()),
		})
	}
}

// literalAt returns the basic literal of this package's files at pos, or
// nil.
func (c *checker) literalAt(pos token.Pos) ast.Node {
	f := resolve.FileOf(c.pass.Files, pos)
	if !pos.IsValid() || f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	if len(path) > 0 {
		if l, ok := path[0].(*ast.BasicLit); ok && l.Pos() == pos {
			return l
		}
	}
	return nil
}

// Limits returns the limits the analyzer's flags (or the configuration
// through them) set, for the JS rule to judge by the same.
func Limits() (access, refresh time.Duration) { return maxLifetime, refreshMaxLifetime }

// limitFor is the lifetime limit of an access or a refresh token.
func limitFor(refresh bool) time.Duration {
	if refresh {
		return refreshMaxLifetime
	}
	return maxLifetime
}

// judgeAt reports n when d, the value of lifetime (nil when no one
// expression is: AddDate's three), exceeds the limit.
func (c *checker) judgeAt(n ast.Node, lifetime ast.Expr, d time.Duration, refresh bool) {
	limit := limitFor(refresh)
	if d <= limit {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: rules.JWTLongLifetime,
		Message:  rules.LifetimeMessage(d, limit, refresh),
		Related:  c.related(n, lifetime, d),
	})
}

// related is the evidence of a lifetime defined away from where it is
// used (a constant, a variable's initialiser): the flow of the constant
// the core folds to d into the lifetime.
func (c *checker) related(n ast.Node, lifetime ast.Expr, d time.Duration) []analysis.RelatedInformation {
	if lifetime == nil {
		return nil
	}
	values, _ := c.flow.Constants(lifetime)
	for _, o := range values {
		if v, ok := o.Int64(); !ok || time.Duration(v) != d {
			continue
		}
		flow := o.Flow(goflow.Step{Pos: lifetime.Pos(), What: "sets the lifetime"})
		if o.Kind == goflow.Literal {
			// A duration in words, not in nanoseconds.
			flow[0].What = "literal " + rules.HumanDuration(d)
			if o.Name != "" {
				flow[0].What += " for " + o.Name
			}
		}
		return goflow.Related(flow, n.Pos(), n.End())
	}
	return nil
}

// reachesExp reports whether the value at cur becomes a token's exp,
// directly or through wrappers and local variables.
func (c *checker) reachesExp(cur inspector.Cursor, depth int) bool {
	if depth > 3 {
		return false
	}
	for range 6 {
		parent := cur.Parent()
		switch k, idx := cur.ParentEdge(); k {
		case edge.ParenExpr_X, edge.UnaryExpr_X, edge.StarExpr_X:
			cur = parent
		case edge.SelectorExpr_X:
			// t.Unix(), t.UTC(): a method call on the time.
			gp := parent.Parent()
			if call, ok := gp.Node().(*ast.CallExpr); ok && call.Fun == parent.Node() {
				cur = gp
				continue
			}
			return false
		case edge.CallExpr_Args:
			call := parent.Node().(*ast.CallExpr)
			if s, ok := c.r.Callee(call); ok {
				if s.Param(idx) == jwtlib.Expiry {
					return true
				}
				// jwx's Builder.Claim("exp", t)
				if s.Has(jwtlib.SetsClaim) && s.Param(idx) == jwtlib.ClaimValue {
					name, ok := jwtlib.Arg(s, call, jwtlib.ClaimName)
					k, known := "", false
					if ok {
						k, known = c.r.StringValue(name)
					}
					return known && k == "exp"
				}
			}
			if len(call.Args) != 1 {
				return false
			}
			cur = parent // NewNumericDate(t), conversions
		case edge.KeyValueExpr_Value:
			kv := parent.Node().(*ast.KeyValueExpr)
			if k, ok := c.r.StringValue(kv.Key); ok {
				return k == "exp"
			}
			lit, ok := parent.Parent().Node().(*ast.CompositeLit)
			if !ok {
				return false
			}
			if f, ok := c.r.LitField(lit, kv.Key); ok {
				return f.Value == jwtlib.Expiry
			}
			id, ok := kv.Key.(*ast.Ident)
			return ok && c.pass.TypesInfo.Types[lit].Type == nil && isExpiryName(id.Name)
		case edge.AssignStmt_Rhs:
			as := parent.Node().(*ast.AssignStmt)
			if len(as.Lhs) != len(as.Rhs) {
				return false
			}
			return c.expTarget(as.Lhs[idx]) || c.localReachesExp(parent, as.Lhs[idx], depth)
		case edge.ValueSpec_Values:
			vs := parent.Node().(*ast.ValueSpec)
			if idx < len(vs.Names) {
				return c.localReachesExp(parent, vs.Names[idx], depth)
			}
			return false
		default:
			return false
		}
	}
	return false
}

// expTarget reports whether an assignment's left side is an exp.
func (c *checker) expTarget(l ast.Expr) bool {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr:
		if f, ok := c.r.SelectedField(l); ok {
			return f.Value == jwtlib.Expiry
		}
		if c.pass.TypesInfo != nil && c.pass.TypesInfo.Selections[l] != nil {
			return false // a known field of no library
		}
		return isExpiryName(l.Sel.Name)
	case *ast.IndexExpr:
		k, ok := c.r.StringValue(l.Index)
		return ok && k == "exp"
	}
	return false
}

// localReachesExp follows a local variable defined from the time to its
// uses in the enclosing function.
func (c *checker) localReachesExp(at inspector.Cursor, lhs ast.Expr, depth int) bool {
	v, ok := lhs.(*ast.Ident)
	if !ok || v.Name == "_" {
		return false
	}
	for f := range at.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for use := range f.Preorder((*ast.Ident)(nil)) {
			id := use.Node().(*ast.Ident)
			if id == v || id.Name != v.Name || !localflow.SameVar(c.pass.TypesInfo, id, v) {
				continue
			}
			if c.reachesExp(use, depth+1) {
				return true
			}
		}
		break
	}
	return false
}

// saysRefresh reports whether the enclosing function's name or any
// identifier or string of the enclosing statement mentions refresh.
func (c *checker) saysRefresh(cur inspector.Cursor) bool {
	var stmt ast.Node
	for s := range cur.Enclosing() {
		if _, ok := s.Node().(ast.Stmt); ok && stmt == nil {
			stmt = s.Node() // the innermost: the function's body names other tokens too
		}
		if fd, ok := s.Node().(*ast.FuncDecl); ok {
			if hasRefresh(fd.Name.Name) {
				return true
			}
			break
		}
		if _, ok := s.Node().(*ast.FuncLit); ok {
			break
		}
	}
	if stmt == nil {
		return false
	}
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || hasRefresh(n.Name)
		case *ast.BasicLit:
			found = found || hasRefresh(n.Value)
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

func hasRefresh(s string) bool { return strings.Contains(strings.ToLower(s), "refresh") }

// isTime reports whether e is a time.Time: by type, or, without type
// information, a time.Now() call chain.
func (c *checker) isTime(e ast.Expr) bool {
	if c.pass.TypesInfo != nil {
		if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Type != nil && tv.Type != types.Typ[types.Invalid] {
			n, ok := types.Unalias(tv.Type).(*types.Named)
			return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if id, ok := sel.X.(*ast.Ident); ok && id.Name == "time" && sel.Sel.Name == "Now" {
		return true
	}
	return sel.Sel.Name == "UTC" && c.isTime(sel.X)
}

// duration evaluates a constant time.Duration expression.
func (c *checker) duration(e ast.Expr) (time.Duration, bool) {
	e = ast.Unparen(e)
	if c.pass.TypesInfo != nil {
		if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
			n, exact := constant.Int64Val(constant.ToInt(tv.Value))
			return time.Duration(n), exact
		}
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		n, err := strconv.ParseInt(x.Value, 0, 64)
		return time.Duration(n), err == nil && x.Kind == token.INT
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && id.Name == "time" {
			u, ok := units[x.Sel.Name]
			return u, ok
		}
	case *ast.BinaryExpr:
		a, ok1 := c.duration(x.X)
		b, ok2 := c.duration(x.Y)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch x.Op {
		case token.MUL:
			return a * b, true
		case token.ADD:
			return a + b, true
		}
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Duration" {
				return c.duration(x.Args[0])
			}
		}
	}
	return 0, false
}

var units = map[string]time.Duration{
	"Nanosecond": time.Nanosecond, "Microsecond": time.Microsecond, "Millisecond": time.Millisecond,
	"Second": time.Second, "Minute": time.Minute, "Hour": time.Hour,
}

func (c *checker) intValue(e ast.Expr) (int64, bool) {
	d, ok := c.duration(e)
	return int64(d), ok
}

func isExpiryName(s string) bool {
	return s == "ExpiresAt" || s == "Expiry" || s == "Expires"
}
