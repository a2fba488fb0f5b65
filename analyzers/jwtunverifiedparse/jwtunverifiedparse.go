package jwtunverifiedparse

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports JWT claims read without signature verification.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtunverifiedparse",
	Doc:              rules.MustLookup(rules.JWTUnverifiedParse).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTUnverifiedParse).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

// Messages: what is wrong, the consequence, the fix.
const (
	msgUnverified = "JWT decoded without verifying its signature (%s): anyone can forge the claims; parse with the library's verifying function and a key"
	msgNoVerify   = "JWT signature verification turned off (%s): anyone can forge a token that passes; remove it and verify with a key"
	msgOptional   = "JWT parsed without WithVerify or WithKeySet (%s): jwx v1 then does not check the signature, so anyone can forge the claims; pass jwt.WithVerify(alg, key) or jwt.WithKeySet(set)"
	msgDiscarded  = "JWT parse error discarded but %s used: golang-jwt fills the claims even when the signature or expiry check fails; check the error before using the claims"
)

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	fl := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	// The package's jwt-token sinks, found once: the flow core walks
	// every call of the package for them.
	tokenSinks := sync.OnceValue(func() []*goflow.SinkUse { return fl.Sinks(model.SinkJWTToken) })
	calls := map[token.Pos][]*ast.CallExpr{}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		c := cur.Node().(*ast.CallExpr)
		calls[c.Pos()] = append(calls[c.Pos()], c)
	}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		r := jwtlib.Resolver{Info: pass.TypesInfo, File: fc.Node().(*ast.File)}
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				call(pass, in, r, cur, n, func(x ast.Expr) (string, bool) { return parsedBy(pass, fl, r, calls, x) },
					func(x ast.Expr) []*ast.CallExpr { return madeBy(fl, calls, x) }, tokenSinks,
					func(x ast.Expr) bool { return issuedToProgram(pass, fl, calls, x) })
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if f, ok := r.LitField(n, kv.Key); ok && f.Has(jwtlib.NoVerify) && r.Applies(f, kv.Value) {
							report(pass, kv, msgNoVerify)
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if f, ok := r.SelectedField(lhs); ok && f.Has(jwtlib.NoVerify) && r.Applies(f, n.Rhs[i]) {
							report(pass, n, msgNoVerify)
						}
					}
				}
				discarded(pass, r, cur, n)
			}
		}
	}
	return nil, nil
}

func call(pass *analysis.Pass, in *inspector.Inspector, r jwtlib.Resolver, cur inspector.Cursor, c *ast.CallExpr, parsed func(ast.Expr) (string, bool), made func(ast.Expr) []*ast.CallExpr, tokenSinks func() []*goflow.SinkUse, issued func(ast.Expr) bool) {
	s, ok := r.Callee(c)
	if !ok {
		s, ok = onParsedToken(pass, c, parsed)
	}
	if !ok {
		s, ok = onParser(pass, r, c, made)
	}
	if !ok {
		return
	}
	switch {
	case s.Has(jwtlib.Unverified):
		if s.Has(jwtlib.PayloadField) && !payloadRead(pass, cur, c, payloadFields(s)) {
			return
		}
		if verifiedToo(pass, in, r, cur, c, s, tokenSinks) {
			return // read to pick the key; the token is verified as well
		}
		if tok := jwtlib.TokenOf(s, c); tok != nil && issued(tok) {
			return // the program's own token, from its issuer
		}
		if timeClaimsOnly(pass, r, cur, c, s) {
			return // read for its exp: when to refresh, or that it has expired
		}
		report(pass, c, msgUnverified)
	case s.Has(jwtlib.NoVerify):
		var arg ast.Expr
		if len(c.Args) > 0 {
			arg = c.Args[0]
		}
		if r.Applies(s, arg) {
			report(pass, c, msgNoVerify)
		}
	case s.Has(jwtlib.VerifyOptional):
		opts, complete := jwtlib.OptionArgs(s, c)
		if !complete {
			return
		}
		for _, o := range opts {
			if oc, ok := ast.Unparen(o).(*ast.CallExpr); ok {
				if os, ok := r.Callee(oc); ok && os.Has(jwtlib.EnablesVerify) {
					return
				}
			} else {
				return // an option built elsewhere: it may verify
			}
		}
		report(pass, c, msgOptional)
	}
}

