package tokenmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
)

// GoFlow tells whether Go expressions of one function (or file) hold
// tokens: by the model's names, by the library models' credential sources
// (oauth2.Token's AccessToken, golang-jwt's SignedString, an
// Authorization header read) and summaries (strings.TrimPrefix,
// fmt.Sprintf), and through local assignments. Build one per file with NewGoFlow and call Track on each
// function body before asking about expressions in it.
type GoFlow struct {
	Model *Model
	Info  *types.Info // may be nil or incomplete: names then decide
	File  *ast.File
	libs  gomodel.Q
	vars  map[any]bool // types.Object, or the name when unresolved
	// why holds, for each variable in vars, the assignment that made it
	// a token, for Trail.
	why map[any]assignment
	// lexical: the file belongs to a lexer, parser or tokenizer, where
	// "token" names a word of a language (or of a language model's
	// vocabulary), so names alone prove nothing.
	lexical bool
	// OwnCall, when set, judges a call of the package's own function
	// whose name says it returns a token by what it returns
	// (goflow.Flow.OwnCallCarriesToken); judged false leaves the call to
	// the name.
	OwnCall func(call *ast.CallExpr) (carries, judged bool)
	// local: the values each local variable of File is given, built on
	// first use (defs.go).
	local *localDefs
}

// NewGoFlow returns a GoFlow for file.
func NewGoFlow(m *Model, info *types.Info, file *ast.File) *GoFlow {
	return &GoFlow{Model: m, Info: info, File: file, libs: gomodel.New(info, file), vars: map[any]bool{}, why: map[any]assignment{},
		lexical: file != nil && file.Name != nil && syntaxPackageNames[file.Name.Name]}
}

// Lexical reports whether the file is part of a lexer, parser or
// tokenizer (by its package name), whose tokens are words, not
// credentials: there only sources (SignedString, an oauth2 token, the
// Authorization header) make a value a token.
func (g *GoFlow) Lexical() bool { return g.lexical }

// named reports whether a value's or function's name says it is a token.
func (g *GoFlow) named(name string) bool { return !g.lexical && g.Model.IsToken(name) }

// NameOnly reports whether e is a variable or field that IsToken judges a
// token by its own name alone, not by where its value came from.
func (g *GoFlow) NameOnly(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return !g.vars[g.key(e)] && g.named(e.Name) && !g.givenOnlyNonTokens(e, 0)
	case *ast.SelectorExpr:
		return !g.isTokenField(e) && g.named(e.Sel.Name)
	}
	return false
}

func (g *GoFlow) key(id *ast.Ident) any {
	if g.Info != nil {
		if obj := g.Info.Defs[id]; obj != nil {
			return obj
		}
		if obj := g.Info.Uses[id]; obj != nil {
			return obj
		}
	}
	return id.Name
}

// Track records the local variables of body that are assigned a token,
// following assignments in order until nothing changes.
func (g *GoFlow) Track(body ast.Node) {
	for range 4 {
		changed := false
		ast.Inspect(body, func(n ast.Node) bool {
			assigned(n, func(l, r ast.Expr) { changed = g.mark(l, r) || changed }, nil)
			return true
		})
		if !changed {
			return
		}
	}
}

// assigned calls give for each variable that an assignment or a value
// declaration n gives a value the analyses follow — pairwise, or the
// first result of one call, conversion or comma-ok read (s, err :=
// tok.SignedString(key); v, ok := m[k]) — and rest, when not nil, for the
// other variables on its left (err, ok). A declaration without values
// gives nothing.
func assigned(n ast.Node, give func(lhs, rhs ast.Expr), rest func(lhs ast.Expr)) {
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, name := range n.Names {
			lhs = append(lhs, name)
		}
		rhs = n.Values
	default:
		return
	}
	switch {
	case len(lhs) == len(rhs):
		for i, l := range lhs {
			give(l, rhs[i])
		}
	case len(rhs) == 1:
		give(lhs[0], rhs[0])
		if rest != nil {
			for _, l := range lhs[1:] {
				rest(l)
			}
		}
	}
}

func (g *GoFlow) mark(lhs, rhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	k := g.key(id)
	if g.vars[k] || !g.IsToken(rhs) {
		return false
	}
	g.vars[k] = true
	g.why[k] = assignment{id, rhs}
	return true
}

// IsToken reports whether e evaluates to a token (or to a value that
// carries one, like an *oauth2.Token or a "Bearer …" string).
func (g *GoFlow) IsToken(e ast.Expr) bool {
	e = ast.Unparen(e)
	if g.notTokenType(e) {
		return false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if obj := g.obj(e); obj != nil {
			if _, isConst := obj.(*types.Const); isConst {
				return false // a constant is a name or a placeholder
			}
			if _, isFunc := obj.(*types.Func); isFunc {
				return false
			}
		}
		if g.vars[g.key(e)] {
			return true
		}
		// A name that says token is taken at its word unless every value
		// the variable is given is known to be something else.
		return g.named(e.Name) && !g.givenOnlyNonTokens(e, 0)
	case *ast.SelectorExpr:
		if g.isTokenField(e) {
			return true
		}
		if g.Info != nil {
			if sel, ok := g.Info.Selections[e]; ok && sel.Kind() == types.MethodVal {
				return false // a method value, not a call
			}
			if _, isConst := g.Info.Uses[e.Sel].(*types.Const); isConst {
				return false // constants.TokenTypeAccessToken: a name, as a local constant is
			}
		}
		return g.named(e.Sel.Name)
	case *ast.StarExpr:
		return g.IsToken(e.X)
	case *ast.UnaryExpr:
		return e.Op == token.AND && g.IsToken(e.X)
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (g.IsToken(e.X) || g.IsToken(e.Y))
	case *ast.IndexExpr:
		if s, ok := g.StringValue(e.Index); ok {
			return !g.lexical && g.Model.IsTokenParam(s)
		}
	case *ast.CallExpr:
		return g.callIsToken(e)
	}
	return false
}

