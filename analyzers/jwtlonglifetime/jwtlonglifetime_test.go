package jwtlonglifetime_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtlonglifetime"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), jwtlonglifetime.Analyzer, "jwtlonglifetime/...")
}

func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwtlonglifetime.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}

// TestLimitFlag: the limit comes from -max-lifetime.
func TestLimitFlag(t *testing.T) {
	f := jwtlonglifetime.Analyzer.Flags.Lookup("max-lifetime")
	old := f.Value.String()
	if err := f.Value.Set("1h"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), jwtlonglifetime.Analyzer, "limit")
}
