package web

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Rule jwt-hardcoded-key in JavaScript: a literal reaching a key or
// secret parameter of a modelled npm package. Which parameters those are
// is data, the sink rows of kinds keyKinds in models/js; this file only
// knows how to follow a value through the syntax of one script (and, for
// a constant a project module exports, modules.go reads that module): module
// bindings (require, import), calls and method chains to the element a
// row names, then the row's access path (arguments, option properties,
// array elements) and, from there, constants, properties of constant
// objects and the conversions that keep a literal a literal.

// keyMessages are the messages of each sink kind the rule reads: what is
// wrong, the consequence, the fix. jwt-key's is the Go analyzer's. The
// key is never quoted.
var keyMessages = map[string]string{
	model.SinkJWTKey:        "JWT key is hard-coded (%s, used by %s): anyone who can read the source can forge or read tokens; load the key from configuration or a secret store",
	model.SinkSessionSecret: "session secret is hard-coded (%s, used by %s): anyone who can read the source can sign session ids and cookies the server accepts; load the secret from configuration or a secret store",
	model.SinkSecretKey:     "secret key is hard-coded (%s, used by %s): anyone who can read the source can compute the MACs and sign the tokens made with it; load the key from configuration or a secret store",
	model.SinkClientSecret:  "OAuth client secret is hard-coded (%s, used by %s): anyone who can read the source can act as this application towards the provider; rotate it there and load it from configuration or a secret store",
}

// maxKeyDepth bounds how many bindings and properties a value is
// followed through, so that a cycle (const a = b, b = a) ends.
const maxKeyDepth = 8

// keySink is one row, split where its path first takes an argument: the
// element called (or constructed) and what of its arguments is the key.
type keySink struct {
	row  *model.Row
	rest model.Path // from the first Argument step on
}

// keySpec is the rules' view of a model set: sinks by the package and
// access path of the function they are arguments of, and the methods that
// return their receiver.
type keySpec struct {
	sinks      map[apiRef][]keySink
	returnSelf map[apiRef]bool
	// passes maps a function that returns its argument as a key (jose's
	// JWK.asKey) to that argument's position: a literal passed in is
	// still a literal key coming out.
	passes map[apiRef]int
	// instances maps a function that returns an instance of the class
	// its argument names (Angular's inject) to that argument's position.
	instances map[apiRef]int

	// The JWT api rows (jwt.go): calls by element (unverified, verifies,
	// signs, none-alg), facts about their arguments, and values (the none
	// key).
	jwtCalls  map[apiRef]*model.Row
	jwtArgs   map[apiRef][]jwtArgFact
	jwtValues map[apiRef]*model.Row
	// claimCalls: calls that return a token's claims, not the token
	// (trait returns-claims), with the argument facts that make one
	// return the encoded token after all.
	claimCalls map[apiRef][]model.Path

	// The cookie api rows (cookies.go): calls that set a cookie, and the
	// values a handler's response parameter may be.
	cookieCalls map[apiRef]*cookieCall
	responses   []apiRef

	// logSinks (logs.go): log calls and the arguments they write.
	logSinks map[apiRef][]model.Step

	// storageSinks and keepsToken (storage.go): calls that write to
	// browser storage, and those that make a client keeping its token
	// there.
	storageSinks map[apiRef][]storageSink
	keepsToken   map[apiRef]*model.Row
}

// apiRef names a value of a package: its module specifier and the access
// path from the export, "" for the export itself.
type apiRef struct{ pkg, path string }

func (r apiRef) step(s string) apiRef {
	if r.path == "" {
		return apiRef{r.pkg, s}
	}
	return apiRef{r.pkg, r.path + "." + s}
}

var keySpecs struct {
	sync.Mutex
	set  *model.Set
	spec *keySpec
}

