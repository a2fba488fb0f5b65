package web

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Rules jwt-unverified-parse and jwt-none-alg in JavaScript, from the api
// rows of the JS models that name a family (models/js: jsonwebtoken,
// jose, jwt-simple, jwt-decode). The rows say which calls decode without
// verifying (unverified), which verify (parses-verified), which sign
// (signs), which arguments turn verification off (no-verify, if-true),
// where the accepted algorithms (pins-alg, alg-names) and the signing
// algorithm (alg-name) are, and which values are the none key or make
// unsigned tokens (none-key, none-alg). The calls are found with the
// bindings of keys.go. Rule jwt-alg-not-pinned: a verifier that takes
// the algorithm from the token (infers-alg) given an evident public key
// and no algorithms option.
//
// An unverified decode is reported when
//   - its result decides access (read in a condition, other than for its
//     time claims, or set as the request's user), or
//   - the token comes from the request the code serves (its headers,
//     query, body or cookies), or
//   - verification was turned off with an argument (jwt-simple's
//     decode(token, key, true)),
//
// unless the same token is verified in the same function, before or
// after (reading a kid to pick the key, then verifying, is fine). A
// verify that accepts 'none' does not count as one. A client-side
// decoder (jwt-decode) is judged only in server code: in the browser it
// reads claims for display, and the server checks the token.

// Messages, in the Go analyzers' words (analyzers/jwtunverifiedparse,
// analyzers/jwtnonealg).
const (
	msgJSUnverified = "JWT decoded without verifying its signature (%s, %s): anyone can forge the claims; verify it with the library's verifying function and a key"
	msgJSNoVerify   = "JWT signature verification turned off (%s): anyone can forge a token that passes; remove it and verify with a key"
	msgJSAccepts    = "JWT parser accepts the none algorithm (%s): anyone can forge an unsigned token; list only the algorithms you sign with, such as HS256 or RS256"
	msgJSSignNone   = "JWT signed with the none algorithm (%s): anyone can forge such a token; sign with HS256/RS256/ES256 and a real key"
	msgJSNoneKey    = "JWT signed or verified with the none algorithm (%s): anyone can forge such a token; use HS256/RS256/ES256 and a real key"
	msgJSPublicKey  = "JWT verified with a public key and the algorithm is not pinned (%s): a token signed with HS256 using the public key as secret may be accepted; pass the algorithms option, such as { algorithms: ['RS256'] }"
	msgJSInsecure   = "JWT signed without a signature (%s): anyone can forge such a token; sign with a real algorithm and key"
)

// jwtArgFact is an api row about an argument of a call (or a property of
// one): the callee's reference and the path from its Argument step.
type jwtArgFact struct {
	row  *model.Row
	rest model.Path
}

// addJWTRows fills the spec's JWT view from the JS api rows of the files
// that name a family.
func (spec *keySpec) addJWTRows(s *model.Set) {
	spec.jwtCalls = map[apiRef]*model.Row{}
	spec.jwtArgs = map[apiRef][]jwtArgFact{}
	spec.jwtValues = map[apiRef]*model.Row{}
	for _, r := range s.Rows(model.JS, model.SectionAPI) {
		if r.File == nil || r.File.Family == "" {
			continue
		}
		ref, rest, ok := apiPath(r)
		switch {
		case !ok:
		case rest != nil:
			spec.jwtArgs[ref] = append(spec.jwtArgs[ref], jwtArgFact{row: r, rest: rest})
		case slices.Contains(r.Traits, model.TraitNoneKey):
			spec.jwtValues[ref] = r
		default:
			spec.jwtCalls[ref] = r
		}
	}
}

