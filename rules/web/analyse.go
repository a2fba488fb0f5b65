package web

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// hit is one finding in the coordinates of the parsed buffer.
type hit struct {
	rule   string
	offset int // byte offset into the parsed buffer, -1 if unknown
	length int
	msg    string
	// secret is the secret text the finding points at, for the scan's
	// redaction (Finding.Secret); never part of msg.
	secret string
	// format, when set, makes the message once the line of def, another
	// offset into the buffer (where a hard-coded key was defined), is
	// known; line is 0 if def has no position. Findings in TypeScript
	// are mapped back to the source before it is called.
	format func(line int) string
	def    int
	// row is the model row that made the finding, for the tests.
	row *model.Row
}

// Messages: what is wrong, the consequence, the fix.
const (
	msgStorage      = "token written to %s (%s): any script on the page, including injected ones, can read and send it; keep it in memory or an HttpOnly cookie"
	msgQuery        = "token put in a URL query (%s): URLs end up in logs, history and Referer headers; send it in the Authorization header"
	msgSignNoExp    = "jwt.sign without expiresIn or exp: the token never expires, so a leaked one works forever; pass expiresIn"
	msgIgnoreExp    = "jwt.verify with ignoreExpiration: expired tokens are accepted, so a leaked one works forever; remove the option"
	jsonwebtokenMod = "jsonwebtoken"
)

// analyser walks one parsed script.
type analyser struct {
	buf   []byte // the parsed buffer; node byte slices point into it
	model *tokenmodel.Model
	hits  []hit

	// modules reads the project's own modules a key may come from, and
	// dir is the script's directory, which relative specifiers start
	// from (nil and "" when the script is not a file of a scanned tree).
	modules *projectModules
	dir     string
	reads   *report.Reads // the modules read, for the result cache

	// holes: spans of buf where a page template's value tags were
	// (knowledge.holes).
	holes    []span
	consts   map[*js.Var]string // variables initialised with a string literal
	storages map[*js.Var]string // aliases of localStorage / sessionStorage
	tokens   map[*js.Var]bool   // variables initialised with a token value
	// notTokens: variables given a value that is no token whatever they
	// are called (a boolean, a number, a token's decoded claims) by every
	// assignment; unknown marks those some assignment gives another value.
	notTokens, unknown map[*js.Var]bool
	jwtLibs            map[*js.Var]bool   // bindings of the jsonwebtoken module
	jwtFuncs           map[*js.Var]string // named imports: sign, verify, decode
	// Rules jwt-unverified-parse and jwt-none-alg (jwt.go): variables
	// holding an unverified decode's result or one of its claims, the
	// decodes by call, and the verifying calls of tokens.
	decoded   map[*js.Var]*decodeUse
	claimVars map[*js.Var]*decodeUse
	decodeAt  map[js.IExpr]*decodeUse
	decodes   []*decodeUse
	verifies  []verifyUse
	// server: the file's path says it is server code; requiresServer:
	// it requires a server module (imports are in modImports).
	server, requiresServer bool
	// lastOff is the greatest offset of a literal or a variable's first
	// occurrence the checks' walk has passed, to place a call written
	// with names only. The walk is in
	// source order but for some nodes' parts (a callee may be visited
	// after its arguments), so it is the maximum, not the latest.
	lastOff  int
	params   map[*js.Var]bool        // URLSearchParams objects
	axioses  map[*js.Var]bool        // axios and axios.create() instances
	imported map[string]string       // ES import bindings: jwt → "jsonwebtoken", verify → "jsonwebtoken.verify"
	names    map[string]bool         // memo of model.IsToken: names repeat, and the split allocates
	pending  map[*js.Var][]hit       // URLSearchParams findings waiting for a query use
	queryUse map[*js.Var]bool        // URLSearchParams variables that become a query
	hasQuery map[*js.BinaryExpr]bool // memo of chainHasQuery
	reported map[[2]int]bool
	stack    []js.INode
	// paramTypes: constructor parameters' declared types (inject.go).
	paramTypes map[string]string
	// lifetimeLimits are jwt-long-lifetime's limits (lifetime.go).
	lifetimeLimits lifetimeLimits

	// Rule jwt-hardcoded-key (keys.go): the model's key sinks, module
	// imports by binding name, and every value each variable is given.
	keys       *keySpec
	modImports map[string]apiRef
	bindings   map[*js.Var][]binding
	// memberSets holds the values assigned to properties after the fact
	// (opts.secretOrKey = …, this.jwtSecret = …), per object and name.
	memberSets map[memberKey][]js.IExpr
}

func newAnalyser(buf []byte, m *tokenmodel.Model, keys *keySpec) *analyser {
	return &analyser{
		buf: buf, model: m, keys: keys, modImports: map[string]apiRef{}, bindings: map[*js.Var][]binding{}, memberSets: map[memberKey][]js.IExpr{},
		consts: map[*js.Var]string{}, storages: map[*js.Var]string{}, tokens: map[*js.Var]bool{}, notTokens: map[*js.Var]bool{}, unknown: map[*js.Var]bool{},
		jwtLibs: map[*js.Var]bool{}, jwtFuncs: map[*js.Var]string{}, decoded: map[*js.Var]*decodeUse{},
		claimVars: map[*js.Var]*decodeUse{}, decodeAt: map[js.IExpr]*decodeUse{},
		params: map[*js.Var]bool{}, axioses: map[*js.Var]bool{}, reported: map[[2]int]bool{},
		imported: map[string]string{}, pending: map[*js.Var][]hit{}, queryUse: map[*js.Var]bool{},
		hasQuery: map[*js.BinaryExpr]bool{}, lastOff: -1,
		names: map[string]bool{},
	}
}

