package jwthardcodedkey_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwthardcodedkey"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

// TestAnalyzer also checks that no message quotes a key.
func TestAnalyzer(t *testing.T) {
	for _, r := range analysistest.Run(t, testdatadir.Shared(t), jwthardcodedkey.Analyzer, "jwthardcodedkey/...") {
		for _, d := range r.Diagnostics {
			for _, secret := range []string{"secret\"", "s3cr3t", "my-secret", "sercrethat"} {
				if strings.Contains(d.Message, secret) {
					t.Errorf("message quotes the key: %s", d.Message)
				}
			}
		}
	}
}

func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwthardcodedkey.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}
