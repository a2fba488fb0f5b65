package tokenoverhttp

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/model"
)

// builderRequests reports credentials set on a request builder (resty's
// Request and Client and the like: methods that return their receiver)
// that is sent to a plaintext URL: the builder's methods called on one
// chain (c.R().SetAuthToken(t).Get(u)), or on one variable in one
// function (req := c.R(); req.SetAuthToken(t); req.Get(u)), with the
// client's own settings (c.SetAuthToken(t), c.SetBaseURL("http://…"))
// when the request is c.R() of a client variable of the function. A
// header the models call a credential's (SetAuthToken, SetBasicAuth,
// SetHeader("Authorization", …)) and a cookie carry one whatever their
// value; a query parameter or a body only with a modelled credential in
// it. Which methods send and which set what is data: the sends-request
// api rows and the sink rows of the library's model.
func builderRequests(pass *analysis.Pass, core *goflow.Flow, checkers map[*token.File]*checker) {
	sets := map[*ast.CallExpr][]*goflow.SinkUse{}
	var sends []*goflow.SinkUse
	for _, kind := range []string{model.SinkRequestURL, model.SinkRequestHeader, model.SinkRequestCookie, model.SinkURLQuery, model.SinkRequestBody} {
		for _, u := range core.Sinks(kind) {
			if u.Call == nil || u.Via != "" || u.KeyUnknown {
				continue
			}
			sets[u.Call] = append(sets[u.Call], u)
			if kind == model.SinkRequestURL {
				sends = append(sends, u)
			}
		}
	}
	for _, u := range sends {
		c := checkers[pass.Fset.File(u.Call.Pos())]
		if c == nil {
			continue
		}
		if _, _, ok := c.libs.CalleeAPI(u.Call, model.TraitSendsRequest); !ok {
			continue
		}
		sel, ok := ast.Unparen(u.Call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue // a function, not a builder's method: requestParts' case
		}
		b := builder{c: c, core: core, pkg: calleePkg(core, u.Call)}
		b.collect(sel.X, u.Call)
		plain, base := b.plainURL(u, sets)
		if plain == nil {
			continue
		}
		what, flow := b.credential(sets)
		if what == "" {
			continue
		}
		s, _ := plain.String()
		steps := []goflow.Step{{Pos: plain.Pos, What: "plaintext URL"}}
		if base != nil {
			steps = append(steps, goflow.Step{Pos: base.Pos(), What: "base URL set by " + shortFun(base)})
		}
		steps = append(steps, flow...)
		steps = append(steps, goflow.Step{Pos: u.Call.Pos(), What: "sent by " + shortFun(u.Call)})
		c.reportAt(u.Arg, what, s, steps)
	}
}

// builder is the set of calls that configure one request.
type builder struct {
	c     *checker
	core  *goflow.Flow
	pkg   string
	calls []*ast.CallExpr
	seen  map[*ast.CallExpr]bool
}

func calleePkg(core *goflow.Flow, call *ast.CallExpr) string {
	cal, _ := core.Callee(call)
	return cal.Pkg
}

// collect adds the builder calls on the receiver chain of recv, and
// those on the variable the chain starts from in the function around
// at.
func (b *builder) collect(recv ast.Expr, at *ast.CallExpr) {
	if b.seen == nil {
		b.seen = map[*ast.CallExpr]bool{}
	}
	root := b.chain(recv)
	id, ok := root.(*ast.Ident)
	if !ok || b.pkg == "" {
		return
	}
	body := b.enclosingBody(at)
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || b.seen[call] {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || calleePkg(b.core, call) != b.pkg {
			return true
		}
		var calls []*ast.CallExpr
		r := ast.Expr(sel.X)
		for {
			inner, ok := ast.Unparen(r).(*ast.CallExpr)
			if !ok {
				break
			}
			s, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
			if !ok || calleePkg(b.core, inner) != b.pkg {
				break
			}
			calls = append(calls, inner)
			r = s.X
		}
		if other, ok := ast.Unparen(r).(*ast.Ident); ok && b.same(other, id) {
			b.add(call)
			for _, inner := range calls {
				b.add(inner)
			}
		}
		return true
	})
}

