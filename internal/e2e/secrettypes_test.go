package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/sarifschema"
)

// typedFindingKeys lists the findings of rep as "rule type file:line
// fingerprint", sorted.
func typedFindingKeys(rep jsonReport) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, fmt.Sprintf("%s %s %s:%d %s", f.Rule, f.SecretType, f.File, f.Line, f.Fingerprint))
	}
	slices.Sort(out)
	return out
}

// typedRule is what the tests read of a SARIF reportingDescriptor.
type typedRule struct {
	ID   string `json:"id"`
	Help struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	} `json:"help"`
	Relationships []struct {
		Target struct {
			ID    string `json:"id"`
			Index int    `json:"index"`
		} `json:"target"`
		Kinds []string `json:"kinds"`
	} `json:"relationships"`
}

// TestDemoSARIFSecretTypes: the demo's SARIF has one descriptor per
// secret type its results have, each with help and a relationship to
// hardcoded-token, and the results point at them; it is valid SARIF.
func TestDemoSARIFSecretTypes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.sarif")
	if r := scan(t, demoDir, "--format", "sarif", "-o", out, "./..."); r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sarifschema.Validate(t, data)
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []typedRule `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	rs, results := doc.Runs[0].Tool.Driver.Rules, doc.Runs[0].Results

	// Types the JSON report has, per finding, against SARIF's results.
	rep, _ := scanJSON(t, demoDir, "./...")
	jsonTypes := map[string]int{}
	for _, f := range rep.Findings {
		if f.Rule == "hardcoded-token" {
			if f.SecretType == "" {
				t.Errorf("%s:%d: hardcoded-token finding without secretType", f.File, f.Line)
			}
			jsonTypes["hardcoded-token/"+f.SecretType]++
		}
	}
	if len(jsonTypes) < 2 {
		t.Fatalf("the demo has secrets of %d types, want at least 2 for this test: %v", len(jsonTypes), jsonTypes)
	}
	sarifTypes := map[string]int{}
	for _, res := range results {
		if rs[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, rs[res.RuleIndex].ID)
		}
		if res.RuleID == "hardcoded-token" {
			t.Errorf("a secret result kept the parent's rule id")
		}
		if strings.HasPrefix(res.RuleID, "hardcoded-token/") {
			sarifTypes[res.RuleID]++
		}
	}
	if fmt.Sprint(sarifTypes) != fmt.Sprint(jsonTypes) {
		t.Errorf("SARIF results per type %v, JSON findings per type %v", sarifTypes, jsonTypes)
	}

	parent := slices.IndexFunc(rs, func(r typedRule) bool {
		return r.ID == "hardcoded-token"
	})
	if parent < 0 {
		t.Fatal("no hardcoded-token descriptor")
	}
	described := map[string]int{}
	for _, r := range rs {
		if !strings.HasPrefix(r.ID, "hardcoded-token/") {
			if len(r.Relationships) != 0 {
				t.Errorf("%s has relationships", r.ID)
			}
			continue
		}
		described[r.ID]++
		if jsonTypes[r.ID] == 0 {
			t.Errorf("descriptor %s for a type no finding has", r.ID)
		}
		if r.Help.Text == "" || !strings.Contains(r.Help.Markdown, "Revoke or rotate") || !strings.Contains(r.Help.Markdown, "os.LookupEnv") {
			t.Errorf("%s: help lacks revocation or environment advice:\n%s", r.ID, r.Help.Markdown)
		}
		if len(r.Relationships) != 1 || r.Relationships[0].Target.ID != "hardcoded-token" || r.Relationships[0].Target.Index != parent || fmt.Sprint(r.Relationships[0].Kinds) != "[superset]" {
			t.Errorf("%s: relationships %+v, want one, superset, to hardcoded-token at %d", r.ID, r.Relationships, parent)
		}
	}
	for id := range jsonTypes {
		if described[id] != 1 {
			t.Errorf("type %s has %d descriptors, want 1", id, described[id])
		}
	}
}

// TestDisableSecretType: --disable of one secret type removes exactly
// that type's findings; the other types, the other rules and every
// fingerprint stay as they were. --disable hardcoded-token still removes
// them all, and .tokenvet.yml's disable: does what --disable does.
func TestDisableSecretType(t *testing.T) {
	all, _ := scanJSON(t, demoDir, "./...")
	const typ = "tokenvet-oauth-credential"
	var want, wantNoSecrets []string
	removed := 0
	for _, k := range typedFindingKeys(all) {
		if strings.HasPrefix(k, "hardcoded-token "+typ+" ") {
			removed++
		} else {
			want = append(want, k)
		}
		if !strings.HasPrefix(k, "hardcoded-token ") {
			wantNoSecrets = append(wantNoSecrets, k)
		}
	}
	if removed == 0 || len(want) == len(wantNoSecrets) {
		t.Fatalf("the demo needs findings of %s and of another secret type:\n%s", typ, strings.Join(typedFindingKeys(all), "\n"))
	}

	check := func(name string, got jsonReport, r result, want []string) {
		t.Helper()
		if r.code == 2 {
			t.Fatalf("%s: exit code 2: %s", name, r.stderr)
		}
		if g := typedFindingKeys(got); strings.Join(g, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: findings differ:\n%s", name, lineDiff(strings.Join(want, "\n"), strings.Join(g, "\n")))
		}
	}
	rep, r := scanJSON(t, demoDir, "--disable", "hardcoded-token/"+typ, "./...")
	check("--disable hardcoded-token/"+typ, rep, r, want)
	rep, r = scanJSON(t, demoDir, "--disable", "hardcoded-token", "./...")
	check("--disable hardcoded-token", rep, r, wantNoSecrets)

	cfg := filepath.Join(t.TempDir(), "tokenvet.yml")
	writeFile(t, cfg, "disable: [hardcoded-token/"+typ+"]\n")
	rep, r = scanJSON(t, demoDir, "--config", cfg, "./...")
	check("disable: in the config", rep, r, want)

	// --enable of one type: that type's findings only.
	rep, r = scanJSON(t, demoDir, "--enable", "hardcoded-token/"+typ, "./...")
	if r.code == 2 {
		t.Fatal(r.stderr)
	}
	if len(rep.Findings) != removed {
		t.Errorf("--enable hardcoded-token/%s: %d findings, want %d:\n%s", typ, len(rep.Findings), removed, strings.Join(typedFindingKeys(rep), "\n"))
	}
	for _, f := range rep.Findings {
		if f.Rule != "hardcoded-token" || f.SecretType != typ {
			t.Errorf("--enable hardcoded-token/%s reported %s %s", typ, f.Rule, f.SecretType)
		}
	}
}

// TestUnknownSecretType: a type the secret rules do not have is a usage
// error that names valid types, from the command line and the config.
func TestUnknownSecretType(t *testing.T) {
	r := scan(t, demoDir, "--disable", "hardcoded-token/tokenvet-bearer-tokn", "./...")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown secret type "tokenvet-bearer-tokn"`) || !strings.Contains(r.stderr, "hardcoded-token/tokenvet-bearer-token") || !strings.Contains(r.stderr, "tokenvet rules --secret-types") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	cfg := filepath.Join(t.TempDir(), "tokenvet.yml")
	writeFile(t, cfg, "rules:\n  hardcoded-token/githb-pat:\n    enabled: false\n")
	r = scan(t, demoDir, "--config", cfg, "./...")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown secret type "githb-pat"`) || !strings.Contains(r.stderr, "hardcoded-token/github-pat") {
		t.Errorf("config: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r := scan(t, demoDir, "--disable", "hardcoded-token/", "./..."); r.code != 2 {
		t.Errorf("an empty type: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestRulesSecretTypes: `tokenvet rules --secret-types` lists the types
// of the default rules and of the user's rule file the config names, and
// a user type is one --disable accepts.
func TestRulesSecretTypes(t *testing.T) {
	r := run(t, demoDir, tokenvet, "rules", "--secret-types")
	if r.code != 0 || !strings.Contains(r.stdout, "hardcoded-token/github-pat ") || !strings.Contains(r.stdout, "hardcoded-token/tokenvet-bearer-token ") {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "acme-partner-key") {
		t.Fatal("a user type listed without its rule file")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "extra.toml"), "[[rules]]\nid = \"acme-partner-key\"\ndescription = \"Acme partner API key\"\nregex = '''acme_[a-z0-9]{32}'''\nkeywords = [\"acme_\"]\n")
	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "secrets:\n  config: extra.toml\n")
	r = run(t, dir, tokenvet, "rules", "--secret-types", "--format", "json")
	var types []struct {
		ID, SecretType, Name string
	}
	if err := json.Unmarshal([]byte(r.stdout), &types); err != nil {
		t.Fatalf("%v\n%s%s", err, r.stdout, r.stderr)
	}
	i := slices.IndexFunc(types, func(x struct{ ID, SecretType, Name string }) bool { return x.SecretType == "acme-partner-key" })
	if i < 0 || types[i].ID != "hardcoded-token/acme-partner-key" || types[i].Name != "Acme partner API key" {
		t.Fatalf("user type missing or wrong: %+v", types)
	}
	writeFile(t, filepath.Join(dir, "a.txt"), "key = acme_q8zr2vlk9xwpnt4syb7hcj1mfd6gra0e\n")
	rep, res := scanJSON(t, dir, ".")
	if res.code != 1 || len(rep.Findings) != 1 || rep.Findings[0].SecretType != "acme-partner-key" {
		t.Fatalf("exit %d, findings %+v\n%s", res.code, rep.Findings, res.stderr)
	}
	if rep, res := scanJSON(t, dir, "--disable", "hardcoded-token/acme-partner-key", "."); res.code != 0 || len(rep.Findings) != 0 {
		t.Errorf("--disable of the user type: exit %d, findings %+v\n%s", res.code, rep.Findings, res.stderr)
	}
}
