package web

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Rule token-cookie-insecure in JavaScript, from the JS models' api rows
// with trait sets-cookie (models/js: express's res.cookie, js-cookie,
// universal-cookie, ngx-cookie-service, ngx-cookie): the parameters with
// roles cookie-name, cookie-value and options, and rows of the options'
// members with roles http-only, secure, max-age and same-site. A
// cookie carries a token when its name is a token key or its value reads
// like a token (internal/tokenmodel), as in Go. It is reported when
//
//   - the call has an http-only option and it is left out or false, or
//     secure is left out or false: a server cookie a script or a
//     plaintext request can read;
//   - the call has no http-only option (the library writes
//     document.cookie), or the script assigns document.cookie itself: a
//     cookie set from browser script can never be HttpOnly, so any script
//     on the page reads the token.
//
// Options built elsewhere, or set from a non-constant expression (a
// configuration switch), are given the benefit of the doubt for the flag
// they may set. A cookie being deleted (an empty value, a max-age of zero
// or less, an expiry in 1970) carries nothing. A handler's response
// parameter (res or response, after a request parameter) is the value of
// the api row with trait response-writer (express.response).

// Messages, in the Go analyzer's words (analyzers/tokencookieinsecure).
const (
	msgCookieMissing = "token cookie %s without %s: scripts (HttpOnly) or plaintext HTTP (Secure) can expose the token; set httpOnly: true and secure: true"
	msgCookieScript  = "token cookie %s set from browser script (%s): such a cookie can never be HttpOnly, so any script on the page can read the token; have the server set it with HttpOnly and Secure"
)

// cookieCall is a modelled call that sets a cookie, and the option
// members its model rows give roles (httpOnly → http-only).
type cookieCall struct {
	row     *model.Row
	options map[string]string // option member name → role
}

// addCookieRows fills the spec's cookie view from the JS api rows.
func (spec *keySpec) addCookieRows(s *model.Set) {
	spec.cookieCalls = map[apiRef]*cookieCall{}
	type option struct {
		row  *model.Row
		call apiRef
		rest model.Path
	}
	var options []option
	for _, r := range s.Rows(model.JS, model.SectionAPI) {
		ref, rest, ok := apiPath(r)
		switch {
		case !ok:
		case rest == nil && r.Has(model.TraitSetsCookie):
			spec.cookieCalls[ref] = &cookieCall{row: r, options: map[string]string{}}
		case rest == nil && r.Has(model.TraitResponseWriter):
			spec.responses = append(spec.responses, ref)
		case rest != nil && r.Value != "":
			options = append(options, option{r, ref, rest})
		}
	}
	for _, o := range options {
		c := spec.cookieCalls[o.call]
		if c == nil || len(o.rest) != 2 || o.rest[1].Op != model.OpMember || param(c.row, model.RoleOptions) < 0 || !o.rest[0].Selects(param(c.row, model.RoleOptions)) {
			continue
		}
		c.options[o.rest[1].Name] = o.row.Value
	}
	slices.SortFunc(spec.responses, func(x, y apiRef) int { return strings.Compare(x.pkg+x.path, y.pkg+y.path) })
}

// responseNames are the parameter names of the response a handler writes.
var responseNames = map[string]bool{"res": true, "response": true}

// responseRef is the api value of a handler's response parameter v: a
// parameter named res or response right after a request parameter of an
// enclosing function. With several modelled frameworks, one the file
// imports wins.
func (a *analyser) responseRef(v *js.Var) (apiRef, bool) {
	if len(a.keys.responses) == 0 || root(v).Decl != js.ArgumentDecl || !responseNames[string(v.Name())] {
		return apiRef{}, false
	}
	isParam := false
	for i := len(a.stack) - 1; i >= 0 && !isParam; i-- {
		var ps js.Params
		switch f := a.stack[i].(type) {
		case *js.FuncDecl:
			ps = f.Params
		case *js.ArrowFunc:
			ps = f.Params
		case *js.MethodDecl:
			ps = f.Params
		default:
			continue
		}
		for j, p := range ps.List {
			pv, ok := p.Binding.(*js.Var)
			if !ok || root(pv) != root(v) {
				continue
			}
			if j > 0 {
				if prev, ok := ps.List[j-1].Binding.(*js.Var); ok && requestNames[string(prev.Name())] {
					isParam = true
				}
			}
			break
		}
	}
	if !isParam {
		return apiRef{}, false
	}
	for _, r := range a.keys.responses {
		for _, imp := range a.modImports {
			if imp.pkg == r.pkg {
				return r, true
			}
		}
	}
	return a.keys.responses[0], true
}

