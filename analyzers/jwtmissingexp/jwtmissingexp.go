package jwtmissingexp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWT expiry that is not enforced.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtmissingexp",
	Doc:              rules.MustLookup(rules.JWTMissingExp).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTMissingExp).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

// requireExp turns on the note for parsers that do not require exp.
var requireExp bool

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.BoolVar(&requireExp, "require-exp", false,
		"also report, as a note, golang-jwt v5 parsers that accept tokens without exp (no WithExpirationRequired)")
}

// Messages: what is wrong, the consequence, the fix.
const (
	msgOff      = "JWT expiry check turned off (%s): expired tokens stay valid forever; remove it"
	msgZeroTime = "JWT claims validated with no Expected.Time (%s): square/go-jose.v2 then skips exp, so expired tokens pass; set Time: time.Now()"
	msgSigOnly  = "JWT signature checked but exp never validated in this function (%s): expired tokens are accepted; call %s"
	msgV1       = "JWT parsed without WithValidate(true) (%s): jwx v1 then ignores exp, so expired tokens are accepted; pass jwt.WithValidate(true)"
	msgMint     = "JWT minted without exp (%s): the token never expires, so a leaked one works forever; set an expiry (ExpiresAt, \"exp\" or Expiration)"
	msgNote     = "JWT parser does not require exp (%s): a token minted without exp never expires; add jwt.WithExpirationRequired()"
)

type checker struct {
	pass *analysis.Pass
	r    jwtlib.Resolver
	// pkgValidates: some function of the package validates the time
	// claims itself (jwx jwt.Validate, go-jose Claims.Validate, …).
	pkgValidates bool
}

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	pkgValidates := false
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		r := jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)}
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			if s, ok := r.Callee(cur.Node().(*ast.CallExpr)); ok && s.Has(jwtlib.ValidatesTime) {
				pkgValidates = true
			}
		}
	}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		c := &checker{pass: pass, r: jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)}, pkgValidates: pkgValidates}
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if f, ok := c.r.LitField(n, kv.Key); ok && f.Has(jwtlib.NoValidate) && c.r.Applies(f, kv.Value) && !c.onlyUnverified(cur) {
							c.report(kv, msgOff, kv.Key)
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if f, ok := c.r.SelectedField(lhs); ok && f.Has(jwtlib.NoValidate) && c.r.Applies(f, n.Rhs[i]) {
							c.report(n, msgOff, lhs)
						}
					}
				}
			}
		}
	}
	return nil, nil
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	s, ok := c.r.Callee(call)
	if !ok {
		return
	}
	switch {
	case s.Has(jwtlib.NoValidate) && s.Kind == jwtlib.Func:
		var arg ast.Expr
		if len(call.Args) > 0 {
			arg = call.Args[0]
		}
		if c.r.Applies(s, arg) && !c.validatedLater(cur) && !c.optionOfUnverified(cur) {
			c.report(call, msgOff, call.Fun)
		}
	case s.Has(jwtlib.ZeroTimeSkipsExp):
		if len(call.Args) > 0 {
			if lit, ok := unaddr(call.Args[0]).(*ast.CompositeLit); ok && !c.setsValidationTime(lit) {
				c.report(call, msgZeroTime, call.Fun)
			}
		}
	case s.Has(jwtlib.SignatureOnly):
		c.signatureOnly(cur, call, s)
	case s.Has(jwtlib.VerifyOptional):
		opts, complete := jwtlib.OptionArgs(s, call)
		if !complete {
			return
		}
		for _, o := range opts {
			oc, ok := ast.Unparen(o).(*ast.CallExpr)
			if !ok {
				return // an option built elsewhere
			}
			if os, ok := c.r.Callee(oc); ok && os.Has(jwtlib.EnablesValidate) && len(oc.Args) == 1 {
				if v, known := c.r.BoolValue(oc.Args[0]); v || !known {
					return
				}
			}
		}
		c.report(call, msgV1, call.Fun)
	case s.Has(jwtlib.NewBuilder):
		c.builderChain(cur, call)
	}
	if arg, ok := jwtlib.Arg(s, call, jwtlib.Claims); ok && c.mintsWithoutExp(cur, call, arg) {
		c.report(call, msgMint, call.Fun)
	}
	if requireExp {
		c.notRequired(cur, call, s)
	}
}

