package tokencookieinsecure

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/sessioncookie"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports token cookies without HttpOnly or Secure.
var Analyzer = &analysis.Analyzer{
	Name:             "tokencookieinsecure",
	Doc:              rules.MustLookup(rules.TokenCookieInsecure).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenCookieInsecure).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, sessioncookie.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const (
	msgMissing  = "token cookie%s without %s: scripts (HttpOnly) or plaintext HTTP (Secure) can expose the token; set HttpOnly: true and Secure: true"
	msgSameSite = "token cookie%s with SameSite=None but without Secure: browsers reject it, and over HTTP it leaks the token; set Secure: true"
	msgDefaults = "session store %s leaves its cookie's HttpOnly and Secure at the library's default, off: scripts (HttpOnly) or plaintext HTTP (Secure) can expose the session cookie; set HttpOnly: true and Secure: true in the store's Options"
)

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	names := tokenmodel.Default()
	var defaults []*ast.CallExpr
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		file := fc.Node().(*ast.File)
		flow := tokenmodel.NewGoFlow(names, pass.TypesInfo, file)
		flow.Track(file)
		c := &checker{pass: pass, file: file, flow: flow, libs: gomodel.New(pass.TypesInfo, file)}
		for cur := range fc.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				c.cookieLit(cur, n)
			case *ast.CallExpr:
				c.setCookieCall(n)
				if _, _, ok := c.libs.CalleeAPI(n, model.TraitDefaultCookieOptions); ok && !c.escapes(cur) {
					defaults = append(defaults, n)
				}
			}
		}
	}
	// A store made with the library's default cookie options, in a
	// package that never configures a session cookie (nor does a package
	// of the module it imports).
	if !pass.ResultOf[sessioncookie.Analyzer].(*sessioncookie.Use).Configured {
		for _, call := range defaults {
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.TokenCookieInsecure,
				Message: fmt.Sprintf(msgDefaults, types.ExprString(call.Fun))})
		}
	}
	return nil, nil
}

// escapes reports whether the store a constructor call at cur makes may
// be configured outside the package: returned, or kept in an exported
// variable or an exported field, directly or through a local variable.
func (c *checker) escapes(cur inspector.Cursor) bool {
	esc, local := c.escapesAt(cur)
	if esc || local == nil {
		return esc
	}
	fn, ok := localflow.EnclosingFuncCursor(cur)
	if !ok {
		return false
	}
	for use := range fn.Preorder((*ast.Ident)(nil)) {
		if id := use.Node().(*ast.Ident); c.pass.TypesInfo.Uses[id] == local {
			if esc, _ := c.escapesAt(use); esc {
				return true
			}
		}
	}
	return false
}

// escapesAt reports whether the value of the expression at cur leaves
// the package where it goes, or else the local variable it is assigned
// to, if any.
func (c *checker) escapesAt(cur inspector.Cursor) (bool, types.Object) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	p := cur.Parent()
	pkgLevel := func(obj types.Object) bool { return obj != nil && obj.Parent() == c.pass.Pkg.Scope() }
	switch n := p.Node().(type) {
	case *ast.ReturnStmt, *ast.CompositeLit:
		return true, nil
	case *ast.KeyValueExpr:
		// A field of a struct literal: an unexported one stays in the
		// package.
		id, ok := n.Key.(*ast.Ident)
		return !ok || id.IsExported(), nil
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return false, nil
		}
		for i, r := range n.Rhs {
			if r != cur.Node() {
				continue
			}
			switch l := ast.Unparen(n.Lhs[i]).(type) {
			case *ast.SelectorExpr:
				return l.Sel.IsExported(), nil
			case *ast.Ident:
				obj := c.pass.TypesInfo.ObjectOf(l)
				if pkgLevel(obj) {
					return obj.Exported(), nil
				}
				return false, obj
			}
		}
	case *ast.ValueSpec:
		for i, v := range n.Values {
			if v == cur.Node() && i < len(n.Names) {
				obj := c.pass.TypesInfo.ObjectOf(n.Names[i])
				if pkgLevel(obj) {
					return obj.Exported(), nil
				}
				return false, obj
			}
		}
	}
	return false, nil
}

type checker struct {
	pass *analysis.Pass
	file *ast.File
	flow *tokenmodel.GoFlow
	libs gomodel.Q
}

// cookieFields returns, for a literal of a cookie type (trait cookie:
// http.Cookie; a pointer too, an element of []*http.Cookie{{…}}), its
// fields' names by role.
func (c *checker) cookieFields(lit *ast.CompositeLit) (map[string]string, bool) {
	pkg, typ, ok := c.libs.LitType(lit)
	if !ok || !c.libs.TypeNameHas(pkg, typ, model.TraitCookie) {
		return nil, false
	}
	names := map[string]string{}
	for role, r := range c.libs.TypeFields(pkg, typ) {
		names[role] = r.Identifiers()[0]
	}
	return names, true
}

