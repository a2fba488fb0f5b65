package tokenlogged_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/tokenlogged"
	"github.com/tokenvet/tokenvet/internal/flowtest"
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

// TestFlow: a logged value that became a token elsewhere (a credential
// source, assignments, a summarised call) carries the way it got to the
// log; a token field logged where it is read, and a value that is a
// token by its name alone, carry none.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), tokenlogged.Analyzer, "tokenlogged/a")
	flowtest.Expect(t, results, map[string][]string{
		"a/a.go:26": {"25:15 token returned by t.SignedString", "25:2 assigned to signed", "26:26 written to a log by log.Printf"},
		"a/a.go:27": {}, // tok.AccessToken
		"a/a.go:32": {"30:10 token returned by r.Header.Get", "30:2 assigned to auth", "31:12 passed through strings.TrimPrefix", "31:2 assigned to bearer", "32:31 written to a log by slog.Info"},
		"a/a.go:34": {}, // apiKey, by its name
		"a/a.go:44": {"25:15 token returned by t.SignedString", "25:2 assigned to signed", "43:2 assigned to copyTok", "44:14 written to a log by log.Println"},
	})
	flowtest.NoLiterals(t, results)
}