// apiPath splits a JS api row's access path where it first takes an
// argument: the element (a call's callee) and the steps from that
// argument on, nil when the row names the element itself. The ES default
// of a CommonJS module is the module (apiRef.member), so a leading
// Member[default] is dropped.
func apiPath(r *model.Row) (ref apiRef, rest model.Path, ok bool) {
	p, err := model.ParsePath(r.Path)
	if err != nil {
		return apiRef{}, nil, false
	}
	if len(p) > 0 && p[0].Op == model.OpMember && p[0].Name == "default" {
		p = p[1:]
	}
	i := slices.IndexFunc(p, func(s model.Step) bool { return s.Op == model.OpArgument })
	if i < 0 {
		return apiRef{r.Package, p.String()}, nil, true
	}
	return apiRef{r.Package, p[:i].String()}, p[i:], true
}

// param is the position of the first parameter with role, or -1.
func param(r *model.Row, role string) int {
	return slices.Index(r.Params, role)
}

// tokenID identifies a token for "verified in the same function": the
// variable, or the text of another expression (req.headers.authorization).
type tokenID struct {
	v    *js.Var
	text string
}

func tokenOf(e js.IExpr) (tokenID, bool) {
	switch x := unwrap(e).(type) {
	case nil:
		return tokenID{}, false
	case *js.Var:
		return tokenID{v: root(x)}, true
	default:
		return tokenID{text: x.String()}, true
	}
}

// decodeUse is one unverified decode, judged when the script is walked.
type decodeUse struct {
	token      tokenID
	hasToken   bool
	fn         js.INode // the innermost enclosing function, nil at top level
	off, len   int
	callee     string
	clientSide bool
	noVerify   bool // verification turned off by an argument
	request    bool // the token comes from the request served
	access     bool // the result decides access
	useOff     int  // where the result is used, when the call has no position
	useLen     int
}

// verifyUse is one verifying call of a token.
type verifyUse struct {
	token tokenID
	fn    js.INode
}

// enclosingFunc is the innermost function on the walk's stack.
func (a *analyser) enclosingFunc() js.INode {
	for i := len(a.stack) - 1; i >= 0; i-- {
		switch a.stack[i].(type) {
		case *js.FuncDecl, *js.ArrowFunc, *js.MethodDecl:
			return a.stack[i]
		}
	}
	return nil
}

