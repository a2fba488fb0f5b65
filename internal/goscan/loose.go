package goscan

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadLoose builds packages for directories the go command did not load:
// each directory's files are parsed and grouped by package clause, then
// type-checked with every import unresolved. go/types substitutes fake
// packages for failed imports, so the analyzers' syntactic fallback
// (imports resolved by path) applies and local types still resolve.
func loadLoose(dirs []string, tests bool) ([]*packages.Package, []Problem) {
	var pkgs []*packages.Package
	var problems []Problem
	for _, dir := range dirs {
		ps, probs := loadLooseDir(dir, tests)
		pkgs = append(pkgs, ps...)
		problems = append(problems, probs...)
	}
	return pkgs, problems
}

func loadLooseDir(dir string, tests bool) ([]*packages.Package, []Problem) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []Problem{{Kind: KindLoad, File: dir, Message: err.Error()}}
	}
	fset := token.NewFileSet()
	byName := map[string][]*ast.File{}
	files := map[string][]string{}
	var problems []Problem
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		if !tests && strings.HasSuffix(name, "_test.go") {
			continue
		}
		path := filepath.Join(dir, name)
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.AllErrors|parser.SkipObjectResolution)
		if err != nil {
			problems = append(problems, syntaxProblems(dir, path, err)...)
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
		pkgPath := "loose/" + filepath.ToSlash(dir)
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
			TypesInfo: &types.Info{
				Types:        map[ast.Expr]types.TypeAndValue{},
				Defs:         map[*ast.Ident]types.Object{},
				Uses:         map[*ast.Ident]types.Object{},
				Implicits:    map[ast.Node]types.Object{},
				Instances:    map[*ast.Ident]types.Instance{},
				Scopes:       map[ast.Node]*types.Scope{},
				Selections:   map[*ast.SelectorExpr]*types.Selection{},
				FileVersions: map[*ast.File]string{},
			},
		}
		p.Errors = append(p.Errors, packages.Error{Pos: dir, Kind: packages.ListError,
			Msg: "no go.mod covers this directory (or its module could not be loaded): imports are resolved by path only"})
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

// unresolved is an importer that resolves nothing.
type unresolved struct{}

func (unresolved) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("import %q not resolved in a directory without a loadable module", path)
}

func syntaxProblems(dir, path string, err error) []Problem {
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return []Problem{{Kind: KindSyntax, Package: dir, File: path, Message: err.Error()}}
	}
	var out []Problem
	for _, e := range list {
		out = append(out, Problem{Kind: KindSyntax, Package: "loose/" + filepath.ToSlash(dir), File: e.Pos.Filename, Line: e.Pos.Line, Col: e.Pos.Column, Message: e.Msg})
	}
	return out
}
