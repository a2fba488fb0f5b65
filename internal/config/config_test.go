package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/rules"
)

func TestParse(t *testing.T) {
	c, err := Parse([]byte(`
fail-on: warning
tests: true
exclude: [fixtures/]
rules:
  jwt-none-alg:
    severity: warning
  token-logged:
    enabled: false
tokens:
  names: [partner_sig, X-Api-Sig]
web:
  include-minified: true
`))
	if err != nil {
		t.Fatal(err)
	}
	if *c.FailOn != rules.SeverityWarning || !*c.Tests || c.Exclude[0] != "fixtures/" {
		t.Errorf("parsed %+v", c)
	}
	if got := c.Severity(rules.JWTNoneAlg, rules.SeverityError); got != rules.SeverityWarning {
		t.Errorf("severity override = %v", got)
	}
	if c.Enabled(rules.TokenLogged) || !c.Enabled(rules.JWTNoneAlg) {
		t.Error("enabled overrides not applied")
	}
	if len(c.Tokens.Names) != 2 || c.Tokens.Names[1] != "X-Api-Sig" || !c.Web.IncludeMinified {
		t.Errorf("tokens/web not parsed: %+v %+v", c.Tokens, c.Web)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"fail_on: error\n", "field fail_on not found"},
		{"rules:\n  jwt-nonealg: {enabled: false}\n", `unknown rule id "jwt-nonealg"`},
		{"rules:\n  jwt-none-alg: {severity: fatal}\n", `unknown severity "fatal"`},
		{"rules:\n  jwt-none-alg: {severity: none}\n", "use enabled: false"},
		{"rules:\n  jwt-none-alg: {enabeld: false}\n", "field enabeld not found"},
		{"tokens:\n  names: ['--']\n", "tokens.names"},
		{"tokens:\n  name: [x]\n", "field name not found"},
		{"web:\n  include_minified: true\n", "field include_minified not found"},
	} {
		_, err := Parse([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want containing %q", tc.yaml, err, tc.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, err := Load("", dir)
	if err != nil || c.Path != "" {
		t.Fatalf("missing default config: %v %+v", err, c)
	}
	if _, err := Load(filepath.Join(dir, "nope.yml"), dir); err == nil {
		t.Fatal("missing explicit config must be an error")
	}
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("bogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("", dir); err == nil || !strings.Contains(err.Error(), p) {
		t.Fatalf("error must name the file: %v", err)
	}
}
