package jwthardcodedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports hard-coded JWT keys.
var Analyzer = &analysis.Analyzer{
	Name:             "jwthardcodedkey",
	Doc:              rules.MustLookup(rules.JWTHardcodedKey).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTHardcodedKey).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

// msg: what is wrong, the consequence, the fix. The key is never quoted.
const msg = "JWT key is hard-coded (%s, used by %s): anyone who can read the source can forge or read tokens; load the key from configuration or a secret store"

type checker struct {
	pass *analysis.Pass
	r    jwtlib.Resolver
	// assigned counts assignments per variable (typed), to tell a
	// variable with one value from one that changes.
	assigned map[types.Object]int
}

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	assigned := map[types.Object]int{}
	if pass.TypesInfo != nil {
		for n := range in.PreorderSeq((*ast.AssignStmt)(nil)) {
			as := n.(*ast.AssignStmt)
			if as.Tok == token.DEFINE {
				continue
			}
			for _, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					if obj := pass.TypesInfo.Uses[id]; obj != nil {
						assigned[obj]++
					}
				}
			}
		}
	}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		file := fc.Node().(*ast.File)
		c := &checker{pass: pass, r: jwtlib.Resolver{Info: pass.TypesInfo, File: file}, assigned: assigned}
		for cur := range fc.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(n)
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if f, ok := c.r.LitField(n, kv.Key); ok && f.Value == jwtlib.Key {
							c.check(kv.Value, types.ExprString(kv.Key))
						}
					}
				}
			}
		}
	}
	return nil, nil
}

func (c *checker) call(call *ast.CallExpr) {
	s, ok := c.r.Callee(call)
	if !ok {
		return
	}
	for i, a := range call.Args {
		if s.Param(i) == jwtlib.Key {
			c.check(a, funName(call.Fun))
		}
	}
	if kf, ok := jwtlib.Arg(s, call, jwtlib.Keyfunc); ok {
		body := jwtlib.FuncBody(c.pass.TypesInfo, c.pass.Files, kf)
		if body == nil {
			return
		}
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 2 {
				c.check(ret.Results[0], "the keyfunc of "+funName(call.Fun))
			}
			return true
		})
	}
}

func (c *checker) check(e ast.Expr, sink string) {
	if !c.hardcoded(e, 0) {
		return
	}
	what := "a literal"
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		what = id.Name
	} else if conv, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if id, ok := ast.Unparen(conv.Args[0]).(*ast.Ident); ok {
			what = id.Name
		}
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      e.Pos(),
		End:      e.End(),
		Category: rules.JWTHardcodedKey,
		Message:  fmt.Sprintf(msg, what, localflow.Shorten(sink)),
	})
}

// funName names a called function briefly: pkg.F, x.M, or M when the
// receiver is a longer expression.
func funName(fun ast.Expr) string {
	if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
		return sel.Sel.Name
	}
	return types.ExprString(fun)
}

// hardcoded reports whether e's value is a constant secret.
func (c *checker) hardcoded(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	if s, ok := c.r.Member(e); ok && s.Has(jwtlib.NoneKey) {
		return false // the none "key" is jwt-none-alg's finding, not a secret
	}
	if v, ok := c.r.StringValue(e); ok {
		return isSecret(v)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if len(x.Args) == 1 && isByteSlice(x.Fun) {
			return c.hardcoded(x.Args[0], depth+1)
		}
	case *ast.CompositeLit:
		if !isByteSlice(x.Type) || len(x.Elts) == 0 {
			return false
		}
		for _, elt := range x.Elts {
			if _, ok := elt.(*ast.BasicLit); !ok {
				return false
			}
		}
		return true
	case *ast.Ident:
		if init := c.initOf(x); init != nil {
			return c.hardcoded(init, depth+1)
		}
	}
	return false
}

// initOf returns the only value ever given to the variable id refers to,
// or nil: its declaration's initializer, if nothing assigns it later.
func (c *checker) initOf(id *ast.Ident) ast.Expr {
	info := c.pass.TypesInfo
	if info != nil {
		obj, ok := info.Uses[id].(*types.Var)
		if ok {
			if c.assigned[obj] > 0 {
				return nil
			}
			return c.declInit(func(def *ast.Ident) bool { return info.Defs[def] == obj })
		}
		if info.Uses[id] != nil {
			return nil
		}
	}
	// Without type information: a package-level var or const of that
	// name, unless a local declaration could shadow it (not followed).
	var out ast.Expr
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || (gd.Tok != token.VAR && gd.Tok != token.CONST) {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if n.Name == id.Name && len(vs.Values) == len(vs.Names) {
						out = vs.Values[i]
					}
				}
			}
		}
	}
	return out
}

// declInit finds the initializer of the declaration whose name satisfies
// is: var x = e, or x := e.
func (c *checker) declInit(is func(*ast.Ident) bool) ast.Expr {
	var out ast.Expr
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if out != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if is(name) && len(n.Values) == len(n.Names) {
						out = n.Values[i]
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok && is(id) {
							out = n.Rhs[i]
						}
					}
				}
			}
			return true
		})
		if out != nil {
			break
		}
	}
	return out
}

// isSecret: non-empty, and not a PEM public key or certificate.
func isSecret(v string) bool {
	if strings.TrimSpace(v) == "" {
		return false
	}
	return !strings.Contains(v, "PUBLIC KEY-----") && !strings.Contains(v, "CERTIFICATE-----")
}

func isByteSlice(e ast.Expr) bool {
	at, ok := ast.Unparen(e).(*ast.ArrayType)
	if !ok || at.Len != nil {
		return false
	}
	id, ok := at.Elt.(*ast.Ident)
	return ok && (id.Name == "byte" || id.Name == "uint8")
}