// keySpecOf returns the spec of s, built once per set.
func keySpecOf(s *model.Set) *keySpec {
	keySpecs.Lock()
	defer keySpecs.Unlock()
	if keySpecs.set == s {
		return keySpecs.spec
	}
	spec := &keySpec{sinks: map[apiRef][]keySink{}, returnSelf: map[apiRef]bool{}, passes: map[apiRef]int{}, instances: map[apiRef]int{}}
	for _, r := range s.Rows(model.JS, model.SectionSink) {
		if _, ok := keyMessages[r.Kind]; !ok {
			continue
		}
		full := model.MustParsePath(r.Path)
		if r.Input != "" && r.Input != string(model.OpValue) {
			full = append(slices.Clone(full), model.MustParsePath(r.Input)...)
		}
		i := slices.IndexFunc(full, func(s model.Step) bool { return s.Op == model.OpArgument })
		if i < 0 {
			continue // not an argument of a call: nothing this engine follows
		}
		callee := apiRef{pkg: r.Package}
		if i > 0 {
			callee.path = full[:i].String()
		}
		spec.sinks[callee] = append(spec.sinks[callee], keySink{row: r, rest: full[i:]})
	}
	for _, r := range s.Rows(model.JS, model.SectionSummary) {
		if r.Kind == model.SummaryValue && r.Output == string(model.OpReturnValue) {
			p, err := model.ParsePath(r.Input)
			switch {
			case err != nil || len(p) != 1 || p[0].Op != model.OpArgument:
			case p[0].Receiver:
				spec.returnSelf[apiRef{r.Package, r.Path}] = true
			case p[0].Lo == p[0].Hi:
				spec.passes[apiRef{r.Package, r.Path}] = p[0].Lo
			}
			if len(p) == 2 && p[0].Op == model.OpArgument && !p[0].Receiver && p[0].Lo == p[0].Hi && p[1].Op == model.OpInstance {
				spec.instances[apiRef{r.Package, r.Path}] = p[0].Lo // inject(Service): an instance of it
			}
		}
	}
	spec.addJWTRows(s)
	spec.addClaimRows(s)
	spec.addCookieRows(s)
	spec.addStorageRows(s)
	spec.addLogRows(s)
	keySpecs.set, keySpecs.spec = s, spec
	return spec
}

// moduleSpec is the module a require or import names, as the models
// name it: Node's built-ins are the same module with or without "node:".
func moduleSpec(s string) string { return strings.TrimPrefix(s, "node:") }

// binding is one value a declaration or assignment gives a variable: the
// expression, or its member when destructured (const {member: v} = expr).
// A nil expr is a value the analysis does not follow (a compound
// assignment, a destructuring default).
type binding struct {
	expr   js.IExpr
	member string
}

// collectKeys records, in the collector's walk, the module imports and
// what each variable is bound to.
func (a *analyser) collectKeys(n js.INode) {
	switch n := n.(type) {
	case *js.ClassDecl:
		// A field's initialiser is a value of this.name, as a constructor's
		// assignment is (cookies = inject(CookieService)).
		for _, el := range n.List {
			if el.Method != nil || el.StaticBlock != nil || el.Static || el.Init == nil || el.Name.Private != nil || el.Name.IsComputed() {
				continue
			}
			if k, ok := memberKeyOf(&js.LiteralExpr{TokenType: js.ThisToken}, unquote(el.Name.Literal.Data)); ok {
				a.memberSets[k] = append(a.memberSets[k], el.Init)
			}
		}
	case *js.CallExpr:
		if spec, ok := a.requireSpec(n); ok && serverModules[spec] {
			a.requiresServer = true
		}
	case *js.ImportStmt:
		mod := moduleSpec(unquote(n.Module))
		if len(n.Default) > 0 {
			a.modImports[string(n.Default)] = apiRef{pkg: mod}
		}
		for _, al := range n.List {
			switch {
			case string(al.Name) == "*":
				a.modImports[string(al.Binding)] = apiRef{pkg: mod}
			case al.Name != nil:
				a.modImports[string(al.Binding)] = apiRef{pkg: mod}.step("Member[" + string(al.Name) + "]")
			default:
				a.modImports[string(al.Binding)] = apiRef{pkg: mod}.step("Member[" + string(al.Binding) + "]")
			}
		}
	case *js.BindingElement:
		if n.Default == nil {
			return
		}
		switch b := n.Binding.(type) {
		case *js.Var:
			a.addBinding(b, binding{expr: n.Default})
		case *js.BindingObject:
			for _, item := range b.List {
				v, ok := item.Value.Binding.(*js.Var)
				if !ok {
					continue // nested patterns are not followed
				}
				name := string(v.Name())
				if item.Key != nil && !item.Key.IsComputed() && item.Key.Literal.TokenType != js.ErrorToken {
					name = unquote(item.Key.Literal.Data)
				} else if item.Key != nil && item.Key.IsComputed() {
					a.addBinding(v, binding{})
					continue
				}
				if item.Value.Default != nil {
					a.addBinding(v, binding{}) // a default: two possible values
				}
				a.addBinding(v, binding{expr: n.Default, member: name})
			}
		}
	case *js.BinaryExpr:
		if d, ok := n.X.(*js.DotExpr); ok {
			if k, ok := memberKeyOf(d.X, propName(d)); ok {
				var val js.IExpr // a compound assignment: no one value
				if n.Op == js.EqToken {
					val = n.Y
				}
				a.memberSets[k] = append(a.memberSets[k], val)
			}
			return
		}
		v, ok := n.X.(*js.Var)
		if !ok {
			return
		}
		switch n.Op {
		case js.EqToken:
			a.addBinding(v, binding{expr: n.Y})
		case js.AddEqToken, js.SubEqToken, js.MulEqToken, js.ExpEqToken, js.DivEqToken, js.ModEqToken,
			js.LtLtEqToken, js.GtGtEqToken, js.GtGtGtEqToken, js.BitAndEqToken, js.BitOrEqToken, js.BitXorEqToken,
			js.AndEqToken, js.OrEqToken, js.NullishEqToken:
			a.addBinding(v, binding{})
		}
	}
}