// isSessionCookie: a literal of a type that configures a session cookie
// (trait session-cookie).
func (c *checker) isSessionCookie(lit *ast.CompositeLit) bool {
	return c.libs.LitHas(lit, model.TraitSessionCookie)
}

// requestCookie reports a cookie a client sends (req.AddCookie,
// jar.SetCookies: request-cookie sinks): HttpOnly and Secure are
// attributes of Set-Cookie and mean nothing on a request (argo-cd's e2e
// client).
func (c *checker) requestCookie(cur inspector.Cursor) bool {
	p := cur.Parent()
	for {
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.CompositeLit, *ast.ParenExpr:
			p = p.Parent()
			continue
		case *ast.CallExpr:
			rows, f := c.libs.Callee(n, model.SectionSink)
			return f.Method && slices.ContainsFunc(rows, func(r *model.Row) bool { return r.Kind == model.SinkRequestCookie })
		}
		return false
	}
}

// field states: absent, constant true, constant false, set at run time.
type state int

const (
	absent state = iota
	isTrue
	isFalse
	dynamic
)

func (c *checker) boolState(e ast.Expr) state {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if constant.BoolVal(tv.Value) {
			return isTrue
		}
		return isFalse
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && (id.Name == "true" || id.Name == "false") {
		if id.Name == "true" {
			return isTrue
		}
		return isFalse
	}
	return dynamic
}

func (c *checker) cookieLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	names, ok := c.cookieFields(lit)
	if !ok || c.requestCookie(cur) {
		return
	}
	byName := map[string]ast.Expr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				byName[id.Name] = kv.Value
			}
		}
	}
	// fields holds the literal's values by role (cookie-name, secure, …).
	fields := map[string]ast.Expr{}
	for role, name := range names {
		if e, ok := byName[name]; ok {
			fields[role] = e
		}
	}
	name, _ := c.flow.StringValue(fields[model.RoleCookieName])
	// A session cookie's options (gorilla/sessions): its value is the
	// session, a credential, whatever the cookie is called.
	tokenName := (name != "" && c.flow.Model.IsTokenKey(name)) || c.isSessionCookie(lit)
	held := c.heldBy(cur)
	// A middleware that sends the token it issues in a cookie when a
	// flag is on (gin-jwt's SendCookie): the literal configures a cookie
	// only when the flag is constant true, here or set after it; a flag
	// from configuration is the user's call.
	if flag, ok := names[model.RoleSendsCookie]; ok {
		sends := absent
		if e, ok := fields[model.RoleSendsCookie]; ok {
			sends = c.boolState(e)
		}
		for _, v := range held {
			if s, ok := c.laterAssign(cur, v, flag); ok {
				sends = s
			}
		}
		if sends != isTrue {
			return
		}
		tokenName = true
	}
	tokenValue := fields[model.RoleCookieValue] != nil && c.flow.IsToken(fields[model.RoleCookieValue])
	if !tokenName && !tokenValue {
		return
	}
	if tokenmodel.NotCredential(name) {
		// The name says what the value is: a double-submit CSRF token,
		// which the page's scripts must read (no HttpOnly by design) and
		// which proves nothing without the session cookie.
		return
	}
	if v, ok := c.flow.StringValue(fields[model.RoleCookieValue]); ok && v == "" {
		return // deletes the cookie
	}
	if ma, ok := fields[model.RoleMaxAge]; ok {
		if tv, ok := c.pass.TypesInfo.Types[ma]; ok && tv.Value != nil && constant.Sign(tv.Value) < 0 {
			return
		}
		if u, ok := ast.Unparen(ma).(*ast.UnaryExpr); ok && u.Op.String() == "-" {
			return
		}
	}
	httpOnly, secure := absent, absent
	if e, ok := fields[model.RoleHTTPOnly]; ok {
		httpOnly = c.boolState(e)
	}
	if e, ok := fields[model.RoleSecure]; ok {
		secure = c.boolState(e)
	}
	// Fields set after the literal: c := &http.Cookie{…}; c.Secure = true,
	// or on what a constructor made of it (mw, _ := jwt.New(&jwt.GinJWTMiddleware{…})).
	for _, v := range held {
		if s, ok := c.laterAssign(cur, v, names[model.RoleHTTPOnly]); ok {
			httpOnly = s
		}
		if s, ok := c.laterAssign(cur, v, names[model.RoleSecure]); ok {
			secure = s
		}
	}
	label := "" // a cookie whose name is not a constant, or the library's default
	if name != "" {
		label = fmt.Sprintf(" %q", name)
	}
	var missing []string
	if httpOnly == absent || httpOnly == isFalse {
		missing = append(missing, "HttpOnly")
	}
	if secure == absent || secure == isFalse {
		missing = append(missing, "Secure")
	}
	if s, ok := fields[model.RoleSameSite]; ok && (secure == absent || secure == isFalse) {
		if c.libs.ObjectHas(s, model.TraitSameSiteNone) {
			c.report(lit, fmt.Sprintf(msgSameSite, label))
			return
		}
	}
	if len(missing) > 0 {
		c.report(lit, fmt.Sprintf(msgMissing, label, strings.Join(missing, " and ")))
	}
}

