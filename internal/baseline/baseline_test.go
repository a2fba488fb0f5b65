package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
)

func TestRoundTrip(t *testing.T) {
	fs := []*finding.Finding{
		{RuleID: "jwt-none-alg", File: "a.go", StartLine: 3, Fingerprint: "aaaa", Message: "m"},
		{RuleID: "jwt-none-alg", File: "a.go", StartLine: 9, Fingerprint: "bbbb",
			Suppression: &finding.Suppression{Justification: "test"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `"line"`) {
		t.Errorf("baseline holds line numbers, which churn on unrelated edits:\n%s", buf.String())
	}
	b, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 1 {
		t.Errorf("Len = %d, want 1 (suppressed findings are not baselined)", b.Len())
	}
	// Matching is by fingerprint only: the same finding on another line
	// is still accepted.
	if !b.Contains(&finding.Finding{Fingerprint: "aaaa", StartLine: 40}) {
		t.Error("moved finding not matched")
	}
	if b.Contains(&finding.Finding{Fingerprint: "bbbb"}) || b.Contains(&finding.Finding{}) {
		t.Error("unexpected match")
	}
	var none *Baseline
	if none.Contains(fs[0]) {
		t.Error("nil baseline matched")
	}
}

func TestReadErrors(t *testing.T) {
	for _, doc := range []string{
		``,
		`[]`,
		`{"version": 3, "findings": []}`,
		`{"version": 1, "findings": [{"rule": "x"}]}`,
		`{"version": 1, "findings": [], "extra": true}`,
	} {
		if _, err := Read(strings.NewReader(doc)); err == nil {
			t.Errorf("Read(%q): no error", doc)
		}
	}
}

// TestVersions: this tokenvet writes version 2 and reads both; only a
// version 1 file asks the scan for the old fingerprints as well.
func TestVersions(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, []*finding.Finding{{RuleID: "r", Fingerprint: "aaaa"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"version": 2`) {
		t.Errorf("written:\n%s", buf.String())
	}
	b, err := Read(&buf)
	if err != nil || b.Legacy() || !b.ContainsFingerprint("aaaa") {
		t.Errorf("version 2: %v legacy=%v", err, b.Legacy())
	}
	old, err := Read(strings.NewReader(`{"version": 1, "tool": "tokenvet", "findings": [{"fingerprint": "bbbb", "rule": "r", "file": "a.go", "message": "m"}]}`))
	if err != nil || !old.Legacy() || !old.ContainsFingerprint("bbbb") || old.ContainsFingerprint("") {
		t.Errorf("version 1: %v legacy=%v", err, old.Legacy())
	}
	var none *Baseline
	if none.Legacy() {
		t.Error("nil baseline is legacy")
	}
}