// memberKey names a property assigned after the fact: of the object a
// variable holds, or of `this` (a may-analysis over the script: every
// this.name = … counts, whatever the class or function).
type memberKey struct {
	v    *js.Var
	this bool
	name string
}

func memberKeyOf(obj js.IExpr, name string) (memberKey, bool) {
	if name == "" {
		return memberKey{}, false
	}
	switch o := unwrap(obj).(type) {
	case *js.Var:
		return memberKey{v: root(o), name: name}, true
	case *js.LiteralExpr:
		if o.TokenType == js.ThisToken {
			return memberKey{this: true, name: name}, true
		}
	}
	return memberKey{}, false
}

// memberValue is the one value ever assigned to property name of obj
// after the fact (obj.name = value), if there is exactly one.
func (a *analyser) memberValue(obj js.IExpr, name string) (js.IExpr, bool) {
	k, ok := memberKeyOf(obj, name)
	if !ok {
		return nil, false
	}
	if vs := a.memberSets[k]; len(vs) == 1 && vs[0] != nil {
		return vs[0], true
	}
	return nil, false
}

func (a *analyser) addBinding(v *js.Var, b binding) {
	v = root(v)
	a.bindings[v] = append(a.bindings[v], b)
}

// single returns the only value variable v is ever given, if it has one:
// not a parameter (a caller decides it), not assigned twice.
func (a *analyser) single(v *js.Var) (binding, bool) {
	v = root(v)
	if v.Decl == js.ArgumentDecl || v.Decl == js.NoDecl {
		return binding{}, false
	}
	bs := a.bindings[v]
	if len(bs) != 1 || bs[0].expr == nil {
		return binding{}, false
	}
	return bs[0], true
}

