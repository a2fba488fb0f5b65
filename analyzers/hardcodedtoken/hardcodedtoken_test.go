package hardcodedtoken_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/hardcodedtoken"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

// sharedTestdata is the repository's testdata tree, a GOPATH whose
// src/golang.org/x/oauth2 stubs the OAuth2 package.

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), hardcodedtoken.Analyzer, "hardcodedtoken/...")
}