// issuedToProgram reports whether every value the token may be is a
// credential the program was issued itself, straight from the issuer: an
// OAuth client's tokens and ID token from the token endpoint (source kind
// issued-credential), or a token in the answer to a request the program
// sent (source kind response-body, or a value a call fills in or returns
// from a request the program built: its own helper that sends the
// request and decodes the answer). A client reads the claims of the
// tokens it is given; it is not their audience, and TLS to the issuer
// vouches for them (OpenID Connect Core 3.1.3.7, step 6).
func issuedToProgram(pass *analysis.Pass, fl *goflow.Flow, calls map[token.Pos][]*ast.CallExpr, tok ast.Expr) bool {
	answered := 0
	for _, o := range fl.Origins(tok) {
		switch {
		case o.Kind == goflow.Source && o.Row != nil && (o.Row.Kind == model.SourceIssuedCredential || o.Row.Kind == model.SourceResponseBody):
			answered++
		case o.Kind == goflow.Opaque && slices.ContainsFunc(calls[o.Pos], func(c *ast.CallExpr) bool { return sendsOwnRequest(pass, fl, c) }):
			answered++
		case o.Kind == goflow.Zero:
			// The variable before a call fills it in: no token at all.
		default:
			return false
		}
	}
	return answered > 0
}

// sendsOwnRequest reports whether call is handed a request the program
// built (a value of a type the models call received-request, none of
// whose origins is a parameter: not the request a handler serves). A
// call given its own outbound request and a place for the answer sends
// the one and decodes the other.
func sendsOwnRequest(pass *analysis.Pass, fl *goflow.Flow, call *ast.CallExpr) bool {
	if pass.TypesInfo == nil {
		return false
	}
	libs := gomodel.New(pass.TypesInfo, resolve.FileOf(pass.Files, call.Pos()))
	for _, a := range call.Args {
		if !libs.TypeHas(pass.TypesInfo.TypeOf(a), model.TraitReceivedRequest) {
			continue
		}
		os := fl.Origins(a)
		built := len(os) > 0 && !slices.ContainsFunc(os, func(o goflow.Origin) bool {
			return o.Kind == goflow.Param || o.Kind == goflow.Zero
		})
		if built {
			return true
		}
	}
	return false
}

// verifiedToo reports whether the token an unverified decode reads is
// verified as well: in the same function (the decode picks the key, as
// the libraries recommend), or — when the token is a parameter — by
// every caller in the package, which then verify the token they passed.
// Only the verifying call matters here: whether its error is checked is
// the discarded-error case's concern.
func verifiedToo(pass *analysis.Pass, in *inspector.Inspector, r jwtlib.Resolver, cur inspector.Cursor, c *ast.CallExpr, s *jwtlib.Symbol, tokenSinks func() []*goflow.SinkUse) bool {
	tok := tokenRoot(jwtlib.TokenOf(s, c))
	if tok == nil {
		return false
	}
	fn, body := localflow.EnclosingFunc(cur)
	if body == nil {
		return false
	}
	if verifiesIn(pass, r, body, tok) || verifiedVia(pass, tokenSinks(), body, tok) {
		return true
	}
	// A parameter: look at the callers (typed code only).
	if fn == nil || pass.TypesInfo == nil {
		return false
	}
	param, idx := paramIndex(pass.TypesInfo, fn, tok)
	if param == nil {
		return false
	}
	obj, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func)
	if !ok {
		return false
	}
	sites := 0
	for callCur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		site := callCur.Node().(*ast.CallExpr)
		if typeutil.Callee(pass.TypesInfo, site) != obj {
			continue
		}
		sites++
		if idx >= len(site.Args) {
			return false
		}
		arg := tokenRoot(site.Args[idx])
		_, callerBody := localflow.EnclosingFunc(callCur)
		if arg == nil || callerBody == nil {
			return false
		}
		file := resolve.FileOf(pass.Files, site.Pos())
		if !verifiesIn(pass, jwtlib.Resolver{Info: pass.TypesInfo, File: file}, callerBody, arg) {
			return false
		}
	}
	return sites > 0
}

// verifiesIn reports whether body verifies the token held by v.
func verifiesIn(pass *analysis.Pass, r jwtlib.Resolver, body *ast.BlockStmt, v *ast.Ident) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		s, ok := r.Callee(call)
		if !ok || !checksSignature(s) {
			return true
		}
		for _, a := range call.Args {
			if oc, ok := ast.Unparen(a).(*ast.CallExpr); ok {
				if o, ok := r.Callee(oc); ok && o.Has(jwtlib.NoVerify) && len(oc.Args) > 0 && r.Applies(o, oc.Args[0]) {
					return true // WithVerify(false): not a verification
				}
			}
		}
		if t := tokenRoot(jwtlib.TokenOf(s, call)); t != nil && localflow.SameVar(pass.TypesInfo, t, v) {
			found = true
		}
		return !found
	})
	return found
}

