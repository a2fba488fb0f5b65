package tokeninquery

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

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports tokens in URL query strings.
var Analyzer = &analysis.Analyzer{
	Name:             "tokeninquery",
	Doc:              rules.MustLookup(rules.TokenInQuery).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenInQuery).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const (
	msgPut    = "token put in a URL query (%s): URLs end up in logs, browser history and Referer headers; send it in the Authorization header"
	msgParsed = "token read from the URL query (parameter %q) and parsed as a JWT: clients must then put it in URLs, which end up in logs and Referer headers; read it from the Authorization header"
	msgLookup = "token read from the URL query (%s): the middleware accepts tokens in URLs, which end up in logs and Referer headers; look them up in the Authorization header only"
	msgRead   = "token read from the URL query (%s): clients must then put it in URLs, which end up in logs and Referer headers; read it from the Authorization header"
)

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	names := tokenmodel.Default()
	core := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	checkers := map[*token.File]*checker{}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		file := fc.Node().(*ast.File)
		c := &checker{pass: pass, file: file, flow: tokenmodel.NewGoFlow(names, pass.TypesInfo, file), model: names,
			libs: gomodel.New(pass.TypesInfo, file), core: core, reported: map[token.Pos]bool{}, calls: map[token.Pos][]inspector.Cursor{}}
		checkers[pass.Fset.File(file.Pos())] = c
		c.collectQueryValues(fc)
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.calls[n.Pos()] = append(c.calls[n.Pos()], cur)
				c.call(cur, n)
			case *ast.BinaryExpr:
				c.concat(n)
			case *ast.CompositeLit:
				c.valuesLit(n)
				c.lookupLit(n)
			case *ast.AssignStmt:
				c.lookupAssign(n)
			}
		}
	}
	parsedQueryReads(pass, checkers)
	return nil, nil
}

// parsedQueryReads reports reads of a received request's query, whatever
// the parameter is called, whose value a JWT library parses (a jwt-token
// sink: the raw-token argument of jwt.Parse, ParseSigned,
// ParseUnverified), directly or through the package's functions. The
// value is a bearer token by what is done with it: the name of the
// parameter ("signedToken", "t", "jwt") need not say so.
func parsedQueryReads(pass *analysis.Pass, checkers map[*token.File]*checker) {
	fl := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	for _, u := range fl.Sinks(model.SinkJWTToken) {
		for _, o := range u.Origins() {
			if !o.Pos.IsValid() || o.Part != goflow.Whole {
				continue // another package's origin, or one piece of the token
			}
			c := checkers[pass.Fset.File(o.Pos)]
			if c == nil {
				continue
			}
			for _, cur := range c.calls[o.Pos] {
				if c.parsedRead(cur, parsedFlow(u, o)) {
					break
				}
			}
		}
	}
}

// parsedFlow is the flow of a query read o into the JWT parse u: the
// evidence that the value read is a token.
func parsedFlow(u *goflow.SinkUse, o goflow.Origin) []goflow.Step {
	flow := o.Flow(append([]goflow.Step{{Pos: u.Arg.Pos(), What: "parsed as a JWT by " + funName(u.Call)}}, u.Steps...)...)
	flow[0].What = "read from the URL query" // what the core cannot see into: the read the finding is
	return flow
}

// funName names the function called, briefly: pkg.F, x.M, or M when the
// receiver is a longer expression; "" for no call (a field).
func funName(call *ast.CallExpr) string {
	if call == nil {
		return ""
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
		return sel.Sel.Name
	}
	return shorten(types.ExprString(call.Fun))
}

