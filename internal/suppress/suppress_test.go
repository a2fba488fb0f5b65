package suppress

import (
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

func TestParse(t *testing.T) {
	src := strings.Join([]string{
		`package p`, // 1
		`x := 1 //tokenvet:ignore jwt-none-alg fixture for the decoder`, // 2
		`# tokenvet:ignore jwt-none-alg,hardcoded-token sample config`,  // 3
		`<!-- tokenvet:ignore token-in-web-storage demo page only -->`,  // 4
		`//tokenvet:ignore jwt-none-alg`,                                // 5: no reason
		`//tokenvet:ignore jwt-nonealg typo here`,                       // 6: unknown id
		`s := "//tokenvet:ignore is documented"`,                        // 7: inside a string, after a quote
		`//tokenvet:ignored jwt-none-alg not the marker`,                // 8
		"/* tokenvet:ignore jwt-none-alg block comment */\r",            // 9: CRLF
		`//tokenvet:ignore`, // 10: nothing
	}, "\n")
	got := Parse([]byte(src))
	type want struct {
		line    int
		ids     string
		reason  string
		problem string
	}
	wants := []want{
		{2, "jwt-none-alg", "fixture for the decoder", ""},
		{3, "jwt-none-alg,hardcoded-token", "sample config", ""},
		{4, "token-in-web-storage", "demo page only", ""},
		{5, "jwt-none-alg", "", "gives no reason"},
		{6, "jwt-nonealg", "typo here", "unknown rule"},
		{9, "jwt-none-alg", "block comment", ""},
		{10, "", "", "names no rule"},
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d directives, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		d := got[i]
		if d.Line != w.line || strings.Join(d.RuleIDs, ",") != w.ids || d.Reason != w.reason {
			t.Errorf("directive %d = %+v, want %+v", i, d, w)
		}
		if (w.problem == "") != d.Valid() || (w.problem != "" && !strings.Contains(d.Problem, w.problem)) {
			t.Errorf("directive %d problem = %q, want containing %q", i, d.Problem, w.problem)
		}
	}
	if got[0].Col != strings.Index(`x := 1 //tokenvet:ignore`, Marker)+1 {
		t.Errorf("column of first directive = %d", got[0].Col)
	}
}

func TestApply(t *testing.T) {
	ds := map[string][]Directive{
		"a.go": Parse([]byte("//tokenvet:ignore jwt-none-alg test fixture\nbad()\nbad()\n//tokenvet:ignore jwt-none-alg\nbad()\n")),
	}
	mk := func(line int, rule string) *finding.Finding {
		return &finding.Finding{RuleID: rule, File: "a.go", StartLine: line, StartCol: 1}
	}
	fs := []*finding.Finding{
		mk(1, rules.JWTNoneAlg),     // same line as directive
		mk(2, rules.JWTNoneAlg),     // line below
		mk(3, rules.JWTNoneAlg),     // two lines below: not covered
		mk(2, rules.HardcodedToken), // other rule: not covered
		mk(5, rules.JWTNoneAlg),     // below an invalid directive
	}
	invalid := Apply(fs, ds)
	wantSuppressed := []bool{true, true, false, false, false}
	for i, f := range fs {
		if (f.Suppression != nil) != wantSuppressed[i] {
			t.Errorf("finding %d (line %d, %s): suppressed=%v, want %v", i, f.StartLine, f.RuleID, f.Suppression != nil, wantSuppressed[i])
		}
	}
	if fs[0].Suppression.Justification != "test fixture" {
		t.Errorf("justification = %q", fs[0].Suppression.Justification)
	}
	if len(invalid) != 1 || invalid[0].RuleID != rules.InvalidSuppression || invalid[0].StartLine != 4 {
		t.Fatalf("invalid = %+v, want one invalid-suppression on line 4", invalid)
	}
}