// chain adds the library's calls along a receiver chain and returns
// where it starts.
func (b *builder) chain(recv ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(recv).(*ast.CallExpr)
		if !ok {
			return ast.Unparen(recv)
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || calleePkg(b.core, call) != b.pkg {
			return call
		}
		b.add(call)
		recv = sel.X
	}
}

func (b *builder) add(call *ast.CallExpr) {
	if !b.seen[call] {
		b.seen[call] = true
		b.calls = append(b.calls, call)
	}
}

// same reports whether two identifiers name one variable.
func (b *builder) same(x, y *ast.Ident) bool {
	info := b.c.pass.TypesInfo
	ox, oy := info.ObjectOf(x), info.ObjectOf(y)
	if ox != nil || oy != nil {
		return ox == oy
	}
	return x.Name == y.Name
}

// enclosingBody is the body of the innermost function around n.
func (b *builder) enclosingBody(n ast.Node) *ast.BlockStmt {
	var body *ast.BlockStmt
	ast.Inspect(b.c.file, func(m ast.Node) bool {
		if m == nil || m.Pos() > n.Pos() || m.End() < n.End() {
			return false
		}
		switch f := m.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		return true
	})
	return body
}

// plainURL returns the plaintext URL u is sent to: its own constant, or
// — for a path — a plaintext base URL set on the builder (a request-url
// sink of a method that does not send), with the call that sets it.
func (b *builder) plainURL(u *goflow.SinkUse, sets map[*ast.CallExpr][]*goflow.SinkUse) (*goflow.Origin, *ast.CallExpr) {
	if o := plainOrigin(u.Origins()); o != nil {
		return o, nil
	}
	for _, call := range b.calls {
		if _, _, sends := b.c.libs.CalleeAPI(call, model.TraitSendsRequest); sends {
			continue
		}
		for _, s := range sets[call] {
			if s.Kind != model.SinkRequestURL {
				continue
			}
			if o := plainOrigin(s.Origins()); o != nil {
				return o, call
			}
		}
	}
	return nil, nil
}

// plainOrigin is the first origin that starts a value with a plaintext
// http:// constant.
func plainOrigin(os []goflow.Origin) *goflow.Origin {
	for _, o := range os {
		if s, ok := o.String(); ok && o.Kind == goflow.Literal && (o.Part == goflow.Whole || o.Part == goflow.Prefix) && plainURL(s) {
			return &o
		}
	}
	return nil
}

// credential says what credential the builder's calls put on the
// request, and how, or "".
func (b *builder) credential(sets map[*ast.CallExpr][]*goflow.SinkUse) (string, []goflow.Step) {
	for _, call := range b.calls {
		for _, s := range sets[call] {
			switch s.Kind {
			case model.SinkRequestHeader, model.SinkRequestCookie:
				if constantOnly(s.Origins()) {
					continue
				}
				what := "Authorization header"
				if s.Kind == model.SinkRequestCookie {
					what = "cookie"
				}
				return what, []goflow.Step{{Pos: call.Pos(), What: what + " set by " + shortFun(call)}}
			case model.SinkURLQuery, model.SinkRequestBody:
				for _, o := range s.Origins() {
					if o.Kind == goflow.Source && o.Sanitized == nil && o.Row != nil && model.IsCredentialSource(o.Row.Kind) {
						where := "the request body"
						if s.Kind == model.SinkURLQuery {
							where = "the URL"
						}
						return "credential in " + where, s.Flow(o)
					}
				}
			}
		}
	}
	return "", nil
}

// constantOnly reports a value made of constants alone (a header value
// spelled out in the code is no credential the program holds; a
// hard-coded one is hardcoded-token's).
func constantOnly(os []goflow.Origin) bool {
	if len(os) == 0 {
		return false
	}
	for _, o := range os {
		if o.Kind != goflow.Literal {
			return false
		}
	}
	return true
}
