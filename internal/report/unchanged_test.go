package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

// unchangedSample compares with a baseline: one new finding, one
// unchanged.
func unchangedSample() *Report {
	return &Report{
		Findings: []*finding.Finding{
			{RuleID: "jwt-none-alg", Severity: rules.SeverityWarning, Message: "new one", File: "a.go", StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 2, BaselineState: finding.BaselineNew},
			{RuleID: "jwt-none-alg", Severity: rules.SeverityError, Message: "old one", File: "b.go", StartLine: 4, StartCol: 1, EndLine: 4, EndCol: 2, BaselineState: finding.BaselineUnchanged},
		},
		Stats: Stats{Unchanged: 1},
	}
}

func TestUnchangedNotCounted(t *testing.T) {
	r := unchangedSample()
	if r.Failing(rules.SeverityError) || !r.Failing(rules.SeverityWarning) {
		t.Error("an unchanged error must not fail the scan; the new warning must")
	}
	if c := r.Counts(); c[rules.SeverityError] != 0 || c[rules.SeverityWarning] != 1 {
		t.Errorf("Counts = %v", c)
	}

	var text, verbose, gh, js bytes.Buffer
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "old one") || !strings.Contains(text.String(), "new one") ||
		!strings.Contains(text.String(), "1 unchanged (not counted)") {
		t.Errorf("text:\n%s", text.String())
	}
	if err := WriteText(&verbose, r, TextOptions{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(verbose.String(), "old one (unchanged)") {
		t.Errorf("verbose text:\n%s", verbose.String())
	}
	if err := WriteGitHub(&gh, r); err != nil {
		t.Fatal(err)
	}
	if strings.Count(gh.String(), "::") != 2 || strings.Contains(gh.String(), "old one") {
		t.Errorf("annotations:\n%s", gh.String())
	}
	if err := WriteJSON(&js, r, "test"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			BaselineState string `json:"baselineState"`
		}
		Summary map[string]int
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 2 || doc.Findings[1].BaselineState != "unchanged" || doc.Summary["unchanged"] != 1 || doc.Summary["error"] != 0 {
		t.Errorf("JSON:\n%s", js.String())
	}
}
