package scan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

// TestFingerprintIgnoresSecretType: baselines and code scanning alerts
// match on the fingerprint, so knowing a finding's secret type (or SARIF
// reporting it under hardcoded-token/<type>) must not change it: it is
// the hash of the public rule id, hardcoded-token, as before.
func TestFingerprintIgnoresSecretType(t *testing.T) {
	dir := t.TempDir()
	const line = `api_token: "9f8e7d6c5b4a39281706f5e4d3c2b1a0"`
	if err := os.WriteFile(filepath.Join(dir, "app.yml"), []byte("x: 1\n"+line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fp := func(typ string) string {
		f := &finding.Finding{RuleID: rules.HardcodedToken, SecretType: typ, File: "app.yml", StartLine: 2, StartCol: 13, EndLine: 2, EndCol: 45}
		src := newSources(dir)
		enrich([]*finding.Finding{f}, src, newRedactor(src, nil), enrichOptions{redact: true})
		return f.Fingerprint
	}
	untyped, pat, oauth := fp(""), fp("github-pat"), fp("tokenvet-oauth-credential")
	if untyped != pat || pat != oauth {
		t.Errorf("fingerprints depend on the secret type: %s %s %s", untyped, pat, oauth)
	}
	if want := fingerprint(map[string]int{}, rules.HardcodedToken, "app.yml", line); pat != want {
		t.Errorf("fingerprint %s is not that of rule hardcoded-token (%s)", pat, want)
	}
}

func TestSelectRules(t *testing.T) {
	off := false
	for _, tc := range []struct {
		name            string
		enable, disable []string
		cfg             config.Config
		rule            string // must be on (unless ruleOff)
		ruleOff         bool
		on, offTypes    []string
	}{
		{name: "default", rule: rules.HardcodedToken, on: []string{"github-pat", "jwt"}},
		{name: "disable one type", disable: []string{"hardcoded-token/jwt"}, rule: rules.HardcodedToken, on: []string{"github-pat"}, offTypes: []string{"jwt"}},
		{name: "disable the rule", disable: []string{rules.HardcodedToken}, rule: rules.HardcodedToken, ruleOff: true},
		{name: "enable one type", enable: []string{"hardcoded-token/jwt"}, rule: rules.HardcodedToken, on: []string{"jwt"}, offTypes: []string{"github-pat"}},
		{name: "enable a type and the rule", enable: []string{"hardcoded-token/jwt", rules.HardcodedToken}, rule: rules.HardcodedToken, on: []string{"jwt", "github-pat"}},
		{name: "enable a type: other rules off", enable: []string{"hardcoded-token/jwt"}, rule: rules.JWTNoneAlg, ruleOff: true},
		{name: "enable another rule", enable: []string{rules.JWTNoneAlg}, rule: rules.HardcodedToken, ruleOff: true},
		{name: "config disable list", cfg: config.Config{Disable: []string{"hardcoded-token/jwt"}}, rule: rules.HardcodedToken, on: []string{"github-pat"}, offTypes: []string{"jwt"}},
		{name: "config enable list", cfg: config.Config{Enable: []string{"hardcoded-token/jwt"}}, rule: rules.HardcodedToken, on: []string{"jwt"}, offTypes: []string{"github-pat"}},
		{name: "config rules", cfg: config.Config{Rules: map[string]config.RuleConfig{"hardcoded-token/jwt": {Enabled: &off}}}, rule: rules.HardcodedToken, on: []string{"github-pat"}, offTypes: []string{"jwt"}},
		{name: "--enable replaces the config", enable: []string{rules.HardcodedToken}, cfg: config.Config{Disable: []string{"hardcoded-token/jwt"}}, rule: rules.HardcodedToken, on: []string{"jwt", "github-pat"}},
		{name: "--disable adds to the config", disable: []string{"hardcoded-token/github-pat"}, cfg: config.Config{Disable: []string{"hardcoded-token/jwt"}}, rule: rules.HardcodedToken, offTypes: []string{"jwt", "github-pat"}},
		{name: "a type off leaves other rules on", disable: []string{"hardcoded-token/jwt"}, rule: rules.JWTNoneAlg, on: []string{"github-pat"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			sel := selectRules(Options{Enable: tc.enable, Disable: tc.disable, Config: &cfg})
			if sel.rules[tc.rule] == tc.ruleOff {
				t.Errorf("rule %s on = %v, want %v", tc.rule, sel.rules[tc.rule], !tc.ruleOff)
			}
			for _, typ := range tc.on {
				if !sel.typeOn(typ) {
					t.Errorf("type %s is off", typ)
				}
			}
			for _, typ := range tc.offTypes {
				if sel.typeOn(typ) {
					t.Errorf("type %s is on", typ)
				}
			}
		})
	}
}
