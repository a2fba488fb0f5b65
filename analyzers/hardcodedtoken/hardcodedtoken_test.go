package hardcodedtoken_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/hardcodedtoken"
)

// sharedTestdata is the repository's testdata tree, a GOPATH whose
// src/golang.org/x/oauth2 stubs the OAuth2 package.
func sharedTestdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, sharedTestdata(t), hardcodedtoken.Analyzer, "hardcodedtoken/...")
}