// cookieAPICall checks a call of callee against the sets-cookie rows.
func (a *analyser) cookieAPICall(callee js.IExpr, ref apiRef, resolved bool, args []js.Arg) {
	if len(a.keys.cookieCalls) == 0 || !resolved {
		return
	}
	c := a.keys.cookieCalls[ref]
	if c == nil {
		return
	}
	arg := func(role string) js.IExpr {
		if i := param(c.row, role); i >= 0 && i < len(args) && !args[i].Rest {
			return args[i].Value
		}
		return nil
	}
	name, value := arg(model.RoleCookieName), arg(model.RoleCookieValue)
	if name == nil || value == nil || !(a.isTokenKey(name) || a.isTokenValue(value)) || a.clearsValue(value) {
		return
	}
	if s, ok := a.stringValue(name); ok && tokenmodel.NotCredential(s) {
		return // a double-submit CSRF cookie is read by the page's scripts by design
	}
	opts := arg(model.RoleOptions)
	var obj *js.ObjectExpr
	known := true // the options are written out (or left out)
	if opts != nil {
		if obj, _ = a.objectOf(opts, 0); obj == nil || hasSpread(obj) {
			obj, known = nil, false
		}
	}
	// flag says whether the option of role is set true, or may be: the
	// options are built elsewhere or the value is not a constant.
	flag := func(role string) (set, unknown bool) {
		for member, r := range c.options {
			if r != role {
				continue
			}
			if !known {
				return false, true
			}
			if obj == nil {
				return false, false
			}
			p := property(obj, member)
			if p == nil {
				return false, false
			}
			x, _ := a.follow(p.Value, 0)
			if l, ok := unwrap(x).(*js.LiteralExpr); ok {
				return a.truthy(l), false
			}
			return true, true // set from elsewhere: a configuration switch
		}
		return false, false
	}
	if a.expiresNow(c, obj) {
		return // max-age 0 or less: the cookie is being deleted
	}
	off, l := a.calleePos(callee)
	what := a.cookieName(name)
	if !slices.Contains(slices.Collect(maps.Values(c.options)), model.RoleHTTPOnly) {
		a.report(rules.TokenCookieInsecure, off, l, fmt.Sprintf(msgCookieScript, what, calleeText(callee)))
		return
	}
	var missing []string
	if set, unknown := flag(model.RoleHTTPOnly); !set && !unknown {
		missing = append(missing, "HttpOnly")
	}
	if set, unknown := flag(model.RoleSecure); !set && !unknown {
		missing = append(missing, "Secure")
	}
	// SameSite=None without Secure is a case of Secure missing: browsers
	// reject such a cookie, and the message says to set secure.
	if len(missing) > 0 {
		a.report(rules.TokenCookieInsecure, off, l, fmt.Sprintf(msgCookieMissing, what, strings.Join(missing, " and ")))
	}
}

// expiresNow reports whether the options give a max-age of zero or less:
// the cookie is being deleted.
func (a *analyser) expiresNow(c *cookieCall, obj *js.ObjectExpr) bool {
	if obj == nil {
		return false
	}
	for member, r := range c.options {
		if r != model.RoleMaxAge {
			continue
		}
		p := property(obj, member)
		if p == nil {
			continue
		}
		x, _ := a.follow(p.Value, 0)
		x = unwrap(x)
		if u, ok := x.(*js.UnaryExpr); ok && u.Op == js.NegToken {
			if _, isNum := unwrap(u.X).(*js.LiteralExpr); isNum {
				return true // a negative number
			}
		}
		if l, ok := x.(*js.LiteralExpr); ok && l.TokenType != js.StringToken && !a.truthy(l) {
			return true // zero
		}
	}
	return false
}

// clearsValue reports whether a cookie's value is empty: the cookie is
// being cleared.
func (a *analyser) clearsValue(e js.IExpr) bool {
	if s, ok := a.stringValue(e); ok {
		return strings.TrimSpace(s) == ""
	}
	switch x := unwrap(e).(type) {
	case *js.LiteralExpr:
		return x.TokenType == js.NullToken
	case *js.Var:
		return root(x).Decl == js.NoDecl && string(x.Name()) == "undefined"
	}
	return false
}