// parsedRead reports the call at cur when it reads a received request's
// query by a constant key, with flow, that of the value it reads into a
// JWT parse; it says whether it did (or had already).
func (c *checker) parsedRead(cur inspector.Cursor, flow []goflow.Step) bool {
	call := cur.Node().(*ast.CallExpr)
	if c.reported[call.Pos()] {
		return true
	}
	_, f := c.libs.Callee(call, model.SectionSource)
	if !f.Method {
		if key, ok := c.untypedURLRead(cur); ok && !tokenmodel.IsNonTokenParam(key) {
			c.reported[call.Pos()] = true
			c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.TokenInQuery,
				Message: fmt.Sprintf(msgParsed, key), Related: goflow.Related(flow, call.Pos(), call.End())})
			return true
		}
		return false
	}
	r := c.queryRead(f)
	if r == nil {
		return false
	}
	k := gomodel.Arg(r.Key)
	if k < 0 || k >= len(call.Args) || !c.receivedQuery(call, f) {
		return false
	}
	key, ok := c.flow.StringValue(call.Args[k])
	// OAuth's state and code are handed back in the redirect's query by
	// the protocol, whatever the client encodes in them.
	if !ok || tokenmodel.IsNonTokenParam(key) || c.formBinding(cur, f, r) || c.tokenEndpointForm(cur, f, r) {
		return false
	}
	c.reported[call.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.TokenInQuery,
		Message: fmt.Sprintf(msgParsed, key), Related: goflow.Related(flow, call.Pos(), call.End())})
	return true
}

type checker struct {
	pass  *analysis.Pass
	file  *ast.File
	flow  *tokenmodel.GoFlow
	model *tokenmodel.Model
	libs  gomodel.Q
	core  *goflow.Flow
	// queryVars are url.Values variables whose Encode() becomes a query.
	queryVars map[types.Object]bool
	// queryLits are url.Values literals encoded straight into a query.
	queryLits map[*ast.CompositeLit]bool
	// valuesOf and targetsOf index the file's assignments both ways:
	// variable → expressions assigned to it, expression → variables.
	valuesOf  map[types.Object][]ast.Expr
	targetsOf map[ast.Expr][]types.Object
	// reported holds the positions of the query reads reported, so that
	// a read with a token-like name that is also parsed is one finding.
	reported map[token.Pos]bool
	// calls are the file's calls by position (a chain's calls share one).
	calls map[token.Pos][]inspector.Cursor
}

// collectQueryValues finds x.Encode() calls on url.Values that end up in a
// query string, and remembers x. It also indexes the file's assignments,
// which the checks below ask about again and again.
func (c *checker) collectQueryValues(fc inspector.Cursor) {
	c.queryVars = map[types.Object]bool{}
	c.queryLits = map[*ast.CompositeLit]bool{}
	c.valuesOf = map[types.Object][]ast.Expr{}
	c.targetsOf = map[ast.Expr][]types.Object{}
	for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		if as, ok := cur.Node().(*ast.AssignStmt); ok {
			c.indexAssign(as)
			continue
		}
		call := cur.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !c.encodesQuery(call) || !c.isValues(sel.X) || !c.inQuery(cur) {
			continue
		}
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.Ident:
			if obj := c.pass.TypesInfo.Uses[x]; obj != nil {
				c.queryVars[obj] = true
			}
		case *ast.CompositeLit:
			c.queryLits[x] = true
		}
	}
}

// encodesQuery: url.Values.Encode (trait encodes-query).
func (c *checker) encodesQuery(call *ast.CallExpr) bool {
	_, _, ok := c.libs.CalleeAPI(call, model.TraitEncodesQuery)
	return ok
}

// inQuery reports whether the expression at cur becomes a URL's query:
// u.RawQuery = …, url.URL{RawQuery: …} (fields that are url-query
// sinks), "…?" + …, Sprintf("…?%s", …).
func (c *checker) inQuery(cur inspector.Cursor) bool {
	for p := cur.Parent(); ; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && isQuerySink(c.libs.Field(sel, model.SectionSink)) {
					return true
				}
			}
		case *ast.KeyValueExpr:
			if lit, ok := p.Parent().Node().(*ast.CompositeLit); ok && isQuerySink(c.libs.LitField(lit, n.Key, model.SectionSink)) {
				return true
			}
		case *ast.BinaryExpr:
			if n.Op == token.ADD {
				if s, ok := c.flow.StringValue(rightmost(n.X)); ok && (strings.HasSuffix(s, "?") || strings.HasSuffix(s, "&")) {
					return true
				}
			}
		case *ast.CallExpr:
			if f, ok := c.formatOf(n); ok {
				if s, ok := c.flow.StringValue(f); ok && strings.Contains(s, "?%") {
					return true
				}
			}
		}
		return false
	}
}