// resolveRef names the package value e evaluates to, if it is one: a
// require or an import of a module, its members, calls and instances.
func (a *analyser) resolveRef(e js.IExpr, depth int) (apiRef, bool) {
	if depth > maxKeyDepth {
		return apiRef{}, false
	}
	switch x := unwrap(e).(type) {
	case *js.Var:
		if root(x).Decl == js.NoDecl {
			r, ok := a.modImports[string(x.Name())]
			if !ok && string(x.Name()) == "crypto" {
				// The global crypto: Node's module in its REPL and in
				// snippets written for it (the browser's and Node 19's
				// WebCrypto global has none of the members the models
				// name, such as createHmac).
				return apiRef{pkg: "crypto"}, true
			}
			return r, ok
		}
		if r, ok := a.responseRef(x); ok {
			return r, true
		}
		if r, ok := a.injectedRef(x); ok {
			return r, true
		}
		b, ok := a.single(x)
		if !ok {
			return a.agreedRef(x, depth)
		}
		r, ok := a.resolveRef(b.expr, depth+1)
		if ok && b.member != "" {
			r = r.member(b.member)
		}
		return r, ok
	case *js.DotExpr:
		r, ok := a.resolveRef(x.X, depth+1)
		if !ok {
			if l, isLit := unwrap(x.X).(*js.LiteralExpr); isLit && l.TokenType == js.ThisToken {
				// this.cookies, set once from an injected parameter
				if v, ok := a.memberValue(x.X, propName(x)); ok {
					return a.resolveRef(v, depth+1)
				}
			}
			return apiRef{}, false
		}
		return r.member(propName(x)), true
	case *js.IndexExpr:
		s, isLit := a.literalString(x.Y)
		if !isLit {
			return apiRef{}, false
		}
		r, ok := a.resolveRef(x.X, depth+1)
		return r.member(s), ok
	case *js.NewExpr:
		r, ok := a.resolveRef(x.X, depth+1)
		return r.step(string(model.OpInstance)), ok
	case *js.CallExpr:
		if spec, ok := a.requireSpec(x); ok {
			return apiRef{pkg: spec}, true
		}
		r, ok := a.resolveRef(x.X, depth+1)
		if !ok {
			return apiRef{}, false
		}
		if d, isDot := unwrap(x.X).(*js.DotExpr); isDot && a.keys.returnSelf[r] {
			return a.resolveRef(d.X, depth+1) // a builder's chained call
		}
		if i, ok := a.keys.instances[r]; ok && i < len(x.Args.List) && !x.Args.List[i].Rest {
			c, ok := a.resolveRef(x.Args.List[i].Value, depth+1)
			return c.step(string(model.OpInstance)), ok
		}
		return r.step(string(model.OpReturnValue)), true
	}
	return apiRef{}, false
}

// agreedRef is the package value of a variable given one several times
// (`var jwt = require('jsonwebtoken')` once per concatenated script or
// test case): the value every binding gives, if they all give the same.
func (a *analyser) agreedRef(v *js.Var, depth int) (apiRef, bool) {
	r := root(v)
	bs := a.bindings[r]
	if r.Decl == js.ArgumentDecl || r.Decl == js.NoDecl || len(bs) < 2 {
		return apiRef{}, false
	}
	var agreed apiRef
	for i, b := range bs {
		if b.expr == nil {
			return apiRef{}, false
		}
		ref, ok := a.resolveRef(b.expr, depth+1)
		if !ok {
			return apiRef{}, false
		}
		if b.member != "" {
			ref = ref.member(b.member)
		}
		if i > 0 && ref != agreed {
			return apiRef{}, false
		}
		agreed = ref
	}
	return agreed, true
}

// member steps into a property; a CommonJS module's default is the
// module itself, as the interop of bundlers and TypeScript makes it.
func (r apiRef) member(name string) apiRef {
	if name == "default" && r.path == "" {
		return r
	}
	return r.step("Member[" + name + "]")
}

// requireSpec is the module of require('spec'), the global require.
func (a *analyser) requireSpec(c *js.CallExpr) (string, bool) {
	v, ok := unwrap(c.X).(*js.Var)
	if !ok || string(v.Name()) != "require" || root(v).Decl != js.NoDecl || len(c.Args.List) != 1 {
		return "", false
	}
	s, ok := a.literalString(c.Args.List[0].Value)
	return moduleSpec(s), ok
}

// literalString is the value of a string literal or of a template
// without substitutions, and nothing else.
func (a *analyser) literalString(e js.IExpr) (string, bool) {
	switch e := unwrap(e).(type) {
	case *js.LiteralExpr:
		if e.TokenType == js.StringToken {
			return unquote(e.Data), true
		}
	case *js.TemplateExpr:
		if len(e.List) == 0 && e.Tag == nil {
			return unquote(e.Tail), true
		}
	}
	return "", false
}

// keyVal is a value found at a step of a row's access path.
type keyVal struct {
	e js.IExpr
	// use is the expression of the call where the value left the call's
	// own syntax for a binding (a constant, a property of a constant
	// object), nil while it is still written in the call; members are the
	// properties read after it.
	use     js.IExpr
	members []string
	// anchor is an offset at or before the value, to place a variable,
	// whose node has no position of its own.
	anchor int
}