// paramIndex returns v's parameter field and position if v is a
// parameter of fn.
func paramIndex(info *types.Info, fn *ast.FuncDecl, v *ast.Ident) (*ast.Ident, int) {
	i := 0
	for _, f := range fn.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, name := range f.Names {
			if obj := info.Defs[name]; obj != nil && obj == info.ObjectOf(v) {
				return name, i
			}
			i++
		}
	}
	return nil, -1
}

// tokenRoot returns v for v, &v, v.f and v[i], and through one-argument
// calls such as []byte(v): the variable holding a token; nil otherwise.
// verifiedVia reports whether body hands v to a function of the module
// that verifies it: the flow core finds the parameter reaching a raw-token
// argument (a jwt-token sink) of a verifying library call, in this package
// or, by its facts, in another (pocketbase's
// jwk.ValidateTokenSignature(ctx, idToken, url)).
func verifiedVia(pass *analysis.Pass, sinks []*goflow.SinkUse, body *ast.BlockStmt, v *ast.Ident) bool {
	for _, u := range sinks {
		if u.Via == "" || u.Call == nil || u.Call.Pos() < body.Pos() || u.Call.End() > body.End() {
			continue
		}
		id := tokenRoot(u.Arg)
		if id == nil || !localflow.SameVar(pass.TypesInfo, id, v) {
			continue
		}
		if s, ok := sinkSymbol(u.Row); ok && checksSignature(s) {
			return true
		}
	}
	return false
}

// checksSignature reports whether a call of s checks a token's signature:
// a verification, a signature-only check or a verifying parse.
func checksSignature(s *jwtlib.Symbol) bool {
	return s.Has(jwtlib.Verifies) || s.Has(jwtlib.SignatureOnly) || s.Has(jwtlib.ParsesVerified)
}

// sinkSymbol returns the api symbol a derived jwt-token sink row comes
// from: the same function or method of the same package.
func sinkSymbol(r *model.Row) (*jwtlib.Symbol, bool) {
	for _, name := range r.Identifiers() {
		if r.GoObject() == model.Method {
			if s, ok := jwtlib.MethodOf(r.Package, r.Type, name); ok {
				return s, true
			}
			continue
		}
		if s, ok := jwtlib.Member(r.Package, name); ok {
			return s, true
		}
	}
	return nil, false
}

func tokenRoot(e ast.Expr) *ast.Ident {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.UnaryExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.CallExpr:
			// []byte(s), string(b): conversions keep the token.
			if len(x.Args) != 1 {
				return nil
			}
			e = x.Args[0]
		default:
			return nil
		}
	}
	return nil
}

// payloadFields names the fields that hold an undecoded token's claims
// in s's library (kataras' UnverifiedToken.Payload: role payload).
func payloadFields(s *jwtlib.Symbol) []string {
	lib, ok := jwtlib.Lookup(s.Pkg)
	if !ok {
		return nil
	}
	return lib.Names(jwtlib.Field, func(f *jwtlib.Symbol) bool { return f.Value == jwtlib.Payload })
}

// payloadRead reports whether the result of c, a decode whose payload
// is the unverified part, has its payload field read: directly
// (Decode(t).Payload), or through the variable it is assigned to. A
// result handed elsewhere counts as read. The field is known by name:
// what c returns may be of a package that did not load.
func payloadRead(pass *analysis.Pass, cur inspector.Cursor, c *ast.CallExpr, payload []string) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		return slices.Contains(payload, p.Sel.Name)
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return true
		}
		v, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return true
		}
		if v.Name == "_" {
			return false
		}
		body := localflow.EnclosingBody(cur)
		if body == nil {
			return true
		}
		read := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if slices.Contains(payload, n.Sel.Name) && localflow.SameVar(pass.TypesInfo, n.X, v) {
					read = true
				}
				if localflow.SameVar(pass.TypesInfo, n.X, v) {
					return false // v.Header and the like
				}
			case *ast.Ident:
				if n != v && n.Pos() > p.End() && localflow.SameVar(pass.TypesInfo, n, v) {
					read = true // v itself escapes
				}
			}
			return !read
		})
		return read
	}
	return true
}