// optionOfUnverified reports whether the validation-off option at cur is
// an argument of a parser constructor (golang-jwt's NewParser) whose
// parser only decodes without verifying, chained
// (NewParser(opt).ParseUnverified(…)) or through a local variable: the
// option changes nothing there, and jwt-unverified-parse judges the
// decode.
func (c *checker) optionOfUnverified(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	ctor := cur.Parent()
	if s, ok := c.r.Callee(ctor.Node().(*ast.CallExpr)); !ok || !s.Has(jwtlib.NewParser) {
		return false
	}
	if ctor.ParentEdgeKind() == edge.SelectorExpr_X {
		sel := ctor.Parent()
		if sel.ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
		m, ok := c.r.Callee(sel.Parent().Node().(*ast.CallExpr))
		return ok && m.Has(jwtlib.Unverified)
	}
	return c.onlyUnverified(ctor)
}

// onlyUnverified reports whether the parser at cur (a literal or a
// constructor's call), assigned to a local variable, is used only to
// decode without verifying (golang-jwt's ParseUnverified): such a decode
// validates no claims whatever the parser says, and jwt-unverified-parse
// judges it.
func (c *checker) onlyUnverified(cur inspector.Cursor) bool {
	lit := cur
	if lit.ParentEdgeKind() == edge.UnaryExpr_X {
		lit = lit.Parent() // &jwt.Parser{…}
	}
	if lit.ParentEdgeKind() != edge.AssignStmt_Rhs || c.pass.TypesInfo == nil {
		return false
	}
	as := lit.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != 1 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	body := localflow.EnclosingBody(cur)
	if obj == nil || body == nil {
		return false
	}
	uses, unverified := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[x] == obj {
					uses++
					s, ok := c.r.Callee(call)
					unverified = unverified && ok && s.Has(jwtlib.Unverified)
					return false
				}
			}
		}
		if x, ok := n.(*ast.Ident); ok && x != id && c.pass.TypesInfo.Uses[x] == obj {
			uses++
			unverified = false // the parser goes elsewhere
		}
		return true
	})
	return uses > 0 && unverified
}

// validatedLater reports whether claims parsed with validation off (the
// option at cur) are validated after all: in the same function (by the
// library, or by hand: the function reads the token's exp), or — when
// the parse result is returned — somewhere in the package.
func (c *checker) validatedLater(cur inspector.Cursor) bool {
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return false
	}
	validated := false
	written := map[ast.Expr]bool{} // claims.ExpiresAt = …: setting exp is not checking it
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				written[ast.Unparen(l)] = true
			}
		case *ast.CallExpr:
			if s, ok := c.r.Callee(n); ok && (s.Has(jwtlib.ValidatesTime) || s.Has(jwtlib.ReadsExp)) {
				validated = true
			}
			// claimInt64(claims, "exp"), claims.GetInt("exp"): a helper
			// reading the expiry claim by its name.
			for _, a := range n.Args {
				if k, ok := c.r.StringValue(a); ok && rules.IsExpiryClaim(k) {
					validated = true
				}
			}
		case *ast.IndexExpr:
			// claims["exp"] read (not written): the code checks it itself.
			if k, ok := c.r.StringValue(n.Index); ok && rules.IsExpiryClaim(k) && !written[n] {
				validated = true
			}
		case *ast.SelectorExpr:
			// claims.ExpiresAt read: the code handles the expiry itself.
			if f, ok := c.r.SelectedField(n); ok && f.Has(jwtlib.ReadsExp) && !written[n] {
				validated = true
			}
		}
		return !validated
	})
	if validated {
		return true
	}
	if !c.pkgValidates || cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	parse := cur.Parent()
	for parse.ParentEdgeKind() == edge.ParenExpr_X {
		parse = parse.Parent()
	}
	return parse.ParentEdgeKind() == edge.ReturnStmt_Results
}