// keyCall checks a call or construction whose callee resolves to a
// package value with key sinks.
func (a *analyser) keyCall(callee js.IExpr, ref apiRef, resolved bool, args []js.Arg, isNew bool) {
	if len(a.keys.sinks) == 0 || !resolved {
		return
	}
	sinks := a.keys.sinks[ref]
	if len(sinks) == 0 {
		return
	}
	anchor, _ := a.pos(callee)
	var outer []int
	if anchor < 0 {
		outer = a.keyAnchors()
		if len(outer) > 0 {
			anchor, outer = outer[0], outer[1:]
		}
	}
	for _, s := range sinks {
		vals := a.argVals(args, s.rest[0], anchor)
		for _, st := range s.rest[1:] {
			vals = a.stepVals(vals, st)
		}
		for _, v := range vals {
			a.checkKey(v, s, callee, isNew, outer)
		}
	}
}

// argVals are the arguments an Argument step selects, with an anchor
// each: the callee's position or the nearest earlier argument's.
func (a *analyser) argVals(args []js.Arg, st model.Step, anchor int) []keyVal {
	var out []keyVal
	for i, arg := range args {
		if arg.Rest {
			break // positions after a spread are unknown
		}
		if st.Selects(i) {
			// The anchor is before the argument: its first positioned
			// node may come after a variable in it ({ secret, cookie }).
			out = append(out, keyVal{e: arg.Value, anchor: anchor})
		}
		if off := a.firstPos(arg.Value); off >= 0 {
			anchor = off
		}
	}
	return out
}

func isVarLike(e js.IExpr) bool {
	_, ok := unwrap(e).(*js.Var)
	return ok
}

// keyAnchors are where to start looking for a variable a call uses when
// nothing before it in the call has a position: the first positioned
// node of each enclosing node that has one before everything positioned
// in the call itself (a node after the call is after all of those), from
// the nearest outwards, so at decreasing offsets.
func (a *analyser) keyAnchors() []int {
	var out []int
	inCall := -1
	if len(a.stack) > 0 {
		inCall = a.firstPos(a.stack[len(a.stack)-1])
	}
	for i := len(a.stack) - 2; i >= 0 && len(out) < 4; i-- {
		off := a.firstPos(a.stack[i])
		if off >= 0 && (inCall < 0 || off < inCall) && (len(out) == 0 || off < out[len(out)-1]) {
			out = append(out, off)
		}
	}
	return out
}

// stepVals applies one Member, ArrayElement or Value step.
func (a *analyser) stepVals(vals []keyVal, st model.Step) []keyVal {
	var out []keyVal
	for _, v := range vals {
		switch st.Op {
		case model.OpValue:
			out = append(out, v)
		case model.OpMember:
			obj, followed := a.objectOf(v.e, 0)
			var p *js.Property
			if obj != nil {
				p = property(obj, st.Name)
			}
			if p == nil {
				// opts = {}; opts.secretOrKey = …; new Strategy(opts)
				if val, ok := a.memberValue(v.e, st.Name); ok {
					nv := keyVal{e: val, use: v.use, anchor: v.anchor}
					if nv.use == nil {
						nv.use = v.e
					}
					nv.members = append(slices.Clone(v.members), st.Name)
					out = append(out, nv)
				}
				continue
			}
			nv := keyVal{e: p.Value, use: v.use, members: v.members, anchor: v.anchor}
			if followed && nv.use == nil {
				nv.use = v.e
			}
			if nv.use != nil {
				nv.members = append(slices.Clone(v.members), st.Name)
			} else if p.Name != nil {
				if off := a.offset(p.Name.Literal.Data); off >= 0 {
					nv.anchor = off
				}
			}
			out = append(out, nv)
		case model.OpArrayElement:
			arr, followed := a.arrayOf(v.e, 0)
			if arr == nil {
				continue
			}
			for _, el := range arr.List {
				if el.Spread || el.Value == nil {
					continue
				}
				nv := keyVal{e: el.Value, use: v.use, members: v.members, anchor: v.anchor}
				if followed && nv.use == nil {
					nv.use = v.e
				}
				if nv.use == nil {
					if off := a.firstPos(el.Value); off >= 0 && !isVarLike(el.Value) {
						nv.anchor = off
					}
				}
				out = append(out, nv)
			}
		}
	}
	return out
}

// objectOf is the object literal e evaluates to, and whether a binding
// or a property read was followed to reach it.
func (a *analyser) objectOf(e js.IExpr, depth int) (*js.ObjectExpr, bool) {
	x, followed := a.follow(e, depth)
	o, _ := x.(*js.ObjectExpr)
	return o, followed
}

