package tokenoverhttp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/netip"
	"net/url"
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

// Analyzer reports credentials sent over plaintext HTTP.
var Analyzer = &analysis.Analyzer{
	Name:             "tokenoverhttp",
	Doc:              rules.MustLookup(rules.TokenOverHTTP).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenOverHTTP).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const msg = "%s sent to plaintext %s: anyone on the network path can read and replay it; use an https:// URL"

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	model := tokenmodel.Default()
	core := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	checkers := map[*token.File]*checker{}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		file := fc.Node().(*ast.File)
		c := &checker{pass: pass, file: file, model: model, flow: tokenmodel.NewGoFlow(model, pass.TypesInfo, file),
			libs: gomodel.New(pass.TypesInfo, file), core: core}
		checkers[pass.Fset.File(file.Pos())] = c
		for cur := range fc.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					c.function(n.Body)
				}
			case *ast.FuncLit:
				c.function(n.Body)
			case *ast.CompositeLit:
				c.endpoint(n)
			}
		}
	}
	requestParts(pass, core, checkers)
	builderRequests(pass, core, checkers)
	return nil, nil
}

// requestParts reports credentials the flow core finds in the URL or the
// body of a request (sinks request-url and request-body: http.Get,
// http.PostForm, http.NewRequest, …) whose URL starts with a plaintext
// http:// constant: written at the call, or a base URL set up elsewhere
// (an endpoint literal stored in a field, a configuration default),
// joined with the query by concatenation or fmt.Sprintf("%s?%s", …).
// Only a modelled credential counts (an oauth2 token, a request's
// Authorization header, a token endpoint's answer): a value named like a
// token is left to the header check, which sees the header's name.
func requestParts(pass *analysis.Pass, core *goflow.Flow, checkers map[*token.File]*checker) {
	type parts struct {
		url  *goflow.SinkUse
		sent []*goflow.SinkUse
	}
	calls := map[*ast.CallExpr]*parts{}
	var order []*ast.CallExpr
	for _, kind := range []string{model.SinkRequestURL, model.SinkRequestBody} {
		for _, u := range core.Sinks(kind) {
			if u.Call == nil || u.Via != "" {
				continue
			}
			p := calls[u.Call]
			if p == nil {
				p = &parts{}
				calls[u.Call] = p
				order = append(order, u.Call)
			}
			if kind == model.SinkRequestURL {
				p.url = u
			}
			p.sent = append(p.sent, u)
		}
	}
	for _, call := range order {
		p := calls[call]
		if p.url == nil {
			continue
		}
		c := checkers[pass.Fset.File(call.Pos())]
		if c == nil {
			continue
		}
		var plain *goflow.Origin
		for _, o := range p.url.Origins() {
			if s, ok := o.String(); ok && o.Kind == goflow.Literal && (o.Part == goflow.Whole || o.Part == goflow.Prefix) && plainURL(s) {
				plain = &o
				break
			}
		}
		if plain == nil {
			continue
		}
	sent:
		for _, u := range p.sent {
			for _, o := range u.Origins() {
				if o.Kind != goflow.Source || o.Sanitized != nil || o.Row == nil || !model.IsCredentialSource(o.Row.Kind) {
					continue
				}
				where := "the request body"
				if u.Kind == model.SinkRequestURL {
					where = "the URL"
				}
				s, _ := plain.String()
				flow := []goflow.Step{{Pos: plain.Pos, What: "plaintext URL"}}
				flow = append(flow, u.Flow(o)...)
				flow = append(flow, goflow.Step{Pos: call.Pos(), What: "sent by " + shortFun(call)})
				c.reportAt(p.url.Arg, "credential in "+where, s, flow)
				break sent
			}
		}
	}
}

type checker struct {
	pass  *analysis.Pass
	file  *ast.File
	model *tokenmodel.Model
	flow  *tokenmodel.GoFlow
	// core is the flow core, for URLs not written where they are used: a
	// base URL from a configuration literal (Config{API: "http://…"}).
	core     *goflow.Flow
	libs     gomodel.Q
	reported map[ast.Expr]bool
}

// key identifies a local variable: its object, or its name without types.
func (c *checker) key(id *ast.Ident) any {
	if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil {
		return obj
	}
	return id.Name
}

// request is a request built for a plaintext URL.
type request struct {
	url   ast.Expr
	build *ast.CallExpr // http.NewRequest(…)
}

