package jwtdeprecatedlibrary

import (
	"fmt"
	"go/ast"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/internal/jwtlib"
	"github.com/tokenvet/tokenvet/internal/resolve"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Analyzer reports imports of unmaintained JWT libraries.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtdeprecatedlibrary",
	Doc:              rules.MustLookup(rules.JWTDeprecatedLibrary).AnalyzerDoc(),
	URL:              rules.MustLookup(rules.JWTDeprecatedLibrary).HelpURI(),
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	RunDespiteErrors: true,
	Run:              run,
}

func init() {
	Analyzer.Flags.Var(model.Flag(), "models", model.FlagUsage)
}

const msg = "import of unmaintained JWT library %s: %s"

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range in.PreorderSeq((*ast.File)(nil)) {
		file := n.(*ast.File)
		for _, spec := range file.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			lib, ok := jwtlib.Lookup(p)
			if !ok || lib.Deprecated == "" {
				continue
			}
			d := analysis.Diagnostic{
				Pos:      spec.Path.Pos(),
				End:      spec.Path.End(),
				Category: rules.JWTDeprecatedLibrary,
				Message:  fmt.Sprintf(msg, p, lib.Deprecated),
			}
			if lib.Replacement != "" && compatible(pass, file, p, lib) {
				to := lib.Replacement + strings.TrimPrefix(p, lib.Module)
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "import " + to + " instead",
					TextEdits: []analysis.TextEdit{{Pos: spec.Path.Pos(), End: spec.Path.End(), NewText: []byte(strconv.Quote(to))}},
				}}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}

// compatible reports whether every use of the import p in file is a
// qualified name the replacement keeps unchanged. A dot or blank import,
// or any name outside the list, means the move needs a person.
func compatible(pass *analysis.Pass, file *ast.File, p string, lib *jwtlib.Library) bool {
	for _, spec := range file.Imports {
		if v, _ := strconv.Unquote(spec.Path.Value); v == p && spec.Name != nil && (spec.Name.Name == "." || spec.Name.Name == "_") {
			return false
		}
	}
	ok := true
	ast.Inspect(file, func(n ast.Node) bool {
		sel, isSel := n.(*ast.SelectorExpr)
		if !isSel || !ok {
			return ok
		}
		if pkg, name, found := resolve.Object(pass.TypesInfo, file, sel); found && pkg == p {
			if !slices.Contains(lib.Compatible, name) {
				ok = false
			}
		}
		return true
	})
	return ok
}
