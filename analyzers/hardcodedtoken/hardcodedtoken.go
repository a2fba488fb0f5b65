package hardcodedtoken

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/rules"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// Analyzer reports hard-coded tokens, keys and secrets in Go string
// literals and constants.
var Analyzer = &analysis.Analyzer{
	Name:             "hardcodedtoken",
	Doc:              rules.MustLookup(rules.HardcodedToken).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.HardcodedToken).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
	ResultType:       reflect.TypeOf(Dropped(nil)),
}

// Dropped is the analyzer's result: the candidates the secrets context
// layer did not report, by reason, each as the set of its positions
// ("file:line:col"), so that a driver that analyses a package twice (its
// test variant too) counts each once. tokenvet scan adds them to the
// counts -v prints for the other files.
type Dropped map[string]map[string]bool

// DroppedCandidates implements the interface internal/goscan reads
// results through.
func (d Dropped) DroppedCandidates() map[string]map[string]bool { return d }

var configPath string

func init() {
	Analyzer.Flags.StringVar(&configPath, "config", "", "gitleaks-format TOML `file` whose rules are layered over the default secret rules")
}

// minLen is the shortest string value worth scanning: no rule matches a
// secret shorter than this, and most literals are short.
const minLen = 8

func run(pass *analysis.Pass) (any, error) {
	sc, err := secrets.Load(configPath)
	if err != nil {
		return nil, err
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, sc: sc, reported: map[token.Pos]bool{}, dropped: Dropped{}}
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		c.file = fc.Node().(*ast.File)
		c.allowed = allowedLines(pass.Fset, c.file)
		ast.Inspect(c.file, c.visit)
		c.comments()
	}
	return c.dropped, nil
}

type checker struct {
	pass     *analysis.Pass
	dropped  Dropped
	sc       *secrets.Scanner
	file     *ast.File
	reported map[token.Pos]bool
	// allowed holds the lines of the file with a gitleaks:allow comment.
	allowed map[int]bool
}

// allowedLines returns the lines carrying gitleaks' inline escape,
// which gitleaks honours on the line of a match: the analyzer scans
// literals without their comments, so it looks the comments up itself.
func allowedLines(fset *token.FileSet, f *ast.File) map[int]bool {
	var lines map[int]bool
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.Contains(c.Text, "gitleaks:allow") {
				if lines == nil {
					lines = map[int]bool{}
				}
				lines[fset.Position(c.Pos()).Line] = true
			}
		}
	}
	return lines
}

// visit finds the outermost string expressions and the context each
// appears in. It walks with ast.Inspect so the parent is at hand.
func (c *checker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ImportSpec, *ast.Field: // import paths and struct tags
		return false
	case *ast.CallExpr:
		if c.isEnvLookup(n) {
			return false
		}
		name := c.callContext(n)
		for i, a := range n.Args {
			ctx := ""
			if name != nil {
				ctx = name(i)
			}
			if c.root(a, ctx) {
				continue
			}
			ast.Inspect(a, c.visit)
		}
		ast.Inspect(n.Fun, c.visit)
		return false
	case *ast.KeyValueExpr:
		if !c.root(n.Value, c.nameOf(n.Key)) {
			ast.Inspect(n.Value, c.visit)
		}
		if _, ok := n.Key.(*ast.Ident); !ok {
			ast.Inspect(n.Key, c.visit)
		}
		return false
	case *ast.AssignStmt:
		for i, r := range n.Rhs {
			ctx := ""
			if len(n.Lhs) == len(n.Rhs) {
				ctx = c.nameOf(n.Lhs[i])
			}
			if !c.root(r, ctx) {
				ast.Inspect(r, c.visit)
			}
		}
		for _, l := range n.Lhs {
			ast.Inspect(l, c.visit)
		}
		return false
	case *ast.ValueSpec:
		for i, v := range n.Values {
			ctx := ""
			if len(n.Names) == len(n.Values) {
				ctx = n.Names[i].Name
			}
			if !c.root(v, ctx) {
				ast.Inspect(v, c.visit)
			}
		}
		return false
	case ast.Expr:
		return !c.root(n, "")
	}
	return true
}

