package jwtalgnotpinned_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtalgnotpinned"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
	"github.com/tokenvet/tokenvet/rules"
)

// TestAnalyzer also checks severities: the public-key case is an error,
// the rest take the rule's default (warning).
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), jwtalgnotpinned.Analyzer, "jwtalgnotpinned/...")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			sev, marked := rules.SeverityFromURL(d.URL)
			isPub := strings.Contains(d.Message, "public-key bytes")
			if isPub != (marked && sev == rules.SeverityError) {
				t.Errorf("%s: severity URL %q", d.Message, d.URL)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no diagnostics")
	}
}

func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwtalgnotpinned.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}