// arrayOf is objectOf for an array literal.
func (a *analyser) arrayOf(e js.IExpr, depth int) (*js.ArrayExpr, bool) {
	x, followed := a.follow(e, depth)
	o, _ := x.(*js.ArrayExpr)
	return o, followed
}

// follow evaluates e through single bindings and property reads of
// constant objects to the expression that defines its value.
func (a *analyser) follow(e js.IExpr, depth int) (js.IExpr, bool) {
	e = unwrap(e)
	if depth > maxKeyDepth {
		return e, false
	}
	switch x := e.(type) {
	case *js.Var:
		b, ok := a.single(x)
		if !ok {
			return e, false
		}
		if b.member == "" {
			y, _ := a.follow(b.expr, depth+1)
			return y, true
		}
		obj, _ := a.objectOf(b.expr, depth+1)
		if obj == nil {
			return e, false
		}
		if p := property(obj, b.member); p != nil {
			y, _ := a.follow(p.Value, depth+1)
			return y, true
		}
	case *js.DotExpr:
		if obj, _ := a.objectOf(x.X, depth+1); obj != nil {
			if p := property(obj, propName(x)); p != nil {
				y, _ := a.follow(p.Value, depth+1)
				return y, true
			}
		}
		// A property assigned after the fact: this.jwtSecret = '…'.
		if val, ok := a.memberValue(x.X, propName(x)); ok {
			y, _ := a.follow(val, depth+1)
			return y, true
		}
	case *js.IndexExpr:
		s, ok := a.literalString(x.Y)
		if !ok {
			return e, false
		}
		obj, _ := a.objectOf(x.X, depth+1)
		if obj == nil {
			return e, false
		}
		if p := property(obj, s); p != nil {
			y, _ := a.follow(p.Value, depth+1)
			return y, true
		}
	}
	return e, false
}

// keyLiteral is the string literal a key evaluates to: followed through
// bindings and properties (followed is then true) and through the
// conversions that keep a literal a literal. off and length locate the
// literal's text inside its quotes.
func (a *analyser) keyLiteral(e js.IExpr, depth int) (value string, off, length int, followed, ok bool) {
	if depth > maxKeyDepth {
		return "", -1, 0, false, false
	}
	x, followed := a.follow(e, depth)
	switch x := x.(type) {
	case *js.DotExpr, *js.IndexExpr, *js.Var:
		// A constant of the project's own module: config.secret, with the
		// literal written in config/auth.config.js. No offset: it is in
		// another file, and the finding goes at the use.
		if v, ok := a.importedLiteral(x, depth); ok {
			return v, -1, 0, true, true
		}
	case *js.LiteralExpr:
		if x.TokenType != js.StringToken {
			return "", -1, 0, false, false
		}
		return unquote(x.Data), a.innerOffset(x.Data), len(x.Data) - 2, followed, true
	case *js.TemplateExpr:
		if len(x.List) > 0 || x.Tag != nil {
			return "", -1, 0, false, false
		}
		return unquote(x.Tail), a.innerOffset(x.Tail), len(x.Tail) - 2, followed, true
	case *js.BinaryExpr:
		// process.env.JWT_SECRET || 'dev-secret': the literal is the key
		// whenever the environment has none, which is how such code runs
		// until someone notices.
		if x.Op == js.OrToken || x.Op == js.NullishToken {
			for _, side := range []js.IExpr{x.X, x.Y} {
				if v, o, l, f, ok := a.keyLiteral(side, depth+1); ok && isSecretValue(v) {
					return v, o, l, followed || f, true
				}
			}
		}
	case *js.CallExpr:
		if arg := a.conversionArg(x, depth); arg != nil {
			v, o, l, f, ok := a.keyLiteral(arg, depth+1)
			return v, o, l, followed || f, ok
		}
		if arg := a.passedArg(x, depth); arg != nil {
			v, o, l, f, ok := a.keyLiteral(arg, depth+1)
			return v, o, l, followed || f, ok
		}
	}
	return "", -1, 0, false, false
}