func root(v *js.Var) *js.Var {
	for v.Link != nil {
		v = v.Link
	}
	return v
}

// offset returns where b, a slice of the parsed buffer, starts in it.
func (a *analyser) offset(b []byte) int {
	if len(b) == 0 || len(a.buf) == 0 {
		return -1
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(a.buf)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if p < start || p >= start+uintptr(len(a.buf)) {
		return -1
	}
	return int(p - start)
}

// pos finds a position for node n: the first piece of its text that is a
// slice of the buffer (a literal, a property name, a template part).
// Variables are shared between their uses, so their text only locates the
// declaration and is not used.
func (a *analyser) pos(n js.INode) (off, length int) {
	switch n := n.(type) {
	case *js.LiteralExpr:
		return a.offset(n.Data), len(n.Data)
	case js.LiteralExpr: // a property name after a dot
		return a.offset(n.Data), len(n.Data)
	case *js.DotExpr:
		if o, l := a.pos(n.X); o >= 0 {
			return o, l
		}
		o, l := a.pos(n.Y)
		if v, ok := n.X.(*js.Var); ok && o > 0 {
			// name.prop written plainly: the name ends right before the dot
			name := v.Name()
			if start := o - 1 - len(name); start >= 0 && a.buf[o-1] == '.' && bytes.Equal(a.buf[start:o-1], name) {
				return start, len(name)
			}
		}
		return o, l
	case *js.IndexExpr:
		if o, l := a.pos(n.X); o >= 0 {
			return o, l
		}
		return a.pos(n.Y)
	case *js.CallExpr:
		return a.pos(n.X)
	case *js.GroupExpr:
		return a.pos(n.X)
	case *js.UnaryExpr:
		return a.pos(n.X)
	case *js.BinaryExpr:
		if o, l := a.pos(n.X); o >= 0 {
			return o, l
		}
		return a.pos(n.Y)
	case *js.TemplateExpr:
		for _, p := range n.List {
			if o := a.offset(p.Value); o >= 0 {
				return o, len(p.Value)
			}
		}
		return a.offset(n.Tail), len(n.Tail)
	}
	return -1, 0
}

// calleePos places a finding about a call: on the called member's name
// (sign in jwt.sign, cookie in res.cookie), else where the callee is.
func (a *analyser) calleePos(callee js.IExpr) (int, int) {
	off, l := a.pos(callee)
	if d, isDot := unwrap(callee).(*js.DotExpr); isDot {
		if o, n := a.pos(d.Y); o >= 0 {
			off, l = o, n
		}
	}
	return off, l
}

func (a *analyser) report(rule string, off, length int, msg string) {
	if off < 0 {
		off, length = a.here()
	}
	k := [2]int{off, len(rule)}
	if off >= 0 && a.reported[k] {
		return
	}
	a.reported[k] = true
	a.hits = append(a.hits, hit{rule: rule, offset: off, length: length, msg: msg})
}

// here places a finding whose own node kept no position — a call or
// object written with names only (sign({ sub }, key), new
// URLSearchParams({ token })), as the parser gives variables no offset:
// the first occurrence, after the last literal the walk passed, of the
// first name in the node being visited, or else that node's first
// positioned token. Outside the walk it is -1, the script's start.
func (a *analyser) here() (int, int) {
	if len(a.stack) == 0 {
		return -1, 0
	}
	n := a.stack[len(a.stack)-1]
	first := a.firstPos(n)
	var lead js.INode = n
	switch c := n.(type) { // the walk may visit a callee after its arguments
	case *js.CallExpr:
		lead = c.X
	case *js.NewExpr:
		lead = c.X
	}
	if v := firstVar(lead); v != nil {
		if off, l := a.usePos(v, max(a.lastOff, 0)); off >= 0 && (first < 0 || off <= first) {
			return off, l
		}
	}
	if first >= 0 {
		return first, 1
	}
	return -1, 0
}

// firstVar returns the first variable in n in source order, or nil; it
// looks as deep and as far as firstPos does.
func firstVar(n js.INode) *js.Var {
	var found *js.Var
	js.Walk(varFinder{found: &found, budget: new(int)}, n)
	return found
}

type varFinder struct {
	found  **js.Var
	budget *int
}

func (f varFinder) Enter(n js.INode) js.IVisitor {
	if *f.found != nil || *f.budget > 20000 {
		return nil
	}
	*f.budget++
	if v, ok := n.(*js.Var); ok {
		*f.found = v
		return nil
	}
	return f
}

func (f varFinder) Exit(js.INode) {}

// maxTreeDepth bounds the depth of a syntax tree the analyser walks. The
// walks and the checks recurse on the tree, and a Go stack overflow cannot
// be recovered from: the collector, which walks first, measures the depth
// and stops at this bound. The JavaScript parser's own limits (1,000
// levels of statements and 1,000 of expressions, up to three tree levels
// each) keep real trees below it; it holds should they change.
const maxTreeDepth = 20000

// run analyses the tree; false if it is deeper than maxTreeDepth, and then
// nothing was checked.
func (a *analyser) run(ast *js.AST) bool {
	c := &collector{a: a}
	js.Walk(c, ast) // declarations first, so uses before them resolve
	if c.tooDeep {
		return false
	}
	js.Walk(a, ast)
	a.flushParams()
	a.flushDecodes()
	return true
}

// collector records what variables hold: constants, storage aliases,
// tokens, the jsonwebtoken module and URLSearchParams objects.
type collector struct {
	a       *analyser
	depth   int // of the node being visited
	tooDeep bool
}

func (c *collector) Enter(n js.INode) js.IVisitor {
	if c.depth >= maxTreeDepth {
		c.tooDeep = true
		return nil
	}
	c.depth++
	a := c.a
	a.collectKeys(n)
	switch n := n.(type) {
	case *js.ImportStmt:
		// The parser keeps imported names as text: bind them by name.
		mod := unquote(n.Module)
		if mod != jsonwebtokenMod {
			return c
		}
		if len(n.Default) > 0 {
			a.imported[string(n.Default)] = mod
		}
		for _, al := range n.List {
			switch {
			case string(al.Name) == "*":
				a.imported[string(al.Binding)] = mod
			case al.Name != nil:
				a.imported[string(al.Binding)] = mod + "." + string(al.Name)
			default:
				a.imported[string(al.Binding)] = mod + "." + string(al.Binding)
			}
		}
		return c
	case *js.BindingElement:
		v, ok := n.Binding.(*js.Var)
		if !ok || n.Default == nil {
			if bo, ok := n.Binding.(*js.BindingObject); ok && n.Default != nil && a.isRequireJWT(n.Default) {
				for _, item := range bo.List {
					if bv, ok := item.Value.Binding.(*js.Var); ok {
						name := string(bv.Data)
						if item.Key != nil && item.Key.Literal.TokenType != js.ErrorToken {
							name = string(item.Key.Literal.Data)
						}
						a.jwtFuncs[root(bv)] = name
					}
				}
			}
			return c
		}
		v = root(v)
		a.bind(v, n.Default)
	case *js.BinaryExpr:
		if n.Op == js.EqToken {
			if v, ok := n.X.(*js.Var); ok {
				a.bind(root(v), n.Y)
			}
		}
	}
	return c
}

func (c *collector) Exit(js.INode) { c.depth-- }

// bind records what the initialiser e says about variable v.
func (a *analyser) bind(v *js.Var, e js.IExpr) {
	e = unwrap(e)
	if s, ok := a.stringValue(e); ok {
		a.consts[v] = s
	}
	if kind := a.storageKind(e); kind != "" {
		a.storages[v] = kind
	}
	if a.isRequireJWT(e) {
		a.jwtLibs[v] = true
	}
	if a.isTokenValue(e) {
		a.tokens[v] = true
	} else if notTokenValue(e) || a.returnsClaims(e) {
		a.notTokens[v] = true
	} else {
		a.unknown[v] = true
	}
	switch x := e.(type) {
	case *js.NewExpr:
		if name := varName(x.X); name == "URLSearchParams" {
			a.params[v] = true
		}
	case *js.CallExpr:
		if f, ok := x.X.(*js.DotExpr); ok && propName(f) == "create" && a.isAxios(f.X) {
			a.axioses[v] = true
		}
	case *js.Var:
		if string(x.Name()) == "axios" {
			a.axioses[v] = true
		}
	}
}

func (a *analyser) isRequireJWT(e js.IExpr) bool {
	call, ok := unwrap(e).(*js.CallExpr)
	if !ok || varName(call.X) != "require" || len(call.Args.List) != 1 {
		return false
	}
	s, ok := a.stringValue(call.Args.List[0].Value)
	return ok && s == jsonwebtokenMod
}

func (a *analyser) isJWTLib(e js.IExpr) bool {
	e = unwrap(e)
	if v, ok := e.(*js.Var); ok {
		return a.jwtLibs[root(v)] || a.imported[string(v.Name())] == jsonwebtokenMod
	}
	return a.isRequireJWT(e)
}

func (a *analyser) isAxios(e js.IExpr) bool {
	switch e := unwrap(e).(type) {
	case *js.Var:
		return string(e.Name()) == "axios" || a.axioses[root(e)]
	case *js.DotExpr:
		return a.isAxios(e.X) // axios.default, this.axios
	}
	return false
}

func unwrap(e js.IExpr) js.IExpr {
	for {
		switch x := e.(type) {
		case *js.GroupExpr:
			e = x.X
		case *js.UnaryExpr:
			if x.Op != js.AwaitToken {
				return e
			}
			e = x.X
		default:
			return e
		}
	}
}

func varName(e js.IExpr) string {
	if v, ok := unwrap(e).(*js.Var); ok {
		return string(v.Name())
	}
	return ""
}

func propName(d *js.DotExpr) string {
	switch l := d.Y.(type) {
	case js.LiteralExpr:
		return string(l.Data)
	case *js.LiteralExpr:
		return string(l.Data)
	}
	if v, ok := d.Y.(*js.Var); ok {
		return string(v.Data)
	}
	return ""
}

func unquote(b []byte) string {
	if len(b) >= 2 && (b[0] == '\'' || b[0] == '"' || b[0] == '`') && b[len(b)-1] == b[0] {
		return string(b[1 : len(b)-1])
	}
	return string(b)
}

// stringValue is the value of a string literal, a template without
// substitutions, or a variable holding one.
func (a *analyser) stringValue(e js.IExpr) (string, bool) {
	switch e := unwrap(e).(type) {
	case *js.LiteralExpr:
		if e.TokenType == js.StringToken && !a.overHole(e.Data) {
			return unquote(e.Data), true
		}
	case *js.TemplateExpr:
		if len(e.List) == 0 && e.Tag == nil && !a.overHole(e.Tail) {
			return unquote(e.Tail), true
		}
	case *js.Var:
		s, ok := a.consts[root(e)]
		return s, ok
	}
	return "", false
}

// overHole reports whether the node text b (a slice of buf) covers a
// template value tag: '<%= token %>' is the server's output, which the
// page is rendered with, not a constant of the script.
func (a *analyser) overHole(b []byte) bool {
	if len(a.holes) == 0 {
		return false
	}
	off := a.offset(b)
	for _, h := range a.holes {
		if off >= 0 && off < h.end && h.start < off+len(b) {
			return true
		}
	}
	return false
}

// storageKind returns "localStorage" or "sessionStorage" if e is one of
// them: the global, window./globalThis./self. of it, or an alias.
func (a *analyser) storageKind(e js.IExpr) string {
	switch e := unwrap(e).(type) {
	case *js.Var:
		if k, ok := a.storages[root(e)]; ok {
			return k
		}
		if root(e).Decl == js.NoDecl {
			if n := string(e.Name()); n == "localStorage" || n == "sessionStorage" {
				return n
			}
		}
	case *js.DotExpr:
		n := propName(e)
		if n != "localStorage" && n != "sessionStorage" {
			return ""
		}
		switch varName(e.X) {
		case "window", "globalThis", "self":
			return n
		}
	}
	return ""
}

func (a *analyser) tokenName(name string) bool {
	is, ok := a.names[name]
	if !ok {
		is = a.model.IsToken(name)
		a.names[name] = is
	}
	return is
}

// isTokenValue reports whether e evaluates to a token, judged by the names
// it reads: a variable, property or getter named like a token.
func (a *analyser) isTokenValue(e js.IExpr) bool {
	switch e := unwrap(e).(type) {
	case *js.Var:
		v := root(e)
		if _, isConst := a.consts[v]; isConst {
			return false // a literal: a key, a placeholder, not a live token
		}
		return a.tokens[v] || !(a.notTokens[v] && !a.unknown[v]) && a.tokenName(string(e.Name()))
	case *js.DotExpr:
		return a.tokenName(propName(e))
	case *js.IndexExpr:
		if s, ok := a.stringValue(e.Y); ok {
			return a.tokenName(s)
		}
	case *js.CallExpr:
		if a.returnsClaims(e) {
			return false // getToken({req}): the claims, whatever the function is called
		}
		switch f := unwrap(e.X).(type) {
		case *js.Var:
			return a.model.IsTokenFunc(string(f.Name()))
		case *js.DotExpr:
			n := propName(f)
			if n == "stringify" && len(e.Args.List) == 1 {
				return a.isTokenValue(e.Args.List[0].Value)
			}
			return a.model.IsTokenFunc(n)
		}
	case *js.BinaryExpr:
		switch e.Op {
		case js.OrToken, js.NullishToken:
			return a.isTokenValue(e.X) || a.isTokenValue(e.Y)
		case js.AddToken:
			return a.isTokenValue(e.X) || a.isTokenValue(e.Y)
		}
	case *js.CondExpr:
		return a.isTokenValue(e.X) || a.isTokenValue(e.Y)
	case *js.TemplateExpr:
		for _, p := range e.List {
			if a.isTokenValue(p.Expr) {
				return true
			}
		}
	case *js.ObjectExpr:
		for _, p := range e.List {
			if p.Name != nil && !p.Name.IsComputed() && a.tokenName(unquote(p.Name.Literal.Data)) {
				return true
			}
			if p.Name == nil && !p.Spread && a.isTokenValue(p.Value) {
				return true
			}
		}
	}
	return false
}

// notCredentialKey reports a key known to hold no credential, also when
// encoded first (argo-cd: window.btoa('pkce_session_id')).
func (a *analyser) notCredentialKey(e js.IExpr) bool {
	if c, ok := unwrap(e).(*js.CallExpr); ok && len(c.Args.List) == 1 {
		switch n := calleeName(c.X); n {
		case "btoa", "encodeURIComponent", "String":
			return a.notCredentialKey(c.Args.List[0].Value)
		}
	}
	if s, ok := a.stringValue(e); ok {
		return tokenmodel.NotCredential(s)
	}
	if v, ok := unwrap(e).(*js.Var); ok {
		return tokenmodel.NotCredential(string(v.Name()))
	}
	return false
}

func calleeName(e js.IExpr) string {
	switch f := unwrap(e).(type) {
	case *js.Var:
		return string(f.Name())
	case *js.DotExpr:
		return propName(f)
	}
	return ""
}

// isTokenKey reports whether e, a storage or query key, names a token.
func (a *analyser) isTokenKey(e js.IExpr) bool {
	if s, ok := a.stringValue(e); ok {
		return a.model.IsTokenKey(s)
	}
	switch e := unwrap(e).(type) {
	case *js.Var:
		return a.model.IsTokenKey(string(e.Name()))
	case *js.DotExpr:
		return a.model.IsTokenKey(propName(e))
	case *js.TemplateExpr:
		var b strings.Builder
		for _, p := range e.List {
			b.Write(bytes.Trim(p.Value, "`}"))
			b.WriteString("_")
		}
		b.Write(bytes.Trim(e.Tail, "`}"))
		return a.model.IsTokenKey(b.String())
	}
	return false
}

// Enter implements js.IVisitor: the checks.
func (a *analyser) Enter(n js.INode) js.IVisitor {
	a.stack = append(a.stack, n)
	switch n := n.(type) {
	case *js.LiteralExpr:
		a.lastOff = max(a.lastOff, a.offset(n.Data))
	case js.LiteralExpr:
		a.lastOff = max(a.lastOff, a.offset(n.Data))
	case *js.Var:
		// A variable's bytes are those of its first occurrence, which the
		// walk has passed.
		a.lastOff = max(a.lastOff, a.offset(n.Data))
	case *js.ImportStmt:
		// The module specifier is no literal node, and the names bound
		// before it (import { sign as foo } from …) are not uses: a call
		// after the import is placed after it.
		a.lastOff = max(a.lastOff, a.offset(n.Module))
	case *js.CallExpr:
		a.call(n)
		// One resolution of the callee serves the model-driven checks.
		ref, ok := a.resolveRef(n.X, 0)
		a.keyCall(n.X, ref, ok, n.Args.List, false)
		a.jwtAPICall(n, n.X, ref, ok, n.Args.List, false)
		a.cookieAPICall(n.X, ref, ok, n.Args.List)
		a.logCall(n.X, ref, ok, n.Args.List)
		a.storageCall(n.X, ref, ok, n.Args.List, false)
	case *js.NewExpr:
		a.newExpr(n)
		ref, ok := a.resolveRef(n.X, 0)
		var args []js.Arg
		if n.Args != nil {
			args = n.Args.List
			a.keyCall(n.X, ref, ok, args, true)
		}
		a.jwtAPICall(n, n.X, ref, ok, args, true)
		a.storageCall(n.X, ref, ok, args, true)
	case *js.BindingElement:
		if n.Default != nil {
			a.bindDecoded(n.Binding, n.Default)
		}
	case *js.BinaryExpr:
		if n.Op == js.EqToken {
			if v, ok := n.X.(*js.Var); ok {
				a.bindDecoded(v, n.Y)
			}
			a.assign(n)
			if d, ok := n.X.(*js.DotExpr); ok && propName(d) == "search" {
				if v := a.paramsVar(n.Y); v != nil {
					a.queryUse[v] = true // url.search = params
				}
			}
		}
		if n.Op == js.AddToken {
			a.concat(n)
			if v := a.paramsVar(n.Y); v != nil && a.chainHasQuery(n.X) {
				a.queryUse[v] = true // url + '?' + params
			}
		}
	case *js.TemplateExpr:
		a.template(n)
		seenQuery := false
		for _, p := range n.List {
			seenQuery = seenQuery || bytes.Contains(p.Value, []byte("?"))
			if v := a.paramsVar(p.Expr); v != nil && seenQuery {
				a.queryUse[v] = true // `${url}?${params}`
			}
		}
	case *js.IfStmt:
		a.authzUse(n.Cond)
	case *js.CondExpr:
		a.authzUse(n.Cond)
	}
	return a
}

// Exit implements js.IVisitor.
func (a *analyser) Exit(js.INode) { a.stack = a.stack[:len(a.stack)-1] }

func (a *analyser) call(c *js.CallExpr) {
	args := c.Args.List
	switch f := unwrap(c.X).(type) {
	case *js.DotExpr:
		name := propName(f)
		if kind := a.storageKind(f.X); kind != "" && name == "setItem" && len(args) >= 2 {
			if a.notCredentialKey(args[0].Value) {
				return // PKCE state, a captcha: stored there by design
			}
			if (a.isTokenKey(args[0].Value) && !a.isLiteral(args[1].Value)) || a.isTokenValue(args[1].Value) {
				off, l := a.pos(f.Y)
				a.report(rules.TokenInWebStorage, off, l, fmt.Sprintf(msgStorage, kind, kind+".setItem"))
			}
			return
		}
		if (name == "set" || name == "append") && len(args) >= 2 && a.isParams(f.X) && a.isTokenKey(args[0].Value) && !a.nonTokenParam(args[0].Value) {
			off, l := a.pos(args[0].Value)
			if off < 0 {
				off, l = a.pos(f.Y)
			}
			a.paramsHit(f.X, hit{rule: rules.TokenInQuery, offset: off, length: l, msg: fmt.Sprintf(msgQuery, "URLSearchParams."+name)})
			return
		}
		if a.isJWTLib(f.X) {
			a.jwtCall(name, f, args)
			return
		}
		if a.isAxios(f.X) || a.isAxios(f) {
			a.axiosParams(args)
		}
	case *js.Var:
		if fn, ok := a.jwtFuncs[root(f)]; ok {
			a.jwtCall(fn, nil, args)
			return
		}
		if fn, ok := strings.CutPrefix(a.imported[string(f.Name())], jsonwebtokenMod+"."); ok {
			a.jwtCall(fn, nil, args)
			return
		}
		if a.isAxios(f) {
			a.axiosParams(args)
		}
	}
}

func (a *analyser) isParams(e js.IExpr) bool {
	switch e := unwrap(e).(type) {
	case *js.Var:
		return a.params[root(e)]
	case *js.DotExpr:
		return propName(e) == "searchParams"
	case *js.NewExpr:
		return varName(e.X) == "URLSearchParams"
	}
	return false
}

func (a *analyser) nonTokenParam(e js.IExpr) bool {
	s, ok := a.stringValue(e)
	return ok && tokenmodel.IsNonTokenParam(s)
}

func (a *analyser) newExpr(n *js.NewExpr) {
	if varName(n.X) != "URLSearchParams" || n.Args == nil || len(n.Args.List) == 0 {
		return
	}
	obj, ok := unwrap(n.Args.List[0].Value).(*js.ObjectExpr)
	if !ok {
		return
	}
	var target js.IExpr = n
	if len(a.stack) >= 2 {
		switch p := a.stack[len(a.stack)-2].(type) {
		case *js.BindingElement:
			if v, ok := p.Binding.(*js.Var); ok {
				target = v
			}
		case *js.BinaryExpr:
			if v, ok := p.X.(*js.Var); ok && p.Op == js.EqToken {
				target = v
			} else if p.Op == js.AddToken && p.Y == js.IExpr(n) && a.chainHasQuery(p.X) {
				target = nil // straight into a query
			}
		case *js.TemplatePart:
			target = nil // ${new URLSearchParams(…)}: judged as a query only after "?"
			if !bytes.Contains(p.Value, []byte("?")) {
				return
			}
		}
	}
	anchor, _ := a.pos(n.X)
	for _, h := range a.queryObject(obj, "URLSearchParams", anchor) {
		if target == nil {
			a.report(h.rule, h.offset, h.length, h.msg)
		} else {
			a.paramsHit(target, h)
		}
	}
}

// paramsHit files a finding about a URLSearchParams object: reported at
// once for a URL's searchParams, and for an object in a variable only if
// that variable becomes a query (a form body may carry a token).
func (a *analyser) paramsHit(target js.IExpr, h hit) {
	switch t := unwrap(target).(type) {
	case *js.DotExpr:
		if propName(t) == "searchParams" {
			a.report(h.rule, h.offset, h.length, h.msg)
		}
	case *js.Var:
		if h.offset < 0 {
			h.offset, h.length = a.here() // placed now: it is reported after the walk
		}
		v := root(t)
		a.pending[v] = append(a.pending[v], h)
	}
}

// paramsVar returns the URLSearchParams variable e reads (v or
// v.toString()), or nil.
func (a *analyser) paramsVar(e js.IExpr) *js.Var {
	switch x := unwrap(e).(type) {
	case *js.Var:
		if a.params[root(x)] {
			return root(x)
		}
	case *js.CallExpr:
		if d, ok := unwrap(x.X).(*js.DotExpr); ok && propName(d) == "toString" {
			return a.paramsVar(d.X)
		}
	}
	return nil
}

// flushParams reports the findings of URLSearchParams variables that
// became a query.
func (a *analyser) flushParams() {
	for v, hs := range a.pending {
		if !a.queryUse[v] {
			continue
		}
		for _, h := range hs {
			a.report(h.rule, h.offset, h.length, h.msg)
		}
	}
}

// axiosParams reports token-named entries of a params option.
func (a *analyser) axiosParams(args []js.Arg) {
	for _, arg := range args {
		obj, _ := a.objectOf(arg.Value, 0) // the config, or a constant holding it
		if obj == nil {
			continue
		}
		for _, p := range obj.List {
			if p.Name == nil || p.Name.IsComputed() || unquote(p.Name.Literal.Data) != "params" {
				continue
			}
			if po, _ := a.objectOf(p.Value, 0); po != nil {
				anchor, _ := a.pos(&p.Name.Literal)
				for _, h := range a.queryObject(po, "axios params", anchor) {
					a.report(h.rule, h.offset, h.length, h.msg)
				}
			}
		}
	}
}

// queryObject reports the entries of an object that becomes a query
// whose name says token, or whose value does under any name ({ key:
// apiKey }, Google's and Steam's key=). A shorthand entry ({ token }) has
// no position of its own (the parser shares one variable between its
// uses), so it is looked up as text after anchor, the offset of something
// before the object.
func (a *analyser) queryObject(obj *js.ObjectExpr, what string, anchor int) []hit {
	var out []hit
	for _, p := range obj.List {
		var key string
		var at js.INode
		switch {
		case p.Name != nil && !p.Name.IsComputed():
			key, at = unquote(p.Name.Literal.Data), &p.Name.Literal
		case p.Name == nil && !p.Spread:
			if v, ok := p.Value.(*js.Var); ok {
				key = string(v.Name()) // shorthand { access_token }
				at = p.Value
			}
		}
		if key == "" || tokenmodel.IsNonTokenParam(key) || tokenmodel.NotCredential(key) {
			continue
		}
		if !a.model.IsTokenParam(key) && (p.Name == nil || !a.isTokenValue(p.Value)) {
			continue
		}
		off, l := a.pos(at)
		if off < 0 && anchor >= 0 && anchor < len(a.buf) {
			if i := bytes.Index(a.buf[anchor:], []byte(key)); i >= 0 {
				off, l = anchor+i, len(key)
			}
		}
		out = append(out, hit{rule: rules.TokenInQuery, offset: off, length: l, msg: fmt.Sprintf(msgQuery, what)})
	}
	return out
}

func (a *analyser) assign(b *js.BinaryExpr) {
	switch x := b.X.(type) {
	case *js.DotExpr:
		a.documentCookie(x, b.Y)
		kind := a.storageKind(x.X)
		if kind == "" {
			a.decodedInto(x, b.Y)
			return
		}
		name := propName(x)
		if (a.model.IsTokenKey(name) && !a.isLiteral(b.Y)) || a.isTokenValue(b.Y) {
			off, l := a.pos(x.Y)
			a.report(rules.TokenInWebStorage, off, l, fmt.Sprintf(msgStorage, kind, kind+"."+name))
		}
	case *js.IndexExpr:
		kind := a.storageKind(x.X)
		if kind == "" {
			return
		}
		if (a.isTokenKey(x.Y) && !a.isLiteral(b.Y)) || a.isTokenValue(b.Y) {
			off, l := a.pos(x.Y)
			if off < 0 {
				off, l = a.pos(b.Y)
			}
			a.report(rules.TokenInWebStorage, off, l, fmt.Sprintf(msgStorage, kind, kind+"[…]"))
		}
	}
}

// template reports `…?token=${value}`.
func (a *analyser) template(t *js.TemplateExpr) {
	if t.Tag != nil {
		return
	}
	seenQuery := false    // a "?" in an earlier part: ?a=${x}&token=${y}
	seenFragment := false // a "#" in an earlier part: what follows is the fragment
	for _, p := range t.List {
		text := strings.TrimPrefix(strings.TrimSuffix(string(p.Value), "${"), "`")
		text = strings.TrimPrefix(text, "}")
		if seenQuery {
			text = "?" + text
		}
		if seenFragment {
			text = "#" + text
		}
		seenQuery = seenQuery || strings.Contains(text, "?")
		seenFragment = seenFragment || strings.Contains(text, "#")
		key := a.model.QueryTokenKey(text)
		if key == "" || !a.valueMayBeToken(p.Expr) {
			continue
		}
		off := a.offset(p.Value)
		if off >= 0 {
			off += bytes.LastIndex(p.Value, []byte(key))
		}
		a.report(rules.TokenInQuery, off, len(key), fmt.Sprintf(msgQuery, key+"=${…}"))
	}
}

// isLiteral reports whether e is a literal or a variable holding a string
// literal: writing "", null or false under a token key clears the token
// on logout (filebrowser's setItem("jwt", "")), it stores none.
func (a *analyser) isLiteral(e js.IExpr) bool {
	if _, ok := a.stringValue(e); ok {
		return true
	}
	switch e := unwrap(e).(type) {
	case *js.LiteralExpr:
		return !a.overHole(e.Data)
	case *js.Var:
		return root(e).Decl == js.NoDecl && string(e.Name()) == "undefined"
	}
	return false
}

// valueMayBeToken: the value written under a token key is a token unless it
// is a literal (a placeholder or a documented example).
func (a *analyser) valueMayBeToken(e js.IExpr) bool {
	if _, lit := a.stringValue(e); lit {
		return false
	}
	return !tokenmodel.NotCredential(valueName(e))
}

// valueName is the name an expression's value goes by: a variable's, a
// property's, or for a call the called function's or method's
// (this.unsubscribeToken(id)); "" for anything else.
func valueName(e js.IExpr) string {
	if c, ok := unwrap(e).(*js.CallExpr); ok {
		return valueName(c.X)
	}
	return calleeName(e)
}

// concat reports '…?access_token=' + value.
func (a *analyser) concat(b *js.BinaryExpr) {
	left, ok := a.stringValue(rightmostString(b.X))
	if !ok {
		return
	}
	lit := rightmostString(b.X)
	if _, isLit := unwrap(lit).(*js.LiteralExpr); !isLit {
		return
	}
	// A form body is built the same way ("a=1&token=" + t) and may carry
	// a token (RFC 6750 allows it): only a chain that has started a URL
	// query with "?" is a query.
	if !strings.Contains(left, "?") && !a.chainHasQuery(b.X) {
		return
	}
	if !strings.Contains(left, "?") {
		left = "?" + left
	}
	key := a.model.QueryTokenKey(left)
	if key == "" || !a.valueMayBeToken(b.Y) {
		return
	}
	l := unwrap(lit).(*js.LiteralExpr)
	off := a.offset(l.Data)
	if off >= 0 {
		off += bytes.LastIndex(l.Data, []byte(key))
	}
	a.report(rules.TokenInQuery, off, len(key), fmt.Sprintf(msgQuery, key+"=' + …"))
}

// chainHasQuery reports whether a string literal of the + chain e
// contains "?". It is asked at every + of a chain about the chain to its
// left: without the memo, a chain of n strings cost n² steps.
func (a *analyser) chainHasQuery(e js.IExpr) bool {
	switch x := unwrap(e).(type) {
	case *js.BinaryExpr:
		if x.Op != js.AddToken {
			return false
		}
		has, ok := a.hasQuery[x]
		if !ok {
			has = a.chainHasQuery(x.X) || a.chainHasQuery(x.Y)
			a.hasQuery[x] = has
		}
		return has
	case *js.LiteralExpr:
		return x.TokenType == js.StringToken && bytes.Contains(x.Data, []byte("?"))
	case *js.TemplateExpr:
		for _, p := range x.List {
			if bytes.Contains(p.Value, []byte("?")) {
				return true
			}
		}
		return bytes.Contains(x.Tail, []byte("?"))
	}
	return false
}

// rightmostString is the last operand of a chain of + : in a + 'b' + c
// the left side of the outer + is (a + 'b'), whose last operand is 'b'.
func rightmostString(e js.IExpr) js.IExpr {
	for {
		b, ok := unwrap(e).(*js.BinaryExpr)
		if !ok || b.Op != js.AddToken {
			return e
		}
		e = b.Y
	}
}

// jwtCall checks a call of the jsonwebtoken module's name (f is the
// selector when called as jwt.name, nil for a named import).
func (a *analyser) jwtCall(name string, f *js.DotExpr, args []js.Arg) {
	at := func() (int, int) {
		if f != nil {
			return a.pos(f.Y)
		}
		if len(args) > 0 {
			return a.pos(args[0].Value)
		}
		return -1, 0
	}
	opts := func(i int) *js.ObjectExpr {
		if i < len(args) {
			o, _ := unwrap(args[i].Value).(*js.ObjectExpr)
			return o
		}
		return nil
	}
	// 'none' and unverified decodes are the models' (jwt.go); the
	// lifetime checks are jsonwebtoken's options, read here.
	switch name {
	case "sign":
		o := opts(2)
		if o != nil && (property(o, "expiresIn") != nil || hasSpread(o)) {
			return
		}
		payload, ok := unwrap(args0(args)).(*js.ObjectExpr)
		if !ok || hasExpiryClaim(payload) || hasSpread(payload) {
			return // an object built elsewhere may carry exp
		}
		if len(args) > 2 && o == nil {
			return // options built elsewhere
		}
		off, l := at()
		a.report(rules.JWTMissingExp, off, l, msgSignNoExp)
	case "verify":
		o := opts(2)
		if o == nil {
			return
		}
		if p := property(o, "ignoreExpiration"); p != nil {
			if l, ok := unwrap(p.Value).(*js.LiteralExpr); ok && l.TokenType == js.TrueToken {
				off, n := a.pos(&p.Name.Literal)
				a.report(rules.JWTMissingExp, off, n, msgIgnoreExp)
			}
		}
	}
}

func args0(args []js.Arg) js.IExpr {
	if len(args) == 0 {
		return nil
	}
	return args[0].Value
}

func property(o *js.ObjectExpr, name string) *js.Property {
	for i := range o.List {
		if n, ok := propertyName(&o.List[i]); ok && n == name {
			return &o.List[i]
		}
	}
	return nil
}

// propertyName is the name of an object literal's property: its key, or
// a shorthand's variable ({ token }); none for a computed key or a spread.
func propertyName(p *js.Property) (string, bool) {
	switch {
	case p.Name != nil && !p.Name.IsComputed():
		return unquote(p.Name.Literal.Data), true
	case p.Name == nil && !p.Spread:
		if v, ok := p.Value.(*js.Var); ok {
			return string(v.Name()), true
		}
	}
	return "", false
}

// hasExpiryClaim reports whether the payload object literal sets an
// expiry claim.
func hasExpiryClaim(o *js.ObjectExpr) bool {
	return slices.ContainsFunc(o.List, func(p js.Property) bool {
		n, ok := propertyName(&p)
		return ok && rules.IsExpiryClaim(n)
	})
}

func hasSpread(o *js.ObjectExpr) bool {
	for _, p := range o.List {
		if p.Spread {
			return true
		}
	}
	return false
}

func containsNode(root js.INode, target js.INode) bool {
	found := false
	js.Walk(finder{target: target, found: &found}, root)
	return found
}

type finder struct {
	target js.INode
	found  *bool
}

func (f finder) Enter(n js.INode) js.IVisitor {
	if *f.found {
		return nil
	}
	if n == f.target {
		*f.found = true
		return nil
	}
	return f
}

func (finder) Exit(js.INode) {}

// timeClaims are claims a client may read from an unverified token without
// deciding access: when it expires or was issued.
var timeClaims = map[string]bool{"exp": true, "iat": true, "nbf": true}

// authzUse marks the unverified decodes whose results a condition
// reads, other than for their time claims: they decide access.
func (a *analyser) authzUse(cond js.IExpr) {
	if (len(a.decoded) == 0 && len(a.claimVars) == 0) || cond == nil {
		return
	}
	js.Walk(condVisitor{a: a}, cond)
}

type condVisitor struct{ a *analyser }

func (c condVisitor) Enter(n js.INode) js.IVisitor {
	switch n := n.(type) {
	case *js.DotExpr:
		if v, ok := unwrap(n.X).(*js.Var); ok {
			if d, ok := c.a.decoded[root(v)]; ok {
				if !timeClaims[propName(n)] {
					c.a.decidesAccess(d, n)
				}
				return nil
			}
		}
	case *js.Var:
		// The decoded object itself in a condition is a presence check
		// (a malformed token decodes to null: `decoded ? … : null`); a
		// claim destructured from it is read for its value.
		if d, ok := c.a.claimVars[root(n)]; ok {
			c.a.decidesAccess(d, nil)
		}
	}
	return c
}

func (condVisitor) Exit(js.INode) {}

// decidesAccess marks d as deciding access at use, which places the
// finding when the decode call itself has no position.
func (a *analyser) decidesAccess(d *decodeUse, use js.INode) {
	d.access = true
	if use != nil && d.useOff < 0 {
		d.useOff, d.useLen = a.pos(use)
	}
}

// decodedInto marks req.user = decoded (a request's identity set from an
// unverified token) as deciding access.
func (a *analyser) decodedInto(x *js.DotExpr, value js.IExpr) {
	v, ok := unwrap(value).(*js.Var)
	if !ok {
		return
	}
	d, ok := a.decoded[root(v)]
	if !ok {
		return
	}
	switch propName(x) {
	case "user", "auth", "claims", "identity", "principal", "session":
		a.decidesAccess(d, x)
	}
}
