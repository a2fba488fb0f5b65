package goscan

import (
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// looseUnit is a set of Go files of one directory that the go command did
// not load, to be parsed and type-checked without it.
type looseUnit struct {
	dir   string
	files []string // absolute, sorted
	// reason says why the go command did not load the directory (no
	// go.mod, a module that failed to load); reasons say it per file
	// (build constraints) and take precedence.
	reason  string
	reasons map[string]string
	// report makes reason a problem of the directory (the module-level
	// causes are reported once, at the go.mod).
	report bool
}

// loadLoose builds packages for files the go command did not load: each
// unit's files are parsed and grouped by package clause, then
// type-checked with every import unresolved. go/types substitutes fake
// packages for failed imports, so the analyzers' syntactic fallback
// (imports resolved by path) applies and local types still resolve.
// readable is asked before any file is read.
func loadLoose(units []looseUnit, log *parseLog, readable func(string) bool) ([]*packages.Package, []Problem) {
	var pkgs []*packages.Package
	var problems []Problem
	for _, u := range units {
		ps, probs := loadLooseUnit(u, log, readable)
		pkgs = append(pkgs, ps...)
		problems = append(problems, probs...)
	}
	return pkgs, problems
}

func loadLooseUnit(u looseUnit, log *parseLog, readable func(string) bool) ([]*packages.Package, []Problem) {
	fset := token.NewFileSet()
	byName := map[string][]*ast.File{}
	files := map[string][]string{}
	var problems []Problem
	pkgID := "loose/" + filepath.ToSlash(u.dir)
	if u.report && u.reason != "" {
		problems = append(problems, Problem{Kind: KindLoad, Package: pkgID, File: u.dir, Message: u.reason})
	}
	for _, path := range u.files {
		if r := u.reasons[path]; r != "" {
			problems = append(problems, Problem{Kind: KindExcluded, Package: pkgID, File: path, Message: "analysed without type information: " + r})
		}
		if !readable(path) {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			problems = append(problems, Problem{Kind: KindLoad, Package: pkgID, File: path, Message: err.Error()})
			continue
		}
		f, err := log.parse(fset, path, src)
		if err != nil {
			problems = append(problems, syntaxProblems(pkgID, path, err)...)
		}
		if f == nil || f.Name == nil || f.Name.Name == "" || f.Name.Name == "_" {
			continue
		}
		byName[f.Name.Name] = append(byName[f.Name.Name], f)
		files[f.Name.Name] = append(files[f.Name.Name], path)
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)

	var pkgs []*packages.Package
	for _, name := range names {
		pkgPath := pkgID
		if len(names) > 1 {
			pkgPath += "#" + name
		}
		p := &packages.Package{
			ID:              pkgPath,
			Name:            name,
			PkgPath:         pkgPath,
			GoFiles:         files[name],
			CompiledGoFiles: files[name],
			Syntax:          byName[name],
			Fset:            fset,
			TypesSizes:      types.SizesFor("gc", "amd64"),
			IllTyped:        true,
			Imports:         map[string]*packages.Package{},
			TypesInfo:       newTypesInfo(),
		}
		reason := unitReason(u, files[name])
		if !strings.Contains(reason, "without type information") {
			reason = "analysed without type information: " + reason
		}
		p.Errors = append(p.Errors, packages.Error{Pos: u.dir, Kind: packages.ListError, Msg: reason})
		conf := types.Config{
			Importer:    unresolved{},
			FakeImportC: true,
			Error:       func(error) {}, // type errors here are expected: imports are missing
		}
		p.Types, _ = conf.Check(pkgPath, fset, p.Syntax, p.TypesInfo)
		if p.Types == nil {
			p.Types = types.NewPackage(pkgPath, name)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, problems
}

// unitReason is the reason a loose package of files was not type-checked
// with its imports: the directory's, or the first of its files'.
func unitReason(u looseUnit, files []string) string {
	for _, f := range files {
		if r := u.reasons[f]; r != "" {
			switch n := len(files) - 1; {
			case n == 1:
				return fmt.Sprintf("%s: %s (and 1 more file)", filepath.Base(f), r)
			case n > 1:
				return fmt.Sprintf("%s: %s (and %d more files)", filepath.Base(f), r, n)
			}
			return r
		}
	}
	if u.reason != "" {
		return u.reason
	}
	return "the go command did not load these files"
}

// unresolved is an importer that resolves nothing.
type unresolved struct{}

func (unresolved) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("import %q not resolved in a directory without a loadable module", path)
}

func syntaxProblems(pkgID, path string, err error) []Problem {
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return []Problem{{Kind: KindSyntax, Package: pkgID, File: path, Message: err.Error()}}
	}
	var out []Problem
	for _, e := range list {
		out = append(out, Problem{Kind: KindSyntax, Package: pkgID, File: e.Pos.Filename, Line: e.Pos.Line, Col: e.Pos.Column, Message: e.Msg})
	}
	return out
}

// hiddenFromGo reports whether the go command ignores a file by its name.
func hiddenFromGo(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// newTypesInfo is an empty types.Info recording everything the analyzers
// read, for a package type-checked here rather than by go/packages.
func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}
