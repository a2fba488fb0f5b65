package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenvet/tokenvet/rules"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// TestDocsUpToDate fails when docs/rules.md was not regenerated after a
// catalogue change or a change of the default secret rules: run `make
// docs`. It is an external test because the secret types come from
// rules/secrets, which imports rules.
func TestDocsUpToDate(t *testing.T) {
	s, err := secrets.Default()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := rules.WriteMarkdown(&want, rules.Implemented(), s.Types()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatalf("%v: run `make docs`", err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatal("docs/rules.md is stale: run `make docs`")
	}
	// The section every secret type's SARIF helpUri points at.
	if !bytes.Contains(got, []byte("\n## Secret types\n")) || !bytes.Contains(got, []byte("`hardcoded-token/github-pat`")) {
		t.Error("docs/rules.md has no secret types section listing hardcoded-token/github-pat")
	}
}