// discarded handles tok, _ := jwt.Parse(…) and _, _ = jwt.ParseWithClaims(s, &c, …).
func discarded(pass *analysis.Pass, r jwtlib.Resolver, cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 || !isBlank(as.Lhs[1]) {
		return
	}
	c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	s, ok := r.Callee(c)
	if !ok || !s.Has(jwtlib.ParsesVerified) || !s.Has(jwtlib.ClaimsOnError) {
		return
	}
	lib, ok := jwtlib.Lookup(s.Pkg)
	if !ok {
		return
	}
	// The token's fields by role, by name: tok may be of a package that
	// did not load.
	claimsField := lib.Names(jwtlib.Field, func(f *jwtlib.Symbol) bool { return f.Value == jwtlib.ParsedClaims })
	validField := lib.Names(jwtlib.Field, func(f *jwtlib.Symbol) bool { return f.Value == jwtlib.Verified })
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return
	}
	// The token: its Claims field, unless Valid is consulted.
	if tok, ok := as.Lhs[0].(*ast.Ident); ok && tok.Name != "_" {
		claims, valid := false, false
		ast.Inspect(body, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if ok && sel.Pos() > as.End() && localflow.SameVar(pass.TypesInfo, sel.X, tok) {
				claims = claims || slices.Contains(claimsField, sel.Sel.Name)
				valid = valid || slices.Contains(validField, sel.Sel.Name)
			}
			return true
		})
		if claims && !valid {
			report(pass, c, fmt.Sprintf(msgDiscarded, "%s.Claims"), tok.Name)
			return
		}
	}
	// The claims variable handed to ParseWithClaims.
	arg, ok := jwtlib.Arg(s, c, jwtlib.ParsedClaims)
	if !ok {
		return
	}
	v := claimsVar(arg)
	if v == nil {
		return
	}
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() > as.End() && localflow.SameVar(pass.TypesInfo, id, v) {
			used = true
		}
		return !used
	})
	if used {
		report(pass, c, fmt.Sprintf(msgDiscarded, "%s"), v.Name)
	}
}

// timeClaimsOnly reports an unverified parse whose result decides
// nothing but time: the token is discarded and the claims it fills are
// read only for their expiry (a field or method with trait reads-exp:
// RegisteredClaims.ExpiresAt, GetExpirationTime; "exp" of a map). A
// client reads the exp of a token it holds to refresh it in time; a
// forged exp can only make it refresh early or late, and no identity or
// permission is taken from the claims.
func timeClaimsOnly(pass *analysis.Pass, r jwtlib.Resolver, cur inspector.Cursor, c *ast.CallExpr, s *jwtlib.Symbol) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 || !isBlank(as.Lhs[0]) {
		return false
	}
	arg, ok := jwtlib.Arg(s, c, jwtlib.ParsedClaims)
	if !ok {
		return false
	}
	v := claimsVar(arg)
	if v == nil {
		return false
	}
	obj := pass.TypesInfo.ObjectOf(v)
	if obj == nil {
		return false
	}
	fc, ok := localflow.EnclosingFuncCursor(cur)
	if !ok {
		return false
	}
	for ic := range fc.Preorder((*ast.Ident)(nil)) {
		id := ic.Node().(*ast.Ident)
		if pass.TypesInfo.Uses[id] != obj || (id.Pos() >= c.Pos() && id.End() <= c.End()) {
			continue
		}
		if !expRead(pass, r, ic) {
			return false
		}
	}
	return true
}

// expRead reports whether the use of a claims variable at ic reads its
// expiry and nothing else: claims.ExpiresAt, claims.GetExpirationTime(),
// claims["exp"], and not as the target of an assignment.
func expRead(pass *analysis.Pass, r jwtlib.Resolver, ic inspector.Cursor) bool {
	switch p := ic.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if f, ok := r.SelectedField(p); ok && f.Has(jwtlib.ReadsExp) {
			if as, ok := ic.Parent().Parent().Node().(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(p)) {
				return false
			}
			return true
		}
		if call, ok := ic.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p {
			m, ok := r.Callee(call)
			return ok && m.Has(jwtlib.ReadsExp)
		}
	case *ast.IndexExpr:
		if k, ok := r.StringValue(p.Index); ok && k == "exp" && ic.ParentEdgeKind() == edge.IndexExpr_X {
			as, assigned := ic.Parent().Parent().Node().(*ast.AssignStmt)
			return !assigned || !slices.Contains(as.Lhs, ast.Expr(p))
		}
	}
	return false
}

// claimsVar returns v for the arguments &v and v.
func claimsVar(e ast.Expr) *ast.Ident {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, _ := e.(*ast.Ident)
	return id
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func report(pass *analysis.Pass, n ast.Node, format string, args ...string) {
	what := types.ExprString(exprOf(n))
	if len(args) > 0 {
		what = args[0]
	}
	pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: rules.JWTUnverifiedParse,
		Message:  fmt.Sprintf(format, localflow.Shorten(what)),
	})
}

