package jwtnonealg

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWTs signed with, or accepted with, the none algorithm.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtnonealg",
	Doc:              rules.MustLookup(rules.JWTNoneAlg).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTNoneAlg).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

// Messages: what is wrong, the consequence, the fix. %s is the offending
// expression as written.
const (
	msgSign          = "JWT signed with the none algorithm (%s): anyone can forge such a token; sign with HS256/RS256/ES256 and a real key"
	msgVerify        = "JWT verified with the none algorithm (%s): unsigned tokens are accepted, so anyone can forge one; verify with a real algorithm and key"
	msgSignOrVerify  = "JWT signed or verified with the none algorithm (%s): anyone can forge such a token; use HS256/RS256/ES256 and a real key"
	msgReturnedKey   = "%s returned as a JWT key: tokens with alg none are accepted, so anyone can forge one; return the real verification key and pin the accepted algorithms"
	msgAccepts       = "JWT parser accepts the none algorithm (%s): anyone can forge an unsigned token; list only the algorithms you sign with, such as HS256 or RS256"
	msgInsecure      = "JWT signed without a signature (%s): anyone can forge such a token; sign with WithKey and a real algorithm such as RS256"
	msgNoneAlgorithm = "JWT none algorithm used (%s): tokens signed or accepted with it carry no signature, so anyone can forge them; use HS256/RS256/ES256 and a real key"
)

func run(pass *analysis.Pass) (any, error) {
	// A JWT library's own code and tests define and exercise the none
	// algorithm; reporting them helps nobody.
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, reported: map[[2]token.Pos]bool{}}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		c.file = fc.Node().(*ast.File)
		for cur := range fc.Preorder(
			(*ast.Ident)(nil),
			(*ast.SelectorExpr)(nil),
			(*ast.CallExpr)(nil),
			(*ast.CompositeLit)(nil),
			(*ast.AssignStmt)(nil),
		) {
			switch n := cur.Node().(type) {
			case *ast.Ident:
				if cur.ParentEdgeKind() != edge.SelectorExpr_Sel {
					c.reference(cur, n)
				}
			case *ast.SelectorExpr:
				c.reference(cur, n)
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.CompositeLit:
				c.compositeLit(n)
			case *ast.AssignStmt:
				c.assign(n)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	file     *ast.File
	reported map[[2]token.Pos]bool
}

// reference handles an identifier or selector naming a package-level
// object: the none algorithm or the none key.
func (c *checker) reference(cur inspector.Cursor, e ast.Expr) {
	s, ok := c.member(e)
	if !ok || (s.Kind != jwtlib.Var && s.Kind != jwtlib.Const) {
		return
	}
	if s.Has(jwtlib.NoneAlg) || s.Has(jwtlib.NoneKey) {
		c.noneValue(cur, s)
	}
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	s, ok := c.callee(call)
	if !ok {
		return
	}
	switch {
	case s.Has(jwtlib.NoneAlg) && s.Kind == jwtlib.Func:
		c.noneValue(cur, s)
	case s.Has(jwtlib.AlgByName):
		if i := s.ParamIndex(jwtlib.AlgName); i >= 0 && i < len(call.Args) && c.isNoneName(call.Args[i]) {
			c.noneValue(cur, s)
		}
	case s.Has(jwtlib.AllowsNone):
		c.report(call, msgInsecure)
	}
	for i, arg := range call.Args {
		if s.Param(i) == jwtlib.AlgNames {
			c.algNames(arg)
		}
	}
}

// compositeLit checks fields listing accepted algorithms, as in
// jwt.Parser{ValidMethods: []string{"none"}}.
func (c *checker) compositeLit(lit *ast.CompositeLit) {
	pkg, typeName, ok := c.structType(lit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := jwtlib.FieldOf(pkg, typeName, key.Name); ok && f.Value == jwtlib.AlgNames {
			c.algNames(kv.Value)
		}
	}
}

// assign checks assignments to fields listing accepted algorithms, as in
// p.ValidMethods = []string{"none"}. It needs type information.
func (c *checker) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if f, ok := c.field(lhs); ok && f.Value == jwtlib.AlgNames {
			c.algNames(as.Rhs[i])
		}
	}
}