// isQuerySink: a field whose value becomes a URL's query (url.URL's
// RawQuery).
func isQuerySink(rows []*model.Row) bool {
	for _, r := range rows {
		if r.Kind == model.SinkURLQuery {
			return true
		}
	}
	return false
}

// formatOf returns the format argument of a printf-like call (trait
// formats: fmt.Sprintf).
func (c *checker) formatOf(call *ast.CallExpr) (ast.Expr, bool) {
	r, _, ok := c.libs.CalleeAPI(call, model.TraitFormats)
	if !ok {
		return nil, false
	}
	i := r.ParamIndex(model.RoleFormat)
	if i < 0 || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// rightmost is the last operand of a + chain.
func rightmost(e ast.Expr) ast.Expr {
	for {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return e
		}
		e = b.Y
	}
}

// isValues reports whether e holds a query's parameters (url.Values:
// trait query-values), or is a literal of such a type.
func (c *checker) isValues(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Type != nil {
		if n, ok := types.Unalias(tv.Type).(*types.Named); ok && n.Obj().Pkg() != nil {
			return c.libs.TypeNameHas(n.Obj().Pkg().Path(), n.Obj().Name(), model.TraitQueryValues)
		}
	}
	if lit, ok := e.(*ast.CompositeLit); ok && lit.Type != nil {
		return c.libs.TypeExprHas(lit.Type, model.TraitQueryValues)
	}
	return false
}

// presenceCheck: the value read is only compared with "" — code that
// detects a token in the query to reject it (gitea's
// DISABLE_QUERY_AUTH_TOKEN) does not authenticate with it.
//
// len(value) compared with 0 or 1 is the same check (git-lfs's
// requestHasAuth asks whether a request already carries a token).
func (c *checker) presenceCheck(cur inspector.Cursor) bool {
	operand := cur
	if l, ok := cur.Parent().Node().(*ast.CallExpr); ok && len(l.Args) == 1 {
		if id, ok := ast.Unparen(l.Fun).(*ast.Ident); ok && id.Name == "len" {
			operand = cur.Parent()
		}
	}
	b, ok := operand.Parent().Node().(*ast.BinaryExpr)
	if !ok {
		return false
	}
	other := b.X
	if other == operand.Node() {
		other = b.Y
	}
	if operand != cur { // len(…) against a small number
		lit, ok := ast.Unparen(other).(*ast.BasicLit)
		return ok && lit.Kind == token.INT && (lit.Value == "0" || lit.Value == "1") &&
			(b.Op == token.EQL || b.Op == token.NEQ || b.Op == token.GTR || b.Op == token.GEQ || b.Op == token.LSS || b.Op == token.LEQ)
	}
	if b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	s, ok := c.flow.StringValue(other)
	return ok && s == ""
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	sinks, f := c.libs.Callee(call, model.SectionSink)
	for _, r := range sinks {
		// A parameter set by name: url.Values' Set and Add, when the
		// values become a query; a client's SetQueryParam, always.
		if r.Kind != model.SinkURLQuery || r.KeyIs != model.KeyTokenName || !f.Method {
			continue
		}
		k, v := gomodel.Arg(r.Key), gomodel.Arg(r.Input)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || k < 0 || v < 0 || k >= len(call.Args) || v >= len(call.Args) {
			continue
		}
		if !c.libs.TypeNameHas(f.Pkg, f.Recv, model.TraitQueryValues) {
			c.putKey(call.Args[k], call.Args[v], typeName(f)+"."+f.Name)
		} else if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.queryVars[c.pass.TypesInfo.Uses[id]] {
			c.putKey(call.Args[k], call.Args[v], typeName(f)+"."+f.Name)
		}
		return
	}
	if _, ok := c.formatOf(call); ok && len(call.Args) > 1 {
		c.sprintf(call)
		return
	}
	if !f.Method {
		return
	}
	r := c.queryRead(f)
	if r == nil {
		return
	}
	k := gomodel.Arg(r.Key)
	if k < 0 || k >= len(call.Args) {
		return
	}
	if !c.receivedQuery(call, f) {
		return
	}
	key, ok := c.flow.StringValue(call.Args[k])
	if !ok || !c.model.IsTokenParam(key) || notCredentialValue(call.Args[k]) || c.presenceCheck(cur) || c.formBinding(cur, f, r) || c.tokenEndpointForm(cur, f, r) || c.bodyFallback(cur, f, r, key) {
		return
	}
	c.reported[call.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.TokenInQuery,
		Message: fmt.Sprintf(msgRead, shorten(types.ExprString(call)))})
}

