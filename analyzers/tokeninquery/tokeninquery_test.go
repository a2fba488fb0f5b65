package tokeninquery_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/tokeninquery"
	"github.com/tokenvet/tokenvet/internal/flowtest"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), tokeninquery.Analyzer, "tokeninquery/...")
}

// TestFlow: a query read reported because its value reaches a JWT parse
// carries the flow into the parse; one parsed where it is read, and one
// reported by its key's name, carry none.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), tokeninquery.Analyzer, "tokeninquery/parsed")
	flowtest.Expect(t, results, map[string][]string{
		"parsed/parsed.go:17": {"17:12 read from the URL query", "17:2 assigned to signed", "18:19 parsed as a JWT by jwt.Parse"},
		"parsed/parsed.go:22": {"22:7 read from the URL query", "22:2 assigned to s", "23:9 parsed as a JWT by decode", "27:27 enters jwt-token sink github.com/go-jose/go-jose/v3/jwt.ParseSigned"},
		"parsed/parsed.go:33": {}, // parsed where it is read
		"parsed/parsed.go:42": {}, // a token by its key's name
	})
}