func (c *checker) function(body *ast.BlockStmt) {
	requests := map[any]request{} // request variable → its http:// URL
	clients := map[any]bool{}     // oauth2 clients
	ast.Inspect(body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false // its own function
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok || id.Name == "_" {
			return true
		}
		api, _ := c.libs.Callee(call, model.SectionAPI)
		for _, r := range api {
			switch {
			case r.Has(model.TraitBuildsRequest):
				// http.NewRequest(method, url, body): the request goes to url.
				if i := r.ParamIndex(model.RoleURL); i >= 0 && len(call.Args) == len(r.Params) && c.plainHTTP(call.Args[i]) {
					requests[c.key(id)] = request{call.Args[i], call}
				}
			case r.Has(model.TraitAuthenticatedClient):
				clients[c.key(id)] = true
			}
		}
		return true
	})
	if len(requests) == 0 && len(clients) == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		sinks, f := c.libs.Callee(call, model.SectionSink)
		for _, r := range sinks {
			if r.Kind != model.SinkRequestHeader {
				continue
			}
			// req.Header.Set("Authorization", …) keys a header by name;
			// req.SetBasicAuth(user, password) sets credentials itself.
			keyed := r.KeyIs == model.KeyCredentialHeader
			if keyed && (len(call.Args) != 2 || !c.isCredentialHeader(call.Args[gomodel.Arg(r.Key)])) {
				continue
			}
			if req, ok := c.request(localflow.RootIdent(sel.X), requests); ok {
				what := "basic-auth credentials"
				if keyed {
					what = "Authorization header"
				}
				c.report(req.url, what, req.build, goflow.Step{Pos: call.Pos(), What: what + " set by " + shortFun(call)})
			}
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || !clients[c.key(id)] {
			return true
		}
		// An oauth2 client sends its token with every request: the
		// request's URL, or the URL it is given.
		send := c.sends(call, f)
		if send == nil {
			return true
		}
		sent := goflow.Step{Pos: call.Pos(), What: "sent with the oauth2 token by " + shortFun(call)}
		if i := send.ParamIndex(model.RoleRequest); i >= 0 && len(call.Args) == 1 {
			if req, ok := c.request(call.Args[i], requests); ok {
				c.report(req.url, "oauth2 token", req.build, sent)
			}
		}
		if i := send.ParamIndex(model.RoleURL); i >= 0 && i < len(call.Args) && c.plainHTTP(call.Args[i]) {
			c.report(call.Args[i], "oauth2 token", nil, sent)
		}
		return true
	})
}

// sends returns the api row of a client method that sends a request
// (http.Client's Do, Get, Post, …). A client returned by a package that
// failed to load has no known type: its method is then looked up by
// name among the modelled senders.
func (c *checker) sends(call *ast.CallExpr, f resolve.Func) *model.Row {
	if f.Name != "" {
		for _, r := range c.libs.Func(f, model.SectionAPI) {
			if r.Has(model.TraitSendsRequest) {
				return r
			}
		}
		return nil
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	for _, r := range c.libs.Set.Rows(model.Go, model.SectionAPI) {
		if r.Has(model.TraitSendsRequest) && slices.Contains(r.Identifiers(), sel.Sel.Name) {
			return r
		}
	}
	return nil
}

func (c *checker) request(e ast.Expr, requests map[any]request) (request, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id == nil {
		return request{}, false
	}
	r, ok := requests[c.key(id)]
	return r, ok
}

func (c *checker) isCredentialHeader(e ast.Expr) bool {
	s, ok := c.flow.StringValue(e)
	return ok && c.model.IsCredentialHeader(s)
}

// endpoint reports oauth2.Endpoint{TokenURL: "http://…"}: a field the
// models call a token endpoint.
func (c *checker) endpoint(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		for _, r := range c.libs.LitField(lit, kv.Key, model.SectionAPI) {
			if r.Has(model.TraitTokenEndpoint) && c.plainHTTP(kv.Value) {
				c.report(kv.Value, "OAuth client secret and tokens", nil, goflow.Step{Pos: kv.Value.Pos(), What: "used as the token endpoint " + types.ExprString(kv.Key)})
			}
		}
	}
}

// plainHTTP reports whether e is a constant http:// URL, or a
// concatenation starting with one, to a host that is not loopback.
func (c *checker) plainHTTP(e ast.Expr) bool {
	s, ok := c.flow.StringValue(e)
	if !ok {
		s, ok = c.flow.StringValue(leftmost(e))
	}
	if !ok {
		return c.plainOrigins(e)
	}
	return plainURL(s)
}