// algNames reports "none" in an expression giving a list of algorithm
// names: a slice literal, or an append to one.
func (c *checker) algNames(e ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.isNoneName(elt) {
				c.report(elt, msgAccepts)
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && c.isBuiltin(id) {
			for i, arg := range e.Args {
				if i == 0 {
					c.algNames(arg)
				} else if e.Ellipsis == token.NoPos && c.isNoneName(arg) {
					c.report(arg, msgAccepts)
				} else if e.Ellipsis != token.NoPos {
					c.algNames(arg)
				}
			}
		}
	}
}

// noneValue reports the expression at cur, which evaluates to the none
// algorithm or the none key (s), unless its context only inspects it.
func (c *checker) noneValue(cur inspector.Cursor, s *jwtlib.Symbol) {
	e := cur.Node().(ast.Expr)
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	parent := cur.Parent().Node()
	switch k, idx := cur.ParentEdge(); k {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if op := parent.(*ast.BinaryExpr).Op; op == token.EQL || op == token.NEQ {
			return // code comparing against none usually rejects it
		}
	case edge.CaseClause_List:
		return
	case edge.SelectorExpr_X:
		// A method of the algorithm: Alg() and String() only name it,
		// and the name is judged where it is used; Sign and Verify use it.
		if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == parent {
			if m, ok := c.callee(call); ok {
				if m.Has(jwtlib.ReturnsAlgName) {
					return
				}
				c.report(e, messageFor(m.Traits))
				return
			}
		}
	case edge.CallExpr_Args:
		if f, ok := c.calleeNear(parent.(*ast.CallExpr), s); ok {
			if f.Has(jwtlib.AlgByName) && f.Param(idx) == jwtlib.AlgName {
				return // the call is the none algorithm, reported in its context
			}
			if r := f.Param(idx); r == jwtlib.Alg || r == jwtlib.Key {
				c.report(e, messageFor(f.Traits))
				return
			}
		}
	case edge.KeyValueExpr_Value:
		lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		key, isIdent := parent.(*ast.KeyValueExpr).Key.(*ast.Ident)
		if ok && isIdent {
			if pkg, typeName, ok := c.structType(lit); ok {
				if f, ok := jwtlib.FieldOf(pkg, typeName, key.Name); ok && f.Value == jwtlib.Alg {
					c.report(e, messageFor(f.Traits))
					return
				}
			}
		}
	case edge.AssignStmt_Rhs:
		as := parent.(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			if f, ok := c.field(as.Lhs[idx]); ok && f.Value == jwtlib.Alg {
				c.report(e, messageFor(f.Traits))
				return
			}
		}
	case edge.ReturnStmt_Results:
		if s.Has(jwtlib.NoneKey) {
			c.report(e, msgReturnedKey) // from a keyfunc, or a helper of one
			return
		}
	}
	c.report(e, msgNoneAlgorithm)
}

func messageFor(t jwtlib.Trait) string {
	switch {
	case t&jwtlib.Signs != 0 && t&jwtlib.Verifies != 0:
		return msgSignOrVerify
	case t&jwtlib.Signs != 0:
		return msgSign
	case t&jwtlib.Verifies != 0:
		return msgVerify
	}
	return msgNoneAlgorithm
}

// isNoneName reports whether e is the string "none" (a literal or a
// constant), or the name of a none algorithm (SigningMethodNone.Alg()).
func (c *checker) isNoneName(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == jwtlib.NoneAlgName
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return e.Kind == token.STRING && err == nil && s == jwtlib.NoneAlgName
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		m, ok := c.callee(e)
		return ok && m.Has(jwtlib.ReturnsAlgName) && c.isNoneValue(sel.X)
	}
	return false
}