// jwtAPICall checks a call or construction c of callee against the JWT
// api rows, and records the decodes and verifications it makes.
func (a *analyser) jwtAPICall(c js.IExpr, callee js.IExpr, ref apiRef, resolved bool, args []js.Arg, isNew bool) {
	if len(a.keys.jwtCalls) == 0 && len(a.keys.jwtArgs) == 0 || !resolved {
		return
	}
	row := a.keys.jwtCalls[ref]
	name := calleeText(callee)
	off, l := a.calleePos(callee)
	if off < 0 && len(args) > 0 {
		off, l = a.pos(args[0].Value)
	}
	if off < 0 && isVarLike(callee) {
		// A function called by its name alone (a variable's node has no
		// position): the name's first occurrence after the last literal
		// the walk passed, which is before the call.
		off, l = a.usePos(callee, max(a.lastOff, 0))
	}
	noneAccepted, noVerify := false, false
	pinsAlg, pinned := false, false
	var keys []js.IExpr // keys given as an option's member ({ secret })
	for _, f := range a.keys.jwtArgs[ref] {
		vals := a.argVals(args, f.rest[0], off)
		for _, st := range f.rest[1:] {
			vals = a.stepVals(vals, st)
		}
		if slices.Contains(f.row.Traits, model.TraitPinsAlg) {
			pinsAlg = true
			pinned = pinned || len(vals) > 0 || !a.optionsKnown(args, f.rest)
		}
		for _, v := range vals {
			switch {
			case f.row.Value == model.RoleAlgNames:
				arr, _ := a.arrayOf(v.e, 0)
				if arr == nil {
					continue
				}
				for _, el := range arr.List {
					if s, ok := a.stringValue(el.Value); ok && strings.EqualFold(s, "none") {
						noneAccepted = true
						o, n := a.pos(el.Value)
						if o < 0 {
							o, n = off, l
						}
						a.report(rules.JWTNoneAlg, o, n, fmt.Sprintf(msgJSAccepts, name))
					}
				}
			case f.row.Value == model.RoleAlgName:
				if s, ok := a.stringValue(v.e); ok && strings.EqualFold(s, "none") {
					o, n := a.pos(v.e)
					if o < 0 {
						o, n = off, l
					}
					a.report(rules.JWTNoneAlg, o, n, fmt.Sprintf(msgJSSignNone, name))
				}
			case f.row.Value == model.RoleKey:
				keys = append(keys, v.e)
			case isLifetime(f.row.Value):
				unit, _ := lifetimeRole(f.row.Value)
				a.checkLifetime(v, unit, name)
			case slices.Contains(f.row.Traits, model.TraitNoVerify) && f.row.If == model.IfTrue:
				noVerify = noVerify || a.truthy(v.e)
			}
		}
	}
	if row == nil {
		return
	}
	traits := row.Traits
	if slices.Contains(traits, model.TraitNoneAlg) {
		a.report(rules.JWTNoneAlg, off, l, fmt.Sprintf(msgJSInsecure, newPrefix(isNew)+name))
		return
	}
	if k := param(row, model.RoleKey); k >= 0 && k < len(args) && !args[k].Rest {
		if kr, ok := a.resolveRef(args[k].Value, 0); ok && a.keys.jwtValues[kr] != nil {
			o, n := a.pos(args[k].Value)
			if o < 0 {
				o, n = off, l
			}
			a.report(rules.JWTNoneAlg, o, n, fmt.Sprintf(msgJSNoneKey, name+" with "+calleeText(args[k].Value)))
			noneAccepted = true
		}
	}
	// Only a verifier that takes the algorithm from the token (infers-alg)
	// can be made to use a public key as an HMAC secret.
	if pinsAlg && !pinned && slices.Contains(row.Traits, model.TraitInfersAlg) {
		if k := param(row, model.RoleKey); k >= 0 && k < len(args) && !args[k].Rest {
			keys = append(keys, args[k].Value)
		}
		if slices.ContainsFunc(keys, a.publicKey) {
			a.report(rules.JWTAlgNotPinned, off, l, fmt.Sprintf(msgJSPublicKey, name))
		}
	}
	var tok js.IExpr
	if t := param(row, model.RoleRawToken); t >= 0 && t < len(args) && !args[t].Rest {
		tok = args[t].Value
	}
	verifies := slices.Contains(traits, model.TraitParsesVerified) || slices.Contains(traits, model.TraitVerifies)
	if verifies && !noVerify {
		if id, ok := tokenOf(tok); ok && !noneAccepted {
			a.verifies = append(a.verifies, verifyUse{token: id, fn: a.enclosingFunc()})
		}
		return
	}
	if !slices.Contains(traits, model.TraitUnverified) && !noVerify {
		return
	}
	d := a.decodeOf(c)
	d.token, d.hasToken = tokenOf(tok)
	d.off, d.len, d.callee = off, l, name
	d.clientSide = slices.Contains(traits, model.TraitClientSide)
	d.noVerify = noVerify
	d.request = tok != nil && a.fromRequest(tok, 0)
	// A decode read straight in a condition decides access.
	for i := len(a.stack) - 2; i >= 0; i-- {
		switch p := a.stack[i].(type) {
		case *js.IfStmt:
			d.access = d.access || containsNode(p.Cond, a.stack[len(a.stack)-1])
		case *js.ExprStmt, *js.VarDecl, *js.ReturnStmt:
		default:
			continue
		}
		break
	}
}

// newPrefix is "new " for a construction, for messages.
func newPrefix(isNew bool) string {
	if isNew {
		return "new "
	}
	return ""
}

// decodeOf returns the decode record of call c, made once: a binding of
// its result is seen before the call itself in the walk.
func (a *analyser) decodeOf(c js.IExpr) *decodeUse {
	if d, ok := a.decodeAt[c]; ok {
		return d
	}
	d := &decodeUse{fn: a.enclosingFunc(), off: -1, useOff: -1}
	a.decodeAt[c] = d
	a.decodes = append(a.decodes, d)
	return d
}