// cookieName names a cookie for messages: its literal name quoted, or the
// expression that names it.
func (a *analyser) cookieName(e js.IExpr) string {
	if s, ok := a.stringValue(e); ok {
		return fmt.Sprintf("%q", s)
	}
	return calleeText(e)
}

// documentCookie checks an assignment to document.cookie: a token written
// there is readable by every script on the page.
func (a *analyser) documentCookie(target *js.DotExpr, value js.IExpr) {
	if propName(target) != "cookie" || !a.isDocument(target.X) {
		return
	}
	parts := a.stringParts(value)
	if len(parts) == 0 || parts[0].expr != nil {
		return // the whole cookie string comes from elsewhere
	}
	name, rest, ok := strings.Cut(parts[0].text, "=")
	if !ok {
		return
	}
	name = strings.TrimSpace(name)
	var val js.IExpr
	var attrs strings.Builder
	attrs.WriteString(rest)
	for _, p := range parts[1:] {
		if p.expr != nil && val == nil && strings.TrimSpace(strings.SplitN(attrs.String(), ";", 2)[0]) == "" {
			val = p.expr
		}
		attrs.WriteString(p.text)
	}
	lower := strings.ToLower(attrs.String())
	if strings.Contains(lower, "1970") || strings.Contains(lower, "max-age=0") || strings.Contains(lower, "max-age=-") {
		return // deleting the cookie
	}
	if val == nil && strings.TrimSpace(strings.SplitN(rest, ";", 2)[0]) == "" {
		return // an empty value
	}
	if !a.model.IsTokenKey(name) && (val == nil || !a.isTokenValue(val)) {
		return
	}
	if tokenmodel.NotCredential(name) {
		return // a double-submit CSRF cookie is read by the page's scripts by design
	}
	off, l := a.pos(target.Y)
	a.report(rules.TokenCookieInsecure, off, l, fmt.Sprintf(msgCookieScript, fmt.Sprintf("%q", name), "document.cookie"))
}

// isDocument reports whether e is the page's document (document,
// window.document), not a variable of that name.
func (a *analyser) isDocument(e js.IExpr) bool {
	switch x := unwrap(e).(type) {
	case *js.Var:
		return root(x).Decl == js.NoDecl && string(x.Name()) == "document"
	case *js.DotExpr:
		if propName(x) != "document" {
			return false
		}
		v, ok := unwrap(x.X).(*js.Var)
		return ok && root(v).Decl == js.NoDecl && (string(v.Name()) == "window" || string(v.Name()) == "globalThis")
	}
	return false
}

// stringPart is a piece of a string built in place: literal text, or an
// expression whose value is spliced in.
type stringPart struct {
	text string
	expr js.IExpr
}

// stringParts splits a string literal, template or chain of + into its
// pieces, in order; nil for anything else.
func (a *analyser) stringParts(e js.IExpr) []stringPart {
	if s, ok := a.stringValue(e); ok {
		return []stringPart{{text: s}}
	}
	switch x := unwrap(e).(type) {
	case *js.TemplateExpr:
		if x.Tag != nil {
			return nil
		}
		var out []stringPart
		for i, p := range x.List {
			v := string(p.Value)
			if i == 0 {
				v = strings.TrimPrefix(v, "`")
			} else {
				v = strings.TrimPrefix(v, "}")
			}
			out = append(out, stringPart{text: strings.TrimSuffix(v, "${")}, stringPart{expr: p.Expr})
		}
		tail := string(x.Tail)
		if len(x.List) == 0 {
			tail = strings.TrimPrefix(tail, "`")
		} else {
			tail = strings.TrimPrefix(tail, "}")
		}
		return append(out, stringPart{text: strings.TrimSuffix(tail, "`")})
	case *js.BinaryExpr:
		if x.Op != js.AddToken {
			return nil
		}
		l := a.stringParts(x.X)
		if l == nil {
			l = []stringPart{{expr: x.X}}
		}
		r := a.stringParts(x.Y)
		if r == nil {
			r = []stringPart{{expr: x.Y}}
		}
		return append(l, r...)
	}
	return nil
}
