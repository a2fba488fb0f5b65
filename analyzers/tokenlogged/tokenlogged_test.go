package tokenlogged_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/tokenlogged"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), tokenlogged.Analyzer, "tokenlogged/...")
}

// TestMissingModule: the logging modules are not in this GOPATH, so every
// finding comes from the syntactic fallback of internal/resolve.
func TestMissingModule(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), tokenlogged.Analyzer, "missingmodule")
	for _, r := range results {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs the missing imports", r.Action.Package.PkgPath)
		}
	}
}
