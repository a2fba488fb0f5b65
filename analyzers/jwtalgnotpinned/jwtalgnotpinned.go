package jwtalgnotpinned

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWT verifiers that do not pin the algorithm.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtalgnotpinned",
	Doc:              rules.MustLookup(rules.JWTAlgNotPinned).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTAlgNotPinned).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

// Messages: what is wrong, the consequence, the fix.
const (
	msgUnpinned  = "JWT parsed without pinning the algorithm (%s): the token's own alg header picks how it is verified; add jwt.WithValidMethods([]string{\"RS256\"}) or check t.Method in the keyfunc"
	msgPublicKey = "JWT keyfunc returns public-key bytes and the algorithm is not pinned (%s): a token signed with HS256 using the public key as secret is accepted; pin the algorithm with jwt.WithValidMethods and return a parsed public key"
	msgInfer     = "JWT algorithm inferred from the key (%s): the verifier does not fix the algorithm; pass the algorithm explicitly with WithKey(alg, key)"
)

type checker struct {
	pass *analysis.Pass
	r    jwtlib.Resolver
}

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		c := &checker{pass: pass, r: jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)}}
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			c.call(cur, cur.Node().(*ast.CallExpr))
		}
	}
	return nil, nil
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	s, ok := c.r.Callee(call)
	if !ok {
		s, ok = c.onLocalParser(cur, call)
	}
	if !ok {
		return
	}
	if s.Has(jwtlib.InfersAlg) {
		if len(call.Args) > 0 && c.r.Applies(s, call.Args[0]) {
			c.report(call, call.Fun, msgInfer, rules.SeverityNone)
		}
		return
	}
	if !s.Has(jwtlib.ParsesVerified) {
		return
	}
	kfArg, ok := jwtlib.Arg(s, call, jwtlib.Keyfunc)
	if !ok {
		return // jwx: WithKey binds the algorithm
	}
	if c.pinned(cur, call, s) {
		return
	}
	body := jwtlib.FuncBody(c.pass.TypesInfo, c.pass.Files, kfArg)
	names := algNames(s)
	if body == nil || c.inspectsAlg(body, names) || c.checkedAfter(cur, names) || c.checkedBefore(cur, call) {
		return
	}
	if c.returnsPublicKeyBytes(body) {
		c.report(call, call.Fun, msgPublicKey, rules.SeverityError)
		return
	}
	if s.Has(jwtlib.KeyTypePicksAlg) && c.oneKeyFamily(body) {
		return // an HMAC secret admits only HS*, a public key only its own family
	}
	c.report(call, call.Fun, msgUnpinned, rules.SeverityNone)
}

// onLocalParser resolves, without type information, p.Parse(…) on a
// local variable p := jwt.NewParser(…) (or &jwt.Parser{…}): the method of
// the parser's library. With type information Callee has answered.
func (c *checker) onLocalParser(cur inspector.Cursor, call *ast.CallExpr) (*jwtlib.Symbol, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	if tv, ok := c.pass.TypesInfo.Types[id]; ok && known(tv.Type) {
		return nil, false
	}
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return nil, false
	}
	def := c.localInit(body, id)
	if def == nil {
		return nil, false
	}
	return c.r.ParserMethod(def, sel.Sel.Name)
}

// known reports whether t is a type the checker resolved: not invalid,
// nor a pointer to an invalid type (&pkg.T{} of a package that did not
// load).
func known(t types.Type) bool {
	for t != nil {
		p, ok := t.(*types.Pointer)
		if !ok {
			return t != types.Typ[types.Invalid]
		}
		t = p.Elem()
	}
	return false
}

// names are the names, in a parse's library, of what tells a token's
// algorithm: the token's fields holding the algorithm and the header
// (golang-jwt's Token.Method and Token.Header), and the algorithm's
// method returning its name (Alg). A keyfunc's token may be of a package
// that did not load, so they are matched by name.
type names struct{ algField, headerField, algName []string }

func algNames(s *jwtlib.Symbol) names {
	lib, ok := jwtlib.Lookup(s.Pkg)
	if !ok {
		return names{}
	}
	return names{
		algField:    lib.Names(jwtlib.Field, func(f *jwtlib.Symbol) bool { return f.Value == jwtlib.Alg }),
		headerField: lib.Names(jwtlib.Field, func(f *jwtlib.Symbol) bool { return f.Value == jwtlib.Header }),
		algName:     lib.Names(jwtlib.Method, func(m *jwtlib.Symbol) bool { return m.Has(jwtlib.ReturnsAlgName) }),
	}
}

