package jwthardcodedkey_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenvet/tokenvet/analyzers/jwthardcodedkey"
	"github.com/tokenvet/tokenvet/internal/flowtest"
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

// TestFlow: a key defined away from the sink carries its flow, literal
// to sink, as related information, with no step quoting a literal; a
// literal written at the sink carries none.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, testdatadir.Shared(t), jwthardcodedkey.Analyzer, "jwthardcodedkey/golangjwtv5", "jwthardcodedkey/gojose", "jwthardcodedkey/cristalhqv3")
	flowtest.Expect(t, results, map[string][]string{
		"golangjwtv5/a.go:15": {}, // tok.SignedString([]byte("my-secret"))
		"golangjwtv5/a.go:16": {`9:20 literal "…" for signingKey`, "16:33 constant signingKey", "16:26 converted by []byte(…), passed to tok.SignedString"},
		"golangjwtv5/a.go:25": {`9:20 literal "…" for signingKey`, "25:17 constant signingKey", "25:10 converted by []byte(…), returned by the keyfunc of jwt.Parse"},
		"cristalhqv3/a.go:11": {`10:16 literal "…" for key`, "10:9 converted by []byte(…)", "10:2 assigned to key", "11:36 passed to jwt.NewSignerHS"},
		"gojose/a.go:11":      {`8:20 literal "…" for hmacSecret`, "11:75 constant hmacSecret", "11:68 converted by []byte(…), set as Key"},
	})
	flowtest.NoLiterals(t, results)
}

func TestMissingModule(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), jwthardcodedkey.Analyzer, "missingmodule") {
		if len(r.Action.Package.TypeErrors) == 0 {
			t.Errorf("%s type-checks; the case needs type errors", r.Action.Package.PkgPath)
		}
	}
}
