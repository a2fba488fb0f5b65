package tokenoverhttp

import (
	"fmt"
	"go/ast"
	"go/types"
	"net"
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports credentials sent over plaintext HTTP.
var Analyzer = &analysis.Analyzer{
	Name:             "tokenoverhttp",
	Doc:              rules.MustLookup(rules.TokenOverHTTP).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenOverHTTP).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const msg = "%s sent to plaintext %s: anyone on the network path can read and replay it; use an https:// URL"

// oauthClients are functions returning an *http.Client that adds a token.
var oauthClients = map[[2]string]bool{
	{"golang.org/x/oauth2", "Client"}:                   true,
	{"golang.org/x/oauth2", "NewClient"}:                true,
	{"golang.org/x/oauth2/clientcredentials", "Client"}: true,
}

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	model := tokenmodel.Default()
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		file := fc.Node().(*ast.File)
		c := &checker{pass: pass, file: file, model: model, flow: tokenmodel.NewGoFlow(model, pass.TypesInfo, file)}
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
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	file     *ast.File
	model    *tokenmodel.Model
	flow     *tokenmodel.GoFlow
	reported map[ast.Expr]bool
}

// key identifies a local variable: its object, or its name without types.
func (c *checker) key(id *ast.Ident) any {
	if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil {
		return obj
	}
	return id.Name
}

func (c *checker) function(body *ast.BlockStmt) {
	requests := map[any]ast.Expr{} // request variable → its http:// URL
	clients := map[any]bool{}      // oauth2 clients
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
		f, ok := resolve.Callee(c.pass.TypesInfo, c.file, call)
		if !ok {
			return true
		}
		switch {
		case f.Pkg == "net/http" && !f.Method && f.Name == "NewRequest" && len(call.Args) == 3:
			if c.plainHTTP(call.Args[1]) {
				requests[c.key(id)] = call.Args[1]
			}
		case f.Pkg == "net/http" && !f.Method && f.Name == "NewRequestWithContext" && len(call.Args) == 4:
			if c.plainHTTP(call.Args[2]) {
				requests[c.key(id)] = call.Args[2]
			}
		case oauthClients[[2]string{f.Pkg, f.Name}]:
			clients[c.key(id)] = true
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
		f, resolved := resolve.Callee(c.pass.TypesInfo, c.file, call)
		switch sel.Sel.Name {
		case "Set", "Add": // req.Header.Set("Authorization", …)
			hdr, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if !ok || hdr.Sel.Name != "Header" || len(call.Args) != 2 {
				return true
			}
			if u := c.requestURL(hdr.X, requests); u != nil && c.isCredentialHeader(call.Args[0]) {
				c.report(u, "Authorization header")
			}
		case "SetBasicAuth":
			if u := c.requestURL(sel.X, requests); u != nil && (!resolved || f.Pkg == "net/http") {
				c.report(u, "basic-auth credentials")
			}
		case "Do":
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && clients[c.key(id)] && len(call.Args) == 1 {
				if u := c.requestURL(call.Args[0], requests); u != nil {
					c.report(u, "oauth2 token")
				}
			}
		case "Get", "Post", "Head", "PostForm":
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && clients[c.key(id)] && len(call.Args) >= 1 && c.plainHTTP(call.Args[0]) {
				c.report(call.Args[0], "oauth2 token")
			}
		}
		return true
	})
}

func (c *checker) requestURL(e ast.Expr, requests map[any]ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return requests[c.key(id)]
}

func (c *checker) isCredentialHeader(e ast.Expr) bool {
	s, ok := c.flow.StringValue(e)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "authorization", "proxy-authorization":
		return true
	}
	return c.model.IsTokenKey(s)
}

// endpoint reports oauth2.Endpoint{TokenURL: "http://…"}.
func (c *checker) endpoint(lit *ast.CompositeLit) {
	if !c.isType(lit, "golang.org/x/oauth2", "Endpoint") {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "TokenURL" && c.plainHTTP(kv.Value) {
				c.report(kv.Value, "OAuth client secret and tokens")
			}
		}
	}
}

func (c *checker) isType(lit *ast.CompositeLit, pkg, name string) bool {
	if tv, ok := c.pass.TypesInfo.Types[lit]; ok && tv.Type != nil {
		if n, ok := types.Unalias(tv.Type).(*types.Named); ok && n.Obj().Pkg() != nil {
			return n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
		}
	}
	if lit.Type == nil {
		return false
	}
	p, n, ok := resolve.Object(c.pass.TypesInfo, c.file, lit.Type)
	return ok && p == pkg && n == name
}

// plainHTTP reports whether e is a constant http:// URL, or a
// concatenation starting with one, to a host that is not loopback.
func (c *checker) plainHTTP(e ast.Expr) bool {
	s, ok := c.flow.StringValue(e)
	if !ok {
		s, ok = c.flow.StringValue(leftmost(e))
		if !ok {
			return false
		}
	}
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
	if ip := net.ParseIP(host); ip != nil && (ip.IsLoopback() || ip.IsUnspecified() || ip.IsLinkLocalUnicast()) {
		return false
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

func (c *checker) report(u ast.Expr, what string) {
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
	c.pass.Report(analysis.Diagnostic{Pos: u.Pos(), End: u.End(), Category: rules.TokenOverHTTP,
		Message: fmt.Sprintf(msg, what, s)})
}