// isDecodeCall reports whether e calls an unverified decoder (or one with
// verification turned off), for the bindings of its result.
func (a *analyser) isDecodeCall(e js.IExpr) (*js.CallExpr, bool) {
	c, ok := unwrap(e).(*js.CallExpr)
	if !ok {
		return nil, false
	}
	ref, ok := a.resolveRef(c.X, 0)
	if !ok {
		return nil, false
	}
	if r := a.keys.jwtCalls[ref]; r != nil && slices.Contains(r.Traits, model.TraitUnverified) {
		return c, true
	}
	for _, f := range a.keys.jwtArgs[ref] {
		if slices.Contains(f.row.Traits, model.TraitNoVerify) && len(f.rest) == 1 {
			for i, arg := range c.Args.List {
				if f.rest[0].Selects(i) && !arg.Rest && a.truthy(arg.Value) {
					return c, true
				}
			}
		}
	}
	return nil, false
}

// bindDecoded records a variable given a decode's result, or a claim of
// it (const { role } = decode(t)); time claims are read to refresh a
// session, never to decide access, and are left out.
func (a *analyser) bindDecoded(b js.IBinding, e js.IExpr) {
	c, ok := a.isDecodeCall(e)
	if !ok {
		return
	}
	d := a.decodeOf(c)
	switch b := b.(type) {
	case *js.Var:
		a.decoded[root(b)] = d
	case *js.BindingObject:
		for _, item := range b.List {
			v, ok := item.Value.Binding.(*js.Var)
			if !ok {
				continue
			}
			name := string(v.Name())
			if item.Key != nil && !item.Key.IsComputed() && item.Key.Literal.TokenType != js.ErrorToken {
				name = unquote(item.Key.Literal.Data)
			}
			if !timeClaims[name] {
				a.claimVars[root(v)] = d
			}
		}
	}
}

// truthy reports whether e is a constant JavaScript treats as true: a
// non-empty string (also 'false'), a non-zero number, true, an object or
// an array.
func (a *analyser) truthy(e js.IExpr) bool {
	x, _ := a.follow(e, 0)
	switch x := unwrap(x).(type) {
	case *js.LiteralExpr:
		switch x.TokenType {
		case js.TrueToken:
			return true
		case js.StringToken:
			return len(x.Data) > 2
		case js.DecimalToken, js.IntegerToken, js.BinaryToken, js.OctalToken, js.HexadecimalToken:
			s := strings.TrimLeft(strings.ReplaceAll(string(x.Data), "_", ""), "0.")
			return s != "" && !strings.HasPrefix(s, "e") && !strings.HasPrefix(s, "E") && s != "x" && s != "b" && s != "o"
		}
	case *js.ObjectExpr, *js.ArrayExpr:
		return true
	}
	return false
}

// requestParts are the properties of a received request (Express's req,
// Koa's ctx and ctx.request, a Lambda event) that hold what the client
// sent.
var requestParts = map[string]bool{
	"headers": true, "header": true, "query": true, "body": true, "cookies": true, "signedCookies": true,
	"params": true, "queryStringParameters": true, "multiValueHeaders": true,
}

// requestNames are the names handlers give the request they serve; the
// name counts only for a function's parameter.
var requestNames = map[string]bool{"req": true, "request": true, "ctx": true, "context": true, "event": true}

// isRequestObj reports whether e is the request a handler serves: its
// parameter of a request's name, that parameter's request (ctx.request),
// or a variable holding one.
func (a *analyser) isRequestObj(e js.IExpr, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	switch x := unwrap(e).(type) {
	case *js.Var:
		r := root(x)
		if r.Decl == js.ArgumentDecl {
			return requestNames[string(x.Name())]
		}
		if b, ok := a.single(x); ok {
			if b.member != "" {
				return (b.member == "request" || b.member == "req") && a.isRequestObj(b.expr, depth+1)
			}
			return a.isRequestObj(b.expr, depth+1)
		}
	case *js.DotExpr:
		n := propName(x)
		return (n == "request" || n == "req") && a.isRequestObj(x.X, depth+1)
	}
	return false
}