// signatureOnly reports a signature-only check in a function that never
// validates the time claims, unless the claims leave the function.
func (c *checker) signatureOnly(cur inspector.Cursor, call *ast.CallExpr, s *jwtlib.Symbol) {
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return
	}
	// The values holding the claims: go-jose's dest arguments, or what
	// the call's results are assigned to.
	var holders []*ast.Ident
	if s.Kind == jwtlib.Method {
		for _, a := range call.Args[min(1, len(call.Args)):] {
			if id := directIdent(a); id != nil {
				holders = append(holders, id)
			}
		}
	}
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" && !c.isError(id) {
				holders = append(holders, id)
			}
		}
	}
	validated, escapes, read := false, false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if o, ok := c.r.Callee(n); ok && o.Has(jwtlib.ValidatesTime) {
				validated = true
			}
			if n != call {
				for _, a := range n.Args {
					if id := directIdent(a); id != nil && c.isAny(id, holders) {
						if _, isLib := c.r.Callee(n); !isLib {
							escapes = true // handed to a helper that may validate
						}
					}
				}
			}
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if id := directIdent(res); id != nil && c.isAny(id, holders) {
					escapes = true
				}
			}
		case *ast.Ident:
			if n.Pos() > call.End() && c.isAny(n, holders) {
				read = true
			}
		}
		return true
	})
	// A check whose claims are never read only probes the key.
	if validated || escapes || !read {
		return
	}
	check := "the time claims"
	if lib, ok := jwtlib.Lookup(s.Pkg); ok && lib.ExpCheck != "" {
		check = lib.ExpCheck
	}
	c.report(call, msgSigOnly, call.Fun, check)
}

// isError reports whether id is an error variable, which carries no
// claims: by type, or by the name err without type information.
func (c *checker) isError(id *ast.Ident) bool {
	if c.pass.TypesInfo != nil {
		if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil && obj.Type() != nil && obj.Type() != types.Typ[types.Invalid] {
			return types.Identical(obj.Type(), types.Universe.Lookup("error").Type())
		}
	}
	return id.Name == "err"
}

// directIdent returns v for v and &v: the value itself, not a part of it.
func directIdent(e ast.Expr) *ast.Ident {
	id, _ := unaddr(e).(*ast.Ident)
	return id
}

func (c *checker) isAny(id *ast.Ident, vars []*ast.Ident) bool {
	for _, v := range vars {
		if localflow.SameVar(c.pass.TypesInfo, id, v) {
			return true
		}
	}
	return false
}

// builderChain reports jwt.NewBuilder()….Build() with no Expiration.
func (c *checker) builderChain(cur inspector.Cursor, call *ast.CallExpr) {
	for {
		if cur.ParentEdgeKind() != edge.SelectorExpr_X {
			return // the builder is stored: its exp may be set elsewhere
		}
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		outer := cur.Parent().Parent()
		oc, ok := outer.Node().(*ast.CallExpr)
		if !ok || oc.Fun != sel {
			return
		}
		m, ok := c.r.Callee(oc)
		if ok && m.Has(jwtlib.SetsExp) {
			return
		}
		if ok && m.Has(jwtlib.SetsClaim) {
			if name, ok := jwtlib.Arg(m, oc, jwtlib.ClaimName); ok {
				if k, ok := c.r.StringValue(name); !ok || rules.IsExpiryClaim(k) {
					return
				}
			}
		}
		if ok && m.Has(jwtlib.BuildsToken) {
			c.report(call, msgMint, oc.Fun)
			return
		}
		cur = outer
	}
}

// notRequired reports a golang-jwt v5 parser without
// WithExpirationRequired, with a fix adding it to the call's options.
func (c *checker) notRequired(cur inspector.Cursor, call *ast.CallExpr, s *jwtlib.Symbol) {
	if s.Kind != jwtlib.Func || !(s.Has(jwtlib.ParsesVerified) || s.Has(jwtlib.NewParser)) || s.ParamIndex(jwtlib.Options) < 0 {
		return
	}
	// NewParser().ParseUnverified(…) validates nothing, exp included.
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && cur.ParentEdgeKind() == edge.SelectorExpr_X {
		if gp, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok {
			if m, ok := c.r.Callee(gp); ok && m.Has(jwtlib.Unverified) && sel.Sel.Name == m.Name {
				return
			}
		}
	}
	require, ok := jwtlib.FuncWith(s.Pkg, jwtlib.RequiresExp)
	if !ok {
		return
	}
	opts, complete := jwtlib.OptionArgs(s, call)
	if !complete {
		return
	}
	for _, o := range opts {
		oc, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			return
		}
		if os, ok := c.r.Callee(oc); ok && (os.Has(jwtlib.RequiresExp) || os.Has(jwtlib.NoValidate)) {
			return
		}
	}
	// NewParser(...).Parse(...): the NewParser call carries the options.
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	qual, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: rules.JWTMissingExp,
		URL:     rules.VariantURL(rules.JWTMissingExp, rules.SeverityNote),
		Message: fmt.Sprintf(msgNote, localflow.Shorten(types.ExprString(call.Fun))),
	}
	// Insert after the last argument (before a trailing comma, if any).
	if len(call.Args) > 0 || s.Has(jwtlib.NewParser) {
		pos := call.Rparen
		option := qual.Name + "." + require.Name + "()"
		text := option
		if len(call.Args) > 0 {
			pos = call.Args[len(call.Args)-1].End()
			text = ", " + text
		}
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "require exp with " + option,
			TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
		}}
	}
	c.pass.Report(d)
}