// checkedAfter reports whether the parsed token's algorithm is checked
// after the parse (tok.Method != want), as in tok, err := jwt.Parse(…)
// followed by a comparison in the same function.
func (c *checker) checkedAfter(cur inspector.Cursor, names names) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return false
	}
	tok, ok := as.Lhs[0].(*ast.Ident)
	if !ok || tok.Name == "_" {
		return false
	}
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if ok && sel.Pos() > as.End() && (slices.Contains(names.algField, sel.Sel.Name) || slices.Contains(names.headerField, sel.Sel.Name)) {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && id.Name == tok.Name &&
				(c.pass.TypesInfo.ObjectOf(id) == c.pass.TypesInfo.ObjectOf(tok) || c.pass.TypesInfo.ObjectOf(id) == nil) {
				found = true
			}
		}
		return !found
	})
	return found
}

// checkedBefore reports whether the function tests a token header's alg
// before the parse: a value named Alg (or an "alg" key) compared with a
// constant other than "" or handed to a string test, as code does that decodes the header itself
// to reject HS* before verifying (casdoor's DPoP proofs, RFC 9449 §4.3).
func (c *checker) checkedBefore(cur inspector.Cursor, call *ast.CallExpr) bool {
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return false
	}
	isAlg := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			return x.Sel.Name == "Alg"
		case *ast.IndexExpr:
			k, ok := c.r.StringValue(x.Index)
			return ok && k == "alg"
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= call.Pos() {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			// A comparison with "" only asks whether there is an alg.
			if v, ok := c.r.StringValue(x.Y); ok && v == "" {
				break
			}
			if v, ok := c.r.StringValue(x.X); ok && v == "" {
				break
			}
			if (x.Op == token.EQL || x.Op == token.NEQ) && (isAlg(x.X) || isAlg(x.Y)) {
				found = true
			}
		case *ast.CallExpr:
			for _, a := range x.Args {
				if isAlg(a) {
					found = true
				}
			}
		case *ast.SwitchStmt:
			if x.Tag != nil && isAlg(x.Tag) {
				found = true
			}
		}
		return !found
	})
	return found
}

// pinned reports whether the call's options, or its receiver parser,
// pin the algorithms — or whether that cannot be known.
func (c *checker) pinned(cur inspector.Cursor, call *ast.CallExpr, s *jwtlib.Symbol) bool {
	opts, complete := jwtlib.OptionArgs(s, call)
	if !complete {
		return true
	}
	for _, o := range opts {
		if c.mentionsPin(o) {
			return true
		}
		if _, isCall := ast.Unparen(o).(*ast.CallExpr); !isCall {
			return true // an option built elsewhere
		}
	}
	if s.Kind != jwtlib.Method {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return true
	}
	return c.parserPinned(cur, sel.X)
}

// parserPinned judges the parser a Parse method is called on: a
// NewParser call or Parser literal written there or assigned to a local
// variable; anything else counts as pinned (unknown).
func (c *checker) parserPinned(cur inspector.Cursor, recv ast.Expr) bool {
	recv = ast.Unparen(recv)
	if u, ok := recv.(*ast.UnaryExpr); ok && u.Op == token.AND {
		recv = ast.Unparen(u.X)
	}
	switch x := recv.(type) {
	case *ast.CallExpr:
		s, ok := c.r.Callee(x)
		if ok && s.Has(jwtlib.NewParser) {
			return c.mentionsPin(x)
		}
		if ok && s.Kind == jwtlib.Type {
			return true
		}
		// new(jwt.Parser): a zero parser pins nothing.
		if id, isID := ast.Unparen(x.Fun).(*ast.Ident); isID && id.Name == "new" && len(x.Args) == 1 {
			return false
		}
		return true
	case *ast.CompositeLit:
		return c.mentionsPin(x)
	case *ast.Ident:
		body := localflow.EnclosingBody(cur)
		if body == nil {
			return true
		}
		def := c.localInit(body, x)
		if def == nil {
			return true
		}
		// Fields set later (p.ValidMethods = …) pin too.
		later := false
		ast.Inspect(body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if f, ok := c.r.SelectedField(l); ok && f.Has(jwtlib.PinsAlg) {
						later = true
					}
				}
			}
			return !later
		})
		return later || c.parserPinned(cur, def)
	}
	return true
}

// localInit returns the initial value of the local variable v (v := e
// or var v = e), or nil.
func (c *checker) localInit(body *ast.BlockStmt, v *ast.Ident) ast.Expr {
	var out ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && c.same(id, v) {
						out = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c.same(id, v) && i < len(n.Values) {
					out = n.Values[i]
				}
			}
		}
		return out == nil
	})
	return out
}

