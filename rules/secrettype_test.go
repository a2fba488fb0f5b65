package rules

import (
	"strings"
	"testing"
)

func TestSecretRuleIDs(t *testing.T) {
	if typ, ok, err := ParseSecretRuleID("hardcoded-token/github-pat"); !ok || err != nil || typ != "github-pat" {
		t.Errorf("ParseSecretRuleID = %q %v %v", typ, ok, err)
	}
	if _, ok, _ := ParseSecretRuleID(HardcodedToken); ok {
		t.Error("the parent id parsed as a type")
	}
	for _, bad := range []string{"hardcoded-token/", "hardcoded-token/a b", "hardcoded-token/x/y"} {
		if err := CheckRuleID(bad); err == nil {
			t.Errorf("CheckRuleID(%q) accepted it", bad)
		}
	}
	for _, good := range []string{"hardcoded-token/github-pat", "hardcoded-token/My_Rule.v2", JWTNoneAlg} {
		if err := CheckRuleID(good); err != nil {
			t.Errorf("CheckRuleID(%q): %v", good, err)
		}
	}
	u := SecretTypeURL("a&b")
	if typ, ok := SecretTypeFromURL(u); !ok || typ != "a&b" {
		t.Errorf("SecretTypeFromURL(%q) = %q, %v", u, typ, ok)
	}
	if _, ok := SecretTypeFromURL(VariantURL(JWTMissingExp, SeverityNote)); ok {
		t.Error("a severity variant read as a secret type")
	}
	if _, ok := SeverityFromURL(u); ok {
		t.Error("a secret type read as a severity")
	}
}

func TestSecretTypeHelp(t *testing.T) {
	st := &SecretType{ID: "slack-bot-token", Name: "Slack Bot token", Description: "Found a Slack Bot token, risking …"}
	md, txt := st.HelpMarkdown(), st.HelpText()
	for _, want := range []string{"Revoke or rotate", `os.LookupEnv("SLACK_BOT_TOKEN")`, "--disable hardcoded-token/slack-bot-token", "CWE-798"} {
		if !strings.Contains(md, want) || !strings.Contains(txt, want) {
			t.Errorf("help lacks %q:\n%s\n---\n%s", want, md, txt)
		}
	}
	if strings.Contains(txt, "**") || strings.Contains(txt, "```") {
		t.Errorf("text help has Markdown:\n%s", txt)
	}
	if got := (&SecretType{ID: "x", Description: "opaque bearer token"}).Full(); !strings.HasPrefix(got, "An opaque bearer token is written into the repository.") {
		t.Errorf("Full of a noun phrase = %q", got)
	}
}
