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
	"go/ast"
	"go/token"
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
	unitchecker.Main(WithSuppression(analyzers)...)
}

// WithSuppression returns copies of the analyzers whose diagnostics are
// dropped when a valid tokenvet:ignore comment covers them.
func WithSuppression(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			directives := map[*ast.File][]suppress.Directive{}
			pass.Report = func(d analysis.Diagnostic) {
				f := enclosingFile(pass.Files, d.Pos)
				if f != nil {
					ds, ok := directives[f]
					if !ok {
						ds = fileDirectives(pass.Fset, f)
						directives[f] = ds
					}
					if suppress.Suppressed(ds, d.Category, pass.Fset.PositionFor(d.Pos, false).Line) {
						return
					}
				}
				report(d)
			}
			return run(pass)
		}
		out[i] = &w
	}
	return out
}

func enclosingFile(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func fileDirectives(fset *token.FileSet, f *ast.File) []suppress.Directive {
	var ds []suppress.Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			p := fset.PositionFor(c.Slash, false)
			if d, ok := suppress.ParseComment(c.Text, p.Line, p.Column); ok {
				ds = append(ds, d)
			}
		}
	}
	return ds
}
