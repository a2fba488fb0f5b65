package goflow

import (
	"fmt"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Analyzer computes the package's flow core for the rule analyzers that
// require it (pass.ResultOf[goflow.Analyzer].(*goflow.Flow)), and exports
// the package's summaries as facts for the packages of the module that
// import it. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:             "goflow",
	Doc:              "goflow computes tokenvet's data-flow core: where values come from, where they go, by library models and summaries",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Flow](),
	FactTypes:        []analysis.Fact{(*Summary)(nil)},
}

func run(pass *analysis.Pass) (_ any, err error) {
	// Drivers guard the analyzers they are given against panics on odd
	// input (internal/goscan does); this one runs as their requirement,
	// so it guards itself: an error names the package, a panic would end
	// the whole scan.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("goflow: panic: %v\n%s", r, debug.Stack())
		}
	}()
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	fl := New(Config{Fset: pass.Fset, Files: pass.Files, Pkg: pass.Pkg, Info: pass.TypesInfo, ImportFact: pass.ImportObjectFact, Module: module})
	if ExportsFacts(pass) {
		fl.exportFacts(func(obj types.Object, s *Summary) { pass.ExportObjectFact(obj, s) })
	}
	return fl, nil
}

// ExportsFacts reports whether the package's facts can matter: it has
// syntax (the go/analysis checker also runs fact analyzers on
// dependencies loaded from export data), is no module dependency (those
// have a version, and their facts are never imported), and is not the
// standard library (go vet analyses it too; models describe it).
func ExportsFacts(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	if pass.Module != nil && pass.Module.Version != "" {
		return false
	}
	f := pass.Fset.File(pass.Files[0].Pos())
	if f == nil {
		return true // a file without positions (one that did not parse): no standard library file
	}
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return !strings.HasPrefix(f.Name(), goroot)
}