// comments scans the file's comments: a token pasted into a comment
// or a doc example leaks as surely as one in a literal. Comment text is
// the source itself, so positions are exact.
func (c *checker) comments() {
	name := ""
	if f := c.pass.Fset.File(c.file.Pos()); f != nil {
		name = filepath.ToSlash(f.Name())
	}
	for _, g := range c.file.Comments {
		for _, cm := range g.List {
			if len(cm.Text) < minLen+2 {
				continue
			}
			for _, m := range c.sc.Scan(name, cm.Text) {
				// A comment is documentation: what it quotes is an
				// example unless the value has a provider's format.
				if !c.keep(secrets.ClassDocs, cm.Text, m, cm.Pos()+token.Pos(m.Start)) {
					continue
				}
				pos := cm.Pos() + token.Pos(m.Start)
				if c.reported[pos] || c.allowed[c.pass.Fset.Position(pos).Line] {
					continue
				}
				c.reported[pos] = true
				c.pass.Report(analysis.Diagnostic{Pos: pos, End: cm.Pos() + token.Pos(m.End), Category: rules.HardcodedToken, URL: rules.SecretTypeURL(m.RuleID), Message: secrets.Describe(m)})
			}
		}
	}
}

// keep runs the secrets context layer on a match in text, found in a
// part of the file of class cl, and counts it at pos when it is dropped.
// Test files reach the analyzer only when the scan includes tests, so the
// policy admits them.
func (c *checker) keep(cl secrets.FileClass, text string, m secrets.Match, pos token.Pos) bool {
	d := secrets.Policy{Tests: true}.Decide(cl, text, m)
	if !d.Keep {
		at := c.pass.Fset.PositionFor(pos, false).String()
		if c.dropped[d.Reason] == nil {
			c.dropped[d.Reason] = map[string]bool{}
		}
		c.dropped[d.Reason][at+" "+m.RuleID] = true
	}
	return d.Keep
}

// class is the file class of the file being checked.
func (c *checker) class() secrets.FileClass {
	switch {
	case ast.IsGenerated(c.file):
		return secrets.ClassGenerated
	case strings.HasSuffix(c.pass.Fset.Position(c.file.Pos()).Filename, "_test.go"):
		return secrets.ClassTest
	}
	return secrets.ClassCode
}

// isEnvLookup reports calls whose string arguments name a value read at
// run time.
func (c *checker) isEnvLookup(call *ast.CallExpr) bool {
	f, ok := resolve.Callee(c.pass.TypesInfo, c.file, call)
	if !ok {
		return false
	}
	switch f.Pkg + "." + f.Name {
	case "os.Getenv", "os.LookupEnv", "os.ExpandEnv", "syscall.Getenv":
		return !f.Method
	}
	return false
}

// callContext returns, for a call that gives its arguments a meaning, the
// context name of argument i.
func (c *checker) callContext(call *ast.CallExpr) func(int) string {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SetBasicAuth" {
		return func(i int) string {
			if i == 1 {
				return "password"
			}
			return ""
		}
	}
	for i, a := range call.Args {
		if s, ok := c.stringValue(a); ok && (strings.EqualFold(s, "authorization") || strings.EqualFold(s, "proxy-authorization")) {
			header := i
			return func(j int) string {
				if j > header {
					return "Authorization:"
				}
				return ""
			}
		}
	}
	return nil
}

// nameOf returns the name an assignment target or key lends its value.
func (c *checker) nameOf(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		if s, ok := c.stringValue(e.Index); ok {
			return headerName(s)
		}
		return c.nameOf(e.X)
	case *ast.StarExpr:
		return c.nameOf(e.X)
	case *ast.BasicLit:
		if s, ok := c.stringValue(e); ok {
			return headerName(s)
		}
	}
	return ""
}

func headerName(s string) string {
	if strings.EqualFold(s, "authorization") {
		return "Authorization:"
	}
	if len(s) > 64 || strings.ContainsAny(s, "\n\"") {
		return ""
	}
	return s
}

func (c *checker) stringValue(e ast.Expr) (string, bool) {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	if lit, ok := ast.Unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	return "", false
}