// receivedQuery: a query read (f, called at call) of a request the
// program received. A query's values (url.Values.Get) are the client's
// only when they are a received request's.
func (c *checker) receivedQuery(call *ast.CallExpr, f resolve.Func) bool {
	return c.libs.TypeNameHas(f.Pkg, f.Recv, model.TraitReceivedRequest) || c.readsRequestQuery(call)
}

// queryRead returns the source row of a method that reads a received
// request's query, or its form (which the query fills too), by a
// token-named key: net/http's FormValue, gin's Query, echo's QueryParam,
// url.Values.Get.
func (c *checker) queryRead(f resolve.Func) *model.Row {
	for _, r := range c.libs.Func(f, model.SectionSource) {
		if (r.Kind == model.SourceRequestQuery || r.Kind == model.SourceRequestForm) && r.KeyIs == model.KeyTokenName {
			return r
		}
	}
	return nil
}

// typeName writes a method's receiver type as code does: url.Values,
// resty.Request.
func typeName(f resolve.Func) string {
	return resolve.PackageName(f.Pkg) + "." + f.Recv
}

// formBinding: a body-or-query read (FormValue, Form.Get) that is one
// field of a struct literal filled from several form fields binds a
// submitted form — a settings page saving third-party API keys, a signup
// form — whose values travel in the POST body. A request that
// authenticates itself reads one credential, not a form's worth of fields.
// Explicit query reads (URL.Query().Get, gin's Query) stay reported.
func (c *checker) formBinding(cur inspector.Cursor, f resolve.Func, read *model.Row) bool {
	if !c.bodyOrQuery(cur, f, read) {
		return false
	}
	kv, ok := cur.Parent().Node().(*ast.KeyValueExpr)
	if !ok {
		return false
	}
	lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
	if !ok {
		return false
	}
	reads := 0
	for _, elt := range lit.Elts {
		e, ok := elt.(*ast.KeyValueExpr)
		if !ok || e == kv {
			continue
		}
		if call, ok := ast.Unparen(e.Value).(*ast.CallExpr); ok && c.readsFormField(call) {
			reads++
		}
	}
	return reads >= minFormFields-1
}

// bodyOrQuery reports whether read reads the body or the query alike
// (FormValue, Form.Get): a read only the form's fields say more about.
func (c *checker) bodyOrQuery(cur inspector.Cursor, f resolve.Func, read *model.Row) bool {
	return read.Kind == model.SourceRequestForm ||
		c.libs.TypeNameHas(f.Pkg, f.Recv, model.TraitQueryValues) && c.readsForm(cur.Node().(*ast.CallExpr))
}

