package golangci

import (
	"flag"
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
	if len(p.analyzers) != len(analyzers.All()) {
		t.Errorf("analyzers %v, want all %d", names(p), len(analyzers.All()))
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}

func TestEnableDisable(t *testing.T) {
	for _, c := range []struct {
		conf map[string]any
		want string
	}{
		{map[string]any{"enable": []any{rules.JWTNoneAlg}}, "jwtnonealg"},
		{map[string]any{"disable": []any{rules.JWTNoneAlg}}, ""},
		// A rule implemented outside the Go analyzers disables nothing here.
		{map[string]any{"disable": []any{rules.InvalidSuppression}}, "jwtnonealg"},
	} {
		lp, err := New(c.conf)
		if err != nil {
			t.Fatal(err)
		}
		got := names(lp.(*Plugin))
		if !containsAll(got, c.want) {
			t.Errorf("%v: analyzers %v, want %q among them", c.conf, got, c.want)
		}
		if c.want == "" && strings.Contains(strings.Join(got, ","), "jwtnonealg") {
			t.Errorf("%v: jwtnonealg not disabled", c.conf)
		}
	}
}

func containsAll(got []string, want string) bool {
	return want == "" || strings.Contains(","+strings.Join(got, ",")+",", ","+want+",")
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
