package tokenoverhttp_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/tokenoverhttp"
	"github.com/tokenvet/tokenvet/internal/flowtest"
	"github.com/tokenvet/tokenvet/internal/testdatadir"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdatadir.Shared(t), tokenoverhttp.Analyzer, "tokenoverhttp/...")
}

// TestFlow: a plaintext URL carries the flow that sends a credential to
// it: its constant when defined elsewhere, the request built for it, the
// call that sets the credential or sends it; a token endpoint written in
// its field carries none.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), tokenoverhttp.Analyzer, "tokenoverhttp/a")
	flowtest.Expect(t, results, map[string][]string{
		"a/a.go:14": {"14:35 plaintext URL", "14:12 request built by http.NewRequest", "15:2 Authorization header set by req.Header.Set"},
		"a/a.go:17": {"11:7 plaintext URL partnerAPI", "17:53 plaintext URL", "17:13 request built by http.NewRequestWithContext", "18:2 basic-auth credentials set by req2.SetBasicAuth"},
		"a/a.go:24": {"24:13 plaintext URL", "24:2 sent with the oauth2 token by client.Get"},
		"a/a.go:30": {},
	})
	flowtest.NoQuotes(t, results)
}