// isRequestPart reports whether e is a part of the request a handler
// serves (req.headers, ctx.request.query, or a variable destructured
// from one: const { headers } = req).
func (a *analyser) isRequestPart(e js.IExpr, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	switch x := unwrap(e).(type) {
	case *js.Var:
		b, ok := a.single(x)
		if !ok {
			return false
		}
		if b.member != "" {
			return requestParts[b.member] && a.isRequestObj(b.expr, depth+1)
		}
		return a.isRequestPart(b.expr, depth+1)
	case *js.DotExpr:
		return requestParts[propName(x)] && a.isRequestObj(x.X, depth+1)
	}
	return false
}

// fromRequest reports whether e is a value the client sent: read from a
// part of the request served, and passed through the string operations
// that take a bearer token out of a header (split, replace, slice,
// indexing), bindings and defaults.
func (a *analyser) fromRequest(e js.IExpr, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	switch x := unwrap(e).(type) {
	case *js.Var:
		b, ok := a.single(x)
		if !ok {
			return false
		}
		if b.member != "" {
			return a.isRequestPart(b.expr, depth+1) || a.fromRequest(b.expr, depth+1)
		}
		return a.fromRequest(b.expr, depth+1)
	case *js.DotExpr:
		return a.isRequestPart(x.X, depth+1) || a.fromRequest(x.X, depth+1)
	case *js.IndexExpr:
		if _, ok := a.literalString(x.Y); ok && a.isRequestPart(x.X, depth+1) {
			return true
		}
		return a.fromRequest(x.X, depth+1)
	case *js.CallExpr:
		d, ok := unwrap(x.X).(*js.DotExpr)
		if !ok {
			return false
		}
		switch propName(d) {
		case "split", "replace", "replaceAll", "slice", "substring", "substr", "trim", "toString", "pop", "shift", "at":
			return a.fromRequest(d.X, depth+1)
		case "get", "header", "getHeader":
			return a.isRequestObj(d.X, depth+1) // req.get('Authorization'), ctx.get(…)
		}
	case *js.BinaryExpr:
		if x.Op == js.OrToken || x.Op == js.NullishToken {
			return a.fromRequest(x.X, depth+1) || a.fromRequest(x.Y, depth+1)
		}
	case *js.CondExpr:
		return a.fromRequest(x.X, depth+1) || a.fromRequest(x.Y, depth+1)
	}
	return false
}

// serverModules are modules only a server imports: an HTTP framework or
// Node's server and file APIs. A file importing one is server code.
var serverModules = map[string]bool{
	"express": true, "koa": true, "fastify": true, "@hapi/hapi": true, "hapi": true, "restify": true,
	"http": true, "https": true, "http2": true, "fs": true, "fs/promises": true, "net": true, "child_process": true,
	"@nestjs/common": true, "next/server": true,
}

// serverPath reports whether a file's path says it is server code: a
// directory server/, api/ or backend/ on the way to it.
func serverPath(rel string) bool {
	for _, dir := range strings.Split(path.Dir(strings.ReplaceAll(rel, "\\", "/")), "/") {
		switch dir {
		case "server", "api", "backend":
			return true
		}
	}
	return false
}

// isServer reports whether the script is server code: its path, or a
// module it imports.
func (a *analyser) isServer() bool {
	if a.server {
		return true
	}
	for _, r := range a.modImports {
		if serverModules[r.pkg] {
			return true
		}
	}
	return a.requiresServer
}

// flushDecodes reports the unverified decodes that stand: those that
// decide access, read the request's token or turn verification off, and
// whose token no call in the same function verifies.
func (a *analyser) flushDecodes() {
	if len(a.decodes) == 0 {
		return
	}
	server := a.isServer()
	for _, d := range a.decodes {
		if d.clientSide && !server {
			continue
		}
		if d.hasToken && a.verifiedIn(d) {
			continue
		}
		off, l := d.off, d.len
		if off < 0 {
			off, l = d.useOff, d.useLen
		}
		switch {
		case d.noVerify:
			a.report(rules.JWTUnverifiedParse, off, l, fmt.Sprintf(msgJSNoVerify, d.callee))
		case d.access:
			a.report(rules.JWTUnverifiedParse, off, l, fmt.Sprintf(msgJSUnverified, d.callee, "its result decides access"))
		case d.request:
			a.report(rules.JWTUnverifiedParse, off, l, fmt.Sprintf(msgJSUnverified, d.callee, "a token from the request"))
		}
	}
}

