package suppress

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Analyzers returns copies of the analyzers whose diagnostics are dropped
// when a valid tokenvet:ignore comment covers them. Drivers that know no
// dismissed findings (go vet, golangci-lint) run these copies; it lives
// here rather than beside go vet's driver so that the golangci-lint
// plugin can use it without linking unitchecker.
func Analyzers(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			directives := map[*ast.File][]Directive{}
			pass.Report = func(d analysis.Diagnostic) {
				f := enclosingFile(pass.Files, d.Pos)
				if f != nil {
					ds, ok := directives[f]
					if !ok {
						ds = fileDirectives(pass.Fset, f)
						directives[f] = ds
					}
					if Suppressed(ds, d.Category, pass.Fset.PositionFor(d.Pos, false).Line) {
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

func fileDirectives(fset *token.FileSet, f *ast.File) []Directive {
	var ds []Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			p := fset.PositionFor(c.Slash, false)
			if d, ok := ParseComment(c.Text, p.Line, p.Column); ok {
				ds = append(ds, d)
			}
		}
	}
	return ds
}