// bodyFallback: a body-or-query read (FormValue) of a key that the same
// function also reads explicitly from the query (Query("token"), then
// FormValue("token") when it is empty) is the fallback to the form body:
// the query read, reported before it in source order, stands for the
// credential (a query read only tested for presence reports nothing,
// so it does not count).
func (c *checker) bodyFallback(cur inspector.Cursor, f resolve.Func, read *model.Row, key string) bool {
	if !c.bodyOrQuery(cur, f, read) {
		return false
	}
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return false
	}
	self := cur.Node()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || n == self {
			return !found
		}
		g, ok := resolve.Callee(c.pass.TypesInfo, c.file, call)
		if !ok || !g.Method {
			return true
		}
		r := c.queryRead(g)
		if r == nil || r.Kind != model.SourceRequestQuery || !c.receivedQuery(call, g) ||
			c.libs.TypeNameHas(g.Pkg, g.Recv, model.TraitQueryValues) && c.readsForm(call) {
			return true // not an explicit read of the query (r.Form.Get reads the body too)
		}
		if k := gomodel.Arg(r.Key); k >= 0 && k < len(call.Args) && c.reported[call.Pos()] {
			if v, ok := c.flow.StringValue(call.Args[k]); ok && v == key {
				found = true
			}
		}
		return !found
	})
	return found
}

// tokenEndpointForm: a body-or-query read in a function that also reads
// a parameter only OAuth's POST endpoints take is that endpoint's, and
// their parameters travel in a form body, not the URL: grant_type (the
// token endpoint, RFC 6749 §3.2 and 4.1.3), client_assertion_type (client
// assertions in the entity-body, RFC 7521 §4.2) and token_type_hint
// (introspection and revocation, RFC 7662 §2.1, RFC 7009 §2.1). Explicit
// query reads stay reported.
func (c *checker) tokenEndpointForm(cur inspector.Cursor, f resolve.Func, read *model.Row) bool {
	if !c.bodyOrQuery(cur, f, read) {
		return false
	}
	body := localflow.EnclosingBody(cur)
	if body == nil {
		return false
	}
	found := false
	tested := map[*ast.CallExpr]bool{} // reads compared with "": a filter asking whether it is such a request
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				if call, ok := ast.Unparen(pair[0]).(*ast.CallExpr); ok {
					if v, isStr := c.flow.StringValue(pair[1]); isStr && v == "" {
						tested[call] = true
					}
				}
			}
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if tested[call] || !c.readsFormField(call) {
			return true
		}
		for _, a := range call.Args {
			if k, ok := c.flow.StringValue(a); ok && oauthBodyParams[k] {
				found = true
			}
		}
		return !found
	})
	return found
}

// oauthBodyParams are parameters OAuth defines for form bodies of POST
// requests only (see tokenEndpointForm).
var oauthBodyParams = map[string]bool{"grant_type": true, "client_assertion_type": true, "token_type_hint": true}

// minFormFields is how many form reads make a struct literal a form
// binding.
const minFormFields = 3

// readsFormField reports a method call that reads a field of a received
// request's form, query or body (FormValue, PostFormValue, Form.Get).
func (c *checker) readsFormField(call *ast.CallExpr) bool {
	rows, f := c.libs.Callee(call, model.SectionSource)
	if !f.Method {
		return false
	}
	for _, r := range rows {
		switch r.Kind {
		case model.SourceRequestForm, model.SourceRequestBody, model.SourceRequestQuery:
			return true
		}
	}
	return false
}

// readsForm: url.Values.Get on r.Form (body and query: a request-form
// field), as opposed to r.URL.Query().
func (c *checker) readsForm(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	return ok && c.isFormField(x)
}

// isFormField: a received request's parsed form (http.Request.Form).
func (c *checker) isFormField(sel *ast.SelectorExpr) bool {
	for _, r := range c.libs.Field(sel, model.SectionSource) {
		if r.Kind == model.SourceRequestForm {
			return true
		}
	}
	return false
}

// readsRequestQuery: url.Values.Get on r.URL.Query() or r.Form (which
// holds the query too), not on a values map built by the program.
func (c *checker) readsRequestQuery(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		return c.isRequestQuery(x) || c.returnsRequestValues(x)
	case *ast.SelectorExpr:
		return c.isFormField(x)
	case *ast.Ident:
		// q := r.URL.Query(); q.Get("token")
		obj := c.pass.TypesInfo.Uses[x]
		return obj != nil && c.assignedFromQuery(obj)
	}
	return false
}