// mintsWithoutExp reports whether arg, the claims of a token being
// minted, certainly has no exp.
func (c *checker) mintsWithoutExp(cur inspector.Cursor, call *ast.CallExpr, arg ast.Expr) bool {
	e := unaddr(arg)
	switch e := e.(type) {
	case *ast.CompositeLit:
		lacks, known := c.litLacksExp(e, nil)
		return known && lacks
	case *ast.Ident:
		body := localflow.EnclosingBody(cur)
		if body == nil {
			return false
		}
		lit, typ, ok := c.localDef(body, e)
		if !ok {
			return false
		}
		var lacks, known bool
		if lit != nil {
			lacks, known = c.litLacksExp(lit, nil)
		} else {
			lacks, known = c.typeLacksExp(typ)
		}
		if !known || !lacks {
			return false
		}
		return !c.setLater(body, e, call)
	}
	return false
}

// localDef finds v's definition in body: v := T{…}, v := &T{…},
// var v = T{…} or var v T (typ set, lit nil).
func (c *checker) localDef(body *ast.BlockStmt, v *ast.Ident) (lit *ast.CompositeLit, typ types.Type, ok bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		if ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if id, isID := l.(*ast.Ident); isID && id.Name == v.Name && c.defines(id, v) {
					lit, ok = unaddr(n.Rhs[i]).(*ast.CompositeLit)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if id.Name != v.Name || !c.defines(id, v) {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					lit, ok = unaddr(n.Values[i]).(*ast.CompositeLit)
				case len(n.Values) == 0 && c.pass.TypesInfo != nil:
					if obj := c.pass.TypesInfo.Defs[id]; obj != nil {
						typ, ok = obj.Type(), true
					}
				}
			}
		}
		return true
	})
	return lit, typ, ok
}

// defines reports whether the defining identifier def is v's variable.
func (c *checker) defines(def, v *ast.Ident) bool {
	info := c.pass.TypesInfo
	if info == nil || info.Defs[def] == nil || info.Uses[v] == nil {
		return true // by name
	}
	return info.Defs[def] == info.Uses[v]
}

// setLater reports whether the function may set v's exp: an assignment
// to v.…ExpiresAt/Expiry/Expires or v["exp"], a method call on v, or v
// handed to any call other than a minting one (the token made in either
// branch of an if is minted twice).
func (c *checker) setLater(body *ast.BlockStmt, v *ast.Ident, mint *ast.CallExpr) bool {
	set := false
	minter, _ := c.r.Callee(mint)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if c.isExpTarget(l, v) {
					set = true
				}
			}
		case *ast.CallExpr:
			if n == mint {
				return true
			}
			if s, ok := c.r.Callee(n); ok && minter != nil && s == minter {
				return true // the same minting call again
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if id := localflow.RootIdent(sel.X); id != nil && localflow.SameVar(c.pass.TypesInfo, id, v) {
					set = true
				}
			}
			for _, a := range n.Args {
				if id := localflow.RootIdent(a); id != nil && localflow.SameVar(c.pass.TypesInfo, id, v) {
					set = true
				}
			}
		}
		return !set
	})
	return set
}

func (c *checker) isExpTarget(l ast.Expr, v *ast.Ident) bool {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr:
		if id := localflow.RootIdent(l.X); id == nil || !localflow.SameVar(c.pass.TypesInfo, id, v) {
			return false
		}
		if f, ok := c.r.SelectedField(l); ok {
			return f.Value == jwtlib.Expiry
		}
		return isExpiryName(l.Sel.Name) // no type information: by name
	case *ast.IndexExpr:
		if id := localflow.RootIdent(l.X); id == nil || !localflow.SameVar(c.pass.TypesInfo, id, v) {
			return false
		}
		k, ok := c.r.StringValue(l.Index)
		return !ok || rules.IsExpiryClaim(k)
	}
	return false
}