// plainOrigins reports whether the flow core finds e's value, or its
// start, only in constants, and one of them is a plaintext URL: the URL is
// built from a base written elsewhere (a configuration default, a
// package-level variable).
func (c *checker) plainOrigins(e ast.Expr) bool {
	if c.core == nil {
		return false
	}
	plain := false
	for _, o := range c.core.Origins(leftmost(e)) {
		if o.Kind != goflow.Literal || (o.Part != goflow.Whole && o.Part != goflow.Prefix) {
			continue
		}
		if s, ok := o.String(); ok && plainURL(s) {
			plain = true
		}
	}
	return plain
}

// plainURL reports whether s is an http:// URL to a host the request
// leaves the machine for.
func plainURL(s string) bool {
	if !strings.HasPrefix(strings.ToLower(s), "http://") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "metadata.google.internal" || reservedName(host) {
		return false
	}
	// Link-local addresses (169.254.0.0/16, fe80::/10) do not cross a
	// router: the cloud instance-metadata services live there
	// (169.254.169.254, GCE's metadata.google.internal) and offer no TLS.
	// net/netip, not net: the golangci-lint plugin links this package,
	// and net brings the resolver with it.
	if ip, err := netip.ParseAddr(host); err == nil {
		if ip = ip.Unmap(); ip.IsLoopback() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() {
			return false
		}
	}
	return !strings.ContainsAny(host, "%{")
}

// reservedName reports a host name reserved for examples and tests (RFC
// 2606, RFC 6761): example.com, example.net, example.org and the .example,
// .test and .invalid domains never resolve to a server, so a request to
// one is a placeholder (rclone builds one only to have SetBasicAuth
// compute a header) and sends no credential anywhere.
func reservedName(host string) bool {
	host = strings.TrimSuffix(host, ".")
	for _, d := range []string{"example.com", "example.net", "example.org", "example", "test", "invalid"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func leftmost(e ast.Expr) ast.Expr {
	for {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok {
			return e
		}
		e = b.X
	}
}

// report reports the plaintext URL u that what is sent to, with the
// flow that sends it: the URL's constant when it is defined elsewhere,
// the request built for it (build, if any), and the step that puts the
// credential on it.
func (c *checker) report(u ast.Expr, what string, build *ast.CallExpr, sends goflow.Step) {
	if c.reported == nil {
		c.reported = map[ast.Expr]bool{}
	}
	if c.reported[u] {
		return
	}
	c.reported[u] = true
	s, _ := c.flow.StringValue(u)
	if s == "" {
		s, _ = c.flow.StringValue(leftmost(u))
	}
	if len(s) > 50 {
		s = s[:47] + "..."
	}
	var flow []goflow.Step
	if def, name, ok := c.definedAt(leftmost(u)); ok {
		flow = append(flow, goflow.Step{Pos: def, What: "plaintext URL " + name})
	}
	flow = append(flow, goflow.Step{Pos: u.Pos(), What: "plaintext URL"})
	if build != nil {
		flow = append(flow, goflow.Step{Pos: build.Pos(), What: "request built by " + shortFun(build)})
	}
	flow = append(flow, sends)
	c.pass.Report(analysis.Diagnostic{Pos: u.Pos(), End: u.End(), Category: rules.TokenOverHTTP,
		Message: fmt.Sprintf(msg, what, s), Related: goflow.Related(flow, u.Pos(), u.End())})
}

// reportAt reports at the URL argument u a credential (what) sent to the
// plaintext URL s, with the flow that gets it there.
func (c *checker) reportAt(u ast.Expr, what, s string, flow []goflow.Step) {
	if c.reported == nil {
		c.reported = map[ast.Expr]bool{}
	}
	if c.reported[u] {
		return
	}
	c.reported[u] = true
	if len(s) > 50 {
		s = s[:47] + "..."
	}
	c.pass.Report(analysis.Diagnostic{Pos: u.Pos(), End: u.End(), Category: rules.TokenOverHTTP,
		Message: fmt.Sprintf(msg, what, s), Related: goflow.Related(flow, u.Pos(), u.End())})
}

// definedAt returns where the constant or package variable e names is
// declared, when it is in this package.
func (c *checker) definedAt(e ast.Expr) (token.Pos, string, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return token.NoPos, "", false
	}
	obj := c.pass.TypesInfo.Uses[id]
	switch obj.(type) {
	case *types.Const, *types.Var:
		if obj.Pkg() == c.pass.Pkg && obj.Pos().IsValid() && obj.Parent() == c.pass.Pkg.Scope() {
			return obj.Pos(), id.Name, true
		}
	}
	return token.NoPos, "", false
}

// shortFun names a called function briefly: pkg.F or x.M.
func shortFun(call *ast.CallExpr) string {
	s := types.ExprString(call.Fun)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
