package jwtunverifiedparse_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtunverifiedparse"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), jwtunverifiedparse.Analyzer, "jwtunverifiedparse/...")
}

// TestMissingModule: the JWT modules do not load, so the package does not
// type-check and findings come from the syntactic fallback.
func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwtunverifiedparse.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}

// TestLibrariesSkipped: a JWT library's own code is not reported.
func TestLibrariesSkipped(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), jwtunverifiedparse.Analyzer, "github.com/golang-jwt/jwt/v5")
}
