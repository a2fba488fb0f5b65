package jwtdeprecatedlibrary_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtdeprecatedlibrary"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAnalyzer checks findings, non-findings and the import rewrite
// against the .golden files.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), jwtdeprecatedlibrary.Analyzer, "jwtdeprecatedlibrary/...")
}

// TestMissingModule: the imports are reported from syntax alone when the
// modules are not in the module cache.
func TestMissingModule(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), jwtdeprecatedlibrary.Analyzer, "missingmodule")
}
