package sarif

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/sarifschema"
	"github.com/tokenvet/tokenvet/rules"
)

// secretInput has hardcoded-token findings of two secret types (one of
// them twice), a hardcoded-token finding without a type, and a finding
// of another rule; three types are described, one of which no finding
// has.
func secretInput() Input {
	f := func(typ string, line int, rule string) *finding.Finding {
		return &finding.Finding{RuleID: rule, SecretType: typ, Severity: rules.SeverityError, Message: "hard-coded secret (rule " + typ + ")",
			File: "config/app.yml", StartLine: line, StartCol: 3, EndLine: line, EndCol: 30, StartColUTF16: 3, EndColUTF16: 30, Fingerprint: "fp" + typ}
	}
	return Input{
		Findings: []*finding.Finding{
			f("github-pat", 1, rules.HardcodedToken),
			f("jwt", 2, rules.HardcodedToken),
			f("github-pat", 3, rules.HardcodedToken),
			f("", 4, rules.HardcodedToken),
			f("", 5, rules.JWTNoneAlg),
		},
		Rules: []*rules.Rule{rules.MustLookup(rules.HardcodedToken), rules.MustLookup(rules.JWTNoneAlg)},
		SecretTypes: []*rules.SecretType{
			{ID: "github-pat", Name: "GitHub Personal Access Token", Description: "Found a GitHub Personal Access Token.", Revoke: "Revoke it at GitHub.", Tags: []string{"github"}},
			{ID: "jwt", Name: "JSON Web Token", Description: "Uncovered a JSON Web Token."},
			{ID: "slack-bot-token", Name: "Slack Bot token", Description: "Found a Slack Bot token."},
		},
	}
}

type sarifRule struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	ShortDescription struct {
		Text string `json:"text"`
	} `json:"shortDescription"`
	Help struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	} `json:"help"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties    map[string]any `json:"properties"`
	Relationships []struct {
		Target struct {
			ID    string `json:"id"`
			Index *int   `json:"index"`
		} `json:"target"`
		Kinds []string `json:"kinds"`
	} `json:"relationships"`
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []sarifRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           int               `json:"ruleIndex"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSecretTypeDescriptors(t *testing.T) {
	out := write(t, secretInput())
	sarifschema.Validate(t, out)
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	rs := doc.Runs[0].Tool.Driver.Rules
	var ids []string
	index := map[string]int{}
	for i, r := range rs {
		ids = append(ids, r.ID)
		index[r.ID] = i
	}
	// Only the types found, each once, after the parent; not slack-bot-token.
	want := "hardcoded-token jwt-none-alg hardcoded-token/github-pat hardcoded-token/jwt"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("rules = %s\nwant    %s", got, want)
	}
	parent := rs[index[rules.HardcodedToken]]
	for _, id := range []string{"hardcoded-token/github-pat", "hardcoded-token/jwt"} {
		r := rs[index[id]]
		if len(r.Relationships) != 1 {
			t.Fatalf("%s: relationships %+v, want one", id, r.Relationships)
		}
		rel := r.Relationships[0]
		if rel.Target.ID != rules.HardcodedToken || rel.Target.Index == nil || *rel.Target.Index != index[rules.HardcodedToken] {
			t.Errorf("%s: relationship target %+v, want hardcoded-token at index %d", id, rel.Target, index[rules.HardcodedToken])
		}
		// §3.53.3: "superset": theTarget (the parent) identifies a
		// superset of the items theSource (this type) identifies.
		if strings.Join(rel.Kinds, ",") != "superset" {
			t.Errorf("%s: kinds %v, want [superset]", id, rel.Kinds)
		}
		if r.Help.Text == "" || r.Help.Markdown == "" || !strings.Contains(r.Help.Markdown, "os.LookupEnv") || !strings.Contains(r.Help.Markdown, "--disable "+id) {
			t.Errorf("%s: help does not say how to load it from the environment and turn it off:\n%s", id, r.Help.Markdown)
		}
		if r.Name == "" || r.ShortDescription.Text == "" || r.DefaultConfiguration.Level != "error" {
			t.Errorf("%s: name %q, short %q, level %q", id, r.Name, r.ShortDescription.Text, r.DefaultConfiguration.Level)
		}
		if r.Properties["security-severity"] != parent.Properties["security-severity"] || r.Properties["precision"] != parent.Properties["precision"] {
			t.Errorf("%s: properties %v differ from hardcoded-token's %v", id, r.Properties, parent.Properties)
		}
	}
	pat := rs[index["hardcoded-token/github-pat"]]
	if pat.ShortDescription.Text != "GitHub Personal Access Token written in source or config" || !strings.Contains(pat.Help.Markdown, "Revoke it at GitHub.") {
		t.Errorf("github-pat: short %q; help without the type's revocation advice:\n%s", pat.ShortDescription.Text, pat.Help.Markdown)
	}
	if len(parent.Relationships) != 0 || len(rs[index[rules.JWTNoneAlg]].Relationships) != 0 {
		t.Error("rules other than secret types have relationships")
	}

	// Results point at their type's descriptor; the rest are unchanged.
	wantRule := []string{"hardcoded-token/github-pat", "hardcoded-token/jwt", "hardcoded-token/github-pat", "hardcoded-token", "jwt-none-alg"}
	for i, res := range doc.Runs[0].Results {
		if res.RuleID != wantRule[i] || rs[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleId %s, ruleIndex %d (%s); want %s", i, res.RuleID, res.RuleIndex, rs[res.RuleIndex].ID, wantRule[i])
		}
		if res.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("result %d has no tokenvet fingerprint", i)
		}
	}
}

// TestSecretTypeAddsParent: a type's descriptor always has its parent to
// point at, even when the caller's rules leave hardcoded-token out, and
// a type nobody described still gets a valid descriptor.
func TestSecretTypeAddsParent(t *testing.T) {
	in := secretInput()
	in.Rules = []*rules.Rule{rules.MustLookup(rules.JWTNoneAlg)}
	in.SecretTypes = nil
	out := write(t, in)
	sarifschema.Validate(t, out)
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	rs := doc.Runs[0].Tool.Driver.Rules
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "jwt-none-alg hardcoded-token hardcoded-token/github-pat hardcoded-token/jwt" {
		t.Fatalf("rules = %s", got)
	}
	for _, r := range rs[2:] {
		if *r.Relationships[0].Target.Index != 1 || r.Help.Markdown == "" {
			t.Errorf("%s: relationship %+v, help %q", r.ID, r.Relationships, r.Help.Markdown)
		}
	}
}

// TestNoSecretTypesNoRelationships: a log without typed secrets is what
// it was before secret types (no relationships anywhere).
func TestNoSecretTypesNoRelationships(t *testing.T) {
	out := write(t, testInput(t))
	if strings.Contains(string(out), "relationships") || strings.Contains(string(out), "hardcoded-token/") {
		t.Errorf("a log without secret types has relationships:\n%s", out)
	}
}
