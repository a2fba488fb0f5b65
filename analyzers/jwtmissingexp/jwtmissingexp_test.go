package jwtmissingexp_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtmissingexp"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), jwtmissingexp.Analyzer, "jwtmissingexp/...")
}

// TestRequireExp turns the off-by-default note on and checks the fix
// that adds WithExpirationRequired.
func TestRequireExp(t *testing.T) {
	setFlag(t, "require-exp", "true")
	results := analysistest.RunWithSuggestedFixes(t, testdatadir.Shared(t), jwtmissingexp.Analyzer, "jwtmissingexprequire/...")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.URL == "" {
				t.Errorf("%s: the note carries no severity URL", d.Message)
			}
		}
	}
}

// TestMissingModule: findings from the syntactic fallback.
func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwtmissingexp.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := jwtmissingexp.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}