// passedArg is the argument a modelled call returns as a key (a value
// summary from an argument to the result), or nil.
func (a *analyser) passedArg(c *js.CallExpr, depth int) js.IExpr {
	if len(a.keys.passes) == 0 {
		return nil
	}
	ref, ok := a.resolveRef(c.X, depth+1)
	if !ok {
		return nil
	}
	i, ok := a.keys.passes[ref]
	if !ok || i >= len(c.Args.List) || c.Args.List[i].Rest {
		return nil
	}
	return c.Args.List[i].Value
}

func (a *analyser) innerOffset(data []byte) int {
	off := a.offset(data)
	if off < 0 || len(data) < 2 {
		return -1
	}
	return off + 1
}

// conversionArg is the argument of a call that turns a string into the
// bytes of a key without changing what it is: Node's Buffer.from(s[,
// encoding]) and the web's new TextEncoder().encode(s), both globals of
// the runtime rather than a package's API (as []byte(s) is Go's).
func (a *analyser) conversionArg(c *js.CallExpr, depth int) js.IExpr {
	d, ok := unwrap(c.X).(*js.DotExpr)
	if !ok || len(c.Args.List) == 0 || c.Args.List[0].Rest {
		return nil
	}
	switch propName(d) {
	case "from":
		if a.isGlobal(d.X, "Buffer") {
			return c.Args.List[0].Value
		}
	case "encode":
		enc, _ := a.follow(d.X, depth+1)
		if n, ok := enc.(*js.NewExpr); ok && a.isGlobal(n.X, "TextEncoder") {
			return c.Args.List[0].Value
		}
	}
	return nil
}

// isGlobal reports whether e is the undeclared global name.
func (a *analyser) isGlobal(e js.IExpr, name string) bool {
	v, ok := unwrap(e).(*js.Var)
	return ok && root(v).Decl == js.NoDecl && string(v.Name()) == name
}

// isSecretValue: non-empty, and not a PEM public key or certificate
// (verification with a public key written in the source is fine).
func isSecretValue(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	return !strings.Contains(s, "PUBLIC KEY-----") && !strings.Contains(s, "CERTIFICATE-----")
}

// checkKey reports v if it is a hard-coded key. The finding is at the
// literal when the call writes it, and otherwise at the call's use of
// the constant or property that holds it, saying where it was defined.
//
// outer are anchors further out, tried when a variable is not found
// after the value's own.
func (a *analyser) checkKey(v keyVal, s keySink, callee js.IExpr, isNew bool, outer []int) {
	value, litOff, litLen, followed, ok := a.keyLiteral(v.e, 0)
	if !ok || !isSecretValue(value) {
		return
	}
	sink := a.sinkName(callee, s, isNew)
	format := keyMessages[s.row.Kind]
	h := hit{rule: rules.JWTHardcodedKey, secret: value, row: s.row, def: -1}
	if v.use == nil && !followed {
		h.offset, h.length = litOff, litLen
		h.msg = fmt.Sprintf(format, "a literal", sink)
		a.reportHit(h)
		return
	}
	use := v.use
	members := v.members
	if use == nil {
		use = v.e
	}
	what := describe(use)
	if len(members) > 0 {
		what += "." + strings.Join(members, ".")
	}
	h.offset, h.length = a.usePos(use, v.anchor)
	for _, anchor := range outer {
		if h.offset >= 0 {
			break
		}
		h.offset, h.length = a.usePos(use, anchor)
	}
	if h.offset < 0 {
		h.offset, h.length = litOff, litLen // at least the literal itself
	}
	h.def = litOff
	if litOff < 0 {
		if file := a.importedFile(use); file != "" {
			what += ", defined in " + file // the literal is in another file
		}
	}
	h.format = func(line int) string {
		w := what
		if line > 0 {
			w += fmt.Sprintf(", defined on line %d", line)
		}
		return fmt.Sprintf(format, w, sink)
	}
	h.msg = h.format(0)
	a.reportHit(h)
}

