package config

import (
	"os"
	"path/filepath"
	"reflect"
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

func TestJWTSection(t *testing.T) {
	c, err := Parse([]byte("jwt:\n  max-lifetime: 1h30m\n  refresh-max-lifetime: 720h\n  require-exp: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := c.AnalyzerFlags()
	want := map[string]string{
		"jwtlonglifetime.max-lifetime":         "1h30m0s",
		"jwtlonglifetime.refresh-max-lifetime": "720h0m0s",
		"jwtmissingexp.require-exp":            "true",
	}
	if len(got) != len(want) {
		t.Errorf("AnalyzerFlags() = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("AnalyzerFlags()[%s] = %q, want %q", k, got[k], v)
		}
	}
	if n := len((&Config{}).AnalyzerFlags()); n != 0 {
		t.Errorf("empty config sets %d flags", n)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"jwt:\n  max-lifetime: 1 day\n", "not a Go duration"},
		{"jwt:\n  max-lifetime: -1h\n", "must be positive"},
		{"jwt:\n  refresh-max-lifetime: 0s\n", "must be positive"},
		{"jwt:\n  maxlifetime: 1h\n", "field maxlifetime not found"},
	} {
		if _, err := Parse([]byte(tc.yaml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

func TestSecretsSection(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte("secrets:\n  config: rules/extra.toml\n  max-line-length: 500\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.ResolvedSecretsConfig(), filepath.Join(dir, "rules", "extra.toml"); got != want {
		t.Errorf("secrets config %q, want %q (relative to the config file)", got, want)
	}
	if m := c.Minified(); m.LongLine != 500 || m.Include {
		t.Errorf("minified check %+v, want LongLine 500", m)
	}
	for _, bad := range []string{"secrets:\n  max-line-length: -1\n", "secrets:\n  confg: x.toml\n"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestIncludeMinified: every key that includes minified files includes
// them for the whole scan (issue 10, defect 16); the top-level key, like
// the command-line flag, decides over the older ones.
func TestIncludeMinified(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want bool
	}{
		{"", false},
		{"include-minified: true\n", true},
		{"secrets:\n  include-minified: true\n", true},
		{"web:\n  include-minified: true\n", true},
		{"include-minified: false\nweb:\n  include-minified: true\n", false},
	} {
		c, err := Parse([]byte(tc.yaml))
		if err != nil {
			t.Fatalf("%q: %v", tc.yaml, err)
		}
		if got := c.Minified().Include; got != tc.want {
			t.Errorf("%q: include = %v, want %v", tc.yaml, got, tc.want)
		}
	}
}

func TestMaxFileSize(t *testing.T) {
	for in, want := range map[string]int64{"20MiB": 20 << 20, "500KB": 500000, "1048576": 1 << 20, "1.5 GiB": 3 << 29, "64b": 64} {
		if got, err := ParseByteSize(in); err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "-1MiB", "10M", "lots", "1e30GiB", "NaN", "inf"} {
		if _, err := ParseByteSize(bad); err == nil {
			t.Errorf("ParseByteSize(%q): no error", bad)
		}
	}
	c, err := Parse([]byte("max-file-size: 32MiB\n"))
	if err != nil || c.MaxFileSize == nil || *c.MaxFileSize != 32<<20 {
		t.Errorf("max-file-size: %v, %v", c, err)
	}
	if _, err := Parse([]byte("max-file-size: 0\n")); err == nil || !strings.Contains(err.Error(), "positive size") {
		t.Errorf("max-file-size 0: error %v", err)
	}
}

func TestModelsSection(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	abs := filepath.Join(t.TempDir(), "shared-models")
	if err := os.WriteFile(path, []byte("models: [tools/models, "+abs+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load("", dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "tools", "models"), abs}
	if got := c.ResolvedModels(); !reflect.DeepEqual(got, want) {
		t.Errorf("models %q, want %q (relative to the config file)", got, want)
	}
	if _, err := Parse([]byte("models: ['']\n")); err == nil {
		t.Error("an empty models directory: no error")
	}
	if _, err := Parse([]byte("model: [x]\n")); err == nil || !strings.Contains(err.Error(), ", models") {
		t.Errorf("misspelt key: %v", err)
	}
}

func TestSecretTypeIDs(t *testing.T) {
	c, err := Parse([]byte(`
enable: [hardcoded-token, jwt-none-alg]
disable: [hardcoded-token/jwt]
rules:
  hardcoded-token/generic-api-key:
    severity: warning
  token-logged:
    enabled: false
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.SecretTypeIDs(), " "); got != "hardcoded-token/generic-api-key hardcoded-token/jwt" {
		t.Errorf("SecretTypeIDs = %s", got)
	}
	if s := c.Severity("hardcoded-token/generic-api-key", rules.SeverityError); s != rules.SeverityWarning {
		t.Errorf("type severity = %v", s)
	}
	// Whether a type exists is for the scanner to say; its shape is not.
	for _, bad := range []string{"disable: [hardcoded-token/]", "enable: [hardcoded-tokn/jwt]", "rules:\n  hardcoded-token/a b:\n    enabled: false", "disable: [jwt-nonealg]"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) accepted it", bad)
		}
	}
}