func (c *checker) same(def, use *ast.Ident) bool {
	if def.Name != use.Name {
		return false
	}
	info := c.pass.TypesInfo
	if info == nil || info.Defs[def] == nil || info.Uses[use] == nil {
		return true
	}
	return info.Defs[def] == info.Uses[use]
}

// mentionsPin reports whether e contains a call or field that pins the
// algorithms (WithValidMethods, ValidMethods: …).
func (c *checker) mentionsPin(e ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if s, ok := c.r.Callee(n); ok && s.Has(jwtlib.PinsAlg) {
				found = true
			}
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if f, ok := c.r.LitField(n, kv.Key); ok && f.Has(jwtlib.PinsAlg) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// inspectsAlg reports whether a keyfunc body looks at the algorithm:
// t.Method (compared, type-asserted or switched on), .Alg(), or
// Header["alg"].
func (c *checker) inspectsAlg(body *ast.BlockStmt, names names) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if slices.Contains(names.algField, n.Sel.Name) || slices.Contains(names.algName, n.Sel.Name) {
				found = true
			}
		case *ast.IndexExpr:
			if k, ok := c.r.StringValue(n.Index); ok && k == "alg" {
				found = true
			}
		}
		return !found
	})
	return found
}

// returnsPublicKeyBytes reports whether a keyfunc returns []byte that
// look like a public key: []byte(x) or a []byte value whose name says
// public key, PEM or certificate, or a literal with a PEM header.
func (c *checker) returnsPublicKeyBytes(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 {
			return true
		}
		e := ast.Unparen(ret.Results[0])
		if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 && isByteSlice(conv.Fun) {
			e = ast.Unparen(conv.Args[0])
		} else if !c.isBytes(e) {
			return true
		}
		if v, ok := c.r.StringValue(e); ok {
			found = found || strings.Contains(v, "-----BEGIN")
			return true
		}
		name := strings.ToLower(types.ExprString(e))
		for _, w := range []string{"pub", "pem", "cert"} {
			if strings.Contains(name, w) {
				found = true
			}
		}
		return true
	})
	return found
}

// oneKeyFamily reports whether every key the keyfunc body returns (nil
// aside) is of one evident kind that only one family of algorithms
// verifies with: bytes (HMAC), or a typed RSA, ECDSA or Ed25519 public
// key. A key of unknown type (any, a map's value, a parameter) may be
// bytes for one token and a public key for another.
func (c *checker) oneKeyFamily(body *ast.BlockStmt) bool {
	family, ok := "", true
	ast.Inspect(body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit || !ok {
			return false
		}
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet || len(ret.Results) == 0 {
			return true
		}
		e := ast.Unparen(ret.Results[0])
		if id, isID := e.(*ast.Ident); isID && id.Name == "nil" {
			return true
		}
		f := c.keyFamily(e)
		if f == "" || (family != "" && f != family) {
			ok = false
			return false
		}
		family = f
		return true
	})
	return ok && family != ""
}

// keyFamily names the algorithm family that alone verifies with key e,
// or "" when its type does not say.
func (c *checker) keyFamily(e ast.Expr) string {
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 && isByteSlice(conv.Fun) {
		return "hmac"
	}
	if c.isBytes(e) {
		return "hmac"
	}
	if c.pass.TypesInfo == nil {
		return ""
	}
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Type == nil {
		return ""
	}
	t := tv.Type
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t = p.Elem()
	}
	for _, k := range []struct{ pkg, name, family string }{
		{"crypto/rsa", "PublicKey", "rsa"},
		{"crypto/ecdsa", "PublicKey", "ecdsa"},
		{"crypto/ed25519", "PublicKey", "ed25519"},
	} {
		if resolve.IsNamed(t, k.pkg, k.name) {
			return k.family
		}
	}
	return ""
}

func (c *checker) isBytes(e ast.Expr) bool {
	if c.pass.TypesInfo == nil {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	s, ok := tv.Type.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isByteSlice(e ast.Expr) bool {
	at, ok := ast.Unparen(e).(*ast.ArrayType)
	if !ok || at.Len != nil {
		return false
	}
	id, ok := at.Elt.(*ast.Ident)
	return ok && (id.Name == "byte" || id.Name == "uint8")
}

func (c *checker) report(n ast.Node, what ast.Expr, format string, sev rules.Severity) {
	d := analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: rules.JWTAlgNotPinned,
		Message:  fmt.Sprintf(format, localflow.Shorten(types.ExprString(what))),
	}
	if sev != rules.SeverityNone {
		d.URL = rules.VariantURL(rules.JWTAlgNotPinned, sev)
	}
	c.pass.Report(d)
}