// piece is one operand of a string concatenation.
type piece struct {
	node  ast.Expr
	value string
	known bool
	// exact: value[i] is at source position node.Pos()+1+i (a literal
	// without escapes).
	exact bool
}

// root scans e if it is a string expression (a literal, a concatenation,
// a conversion of one) and reports whether it did, so the caller does not
// descend into it.
func (c *checker) root(e ast.Expr, ctx string) bool {
	e = ast.Unparen(e)
	// []byte("…") and string(…) conversions keep the context.
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && c.isConversion(call) {
		return c.root(call.Args[0], ctx)
	}
	var pieces []piece
	if !c.flatten(e, &pieces) {
		return false
	}
	hasLit := false
	for _, p := range pieces {
		if _, ok := p.node.(*ast.BasicLit); ok {
			hasLit = true
		}
	}
	// Constants alone are scanned where they land in a sink (an
	// Authorization header, a password); elsewhere their declaration is
	// where they are reported.
	if !hasLit && !strings.HasSuffix(ctx, ":") && ctx != "password" {
		return false
	}
	var b strings.Builder
	prefix := ""
	if ctx != "" {
		prefix = ctx + " = \""
		if strings.HasSuffix(ctx, ":") {
			prefix = ctx + " "
		}
	}
	b.WriteString(prefix)
	starts := make([]int, len(pieces))
	total := 0
	for i, p := range pieces {
		starts[i] = b.Len()
		if p.known {
			b.WriteString(p.value)
			total += len(p.value)
		} else {
			b.WriteString("\x00") // an unknown operand breaks any token
		}
	}
	if total < minLen {
		return true
	}
	if ctx != "" && !strings.HasSuffix(ctx, ":") {
		b.WriteString("\"")
	}
	text := b.String()
	name := ""
	if f := c.pass.Fset.File(e.Pos()); f != nil {
		name = filepath.ToSlash(f.Name())
	}
	for _, m := range c.sc.Scan(name, text) {
		if m.Start < len(prefix) {
			continue // the match is in the context name, not the value
		}
		if !c.keep(c.class(), text, m, e.Pos()) {
			continue
		}
		i := len(pieces) - 1
		for i > 0 && starts[i] > m.Start {
			i--
		}
		p := pieces[i]
		pos, end := p.node.Pos(), p.node.End()
		if p.exact {
			off := m.Start - starts[i]
			n := min(m.End, starts[i]+len(p.value)) - m.Start
			pos = p.node.Pos() + 1 + token.Pos(off)
			end = pos + token.Pos(n)
		}
		if c.reported[pos] || c.allowed[c.pass.Fset.Position(pos).Line] {
			continue
		}
		c.reported[pos] = true
		c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rules.HardcodedToken, URL: rules.SecretTypeURL(m.RuleID), Message: secrets.Describe(m)})
	}
	return true
}

func (c *checker) isConversion(call *ast.CallExpr) bool {
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok {
		return tv.IsType()
	}
	switch f := call.Fun.(type) {
	case *ast.ArrayType:
		id, ok := f.Elt.(*ast.Ident)
		return ok && f.Len == nil && (id.Name == "byte" || id.Name == "rune")
	case *ast.Ident:
		return f.Name == "string"
	}
	return false
}

// flatten appends the operands of a string concatenation; false when e
// is not a string expression.
func (c *checker) flatten(e ast.Expr, out *[]piece) bool {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return false
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return false
		}
		raw := e.Value[1 : len(e.Value)-1]
		*out = append(*out, piece{node: e, value: s, known: true, exact: raw == s})
		return true
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return false
		}
		if t := c.pass.TypesInfo.TypeOf(e); t != nil {
			if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
				return false
			}
		}
		n := len(*out)
		if !c.flatten(e.X, out) || !c.flatten(e.Y, out) {
			*out = (*out)[:n]
			return false
		}
		return true
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr:
		// An operand of a concatenation: a const's value is known, a
		// variable's is not.
		if s, ok := c.stringValue(e); ok {
			*out = append(*out, piece{node: e, value: s, known: true})
		} else {
			*out = append(*out, piece{node: e})
		}
		return true
	}
	return false
}