// isNoneValue reports whether e evaluates to a none algorithm.
func (c *checker) isNoneValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		s, ok := c.callee(call)
		if !ok {
			return false
		}
		if s.Has(jwtlib.NoneAlg) {
			return true
		}
		i := s.ParamIndex(jwtlib.AlgName)
		return s.Has(jwtlib.AlgByName) && i >= 0 && i < len(call.Args) && c.isNoneName(call.Args[i])
	}
	s, ok := c.member(e)
	return ok && s.Has(jwtlib.NoneAlg)
}

// member looks up the package-level object e refers to.
func (c *checker) member(e ast.Expr) (*jwtlib.Symbol, bool) {
	pkg, name, ok := resolve.Object(c.pass.TypesInfo, c.file, e)
	if !ok {
		return nil, false
	}
	return jwtlib.Member(pkg, name)
}

// callee looks up the function, method or type (a conversion) a call
// invokes.
func (c *checker) callee(call *ast.CallExpr) (*jwtlib.Symbol, bool) {
	if f, ok := resolve.Callee(c.pass.TypesInfo, c.file, call); ok {
		if f.Method {
			return jwtlib.MethodOf(f.Pkg, f.Recv, f.Name)
		}
		return jwtlib.Member(f.Pkg, f.Name)
	}
	if s, ok := c.member(call.Fun); ok && s.Kind == jwtlib.Type {
		return s, true
	}
	return nil, false
}

// calleeNear is callee, plus a guess for a method call whose receiver's
// type is unknown (its package failed to load): a method taking the value
// of package pkg's symbol s is looked up among pkg's methods, as in
// tok.SignedString(jwt.UnsafeAllowNoneSignatureType).
func (c *checker) calleeNear(call *ast.CallExpr, s *jwtlib.Symbol) (*jwtlib.Symbol, bool) {
	if f, ok := c.callee(call); ok {
		return f, true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	if tv, ok := c.pass.TypesInfo.Types[sel.X]; ok && tv.Type != nil && tv.Type != types.Typ[types.Invalid] {
		return nil, false // a known type without a row in the model
	}
	if obj := c.pass.TypesInfo.Uses[sel.Sel]; obj != nil {
		return nil, false
	}
	return jwtlib.MethodOf(s.Pkg, "", sel.Sel.Name)
}

// structType returns the package and name of a composite literal's named
// struct type: from type information, or else from the written type.
func (c *checker) structType(lit *ast.CompositeLit) (pkg, name string, ok bool) {
	if tv, ok := c.pass.TypesInfo.Types[lit]; ok && tv.Type != nil {
		if n, ok := types.Unalias(tv.Type).(*types.Named); ok && n.Obj().Pkg() != nil {
			return n.Obj().Pkg().Path(), n.Obj().Name(), true
		}
	}
	if lit.Type == nil {
		return "", "", false
	}
	return resolve.Object(c.pass.TypesInfo, c.file, lit.Type)
}

// field looks up the struct field that e, a selector, selects. It needs
// type information.
func (c *checker) field(e ast.Expr) (*jwtlib.Symbol, bool) {
	return jwtlib.Resolver{Info: c.pass.TypesInfo, File: c.file}.SelectedField(e)
}

func (c *checker) isBuiltin(id *ast.Ident) bool {
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil {
		return true // unresolved: assume the builtin, as nothing shadows it
	}
	_, ok := obj.(*types.Builtin)
	return ok
}

// report reports e once, naming it in the message.
func (c *checker) report(e ast.Expr, format string) {
	k := [2]token.Pos{e.Pos(), e.End()}
	if c.reported[k] {
		return
	}
	c.reported[k] = true
	c.pass.Report(analysis.Diagnostic{
		Pos:      e.Pos(),
		End:      e.End(),
		Category: rules.JWTNoneAlg,
		Message:  fmt.Sprintf(format, shorten(types.ExprString(e))),
	})
}

// shorten keeps messages one short line.
func shorten(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