// indexAssign records which variable is assigned which expression: pairs
// of a = b, c = d, and every variable of a, err = f() with the call.
func (c *checker) indexAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) && len(as.Rhs) != 1 {
		return
	}
	for i, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		obj := c.pass.TypesInfo.ObjectOf(id)
		if obj == nil {
			continue
		}
		rhs := ast.Unparen(as.Rhs[min(i, len(as.Rhs)-1)])
		c.valuesOf[obj] = append(c.valuesOf[obj], rhs)
		c.targetsOf[rhs] = append(c.targetsOf[rhs], obj)
	}
}

// assignedFromQuery: q := r.URL.Query() for a received request r.
func (c *checker) assignedFromQuery(obj types.Object) bool {
	for _, v := range c.valuesOf[obj] {
		if call, ok := v.(*ast.CallExpr); ok && (c.isRequestQuery(call) || c.returnsRequestValues(call)) {
			return true
		}
	}
	return false
}

// returnsRequestValues: a call that returns a received request's query
// or form as a whole (a request-query or request-form source with no
// key: echo's QueryParams, beego's Input, fasthttp's QueryArgs).
func (c *checker) returnsRequestValues(call *ast.CallExpr) bool {
	rows, _ := c.libs.Callee(call, model.SectionSource)
	return slices.ContainsFunc(rows, func(r *model.Row) bool {
		return r.Key == "" && (r.Kind == model.SourceRequestQuery || r.Kind == model.SourceRequestForm)
	})
}

// builtRequest reports a variable assigned a request made by this program
// (traits builds-request and test-request: http.NewRequest,
// httptest.NewRequest).
func (c *checker) builtRequest(obj types.Object) bool {
	for _, v := range c.valuesOf[obj] {
		call, ok := v.(*ast.CallExpr)
		if !ok {
			continue
		}
		if _, _, ok := c.libs.CalleeAPI(call, model.TraitBuildsRequest); ok {
			return true
		}
		if _, _, ok := c.libs.CalleeAPI(call, model.TraitTestRequest); ok {
			return true
		}
	}
	return false
}

// litInQuery: a url.Values literal encoded into a query, directly or as
// q := url.Values{…} with q encoded.
func (c *checker) litInQuery(lit *ast.CompositeLit) bool {
	if c.queryLits[lit] {
		return true
	}
	for _, obj := range c.targetsOf[lit] {
		if c.queryVars[obj] {
			return true
		}
	}
	return false
}

// isRequestQuery reports r.URL.Query() where r is a request the program
// received: a call passing on its receiver (a summary from
// Argument[receiver]) whose receiver is a request's URL (a request-query
// source). A URL parsed from a response (OneDrive's delta link, a
// redirect's Location) or a request the program builds to send carries
// nothing that authenticates a caller of this program.
func (c *checker) isRequestQuery(call *ast.CallExpr) bool {
	rows, _ := c.libs.Callee(call, model.SectionSummary)
	if !slices.ContainsFunc(rows, func(r *model.Row) bool { return gomodel.Receiver(r.Input) }) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	u, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || !slices.ContainsFunc(c.libs.Field(u, model.SectionSource), func(r *model.Row) bool { return r.Kind == model.SourceRequestQuery }) {
		return false // u.Query() on a *url.URL the program parsed
	}
	return c.incomingRequest(u.X)
}

// incomingRequest reports whether e, the X of X.URL, is a request this
// program received: a handler's parameter, gin's c.Request, echo's
// c.Request(). A response's Request field and a request made here with
// http.NewRequest or httptest.NewRequest are not. Without type
// information every request counts as received.
func (c *checker) incomingRequest(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if c.libs.FieldHas(x, model.TraitSentRequest) {
			return false // resp.Request.URL: the request this client sent
		}
	case *ast.Ident:
		obj := c.pass.TypesInfo.Uses[x]
		if obj == nil {
			return true
		}
		return !c.builtRequest(obj)
	}
	return true
}

// valuesLit checks url.Values{"access_token": {tok}} whose Encode becomes
// a query (directly, or through a variable).
func (c *checker) valuesLit(lit *ast.CompositeLit) {
	if !c.isValues(lit) || !c.litInQuery(lit) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		var value ast.Expr = kv.Value
		if vs, ok := kv.Value.(*ast.CompositeLit); ok && len(vs.Elts) == 1 {
			value = vs.Elts[0]
		}
		c.putKey(kv.Key, value, "url.Values literal")
	}
}

