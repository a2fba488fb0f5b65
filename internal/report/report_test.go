package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

func sample() *Report {
	return &Report{
		Findings: []*finding.Finding{
			{RuleID: "jwt-none-alg", Severity: rules.SeverityError, Message: "signed with none", File: "a/b.go", StartLine: 3, StartCol: 7, EndLine: 3, EndCol: 20},
			{RuleID: "jwt-none-alg", Severity: rules.SeverityError, Message: "hidden", File: "a/c.go", StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 2,
				Suppression: &finding.Suppression{Kind: "inSource", Justification: "fixture", Line: 1}},
			{RuleID: "invalid-suppression", Severity: rules.SeverityWarning, Message: "line1\nline2, 100%", File: "x,y:z.yml", StartLine: 2, StartCol: 1, EndLine: 2, EndCol: 5},
		},
		Problems: []Problem{{Kind: "syntax", File: "bad.go", Line: 3, Column: 2, Message: "expected ')'"}},
		Stats:    Stats{GoPackages: 2, FilesScanned: 5, Skipped: map[string]int{"binary": 1}},
	}
}

func TestFailing(t *testing.T) {
	r := sample()
	for _, tc := range []struct {
		threshold rules.Severity
		want      bool
	}{
		{rules.SeverityError, true},
		{rules.SeverityWarning, true},
		{rules.SeverityNone, false},
	} {
		if got := r.Failing(tc.threshold); got != tc.want {
			t.Errorf("Failing(%v) = %v", tc.threshold, got)
		}
	}
	onlySuppressed := &Report{Findings: r.Findings[1:2]}
	if onlySuppressed.Failing(rules.SeverityNote) {
		t.Error("a suppressed finding must not fail the scan")
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"a/b.go:3:7: jwt-none-alg: signed with none\n",
		"partly analysed:\n  bad.go:3:2: syntax: expected ')'\n",
		"tokenvet: 2 findings (1 error, 1 warning, 0 note), 1 suppressed; 2 Go packages, 5 files read; skipped 1 binary; 1 problem",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "hidden") || strings.Contains(out, "\x1b[") {
		t.Errorf("suppressed finding or colour in plain output:\n%s", out)
	}
	b.Reset()
	if err := WriteText(&b, sample(), TextOptions{Verbose: true, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(suppressed: fixture)") || !strings.Contains(b.String(), "\x1b[31m") {
		t.Errorf("verbose colour output lacks the suppressed finding or colour:\n%s", b.String())
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sample(), "1.2.3"); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["version"].(float64) != JSONVersion {
		t.Errorf("version = %v", doc["version"])
	}
	sum := doc["summary"].(map[string]any)
	if sum["error"].(float64) != 1 || sum["warning"].(float64) != 1 || sum["suppressed"].(float64) != 1 {
		t.Errorf("summary = %v", sum)
	}
	f0 := doc["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "severity", "message", "file", "line", "column", "endLine", "endColumn", "fingerprint", "engine"} {
		if _, ok := f0[k]; !ok {
			t.Errorf("finding lacks %q: %v", k, f0)
		}
	}
	if _, ok := f0["Secret"]; ok {
		t.Error("the secret field must never be serialised")
	}
	if _, ok := f0["flow"]; ok {
		t.Errorf("flow written for a finding without one: %v", f0)
	}
	// Empty lists are [] not null.
	b.Reset()
	if err := WriteJSON(&b, &Report{}, "1"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"findings": []`) || !strings.Contains(b.String(), `"problems": []`) {
		t.Errorf("empty report:\n%s", b.String())
	}
}

func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, sample()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := []string{
		"::error file=a/b.go,line=3,col=7,endLine=3,endColumn=20,title=tokenvet jwt-none-alg::signed with none",
		"::warning file=x%2Cy%3Az.yml,line=2,col=1,endLine=2,endColumn=5,title=tokenvet invalid-suppression::line1%0Aline2, 100%25",
		"::warning file=bad.go,line=3,title=tokenvet syntax::partly analysed: expected ')'",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), b.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, lines[i], want[i])
		}
	}
}

// TestNotAnalysedAndNotes: files read but not analysed are counted in
// the summary, listed with -v and in JSON; notes are listed with -v; a
// size skip names the flag that raises the limit.
func TestNotAnalysedAndNotes(t *testing.T) {
	r := sample()
	r.NotAnalysed = []NotAnalysed{{File: "views/index.pug", Engine: "web", Reason: "scripts not analysed (the web engine does not parse .pug templates yet)"}}
	r.Stats.Notes = []string{"git is not installed"}
	r.Stats.Skipped["too-large"] = 1
	var quiet, verbose bytes.Buffer
	if err := WriteText(&quiet, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&verbose, r, TextOptions{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	summary := "skipped 1 binary, 1 too-large (--max-file-size raises the size limit); 1 file read but not analysed; 1 problem"
	if !strings.Contains(quiet.String(), summary) || strings.Contains(quiet.String(), "views/index.pug") || strings.Contains(quiet.String(), "notes:") {
		t.Errorf("without -v:\n%s", quiet.String())
	}
	for _, want := range []string{
		"read, not analysed:\n  views/index.pug: read, scripts not analysed (the web engine does not parse .pug templates yet)\n",
		"notes:\n  git is not installed\n",
	} {
		if !strings.Contains(verbose.String(), want) {
			t.Errorf("-v lacks %q:\n%s", want, verbose.String())
		}
	}
	var j bytes.Buffer
	if err := WriteJSON(&j, r, "dev"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j.String(), `"notAnalysed": [`) || !strings.Contains(j.String(), `"engine": "web"`) || !strings.Contains(j.String(), `"notes": [`) {
		t.Errorf("JSON:\n%s", j.String())
	}
	j.Reset()
	if err := WriteJSON(&j, sample(), "dev"); err != nil || !strings.Contains(j.String(), `"notAnalysed": []`) {
		t.Errorf("JSON without any: %v\n%s", err, j.String())
	}
}

// A finding's flow is a list of steps, source to sink, with the file
// relative to the root as the finding's, byte columns, and no UTF-16
// column (that is SARIF's).
func TestWriteJSONFlow(t *testing.T) {
	r := sample()
	r.Findings[0].Flow = []finding.Step{
		{File: "a/key.go", Line: 4, Column: 22, ColumnUTF16: 20, Message: `literal "…"`},
		{File: "a/b.go", Line: 3, Column: 7, ColumnUTF16: 7, Message: "passed to SignedString"},
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, r, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Flow []map[string]any `json:"flow"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := doc.Findings[0].Flow
	if len(got) != 2 {
		t.Fatalf("flow = %v, want 2 steps", got)
	}
	for i, s := range r.Findings[0].Flow {
		want := map[string]any{"file": s.File, "line": float64(s.Line), "column": float64(s.Column), "message": s.Message}
		if len(got[i]) != len(want) {
			t.Errorf("step %d = %v, want exactly %v", i, got[i], want)
		}
		for k, v := range want {
			if got[i][k] != v {
				t.Errorf("step %d: %s = %v, want %v", i, k, got[i][k], v)
			}
		}
	}
}
