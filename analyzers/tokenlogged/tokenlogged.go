package tokenlogged

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports token values written to logs.
var Analyzer = &analysis.Analyzer{
	Name:             "tokenlogged",
	Doc:              rules.MustLookup(rules.TokenLogged).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.TokenLogged).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(tokenmodel.Flag(), "names", tokenmodel.FlagUsage)
}

const msg = "token value %s written to a log: anyone who can read the logs can replay it; log an identifier or a hash of the token instead"

// sink is how a logging call carries values.
type sink int

const (
	notSink   sink = iota
	allArgs        // every argument is logged
	afterDest      // fmt.Fprint*: the first argument is the destination
	keyValue       // a field: (key, value); the value is logged under key
)

// loggers maps package paths to what their functions and methods do.
var loggers = map[string]func(name string) sink{
	"log":                        levelOrPrint,
	"log/slog":                   slogFunc,
	"fmt":                        fmtFunc,
	"go.uber.org/zap":            zapFunc,
	"github.com/sirupsen/logrus": logrusFunc,
	"github.com/rs/zerolog":      zerologFunc,
}

var levels = []string{"Trace", "Debug", "Info", "Warn", "Warning", "Error", "Fatal", "Panic", "DPanic", "Print", "Log"}

// levelOrPrint: Info, Infof, Infow, Infoln, InfoContext, Printf, …
func levelOrPrint(name string) sink {
	for _, l := range levels {
		if rest, ok := strings.CutPrefix(name, l); ok {
			switch rest {
			case "", "f", "ln", "w", "Context", "Attrs", "Fn", "fn":
				return allArgs
			}
		}
	}
	return notSink
}

func slogFunc(name string) sink {
	switch name {
	case "String", "Any":
		return keyValue
	case "With":
		return allArgs
	}
	return levelOrPrint(name)
}

func fmtFunc(name string) sink {
	switch name {
	case "Print", "Printf", "Println":
		return allArgs
	case "Fprint", "Fprintf", "Fprintln":
		return afterDest
	}
	return notSink
}

func zapFunc(name string) sink {
	switch name {
	case "String", "Any", "Reflect", "Stringer", "ByteString", "Binary":
		return keyValue
	case "With":
		return allArgs
	}
	return levelOrPrint(name)
}

func logrusFunc(name string) sink {
	switch name {
	case "WithField":
		return keyValue
	case "WithFields":
		return allArgs
	}
	return levelOrPrint(name)
}

func zerologFunc(name string) sink {
	switch name {
	case "Str", "Interface", "Any", "Bytes", "RawJSON", "Stringer":
		return keyValue
	case "Msg", "Msgf", "Print", "Printf":
		return allArgs
	}
	return notSink
}

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	model := tokenmodel.Default()
	for _, file := range pass.Files {
		flow := tokenmodel.NewGoFlow(model, pass.TypesInfo, file)
		flow.Track(file)
		c := &checker{pass: pass, flow: flow, file: file}
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
}

// sinkOf reports how call logs its arguments, and the logging package.
func (c *checker) sinkOf(call *ast.CallExpr) (sink, string) {
	f, ok := resolve.Callee(c.pass.TypesInfo, c.file, call)
	if !ok {
		return notSink, ""
	}
	kind, ok := loggers[f.Pkg]
	if !ok {
		return notSink, ""
	}
	return kind(f.Name), f.Pkg
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	args := call.Args
	sink, pkg := c.sinkOf(call)
	if sink != notSink && c.aboutChallenge(args) {
		return
	}
	if sink != notSink && pkg == "fmt" && !c.servingRequest(cur) {
		// Outside request handling, fmt's prints are the program's output
		// to its user: a command printing the token it generated (gitea's
		// `generate secret`), the code phrase to pass on (croc), the token
		// to paste on another machine (`rclone authorize`).
		return
	}
	switch sink {
	case notSink:
		return
	case afterDest:
		if len(args) == 0 || !c.isStdStream(args[0]) {
			return // a file, a buffer, an http.ResponseWriter: not a log
		}
		args = args[1:]
	case keyValue:
		if len(args) >= 2 {
			c.field(args[0], args[1])
		}
		return
	}
	for _, a := range args {
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
		if kind, _ := c.sinkOf(call); kind == keyValue {
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
	if keyIsConst && !c.flow.Lexical() && c.flow.Model.IsTokenParam(k) && !c.isMetadata(value) {
		c.report(value)
	}
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

// requestTypes are the parameter types of functions that serve a request:
// in them, standard output and standard error are the service's log.
var requestTypes = map[[2]string]bool{
	{"net/http", "ResponseWriter"}:                true,
	{"net/http", "Request"}:                       true,
	{"github.com/gin-gonic/gin", "Context"}:       true,
	{"github.com/labstack/echo/v4", "Context"}:    true,
	{"github.com/labstack/echo", "Context"}:       true,
	{"github.com/gofiber/fiber/v2", "Ctx"}:        true,
	{"github.com/gofiber/fiber/v3", "Ctx"}:        true,
	{"github.com/valyala/fasthttp", "RequestCtx"}: true,
}

// servingRequest reports whether the call at cur is inside a function (or
// a closure of one) that takes a request, a response writer or a web
// framework's context.
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
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	if tn := resolve.NamedType(c.pass.TypesInfo.TypeOf(e)); tn != nil {
		return requestTypes[[2]string{tn.Pkg().Path(), tn.Name()}]
	}
	p, name, ok := resolve.Object(c.pass.TypesInfo, c.file, e)
	return ok && requestTypes[[2]string{p, name}]
}

func (c *checker) isStdStream(e ast.Expr) bool {
	p, name, ok := resolve.Object(c.pass.TypesInfo, c.file, e)
	return ok && p == "os" && (name == "Stdout" || name == "Stderr")
}

func (c *checker) report(e ast.Expr) {
	c.pass.Report(analysis.Diagnostic{
		Pos: e.Pos(), End: e.End(), Category: rules.TokenLogged,
		Message: fmt.Sprintf(msg, shorten(types.ExprString(e))),
	})
}

func shorten(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