// boundVar returns the variable a cookie literal (or its address) is
// assigned to, if any.
func (c *checker) boundVar(cur inspector.Cursor) types.Object {
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		p = p.Parent()
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 {
			if id, ok := n.Lhs[0].(*ast.Ident); ok {
				return c.pass.TypesInfo.ObjectOf(id)
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == 1 {
			return c.pass.TypesInfo.ObjectOf(n.Names[0])
		}
	}
	return nil
}

// heldBy returns the variables that hold the cookie literal at cur after
// it is written: the one it is assigned to, and the one that receives
// the first result of a call it is passed to (a constructor that returns
// the configured value, as gin-jwt's New does), so that a field set on
// either afterwards counts.
func (c *checker) heldBy(cur inspector.Cursor) []types.Object {
	var vars []types.Object
	if v := c.boundVar(cur); v != nil {
		vars = append(vars, v)
	}
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		p = p.Parent()
	}
	if _, ok := p.Node().(*ast.CallExpr); !ok {
		return vars
	}
	switch n := p.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && len(n.Lhs) >= 1 {
			if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				if v := c.pass.TypesInfo.ObjectOf(id); v != nil {
					vars = append(vars, v)
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && len(n.Names) >= 1 && n.Names[0].Name != "_" {
			if v := c.pass.TypesInfo.ObjectOf(n.Names[0]); v != nil {
				vars = append(vars, v)
			}
		}
	}
	return vars
}

// laterAssign finds v.field = x in the function around cur.
func (c *checker) laterAssign(cur inspector.Cursor, v types.Object, field string) (state, bool) {
	if field == "" {
		return absent, false
	}
	var body ast.Node
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		if fd, ok := p.Node().(*ast.FuncDecl); ok {
			body = fd.Body
			break
		}
		if fl, ok := p.Node().(*ast.FuncLit); ok {
			body = fl.Body
			break
		}
	}
	if body == nil {
		return absent, false
	}
	result, found := absent, false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			sel, ok := l.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != field {
				continue
			}
			if id, ok := sel.X.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == v {
				result, found = c.boolState(as.Rhs[i]), true
			}
		}
		return true
	})
	return result, found
}

// setCookieCall checks a call that sets a cookie from its arguments
// (trait sets-cookie: gin's SetCookie(name, value, maxAge, path, domain,
// secure, httpOnly)): reported when HttpOnly or Secure is false.
func (c *checker) setCookieCall(call *ast.CallExpr) {
	r, _, ok := c.libs.CalleeAPI(call, model.TraitSetsCookie)
	if !ok || len(call.Args) > len(r.Params) {
		return
	}
	// A call may leave out trailing optional arguments (beego's
	// SetCookie(name, value, others...)): flags left out are off.
	arg := func(role string) ast.Expr {
		if i := r.ParamIndex(role); i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	flagOff := func(role string) bool {
		if e := arg(role); e != nil {
			return c.boolState(e) == isFalse
		}
		return r.ParamIndex(role) >= 0
	}
	nameArg, valueArg := arg(model.RoleCookieName), arg(model.RoleCookieValue)
	if nameArg == nil || valueArg == nil {
		return
	}
	name, _ := c.flow.StringValue(nameArg)
	if !(name != "" && c.flow.Model.IsTokenKey(name)) && !c.flow.IsToken(valueArg) {
		return
	}
	if tokenmodel.NotCredential(name) {
		return // a double-submit CSRF cookie is read by the page's scripts by design
	}
	if v, ok := c.flow.StringValue(valueArg); ok && v == "" {
		return
	}
	if ma := arg(model.RoleMaxAge); ma != nil {
		if tv, ok := c.pass.TypesInfo.Types[ma]; ok && tv.Value != nil && constant.Sign(tv.Value) < 0 {
			return
		}
	}
	var missing []string
	if flagOff(model.RoleHTTPOnly) {
		missing = append(missing, "HttpOnly")
	}
	if flagOff(model.RoleSecure) {
		missing = append(missing, "Secure")
	}
	if len(missing) > 0 {
		c.report(call, fmt.Sprintf(msgMissing, fmt.Sprintf(" %q", name), strings.Join(missing, " and ")))
	}
}

func (c *checker) report(n ast.Node, msg string) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: rules.TokenCookieInsecure, Message: msg})
}