// putKey reports a token-like key set to a non-constant value.
func (c *checker) putKey(key, value ast.Expr, what string) {
	k, ok := c.flow.StringValue(key)
	if !ok || !c.model.IsTokenParam(k) {
		return
	}
	if _, isConst := c.flow.StringValue(value); isConst {
		return // a placeholder or documented example
	}
	if notCredentialValue(value) || c.signature(value) {
		return
	}
	c.reportPut(key.Pos(), value.End(), what+" "+k)
}

// signature reports whether the value e carries a signature: some of it
// passed a one-way digest (an HMAC over the request, as a signed URL's
// authorization does) and none of it is a credential a model knows. The
// signature proves the key without revealing it; what travels beside it
// is the key's public id (an access key id, an app key).
func (c *checker) signature(e ast.Expr) bool {
	hashed := false
	for _, o := range c.core.Origins(e) {
		if o.Sanitized != nil {
			hashed = hashed || o.Sanitized.Kind == model.SanitizerHash
			continue
		}
		if o.Kind == goflow.Source && o.Row != nil && model.IsCredentialSource(o.Row.Kind) {
			return false
		}
	}
	return hashed
}

// concat reports "…?access_token=" + value.
func (c *checker) concat(b *ast.BinaryExpr) {
	if b.Op != token.ADD {
		return
	}
	left := rightmost(b.X)
	s, ok := c.flow.StringValue(left)
	if !ok {
		return
	}
	// A form body is built the same way ("a=1&token=" + t) and may carry
	// a token: only a chain that has started a query with "?" is a URL.
	if !strings.Contains(s, "?") {
		if !c.chainHasQuery(b.X) {
			return
		}
		s = "?" + s
	}
	key := c.model.QueryTokenKey(s)
	if key == "" {
		return
	}
	if _, isConst := c.flow.StringValue(b.Y); isConst || notCredentialValue(b.Y) {
		return
	}
	c.reportPut(left.Pos(), b.Y.End(), key+"=")
}

// notCredentialValue reports a value whose name says it holds no
// credential, whatever the parameter it is put under is called: a
// variable, field or method named like an unsubscribe token
// (u.UnsubscribeToken, n.PixelToken()), or a constant naming a parameter
// that is (csrfFormToken = "_form_token").
func notCredentialValue(e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return notCredentialValue(call.Fun)
	}
	return tokenmodel.NotCredential(localflow.ValueName(e))
}

// chainHasQuery reports whether a constant string of the + chain e
// contains "?".
func (c *checker) chainHasQuery(e ast.Expr) bool {
	if s, ok := c.flow.StringValue(e); ok {
		return strings.Contains(s, "?")
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return c.chainHasQuery(b.X) || c.chainHasQuery(b.Y)
	}
	return false
}

// sprintf reports fmt.Sprintf("…?token=%s", tok).
func (c *checker) sprintf(call *ast.CallExpr) {
	format, ok := c.flow.StringValue(call.Args[0])
	if !ok {
		return
	}
	verb := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		key := ""
		if strings.Contains(format[:i], "?") { // not a form body
			key = c.model.QueryTokenKey(format[:i])
		}
		if key != "" && verb+1 < len(call.Args) {
			if _, isConst := c.flow.StringValue(call.Args[verb+1]); !isConst && !notCredentialValue(call.Args[verb+1]) {
				c.reportPut(call.Args[0].Pos(), call.Args[0].End(), key+"=%")
			}
		}
		verb++
	}
}

// reportPut reports a token put in a URL query.
//
// A query token sent next to a different Authorization header is still
// reported: it may be a handle (rclone's shade backend passes its
// multipart upload's token that way), but just as well a credential
// forwarded to a service that authenticates the sender by the header
// (minio's AuthN plugin receives the user's token in its query), and the
// two cannot be told apart by the code that builds the URL.
func (c *checker) reportPut(pos, end token.Pos, what string) {
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rules.TokenInQuery,
		Message: fmt.Sprintf(msgPut, what)})
}