// verifiedIn reports whether d's token is verified in d's function: the
// same variable anywhere, or the same expression text in the same
// function.
func (a *analyser) verifiedIn(d *decodeUse) bool {
	for _, v := range a.verifies {
		if d.token.v != nil && v.token.v == d.token.v {
			return true
		}
		if d.token.v == nil && v.token.text == d.token.text && v.fn == d.fn {
			return true
		}
	}
	return false
}

// optionsKnown reports whether the options a pins-alg row's path reads
// are all written out: the argument is left out, is a callback, or is an
// object literal without a spread. Options built elsewhere may pin the algorithms.
func (a *analyser) optionsKnown(args []js.Arg, rest model.Path) bool {
	for i, arg := range args {
		if arg.Rest {
			return false
		}
		if !rest[0].Selects(i) {
			continue
		}
		if isFunc(arg.Value) {
			// A callback where the options go (verify(token, key, cb)):
			// a function is never an options object, so there are none.
			continue
		}
		obj, _ := a.objectOf(arg.Value, 0)
		if obj == nil || hasSpread(obj) {
			return false
		}
	}
	return true
}

// publicKey reports whether e is evidently a public key: a PEM public key
// or certificate written in the source (or a constant holding one), a
// file read whose path names a public key, or a value whose name says it
// is one (publicKey, PUBLIC_KEY, pubKey).
func (a *analyser) publicKey(e js.IExpr) bool {
	if s, _, _, _, ok := a.keyLiteral(e, 0); ok {
		return strings.Contains(s, "PUBLIC KEY-----") || strings.Contains(s, "CERTIFICATE-----")
	}
	return a.publicKeyValue(e, 0)
}

// publicKeyValue is publicKey for e and, through bindings, the values it
// holds: its own name counts before it is followed (const publicKey =
// cond ? read() : fallback), and either side of a conditional does.
func (a *analyser) publicKeyValue(e js.IExpr, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	if publicKeyName(e) {
		return true
	}
	x, _ := a.follow(e, 0)
	switch x := unwrap(x).(type) {
	case *js.CondExpr:
		return a.publicKeyValue(x.X, depth+1) || a.publicKeyValue(x.Y, depth+1)
	case *js.CallExpr:
		if d, ok := unwrap(x.X).(*js.DotExpr); ok && strings.HasPrefix(propName(d), "readFile") && len(x.Args.List) > 0 {
			if p, ok := a.literalString(x.Args.List[0].Value); ok {
				p = strings.ToLower(path.Base(p))
				return strings.Contains(p, "pub") || strings.HasSuffix(p, ".crt") || strings.Contains(p, "cert")
			}
		}
	case *js.Var, *js.DotExpr:
		return publicKeyName(x)
	}
	return false
}

// publicKeyName reports whether e is a variable or property whose name
// says it holds a public key or certificate (publicKey, PUBLIC_KEY,
// pubKey, jwtCert).
func publicKeyName(e js.IExpr) bool {
	switch x := unwrap(e).(type) {
	case *js.Var, *js.DotExpr:
		name := strings.ToLower(describe(x))
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		name = strings.ReplaceAll(name, "_", "")
		return strings.Contains(name, "publickey") || strings.Contains(name, "pubkey") || strings.HasSuffix(name, "cert")
	}
	return false
}

// isFunc reports whether e is a function written in place: a function
// expression or an arrow function.
func isFunc(e js.IExpr) bool {
	switch unwrap(e).(type) {
	case *js.FuncDecl, *js.ArrowFunc:
		return true
	}
	return false
}
