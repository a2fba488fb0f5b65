package golangci

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/analyzers/jwtnonealg"
	"github.com/tokenvet/tokenvet/rules"
)

func names(p *Plugin) []string {
	var out []string
	for _, a := range p.analyzers {
		out = append(out, a.Name)
	}
	return out
}

func TestNewDefaults(t *testing.T) {
	lp, err := New(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	p := lp.(*Plugin)
	if len(p.analyzers) != len(pluginAnalyzers()) {
		t.Errorf("analyzers %v, want all %d", names(p), len(pluginAnalyzers()))
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	// golangci-lint gets one analyzer named like the linter, so that it
	// does not put an analyzer name in front of the messages.
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "tokenvet" {
		t.Fatalf("BuildAnalyzers: %d analyzers, want one named tokenvet", len(as))
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
}

// TestPluginAnalyzers: the plugin runs every analyzer of analyzers.All(),
// in its order, except hardcodedtoken, so a new analyzer cannot be left
// out of golangci-lint by accident.
func TestPluginAnalyzers(t *testing.T) {
	var want, got []string
	for _, a := range analyzers.All() {
		if id, _ := rules.OfAnalyzer(a.Name); id != rules.HardcodedToken {
			want = append(want, a.Name)
		}
	}
	for _, a := range pluginAnalyzers() {
		got = append(got, a.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("plugin analyzers %v, want %v", got, want)
	}
}

// analyzerOf names the analyzer implementing rule id.
func analyzerOf(t *testing.T, id string) string {
	t.Helper()
	for _, a := range pluginAnalyzers() {
		if rid, ok := rules.OfAnalyzer(a.Name); ok && rid == id {
			return a.Name
		}
	}
	t.Fatalf("no analyzer implements %s", id)
	return ""
}

// TestEnableDisable: the selected analyzers are exactly the enabled
// rules', less the disabled ones. It once only checked that jwtnonealg
// was among them, which it is when enable is ignored too.
func TestEnableDisable(t *testing.T) {
	var all []string
	for _, a := range pluginAnalyzers() {
		all = append(all, a.Name)
	}
	without := func(name string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == name })
	}
	none, logged := analyzerOf(t, rules.JWTNoneAlg), analyzerOf(t, rules.TokenLogged)
	for _, c := range []struct {
		conf map[string]any
		want []string
	}{
		{map[string]any{"enable": []any{rules.JWTNoneAlg}}, []string{none}},
		{map[string]any{"enable": []any{rules.TokenLogged, rules.JWTNoneAlg}}, []string{none, logged}},
		{map[string]any{"disable": []any{rules.JWTNoneAlg}}, without(none)},
		{map[string]any{"enable": []any{rules.JWTNoneAlg}, "disable": []any{rules.JWTNoneAlg}}, nil},
		// A rule implemented outside the Go analyzers disables nothing here.
		{map[string]any{"disable": []any{rules.InvalidSuppression}}, all},
		{map[string]any{"disable": []any{rules.HardcodedToken}}, all},
		{map[string]any{}, all},
	} {
		lp, err := New(c.conf)
		if err != nil {
			t.Fatal(err)
		}
		got := names(lp.(*Plugin))
		slices.Sort(got)
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("%v: analyzers %v, want exactly %v", c.conf, got, want)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, c := range []struct {
		conf map[string]any
		msg  string
	}{
		{map[string]any{"enable": []any{"jwt-nnoe-alg"}}, `unknown rule id "jwt-nnoe-alg"`},
		{map[string]any{"flags": map[string]any{"nosuch.max": "1"}}, `flag "nosuch.max"`},
		{map[string]any{"flags": map[string]any{"jwtnonealg": "1"}}, "ANALYZER.FLAG"},
		{map[string]any{"flags": map[string]any{"jwtnonealg.nosuch": "1"}}, "no such flag"},
		{map[string]any{"enable": "jwt-none-alg"}, "tokenvet settings"},
		// Asking for the secret rules says where they run instead.
		{map[string]any{"enable": []any{rules.HardcodedToken}}, "tokenvet scan"},
		{map[string]any{"flags": map[string]any{"hardcodedtoken.config": "x.toml"}}, "tokenvet scan"},
	} {
		if _, err := New(c.conf); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("New(%v) error %v, want %q", c.conf, err, c.msg)
		}
	}
}

// TestFlags: settings reach the analyzer's own flag set.
func TestFlags(t *testing.T) {
	var level string
	a := &analysis.Analyzer{Name: jwtnonealg.Analyzer.Name, Doc: "test", Run: jwtnonealg.Analyzer.Run}
	a.Flags = *flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.StringVar(&level, "level", "low", "test flag")
	if _, err := newPlugin(Settings{Flags: map[string]string{"jwtnonealg.level": "high"}}, []*analysis.Analyzer{a}); err != nil {
		t.Fatal(err)
	}
	if level != "high" {
		t.Errorf("flag not set: %q", level)
	}
}

// runLinter runs the plugin's analyzer built from subs on one file,
// the way golangci-lint's driver does, and returns the messages.
func runLinter(t *testing.T, subs []*analysis.Analyzer, src string) ([]string, error) {
	t.Helper()
	p, err := newPlugin(Settings{}, subs)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	pass := &analysis.Pass{
		Analyzer: p.linter,
		Fset:     fset,
		Files:    []*ast.File{f},
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   func(d analysis.Diagnostic) { got = append(got, d.Message) },
	}
	_, err = p.linter.Run(pass)
	return got, err
}

// reporter is an analyzer named like a tokenvet analyzer that reports
// msg with category cat at each call to f.
func reporter(name, cat, msg string) *analysis.Analyzer {
	return &analysis.Analyzer{Name: name, Doc: "test", RunDespiteErrors: true, Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "f" {
						pass.Report(analysis.Diagnostic{Pos: c.Pos(), Category: cat, Message: msg})
					}
				}
				return true
			})
		}
		return nil, nil
	}}
}

