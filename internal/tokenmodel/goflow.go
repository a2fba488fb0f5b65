package tokenmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/tokenvet/tokenvet/internal/resolve"
)

// Go sources of tokens whatever they are called: field and method names by
// the package path of their receiver type (a prefix, so every major version
// of a JWT library matches).
var (
	// tokenFields are fields that hold a token.
	tokenFields = map[string][]string{
		"golang.org/x/oauth2":             {"AccessToken", "RefreshToken"},
		"github.com/golang-jwt/jwt":       {"Raw"},
		"github.com/dgrijalva/jwt-go":     {"Raw"},
		"github.com/form3tech-oss/jwt-go": {"Raw"},
	}
	// tokenMethods are methods whose result is a token.
	tokenMethods = map[string]bool{"SignedString": true, "SignedStringWithContext": true}
	// tokenHeaders are HTTP headers whose value is a credential.
	tokenHeaders = map[string]bool{"authorization": true, "proxy-authorization": true, "cookie": true}
)

// GoFlow tells whether Go expressions of one function (or file) hold
// tokens: by the model's names, by the sources above, and through local
// assignments. Build one per file with NewGoFlow and call Track on each
// function body before asking about expressions in it.
type GoFlow struct {
	Model *Model
	Info  *types.Info // may be nil or incomplete: names then decide
	File  *ast.File
	vars  map[any]bool // types.Object, or the name when unresolved
	// lexical: the file belongs to a lexer, parser or tokenizer, where
	// "token" names a word of a language (or of a language model's
	// vocabulary), so names alone prove nothing.
	lexical bool
}

// NewGoFlow returns a GoFlow for file.
func NewGoFlow(m *Model, info *types.Info, file *ast.File) *GoFlow {
	return &GoFlow{Model: m, Info: info, File: file, vars: map[any]bool{},
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
		return !g.vars[g.key(e)] && g.named(e.Name)
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
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						changed = g.mark(l, n.Rhs[i]) || changed
					}
				} else if len(n.Rhs) == 1 && len(n.Lhs) >= 1 {
					// s, err := tok.SignedString(key): the first result
					changed = g.mark(n.Lhs[0], n.Rhs[0]) || changed
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						changed = g.mark(name, n.Values[i]) || changed
					} else if len(n.Values) == 1 && i == 0 {
						changed = g.mark(name, n.Values[0]) || changed
					}
				}
			}
			return true
		})
		if !changed {
			return
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
		return g.vars[g.key(e)] || g.named(e.Name)
	case *ast.SelectorExpr:
		if g.isTokenField(e) {
			return true
		}
		if g.Info != nil {
			if sel, ok := g.Info.Selections[e]; ok && sel.Kind() == types.MethodVal {
				return false // a method value, not a call
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

// syntaxTokenPackages and syntaxPackageNames declare the tokens of
// parsers and lexers — go/token's, encoding/json's and encoding/xml's
// Token, x/net/html's — words of a language, not credentials.
var (
	syntaxTokenPackages = map[string]bool{"go/token": true, "go/scanner": true, "text/scanner": true,
		"text/template/parse": true, "encoding/json": true, "encoding/xml": true, "golang.org/x/net/html": true}
	syntaxPackageNames = map[string]bool{"lexer": true, "scanner": true, "parser": true, "tokenizer": true, "ast": true, "syntax": true}
)

// notTokenType: numbers, booleans, times, durations, errors and the tokens
// of a parser never hold a credential, whatever they are called
// (tokenExpiry, hasToken, tokenErr, a lexer's token).
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
		if p := tn.Pkg(); p.Path() == "time" || syntaxTokenPackages[p.Path()] || syntaxPackageNames[p.Name()] {
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

// isTokenField reports oauth2.Token.AccessToken, jwt.Token.Raw and the like.
func (g *GoFlow) isTokenField(sel *ast.SelectorExpr) bool {
	if g.Info == nil {
		return false
	}
	s, ok := g.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || s.Obj().Pkg() == nil {
		return false
	}
	path := s.Obj().Pkg().Path()
	for prefix, fields := range tokenFields {
		if path == prefix || strings.HasPrefix(path, prefix+"/") {
			for _, f := range fields {
				if f == s.Obj().Name() {
					return true
				}
			}
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
	if ok {
		name = f.Name
		switch {
		case f.Pkg == "strings" && (f.Name == "TrimPrefix" || f.Name == "TrimSpace" || f.Name == "TrimSuffix" || f.Name == "Trim"):
			return len(call.Args) > 0 && g.IsToken(call.Args[0])
		case f.Pkg == "fmt" && f.Name == "Sprintf":
			for _, a := range call.Args[min(1, len(call.Args)):] {
				if g.IsToken(a) {
					return true
				}
			}
			return false
		case f.Pkg == "net/http" && f.Method && f.Name == "Get" && len(call.Args) == 1:
			s, ok := g.StringValue(call.Args[0])
			return ok && (tokenHeaders[strings.ToLower(s)] || g.Model.IsTokenKey(s))
		case f.Pkg == "net/url" && f.Method && f.Name == "Get" && len(call.Args) == 1,
			f.Pkg == "net/http" && f.Method && (f.Name == "FormValue" || f.Name == "PostFormValue"):
			s, ok := g.StringValue(call.Args[0])
			return ok && g.Model.IsTokenParam(s)
		}
	}
	if tokenMethods[name] {
		return true
	}
	if strings.HasPrefix(name, "Get") && len(call.Args) == 1 {
		// getters keyed by name: c.GetHeader("Authorization"), m.Get("token")
		if s, ok := g.StringValue(call.Args[0]); ok {
			return tokenHeaders[strings.ToLower(s)] || g.Model.IsTokenParam(s)
		}
	}
	return !g.lexical && g.Model.IsTokenFunc(name)
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
