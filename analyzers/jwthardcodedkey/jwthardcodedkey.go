package jwthardcodedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/flow/goflow"
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
	Requires:         []*analysis.Analyzer{goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

// msg: what is wrong, the consequence, the fix. The key is never quoted.
const msg = "JWT key is hard-coded (%s, used by %s): anyone who can read the source can forge or read tokens; load the key from configuration or a secret store"

func run(pass *analysis.Pass) (any, error) {
	if jwtlib.SkipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	fl := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	files := map[*token.File]*ast.File{}
	for _, f := range pass.Files {
		files[pass.Fset.File(f.Pos())] = f
	}
	reported := map[token.Pos]bool{}
	report := func(u *goflow.SinkUse, key ast.Expr, os []goflow.Origin) {
		o, ok := literalKey(os)
		if !ok || reported[key.Pos()] {
			return
		}
		r := jwtlib.Resolver{Info: pass.TypesInfo, File: files[pass.Fset.File(key.Pos())]}
		if s, ok := r.Member(ast.Unparen(key)); ok && s.Has(jwtlib.NoneKey) {
			return // the none "key" is jwt-none-alg's finding, not a secret
		}
		reported[key.Pos()] = true
		pass.Report(analysis.Diagnostic{
			Pos:      key.Pos(),
			End:      key.End(),
			Category: rules.JWTHardcodedKey,
			Message:  fmt.Sprintf(msg, describe(pass.Fset, key, o), localflow.Shorten(usedBy(u))),
			// How the literal gets to the key: a keyfunc's return is
			// judged on its own, and the flow ends at it.
			Related: goflow.Related(flowOf(u, key, o), key.Pos(), key.End()),
		})
	}
	for _, u := range fl.Sinks(model.SinkJWTKey) {
		// A keyfunc written at the call is judged return by return, so
		// that the finding points at the key it returns, not at the
		// whole function.
		if lit, ok := ast.Unparen(u.Arg).(*ast.FuncLit); ok && keyfunc(u) {
			for _, res := range returned(lit) {
				report(u, res, fl.Origins(res))
			}
			continue
		}
		report(u, u.Arg, u.Origins())
	}
	return nil, nil
}

// flowOf is the literal's flow to the key: into the sink's argument (or
// field) and on through the package's functions to the modelled sink,
// or, for a key a keyfunc returns, to the return.
func flowOf(u *goflow.SinkUse, key ast.Expr, o goflow.Origin) []goflow.Step {
	name := localflow.Shorten(usedBy(u))
	switch {
	case key != u.Arg:
		return o.Flow(goflow.Step{Pos: key.Pos(), What: "returned by " + name})
	case u.Call == nil:
		return o.Flow(goflow.Step{Pos: key.Pos(), What: "set as " + name})
	}
	return o.Flow(append([]goflow.Step{{Pos: key.Pos(), What: "passed to " + name}}, u.Steps...)...)
}

// returned lists the first result of each return statement of a
// function literal (not of literals nested in it).
func returned(lit *ast.FuncLit) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 {
				out = append(out, n.Results[0])
			}
		}
		return true
	})
	return out
}

// literalKey returns the literal a key is when every origin the flow
// core finds for it is written in the code: a non-empty constant that is
// no public key. A key that may also come from a source, a call nothing
// models or a value the core cannot see into (opaque) is loaded at run
// time at least on some path, and is not judged: the rule would
// otherwise flag every default that configuration overrides. Zero values
// and the receiver are no evidence either way. An empty key is
// not reported: it is a missing key (the library rejects it or signs
// with nothing), not a secret anyone can read.
func literalKey(os []goflow.Origin) (goflow.Origin, bool) {
	var lit goflow.Origin
	found := false
	for _, o := range os {
		switch {
		case o.Kind == goflow.Source || o.Kind == goflow.Opaque:
			return goflow.Origin{}, false
		case o.Kind == goflow.Param && o.Index >= 0:
			// A parameter's value is whatever a caller passes (the key
			// a setter stores over the literal default). A receiver is
			// not: the literal came from what the package stores in its
			// fields.
			return goflow.Origin{}, false
		case o.IsLiteral():
			if v, ok := o.String(); ok && isSecret(v) && !found {
				lit, found = o, true
			}
		}
	}
	return lit, found
}

// keyfunc reports whether the sink is what a keyfunc returns.
func keyfunc(u *goflow.SinkUse) bool { return strings.Contains(u.Row.Input, "ReturnValue") }

// describe names the key at the sink: the variable or constant the
// argument reads ("a literal" when it is written there), and the line
// of the literal when it is elsewhere.
func describe(fset *token.FileSet, key ast.Expr, o goflow.Origin) string {
	at := key.Pos()
	what := "a literal"
	e := ast.Unparen(key)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		e = ast.Unparen(conv.Args[0])
	}
	switch x := e.(type) {
	case *ast.Ident:
		what = x.Name
	case *ast.SelectorExpr:
		what = types.ExprString(x)
	}
	if lit := o.At(fset); lit.IsValid() && lit.Line != fset.Position(at).Line {
		if lit.Filename == fset.Position(at).Filename {
			what += fmt.Sprintf(", defined on line %d", lit.Line)
		} else {
			what += fmt.Sprintf(", defined at %s:%d", filepathBase(lit.Filename), lit.Line)
		}
	}
	return what
}

// usedBy names the sink: the called function (pkg.F, x.M), the field a
// composite literal or assignment sets, the keyfunc of a call, or the
// package's function the key is passed to on its way to the library.
func usedBy(u *goflow.SinkUse) string {
	name := ""
	switch {
	case u.Call == nil:
		name = u.Row.Identifiers()[0]
	default:
		name = funName(u.Call.Fun)
	}
	if keyfunc(u) {
		name = "the keyfunc of " + name
	}
	return name
}

func filepathBase(name string) string {
	if i := strings.LastIndexAny(name, "/\\"); i >= 0 {
		return name[i+1:]
	}
	return name
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

// isSecret: non-empty, and not a PEM public key or certificate.
func isSecret(v string) bool {
	if strings.TrimSpace(v) == "" {
		return false
	}
	return !strings.Contains(v, "PUBLIC KEY-----") && !strings.Contains(v, "CERTIFICATE-----")
}