// syntaxPackageNames are the names of packages whose "tokens" are words
// of a language: a lexer's, a parser's, a tokenizer's. Library packages
// of that kind (go/token, encoding/json, x/net/html) say so in their
// models (trait not-credential).
var syntaxPackageNames = map[string]bool{"lexer": true, "scanner": true, "parser": true, "tokenizer": true, "ast": true, "syntax": true}

// notTokenType: numbers, booleans, errors, the types the library models
// call not-credential (times, durations, the tokens of a lexer or
// parser) and the types of packages named like a parser never hold a
// credential, whatever they are called (tokenExpiry, hasToken, tokenErr,
// a lexer's token).
func (g *GoFlow) notTokenType(e ast.Expr) bool {
	if g.Info == nil {
		return false
	}
	tv, ok := g.Info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	t := types.Unalias(tv.Type)
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString == 0 && b.Kind() != types.Invalid && b.Kind() != types.UnsafePointer
	}
	if tn := resolve.NamedType(t); tn != nil {
		if syntaxPackageNames[tn.Pkg().Name()] || g.libs.TypeNameHas(tn.Pkg().Path(), tn.Name(), model.TraitNotCredential) {
			return true
		}
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func (g *GoFlow) obj(id *ast.Ident) types.Object {
	if g.Info == nil {
		return nil
	}
	return g.Info.Uses[id]
}

// isTokenField reports a field the library models call a credential:
// oauth2.Token.AccessToken, jwt.Token.Raw and the like.
func (g *GoFlow) isTokenField(sel *ast.SelectorExpr) bool {
	for _, r := range g.libs.Field(sel, model.SectionSource) {
		if model.IsCredentialSource(r.Kind) && r.Key == "" {
			return true
		}
	}
	return false
}

func (g *GoFlow) callIsToken(call *ast.CallExpr) bool {
	// A conversion string(b) or []byte(s) carries its operand.
	if g.Info != nil {
		if tv, ok := g.Info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return g.IsToken(call.Args[0])
		}
	}
	f, ok := resolve.Callee(g.Info, g.File, call)
	name := ""
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	case *ast.Ident:
		name = fun.Name
	}
	var sources []*model.Row
	if ok {
		name = f.Name
		// A summary says what the result carries: strings.TrimPrefix
		// its first argument, fmt.Sprintf what it formats.
		if rows := g.libs.Func(f, model.SectionSummary); len(rows) > 0 {
			return g.summaryIsToken(rows, call)
		}
		sources = g.libs.Func(f, model.SectionSource)
	} else if g.unknownMethod(call) {
		// A method of a variable whose type is unknown (its package
		// failed to load): the imported packages' methods of that name.
		sources = g.libs.ImportedMethod(model.SectionSource, name)
	}
	if len(sources) > 0 {
		return g.sourceIsToken(sources, call)
	}
	named := !g.lexical && g.Model.IsTokenFunc(name)
	if strings.HasPrefix(name, "Get") && len(call.Args) == 1 {
		// getters keyed by name: c.GetHeader("Authorization"), m.Get("token")
		if s, ok := g.StringValue(call.Args[0]); ok {
			named = g.Model.IsCredentialHeader(s) || g.Model.IsTokenParam(s)
		}
	}
	if named && g.OwnCall != nil {
		// Only a name that says "token" is checked against what the
		// function returns: asking the core about every call would
		// compute summaries no finding needs.
		if carries, judged := g.OwnCall(call); judged {
			return carries
		}
	}
	return named
}

// unknownMethod reports x.M(…) where nobody knows what M is.
func (g *GoFlow) unknownMethod(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && (g.Info == nil || g.Info.Uses[sel.Sel] == nil)
}

// summaryIsToken: the result of a summarised call carries a token when
// one of its inputs does.
func (g *GoFlow) summaryIsToken(rows []*model.Row, call *ast.CallExpr) bool {
	for _, r := range rows {
		if gomodel.Receiver(r.Input) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && g.IsToken(sel.X) {
				return true
			}
			continue
		}
		for _, a := range gomodel.Selected(r.Input, call) {
			if g.IsToken(a) {
				return true
			}
		}
	}
	return false
}

// sourceIsToken: a call of a modelled source yields a token when it is
// a credential, or when its key (a header's or a parameter's name)
// names one; a read of a form or a query by a key that names nothing is
// just data.
func (g *GoFlow) sourceIsToken(rows []*model.Row, call *ast.CallExpr) bool {
	for _, r := range rows {
		if r.KeyIs == "" {
			if model.IsCredentialSource(r.Kind) {
				return true
			}
			continue
		}
		i := gomodel.Arg(r.Key)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		if s, ok := g.StringValue(call.Args[i]); ok && g.Model.KeyHolds(r.KeyIs, s) {
			return true
		}
	}
	return false
}

// StringValue is the value of a constant string expression.
func (g *GoFlow) StringValue(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if g.Info != nil {
		if tv, ok := g.Info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
	}
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	return "", false
}
