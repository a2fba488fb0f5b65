package tokenmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// localDefs are the values each local variable of a file is given, for
// judging a variable by what it holds rather than by what it is called.
type localDefs struct {
	values map[types.Object][]ast.Expr
	// opaque marks variables given a value the analysis does not see: a
	// parameter or result, a range or type-switch variable, a second
	// result, a compound assignment, a variable whose address is taken.
	opaque map[types.Object]bool
	// visiting are the variables being judged, so that one given a value
	// built from itself is judged on its other values.
	visiting map[types.Object]bool
}

// identifierWords are the last words of names of values that identify
// something rather than prove who the caller is: a user's id, a login
// method, a JWT's subject or nonce. A value named so is not a token
// unless its name also says token (IsToken decides that first).
var identifierWords = map[string]bool{
	"id": true, "ids": true, "uid": true, "name": true, "names": true, "username": true,
	"email": true, "sub": true, "subject": true, "nonce": true, "method": true,
	"type": true, "kind": true, "prefix": true, "namespace": true,
}

// identifierName reports a name whose last word says the value
// identifies something (userID, loginMethod) and which does not say
// token.
func (g *GoFlow) identifierName(name string) bool {
	ws := Words(name)
	return len(ws) > 0 && identifierWords[ws[len(ws)-1]] && !g.Model.IsToken(name)
}

func (g *GoFlow) defs() *localDefs {
	if g.local != nil {
		return g.local
	}
	d := &localDefs{values: map[types.Object][]ast.Expr{}, opaque: map[types.Object]bool{}, visiting: map[types.Object]bool{}}
	g.local = d
	if g.Info == nil || g.File == nil {
		return d
	}
	obj := func(e ast.Expr) types.Object {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		if o := g.Info.Defs[id]; o != nil {
			return o
		}
		return g.Info.Uses[id]
	}
	give := func(lhs, rhs ast.Expr) {
		if o := obj(lhs); o != nil {
			d.values[o] = append(d.values[o], rhs)
		}
	}
	hide := func(e ast.Expr) {
		if o := obj(e); o != nil {
			d.opaque[o] = true
		}
	}
	hideFields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				hide(n)
			}
		}
	}
	ast.Inspect(g.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			hideFields(n.Recv)
		case *ast.FuncType:
			hideFields(n.Params)
			hideFields(n.Results)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					hide(l) // a compound assignment: no one value
				}
				return true
			}
			assigned(n, give, hide)
		case *ast.ValueSpec:
			assigned(n, give, hide) // without a value: the zero value
		case *ast.RangeStmt:
			if n.Key != nil {
				hide(n.Key)
			}
			if n.Value != nil {
				hide(n.Value)
			}
		case *ast.TypeSwitchStmt:
			if as, ok := n.Assign.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					hide(l)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				hide(n.X)
			}
		case *ast.IncDecStmt:
			hide(n.X)
		}
		return true
	})
	// Type-switch variables are defined per clause (Info.Implicits).
	for _, o := range g.Info.Implicits {
		d.opaque[o] = true
	}
	return d
}

// givenOnlyNonTokens reports a local variable every value of which is
// known and none of which is a token: a store or cache key built from a
// user's id and a constant (sessionKey := loginMethod + ":" + user.ID)
// is not a session key, whatever it is called.
func (g *GoFlow) givenOnlyNonTokens(id *ast.Ident, depth int) bool {
	if g.Info == nil || depth > maxDefDepth {
		return false
	}
	o := g.Info.Uses[id]
	if o == nil {
		o = g.Info.Defs[id]
	}
	v, ok := o.(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false // a field, or a package variable another file may set
	}
	d := g.defs()
	vals := d.values[o]
	if d.opaque[o] || len(vals) == 0 {
		return false
	}
	if d.visiting[o] {
		// key = prefix + ":" + key: the variable's own earlier value adds
		// nothing its other values do not already say.
		return true
	}
	d.visiting[o] = true
	defer delete(d.visiting, o)
	for _, e := range vals {
		if !g.knownNotToken(e, depth+1) {
			return false
		}
	}
	return true
}

// maxDefDepth bounds how many definitions are followed (a := b; b := c),
// so that the judgement stays local; cycles end at the visiting set.
const maxDefDepth = 6

// KnownNotToken reports whether e is known not to hold a token: a
// constant, a value of a type that cannot hold one, a value whose name
// says it identifies something, a variable given only such values, and
// strings joined or formatted from them. An unknown origin is not known:
// then names decide, as IsToken does.
func (g *GoFlow) KnownNotToken(e ast.Expr) bool { return g.knownNotToken(e, 0) }

func (g *GoFlow) knownNotToken(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth > maxDefDepth {
		return false
	}
	if g.notTokenType(e) {
		return true
	}
	if _, ok := g.StringValue(e); ok {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		if g.vars[g.key(e)] {
			return false
		}
		if o := g.obj(e); o != nil {
			if _, isConst := o.(*types.Const); isConst {
				return true
			}
		}
		if g.identifierName(e.Name) {
			return true
		}
		return g.givenOnlyNonTokens(e, depth)
	case *ast.SelectorExpr:
		// user.ID identifies a user; a session's or a token's ID is the
		// session id, itself a credential: the owner's name or type and
		// the field together must not say token.
		if g.isTokenField(e) || !g.identifierName(e.Sel.Name) {
			return false
		}
		return !g.Model.IsToken(localflow.ValueName(e.X)+e.Sel.Name) && !g.Model.IsToken(g.typeName(e.X)+e.Sel.Name)
	case *ast.BinaryExpr:
		// Syntax is followed at the same depth: only definitions count.
		return e.Op == token.ADD && g.knownNotToken(e.X, depth) && g.knownNotToken(e.Y, depth)
	case *ast.TypeAssertExpr:
		return g.knownNotToken(e.X, depth)
	case *ast.IndexExpr:
		// claims["sub"]: a value read by a key that says what it is.
		if s, ok := g.StringValue(e.Index); ok {
			return g.identifierName(s)
		}
	case *ast.CallExpr:
		return g.callKnownNotToken(e, depth)
	}
	return false
}

// callKnownNotToken: a conversion of a value known not to be a token, or
// a summarised call (fmt.Sprintf, strings.Join) all of whose inputs are.
func (g *GoFlow) callKnownNotToken(call *ast.CallExpr, depth int) bool {
	if g.Info == nil {
		return false
	}
	if tv, ok := g.Info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return g.knownNotToken(call.Args[0], depth+1)
	}
	f, ok := resolve.Callee(g.Info, g.File, call)
	if !ok {
		return false
	}
	rows := g.libs.Func(f, model.SectionSummary)
	if len(rows) == 0 {
		return false
	}
	for _, r := range rows {
		if gomodel.Receiver(r.Input) {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !g.knownNotToken(sel.X, depth+1) {
				return false
			}
			continue
		}
		for _, a := range gomodel.Selected(r.Input, call) {
			if !g.knownNotToken(a, depth+1) {
				return false
			}
		}
	}
	return true
}

// typeName is the name of e's named type (or of what it points to), if
// it has one.
func (g *GoFlow) typeName(e ast.Expr) string {
	if g.Info == nil {
		return ""
	}
	if tn := resolve.NamedType(g.Info.TypeOf(e)); tn != nil {
		return tn.Name()
	}
	return ""
}
