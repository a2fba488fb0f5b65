package jwtlonglifetime_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtlonglifetime"
	"github.com/tokenvet/tokenvet/internal/flowtest"
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

// TestFlow: a lifetime defined by a constant carries the constant's flow
// into the call; one written at the call carries none.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), jwtlonglifetime.Analyzer, "jwtlonglifetime/golangjwtv5")
	flowtest.Expect(t, results, map[string][]string{
		"golangjwtv5/a.go:12": {}, // time.Now().Add(72 * time.Hour)
		"golangjwtv5/a.go:13": {"9:18 literal 30d for tokenTTL", "13:72 constant tokenTTL, sets the lifetime"},
	})
}
