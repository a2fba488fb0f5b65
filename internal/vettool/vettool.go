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
	"flag"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenvet/tokenvet/internal/goscope"
	"github.com/tokenvet/tokenvet/internal/suppress"
	"github.com/tokenvet/tokenvet/rules"
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
//
// Two flags of tokenvet's own make go vet report what tokenvet scan
// reports: go vet hands the tool every package with its _test.go files,
// which scan reads only with --tests, so findings in test files are
// left out unless -tests is given; findings in generated files are left
// out unless -include-generated is (internal/goscope). unitchecker
// parses flag.CommandLine, and lists these two in -flags, so go vet
// accepts them: go vet -vettool=$(which tokenvet) -tests ./...
func Main(analyzers []*analysis.Analyzer) {
	p := &goscope.Policy{Always: map[string]bool{}}
	flag.BoolVar(&p.Tests, "tests", false, "also report findings in _test.go files (tokenvet scan --tests)")
	flag.BoolVar(&p.Generated, "include-generated", false, "also report findings in generated files (tokenvet scan --include-generated)")
	for _, a := range analyzers {
		if id, ok := rules.OfAnalyzer(a.Name); ok && id == rules.HardcodedToken {
			p.Always[a.Name] = true // judges generated files itself
		}
	}
	unitchecker.Main(goscope.Analyzers(suppress.Analyzers(analyzers), p, nil)...)
}