// litLacksExp reports whether the claims literal has no exp, and whether
// that is known: a MapClaims literal without an "exp" key, a claims
// struct without its Expiry field, or a struct that embeds one of those.
func (c *checker) litLacksExp(lit *ast.CompositeLit, seen []*ast.CompositeLit) (lacks, known bool) {
	if len(seen) > 4 {
		return false, false
	}
	pkg, name, ok := c.r.StructType(lit)
	if ok {
		if s, ok := jwtlib.Member(pkg, name); ok {
			switch {
			case s.Has(jwtlib.ClaimsMap):
				for _, elt := range lit.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						return false, false
					}
					k, ok := c.r.StringValue(kv.Key)
					if !ok || rules.IsExpiryClaim(k) {
						return false, ok
					}
				}
				return true, true
			case s.Has(jwtlib.ClaimsStruct):
				for _, elt := range lit.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						return false, false // positional: not judged
					}
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := jwtlib.FieldOf(pkg, name, id.Name); ok && f.Value == jwtlib.Expiry {
							return false, true
						}
					}
				}
				return true, true
			}
		}
	}
	// A struct of the user's: judge the claims struct it embeds.
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false, false
		}
		if inner, ok := unaddr(kv.Value).(*ast.CompositeLit); ok {
			if ip, in, ok := c.r.StructType(inner); ok {
				if s, ok := jwtlib.Member(ip, in); ok && s.Has(jwtlib.ClaimsStruct) {
					return c.litLacksExp(inner, append(seen, lit))
				}
			}
		}
		if id, ok := kv.Key.(*ast.Ident); ok && isExpiryName(id.Name) {
			return false, true // its own exp field
		}
	}
	if c.pass.TypesInfo == nil {
		return false, false
	}
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok {
		return false, false
	}
	return c.typeLacksExp(tv.Type)
}

// typeLacksExp reports whether a zero value of t has no exp: t is, or
// embeds, a claims struct of the model and has no field of its own
// tagged "exp". Maps and unknown types are not judged.
func (c *checker) typeLacksExp(t types.Type) (lacks, known bool) {
	if t == nil {
		return false, false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false, false
	}
	if s, ok := jwtlib.Member(n.Obj().Pkg().Path(), n.Obj().Name()); ok {
		return s.Has(jwtlib.ClaimsStruct), s.Has(jwtlib.ClaimsStruct)
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false, false
	}
	embeds := false
	for i := range st.NumFields() {
		f := st.Field(i)
		if tag := reflect.StructTag(st.Tag(i)).Get("json"); rules.IsExpiryClaim(strings.Split(tag, ",")[0]) {
			return false, false
		}
		if f.Embedded() {
			if l, k := c.typeLacksExp(f.Type()); k && l {
				embeds = true
			}
		}
	}
	return embeds, embeds
}

func isExpiryName(s string) bool {
	return s == "ExpiresAt" || s == "Expiry" || s == "Expires" || s == "Exp"
}

// setsValidationTime reports whether the literal handed to a validation
// (go-jose's jwt.Expected) sets the time to validate at: its field with
// role ValidationTime.
func (c *checker) setsValidationTime(lit *ast.CompositeLit) bool {
	pkg, typ, ok := c.r.StructType(lit)
	if !ok {
		return true // not judged
	}
	lib, ok := jwtlib.Lookup(pkg)
	if !ok {
		return true
	}
	for _, f := range lib.Symbols {
		if f.Pkg == pkg && f.Recv == typ && f.Kind == jwtlib.Field && f.Value == jwtlib.ValidationTime && hasKey(lit, f.Name) {
			return true
		}
	}
	return false
}

func hasKey(lit *ast.CompositeLit, name string) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true // positional: every field is set
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return true
		}
	}
	return false
}

func unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

func (c *checker) report(n ast.Node, format string, what ast.Expr, extra ...string) {
	args := []any{localflow.Shorten(types.ExprString(what))}
	for _, e := range extra {
		args = append(args, e)
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: rules.JWTMissingExp,
		Message:  fmt.Sprintf(format, args...),
	})
}