// TestMessagesStartWithRuleID: each message starts with the id of the
// rule that fired (the category, or the analyzer's rule when an analyzer
// leaves the category empty), and tokenvet:ignore comments hold under
// the combined analyzer as under go vet.
func TestMessagesStartWithRuleID(t *testing.T) {
	subs := []*analysis.Analyzer{
		reporter("jwtnonealg", rules.JWTNoneAlg, "none algorithm"),
		reporter("tokenlogged", "", "token logged"),
	}
	got, err := runLinter(t, subs, `package a

func g() {
	f()
	f() //tokenvet:ignore jwt-none-alg test fixture
}

func f() {}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"jwt-none-alg: none algorithm",
		"token-logged: token logged",
		"token-logged: token logged",
	}
	if !slices.Equal(got, want) {
		t.Errorf("messages %q, want %q", got, want)
	}
}

// TestPanicKeepsOtherFindings: an analyzer that panics turns into an
// error for the package and the other analyzers still report.
func TestPanicKeepsOtherFindings(t *testing.T) {
	boom := &analysis.Analyzer{Name: "jwtmissingexp", Doc: "test", Run: func(*analysis.Pass) (any, error) { panic("boom") }}
	got, err := runLinter(t, []*analysis.Analyzer{boom, reporter("jwtnonealg", rules.JWTNoneAlg, "none algorithm")}, "package a\n\nvar _ = f\n\nfunc f() { f() }\n")
	if err == nil || !strings.Contains(err.Error(), "jwtmissingexp: panic: boom") {
		t.Errorf("error %v, want the panic of jwtmissingexp", err)
	}
	if !slices.Equal(got, []string{"jwt-none-alg: none algorithm"}) {
		t.Errorf("messages %q, want jwtnonealg's", got)
	}
}

// TestNoRelatedInformation: a diagnostic's flow steps (related
// information) are left out under golangci-lint, which would report each
// step as an issue of its own without the rule id; the finding itself is
// reported.
func TestNoRelatedInformation(t *testing.T) {
	withFlow := &analysis.Analyzer{Name: "jwthardcodedkey", Doc: "test", RunDespiteErrors: true, Run: func(pass *analysis.Pass) (any, error) {
		f := pass.Files[0]
		pass.Report(analysis.Diagnostic{Pos: f.Package, Category: rules.JWTHardcodedKey, Message: "key is hard-coded",
			Related: []analysis.RelatedInformation{{Pos: f.Name.Pos(), Message: "literal for key"}}})
		return nil, nil
	}}
	p, err := newPlugin(Settings{}, []*analysis.Analyzer{withFlow})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", "package a\n", parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []analysis.Diagnostic
	pass := &analysis.Pass{Analyzer: p.linter, Fset: fset, Files: []*ast.File{f}, ResultOf: map[*analysis.Analyzer]any{},
		Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	if _, err := p.linter.Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Message != "jwt-hardcoded-key: key is hard-coded" || len(got[0].Related) != 0 {
		t.Errorf("reported %+v, want the finding alone, without related information", got)
	}
}
