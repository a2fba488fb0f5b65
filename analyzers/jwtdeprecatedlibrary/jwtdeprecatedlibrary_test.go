package jwtdeprecatedlibrary_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtdeprecatedlibrary"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

// TestAnalyzer checks findings, non-findings and the import rewrite
// against the .golden files.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdatadir.Shared(t), jwtdeprecatedlibrary.Analyzer, "jwtdeprecatedlibrary/...")
}

// TestMissingModule: the imports are reported from syntax alone when the
// modules are not in the module cache.
func TestMissingModule(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), jwtdeprecatedlibrary.Analyzer, "missingmodule")
}
