// Package analyzers lists tokenvet's go/analysis analyzers. Each lives in
// its own package named after its rule (jwt-none-alg → jwtnonealg) and
// reports Diagnostic.Category = the rule id, so `go vet -json` and
// golangci-lint show which rule fired.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/analyzers/hardcodedtoken"
	"github.com/tokenvet/tokenvet/analyzers/jwtalgnotpinned"
	"github.com/tokenvet/tokenvet/analyzers/jwtdeprecatedlibrary"
	"github.com/tokenvet/tokenvet/analyzers/jwthardcodedkey"
	"github.com/tokenvet/tokenvet/analyzers/jwtlonglifetime"
	"github.com/tokenvet/tokenvet/analyzers/jwtmissingexp"
	"github.com/tokenvet/tokenvet/analyzers/jwtnonealg"
	"github.com/tokenvet/tokenvet/analyzers/jwtunverifiedparse"
	"github.com/tokenvet/tokenvet/analyzers/tokencookieinsecure"
	"github.com/tokenvet/tokenvet/analyzers/tokeninquery"
	"github.com/tokenvet/tokenvet/analyzers/tokenlogged"
	"github.com/tokenvet/tokenvet/analyzers/tokenoverhttp"
)

// All returns every analyzer, in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		jwtnonealg.Analyzer,
		jwtunverifiedparse.Analyzer,
		jwtalgnotpinned.Analyzer,
		jwtmissingexp.Analyzer,
		jwtlonglifetime.Analyzer,
		jwthardcodedkey.Analyzer,
		jwtdeprecatedlibrary.Analyzer,
		hardcodedtoken.Analyzer,
		tokeninquery.Analyzer,
		tokenoverhttp.Analyzer,
		tokencookieinsecure.Analyzer,
		tokenlogged.Analyzer,
	}
}