func exprOf(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.CallExpr:
		return n.Fun
	case *ast.KeyValueExpr:
		return n.Key
	case *ast.AssignStmt:
		return n.Lhs[0]
	case ast.Expr:
		return n
	}
	return &ast.BadExpr{}
}

// onParsedToken resolves, without type information, a method called on a
// variable that holds a token a library's parse returned (t, _ :=
// jwt.ParseSigned(s); t.UnsafeClaimsWithoutVerification(&c)): a method
// of the token (trait on-token) of that parse's package. The receiver's
// type is unknown, but the flow core knows where its value comes from.
func onParsedToken(pass *analysis.Pass, c *ast.CallExpr, parsed func(ast.Expr) (string, bool)) (*jwtlib.Symbol, bool) {
	sel, ok := untypedMethodCall(pass, c)
	if !ok {
		return nil, false
	}
	pkg, ok := parsed(sel.X)
	if !ok {
		return nil, false
	}
	s, ok := jwtlib.MethodOf(pkg, "", sel.Sel.Name)
	if !ok || !s.Has(jwtlib.OnToken) {
		return nil, false
	}
	return s, true
}

// untypedMethodCall returns the selector of c when c calls a method on a
// variable whose type the checker does not know (its package did not
// load): the calls onParsedToken and onParser resolve by the variable's
// value. With a known type Callee has answered.
func untypedMethodCall(pass *analysis.Pass, c *ast.CallExpr) (*ast.SelectorExpr, bool) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	if _, isIdent := ast.Unparen(sel.X).(*ast.Ident); !isIdent {
		return nil, false
	}
	if tv, ok := pass.TypesInfo.Types[sel.X]; ok && tv.Type != nil && tv.Type != types.Typ[types.Invalid] {
		return nil, false
	}
	return sel, true
}

// onParser resolves, without type information, a method called on a
// variable that holds a parser a library's constructor made (p :=
// jwt.NewParser(); p.ParseUnverified(…)): that library's parsing method.
func onParser(pass *analysis.Pass, r jwtlib.Resolver, c *ast.CallExpr, made func(ast.Expr) []*ast.CallExpr) (*jwtlib.Symbol, bool) {
	sel, ok := untypedMethodCall(pass, c)
	if !ok {
		return nil, false
	}
	var found *jwtlib.Symbol
	for _, def := range made(sel.X) {
		s, ok := r.ParserMethod(def, sel.Sel.Name)
		if !ok || (found != nil && s != found) {
			return nil, false
		}
		found = s
	}
	return found, found != nil
}

// madeBy returns the calls whose results are x's values, when every
// origin of x the flow core finds (zero values aside) is a call; else
// nil.
func madeBy(fl *goflow.Flow, calls map[token.Pos][]*ast.CallExpr, x ast.Expr) []*ast.CallExpr {
	sites, ok := originCalls(fl, calls, x)
	if !ok {
		return nil
	}
	out := make([]*ast.CallExpr, len(sites))
	for i, cs := range sites {
		out[i] = cs[0] // the outermost: the value assigned
	}
	return out
}

// originCalls returns, for each origin of x the flow core finds (zero
// values aside), the calls written where it is (a call, and the calls a
// chain starts with, share a position, outermost first); false when an
// origin is not a call.
func originCalls(fl *goflow.Flow, calls map[token.Pos][]*ast.CallExpr, x ast.Expr) ([][]*ast.CallExpr, bool) {
	var out [][]*ast.CallExpr
	for _, o := range fl.Origins(x) {
		if o.Kind == goflow.Zero {
			continue
		}
		if o.Kind != goflow.Opaque || !o.Pos.IsValid() || len(calls[o.Pos]) == 0 {
			return nil, false
		}
		out = append(out, calls[o.Pos])
	}
	return out, true
}

// parsedBy returns the package of the library function whose result x
// holds when every origin of x the flow core finds (zero values aside) is
// one call of a JWT library's function that takes a raw token: a parse.
func parsedBy(pass *analysis.Pass, fl *goflow.Flow, r jwtlib.Resolver, calls map[token.Pos][]*ast.CallExpr, x ast.Expr) (string, bool) {
	sites, ok := originCalls(fl, calls, x)
	if !ok {
		return "", false
	}
	pkg := ""
	for _, cs := range sites {
		found := ""
		for _, c := range cs {
			if s, ok := r.Callee(c); ok && (s.Kind == jwtlib.Func || s.Kind == jwtlib.Method) && s.ParamIndex(jwtlib.RawToken) >= 0 {
				found = s.Pkg
				break
			}
		}
		if found == "" || (pkg != "" && found != pkg) {
			return "", false
		}
		pkg = found
	}
	return pkg, pkg != ""
}