func shorten(s string) string {
	const max = 50
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}

// lookupLit checks a middleware configuration literal whose token-lookup
// field (gin-jwt's and gf-jwt's TokenLookup) lists the query among the
// places a token is read from.
func (c *checker) lookupLit(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if ok && isLookupField(c.libs.LitField(lit, kv.Key, model.SectionAPI)) {
			c.lookup(kv.Value)
		}
	}
}

// lookupAssign checks mw.TokenLookup = "…, query: token".
func (c *checker) lookupAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		if sel, ok := l.(*ast.SelectorExpr); ok && isLookupField(c.libs.Field(sel, model.SectionAPI)) {
			c.lookup(as.Rhs[i])
		}
	}
}

// isLookupField: a field whose value says where a middleware looks for
// the token (role token-lookup).
func isLookupField(rows []*model.Row) bool {
	return slices.ContainsFunc(rows, func(r *model.Row) bool { return r.Value == model.RoleTokenLookup })
}

// lookup reports a token-lookup value with a query entry. The format is
// gin-jwt's (also gf-jwt's, its port, and echo's KeyLookup): a comma
// separated list of source:name pairs, "header: Authorization, query:
// token, cookie: jwt". A value that is not a constant says nothing.
func (c *checker) lookup(v ast.Expr) {
	s, ok := c.flow.StringValue(v)
	if !ok {
		return
	}
	for _, part := range strings.Split(s, ",") {
		src, name, ok := strings.Cut(part, ":")
		if ok && strings.EqualFold(strings.TrimSpace(src), "query") && strings.TrimSpace(name) != "" {
			c.pass.Report(analysis.Diagnostic{Pos: v.Pos(), End: v.End(), Category: rules.TokenInQuery,
				Message: fmt.Sprintf(msgLookup, "query:"+strings.TrimSpace(name))})
			return
		}
	}
}

// untypedURLRead is parsedRead's judgement where the receiver has no type
// (a directory without a go.mod, imports not loaded): a chain of calls
// with a constant key, x.F.M().Get("k"), on a field F that is a request
// source of kind request-query (the URL of net/http's Request), of a
// parameter x declared with a received-request type (r *http.Request).
// The methods between are not resolved: the value reaches a JWT parse,
// so it is the token whichever of the URL's methods produced it.
func (c *checker) untypedURLRead(cur inspector.Cursor) (string, bool) {
	call := cur.Node().(*ast.CallExpr)
	if len(call.Args) == 0 {
		return "", false
	}
	key, ok := c.flow.StringValue(call.Args[0])
	if !ok {
		return "", false
	}
	e := call.Fun
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.CallExpr:
			e = x.Fun
			continue
		case *ast.SelectorExpr:
			root, ok := ast.Unparen(x.X).(*ast.Ident)
			if !ok {
				return "", false
			}
			pkg, typ, ok := c.declaredType(cur, root)
			if !ok || !c.libs.TypeNameHas(pkg, typ, model.TraitReceivedRequest) {
				return "", false
			}
			rows := c.libs.Set.GoMember(model.SectionSource, pkg, typ, x.Sel.Name)
			return key, slices.ContainsFunc(rows, func(r *model.Row) bool { return r.Kind == model.SourceRequestQuery })
		}
		return "", false
	}
}

// declaredType resolves, by the syntax, the type of a parameter of the
// functions enclosing cur called name: net/http's Request for r
// *http.Request, by the file's imports.
func (c *checker) declaredType(cur inspector.Cursor, id *ast.Ident) (pkg, typ string, ok bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := fn.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		for _, field := range ft.Params.List {
			for _, n := range field.Names {
				if n.Name != id.Name {
					continue
				}
				t := ast.Unparen(field.Type)
				if star, ok := t.(*ast.StarExpr); ok {
					t = star.X
				}
				return resolve.Object(c.pass.TypesInfo, c.file, t)
			}
		}
	}
	return "", "", false
}
