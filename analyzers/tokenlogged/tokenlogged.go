package tokenlogged

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/internal/localflow"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports token values written to logs.
var Analyzer = &analysis.Analyzer{
	Name:             "tokenlogged",
	Doc:              rules.MustLookup(rules.TokenLogged).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenLogged).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer, goflow.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const msg = "token value %s written to a log: anyone who can read the logs can replay it; log an identifier or a hash of the token instead"

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	model := tokenmodel.Default()
	core := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
	for _, file := range pass.Files {
		flow := tokenmodel.NewGoFlow(model, pass.TypesInfo, file)
		flow.OwnCall = func(call *ast.CallExpr) (bool, bool) { return core.OwnCallCarriesToken(call, model) }
		flow.Track(file)
		c := &checker{pass: pass, flow: flow, file: file, libs: gomodel.New(pass.TypesInfo, file)}
		for cur := range in.Root().Preorder((*ast.File)(nil)) {
			if cur.Node() != file {
				continue
			}
			for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
				c.call(cc, cc.Node().(*ast.CallExpr))
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	flow *tokenmodel.GoFlow
	file *ast.File
	libs gomodel.Q
	// sink is the logging call being checked.
	sink *ast.CallExpr
}

// sinkOf returns the model row of a call that writes its arguments to a
// log or the console (models/go: log, log/slog, fmt, zap, logrus,
// zerolog, …), or nil.
func (c *checker) sinkOf(call *ast.CallExpr) *model.Row {
	rows, _ := c.libs.Callee(call, model.SectionSink)
	for _, r := range rows {
		if r.Kind == model.SinkLog || r.Kind == model.SinkConsole {
			return r
		}
	}
	return nil
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	args := call.Args
	sink := c.sinkOf(call)
	if sink == nil || c.aboutChallenge(args) {
		return
	}
	c.sink = call
	if sink.Kind == model.SinkConsole && !c.servingRequest(cur) {
		// Outside request handling, console prints are the program's
		// output to its user: a command printing the token it generated
		// (gitea's `generate secret`), the code phrase to pass on (croc),
		// the token to paste on another machine (`rclone authorize`).
		return
	}
	if sink.KeyIs == model.KeyStdStream {
		if i := gomodel.Arg(sink.Key); i < 0 || i >= len(args) || !c.isStdStream(args[i]) {
			return // a file, a buffer, an http.ResponseWriter: not a log
		}
	}
	if sink.Label != "" {
		// A field: the value is logged under the label's key.
		k, v := gomodel.Arg(sink.Label), gomodel.Arg(sink.Input)
		if k >= 0 && v >= 0 && k < len(args) && v < len(args) {
			c.field(args[k], args[v])
		}
		return
	}
	for _, a := range gomodel.Selected(sink.Input, call) {
		c.arg(a)
	}
}

// aboutChallenge reports a log line about an ACME challenge: its token is
// public by design (RFC 8555 serves it at /.well-known/acme-challenge/).
func (c *checker) aboutChallenge(args []ast.Expr) bool {
	for _, a := range args {
		if s, ok := c.flow.StringValue(a); ok && strings.Contains(strings.ToLower(s), "challenge") {
			return true
		}
	}
	return false
}

// arg reports a logged argument that is a token. Field constructors among
// the arguments are reported where they are built (keyValue).
func (c *checker) arg(a ast.Expr) {
	if call, ok := ast.Unparen(a).(*ast.CallExpr); ok {
		if s := c.sinkOf(call); s != nil && s.Label != "" {
			return
		}
	}
	if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
		// logrus.Fields{"token": tok}, map literals of fields
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.field(kv.Key, kv.Value)
			}
		}
		return
	}
	if c.flow.IsToken(a) {
		c.report(a)
	}
}

// field reports a value logged under a key: a token by itself, or a
// non-constant value under a key that names a token.
func (c *checker) field(key, value ast.Expr) {
	if _, isConst := c.flow.StringValue(value); isConst {
		return
	}
	k, keyIsConst := c.flow.StringValue(key)
	if keyIsConst && c.otherKindOfToken(k) && c.flow.NameOnly(value) {
		// log.Str("zedtoken", requested.Token): the key says which kind
		// of token the value is, and that kind is no credential (a
		// consistency or revision token, a page token, a CSRF token).
		return
	}
	if c.flow.IsToken(value) {
		c.report(value)
		return
	}
	// The key names a token but the value is known to be something else
	// (a user id, a store key built from one): the key is a label.
	if keyIsConst && !c.flow.Lexical() && c.flow.Model.IsTokenParam(k) && !c.isMetadata(value) && !c.describesToken(value) && !c.flow.KnownNotToken(value) {
		c.report(value)
	}
}

// describesToken: a value whose own name says it is about a token, not
// the token (log.Str("private-key", privateKeyFile)).
func (c *checker) describesToken(e ast.Expr) bool {
	return c.flow.Model.DescribesToken(localflow.ValueName(e))
}

// otherKindOfToken reports a field key that mentions a token but does not
// name a credential: zedtoken, next_token, csrf_token.
func (c *checker) otherKindOfToken(key string) bool {
	return strings.Contains(strings.ToLower(key), "token") && !c.flow.Model.IsTokenKey(key)
}

// isMetadata: a value whose type cannot hold a token (a number, a time).
func (c *checker) isMetadata(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString == 0 && b.Kind() != types.Invalid
}

// servingRequest reports whether the call at cur is inside a function (or
// a closure of one) that takes a request, a response writer or a web
// framework's context (types the models call received-request or
// response-writer): in them, standard output and standard error are the
// service's log.
func (c *checker) servingRequest(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			ft = fn.Type
		case *ast.FuncLit:
			ft = fn.Type
		}
		for _, field := range ft.Params.List {
			if c.isRequestType(field.Type) {
				return true
			}
		}
	}
	return false
}

func (c *checker) isRequestType(e ast.Expr) bool {
	return c.libs.TypeExprHas(e, model.TraitReceivedRequest) || c.libs.TypeExprHas(e, model.TraitResponseWriter)
}

// isStdStream: os.Stdout, os.Stderr (trait std-stream).
func (c *checker) isStdStream(e ast.Expr) bool {
	return c.libs.ObjectHas(e, model.TraitStdStream)
}

func (c *checker) report(e ast.Expr) {
	c.pass.Report(analysis.Diagnostic{
		Pos: e.Pos(), End: e.End(), Category: rules.TokenLogged,
		Message: fmt.Sprintf(msg, shorten(types.ExprString(e))),
		Related: c.related(e),
	})
}

// related is the evidence that the logged value is a token: where it
// became one (a credential source, a token field) and the assignments
// that bring it to the log call. A value that is a token by its name
// alone has none.
func (c *checker) related(e ast.Expr) []analysis.RelatedInformation {
	trail := c.flow.Trail(e)
	if len(trail) == 0 {
		return nil
	}
	flow := make([]goflow.Step, 0, len(trail)+1)
	for _, s := range trail {
		flow = append(flow, goflow.Step{Pos: s.Pos, What: s.What})
	}
	flow = append(flow, goflow.Step{Pos: e.Pos(), What: "written to a log by " + shorten(types.ExprString(c.sink.Fun))})
	return goflow.Related(flow, e.Pos(), e.End())
}

func shorten(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
