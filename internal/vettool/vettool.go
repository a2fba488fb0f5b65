// Package vettool lets the tokenvet binary serve as a `go vet -vettool`.
//
// go vet runs the tool once with -V=full (for its build cache key), once
// with -flags (to learn the analyzer flags), and then once per package
// with flags followed by a vet.cfg file. unitchecker speaks that protocol,
// facts and -json/-fix included; this package only recognises such calls
// and makes the analyzers honour tokenvet:ignore comments, since go vet
// has no notion of a dismissed finding.
package vettool

import (
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenvet/tokenvet/internal/suppress"
)

// IsInvocation reports whether args (without the program name) are a call
// from go vet rather than a user's command line.
func IsInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false // `tokenvet scan x.cfg` is a user scanning a file
		}
	}
	return true
}

// Main runs the analyzers under go vet's protocol; it does not return.
func Main(analyzers []*analysis.Analyzer) {
	unitchecker.Main(suppress.Analyzers(analyzers)...)
}
