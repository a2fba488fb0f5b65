package jwtnonealg_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwtnonealg"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), jwtnonealg.Analyzer, "jwtnonealg/...")
	mustHaveTypeErrors(t, results, "jwtnonealg/typeerror")
}

// TestMissingModule runs over this package's own testdata, a GOPATH with
// no JWT stubs: every JWT import fails, as when the module is missing from
// the module cache, and findings must come from the syntactic fallback.
func TestMissingModule(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), jwtnonealg.Analyzer, "missingmodule")
	mustHaveTypeErrors(t, results, "missingmodule")
}

// mustHaveTypeErrors guards the premise of a test case: the package does
// not type-check.
func mustHaveTypeErrors(t *testing.T, results []*analysistest.Result, pkgPath string) {
	t.Helper()
	for _, r := range results {
		if r.Action.Package.PkgPath == pkgPath {
			if len(r.Action.Package.TypeErrors) == 0 {
				t.Errorf("%s type-checks; the case needs type errors", pkgPath)
			}
			return
		}
	}
	t.Errorf("package %s not analyzed", pkgPath)
}

// TestLibrariesSkipped runs over the library stubs themselves, which use
// their own none algorithm: a JWT library's code is not reported.
func TestLibrariesSkipped(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), jwtnonealg.Analyzer,
		"github.com/golang-jwt/jwt/v5", "github.com/dgrijalva/jwt-go", "github.com/kataras/jwt")
}
