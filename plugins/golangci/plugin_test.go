package golangci

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/analyzers/jwtnonealg"
	"github.com/tokenvet/tokenvet/internal/scan"
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
	if len(p.analyzers) != len(analyzers.All()) {
		t.Errorf("analyzers %v, want all %d", names(p), len(analyzers.All()))
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}

// analyzerOf names the analyzer implementing rule id.
func analyzerOf(t *testing.T, id string) string {
	t.Helper()
	for _, a := range analyzers.All() {
		if rid, ok := scan.RuleOfAnalyzer(a); ok && rid == id {
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
	for _, a := range analyzers.All() {
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