// usePos places the expression a call uses: its own position, or for a
// variable the first occurrence of its name as a word after anchor.
func (a *analyser) usePos(e js.IExpr, anchor int) (int, int) {
	if c, ok := unwrap(e).(*js.CallExpr); ok {
		if arg := a.conversionArg(c, 0); arg != nil && isVarLike(arg) {
			e = arg // Buffer.from(KEY): the constant's name
		}
	}
	if v, ok := unwrap(e).(*js.Var); ok {
		name := v.Name()
		if anchor < 0 || anchor >= len(a.buf) {
			return -1, 0
		}
		for from := anchor; from < len(a.buf); {
			i := bytes.Index(a.buf[from:], name)
			if i < 0 {
				break
			}
			at := from + i
			end := at + len(name)
			if (at == 0 || !isIdentByte(a.buf[at-1]) && a.buf[at-1] != '.') && (end >= len(a.buf) || !isIdentByte(a.buf[end])) {
				return at, len(name)
			}
			from = end
		}
		return -1, 0
	}
	return a.pos(e)
}

// describe names the expression holding a key for messages: a constant's
// name, a property path (config.jwt.secret), the operand of a conversion.
func describe(e js.IExpr) string {
	switch x := unwrap(e).(type) {
	case *js.Var:
		return string(x.Name())
	case *js.DotExpr:
		if p := describe(x.X); p != "" && p != "a value" {
			return p + "." + propName(x)
		}
		return propName(x)
	case *js.CallExpr:
		if len(x.Args.List) == 1 {
			if d, ok := unwrap(x.X).(*js.DotExpr); ok && (propName(d) == "from" || propName(d) == "encode") {
				return describe(x.Args.List[0].Value)
			}
		}
	}
	return "a value"
}

// sinkName names the call for messages: jwt.sign, new Strategy, and the
// option when the key is one (session option secret).
func (a *analyser) sinkName(callee js.IExpr, s keySink, isNew bool) string {
	name := calleeText(callee)
	if name == "" {
		if p, err := model.ParsePath(s.row.Path); err == nil {
			for i := len(p) - 1; i >= 0; i-- {
				if p[i].Op == model.OpMember {
					name = p[i].Name
					break
				}
			}
		}
		if name == "" {
			name = s.row.Package
		}
	}
	if isNew {
		name = "new " + name
	}
	for i := len(s.rest) - 1; i > 0; i-- {
		if s.rest[i].Op == model.OpMember {
			return name + " option " + s.rest[i].Name
		}
	}
	return name
}

// calleeText is a.b.c for a callee written as names, or the last name.
func calleeText(e js.IExpr) string {
	switch x := unwrap(e).(type) {
	case *js.Var:
		return string(x.Name())
	case *js.DotExpr:
		if p := calleeText(x.X); p != "" {
			if _, isName := unwrap(x.X).(*js.Var); isName {
				return p + "." + propName(x)
			}
			if _, isDot := unwrap(x.X).(*js.DotExpr); isDot {
				return p + "." + propName(x)
			}
		}
		return propName(x)
	}
	return ""
}

// firstPos is the smallest offset of a positioned node in e's subtree,
// or -1.
func (a *analyser) firstPos(e js.INode) int {
	if e == nil {
		return -1
	}
	if off, _ := a.pos(e); off >= 0 {
		return off
	}
	best := -1
	js.Walk(posFinder{a: a, best: &best, depth: new(int), budget: new(int)}, e)
	return best
}

// posFinder finds firstPos. It looks at most 64 levels down and at
// 20,000 nodes, for an anchor near enough to a call; the bounds keep a
// finding from costing a walk of a whole bundle.
type posFinder struct {
	a      *analyser
	best   *int
	depth  *int
	budget *int
}

func (f posFinder) Enter(n js.INode) js.IVisitor {
	if *f.depth > 64 || *f.budget > 20000 {
		return nil
	}
	*f.depth++
	*f.budget++
	var off int
	switch n := n.(type) {
	case *js.LiteralExpr:
		off = f.a.offset(n.Data)
	case *js.PropertyName:
		off = f.a.offset(n.Literal.Data)
	case *js.TemplateExpr:
		off, _ = f.a.pos(n)
	default:
		return f
	}
	if off >= 0 && (*f.best < 0 || off < *f.best) {
		*f.best = off
	}
	return f
}

func (f posFinder) Exit(js.INode) { *f.depth-- }

// reportHit is report for a hit that carries more than a message.
func (a *analyser) reportHit(h hit) {
	k := [2]int{h.offset, len(h.rule)}
	if h.offset >= 0 && a.reported[k] {
		return
	}
	a.reported[k] = true
	a.hits = append(a.hits, h)
}
