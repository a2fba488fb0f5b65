// Package goscan runs tokenvet's go/analysis analyzers over a tree of Go
// code the way a user's repository actually looks: one module, several
// modules side by side, loose files with no go.mod, packages that do not
// type-check and files that do not parse.
//
// Packages are loaded with go/packages (export data for dependencies, no
// dependency syntax: the analyzers use no facts) and analysed with
// golang.org/x/tools/go/analysis/checker. Whatever go/packages cannot
// load is parsed per directory and type-checked without its imports, so
// the analyzers' syntactic fallback still sees it.
package goscan

import (
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options configures a run.
type Options struct {
	// Dirs are absolute directories scanned recursively.
	Dirs []string
	// Patterns are go/packages patterns that are not directories (import
	// paths), loaded from WorkDir.
	Patterns []string
	WorkDir  string
	// Tests includes _test.go files.
	Tests bool
	// Jobs bounds how many modules load at once and, when 1, makes the
	// analysis sequential.
	Jobs int
	// Analyzers to run; each must report Diagnostic.Category = rule id.
	Analyzers []*analysis.Analyzer
	// Env is the environment of the go command; nil means os.Environ().
	Env []string
	// Progress, if set, is told what is happening.
	Progress func(format string, args ...any)
}

// Problem kinds.
const (
	KindSyntax   = "syntax"   // a file does not parse
	KindType     = "type"     // a package does not type-check
	KindLoad     = "load"     // the go command could not load a module or package
	KindAnalyzer = "analyzer" // an analyzer failed
)

// Problem is something that kept part of the code from full analysis.
type Problem struct {
	Kind    string
	Package string // import path, or the directory of a loose package
	File    string // absolute, when known
	Line    int
	Col     int
	Message string
}

// Diagnostic is an analyzer's report with its positions resolved.
type Diagnostic struct {
	Analyzer string
	Category string
	Message  string
	Start    token.Position // Filename is absolute
	End      token.Position
	Fixes    []Fix
	// URL is the analyzer's Diagnostic.URL; rules.SeverityFromURL reads
	// a variant's severity from it.
	URL string
	// Partial is true when the package did not type-check, so the
	// analyzer relied on its syntactic fallback.
	Partial bool
}

// Fix is a suggested fix with byte offsets.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces [Start, End) in File (absolute) with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// Result is what a run found.
type Result struct {
	Diagnostics []Diagnostic
	Problems    []Problem
	// Partial lists packages analysed only partly, with the first reason.
	Partial []PartialPackage
	// Packages counts the packages analysed.
	Packages int
}

// PartialPackage is a package whose analysis relied on the fallback.
type PartialPackage struct {
	Package string
	Reason  string
}

// Run loads and analyses the code. It returns an error only when nothing
// could be attempted (bad options); everything else is a Problem.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if len(opts.Analyzers) == 0 {
		return &Result{}, nil
	}
	if err := analysis.Validate(opts.Analyzers); err != nil {
		return nil, err
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(string, ...any) {}
	}
	lay, problems := discover(opts.Dirs)

	type unit struct {
		dir      string
		patterns []string
	}
	var units []unit
	for _, m := range lay.sortedModules() {
		units = append(units, unit{m, lay.modules[m]})
	}
	if len(opts.Patterns) > 0 {
		units = append(units, unit{opts.WorkDir, opts.Patterns})
	}

	jobs := max(opts.Jobs, 1)
	loaded := make([][]*packages.Package, len(units))
	loadErrs := make([]error, len(units))
	workProblems := make([]Problem, len(units))
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, u := range units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			progress("loading Go packages in %s", u.dir)
			loaded[i], loadErrs[i] = load(ctx, u.dir, u.patterns, opts)
			if loadErrs[i] != nil && strings.Contains(loadErrs[i].Error(), "go.work") {
				// A go.work that names modules the checkout does not
				// have (module zips ship it without them) stops go list
				// for every module under it; each module still loads on
				// its own.
				workErr := loadErrs[i]
				noWork := opts
				noWork.Env = append(append([]string(nil), cmpEnv(opts.Env)...), "GOWORK=off")
				if loaded[i], loadErrs[i] = load(ctx, u.dir, u.patterns, noWork); loadErrs[i] == nil {
					workProblems[i] = Problem{Kind: KindLoad, File: filepath.Join(u.dir, "go.mod"),
						Message: fmt.Sprintf("loaded with GOWORK=off: the workspace could not be used (%s)", firstLine(workErr.Error()))}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var pkgs []*packages.Package
	covered := map[string]bool{}
	for i, u := range units {
		if workProblems[i].Message != "" {
			problems = append(problems, workProblems[i])
		}
		if loadErrs[i] != nil {
			problems = append(problems, Problem{Kind: KindLoad, File: filepath.Join(u.dir, "go.mod"),
				Message: fmt.Sprintf("the go command could not load this module (%v); its Go files are analysed syntactically", loadErrs[i])})
			continue
		}
		for _, p := range loaded[i] {
			if strings.HasSuffix(p.ID, ".test") { // generated test main
				continue
			}
			for _, f := range append(append(p.CompiledGoFiles, p.GoFiles...), p.IgnoredFiles...) {
				covered[filepath.Dir(f)] = true
			}
			pkgs = append(pkgs, p)
		}
	}
	// Directories no package covers: loose files, modules the go command
	// could not load, testdata-style trees inside a module.
	var loose []string
	for _, d := range lay.goDirs {
		if !covered[d] {
			loose = append(loose, d)
		}
	}
	if len(loose) > 0 {
		progress("parsing %d Go directories without a loadable module", len(loose))
		lp, lprob := loadLoose(loose, opts.Tests)
		pkgs = append(pkgs, lp...)
		problems = append(problems, lprob...)
	}

	res := &Result{Packages: len(pkgs)}
	res.Problems = append(res.Problems, problems...)
	for _, p := range pkgs {
		res.Problems = append(res.Problems, packageProblems(p)...)
		if reason := partialReason(p); reason != "" {
			res.Partial = append(res.Partial, PartialPackage{Package: p.PkgPath, Reason: reason})
		}
	}
	if len(pkgs) == 0 {
		return res, nil
	}

	progress("analysing %d Go packages", len(pkgs))
	graph, err := checker.Analyze(guard(opts.Analyzers), pkgs, &checker.Options{Sequential: jobs == 1})
	if err != nil {
		return nil, err
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			res.Problems = append(res.Problems, Problem{Kind: KindAnalyzer, Package: act.Package.PkgPath,
				Message: fmt.Sprintf("analyzer %s failed: %v", act.Analyzer.Name, act.Err)})
			continue
		}
		partial := act.Package.IllTyped || len(act.Package.Errors) > 0
		for _, d := range act.Diagnostics {
			res.Diagnostics = append(res.Diagnostics, convert(act.Package.Fset, act.Analyzer, d, partial))
		}
	}
	res.sort()
	return res, nil
}

// cmpEnv is env, or the process environment when env is nil (the go
// command's default), so that a variable can be added to it.
func cmpEnv(env []string) []string {
	if env == nil {
		return os.Environ()
	}
	return env
}

// firstLine is s up to its first line break, without go list's
// "err: exit status 1: stderr: " wrapping.
func firstLine(s string) string {
	if _, after, ok := strings.Cut(s, "stderr: "); ok {
		s = after
	}
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func load(ctx context.Context, dir string, patterns []string, opts Options) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Context: ctx,
		Dir:     dir,
		Env:     opts.Env,
		Tests:   opts.Tests,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
	}
	return packages.Load(cfg, patterns...)
}

// guard wraps each analyzer so that a panic on odd input becomes an
// analyzer error for that package instead of ending the whole scan.
func guard(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (res any, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
				}
			}()
			return run(pass)
		}
		out[i] = &w
	}
	return out
}

func convert(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic, partial bool) Diagnostic {
	start := fset.PositionFor(d.Pos, false)
	end := start
	if d.End.IsValid() {
		end = fset.PositionFor(d.End, false)
	}
	out := Diagnostic{Analyzer: a.Name, Category: d.Category, Message: d.Message, Start: start, End: end, Partial: partial, URL: d.URL}
	if out.Category == "" {
		out.Category = a.Name
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			p := fset.PositionFor(e.Pos, false)
			q := p
			if e.End.IsValid() {
				q = fset.PositionFor(e.End, false)
			}
			fix.Edits = append(fix.Edits, Edit{File: p.Filename, Start: p.Offset, End: q.Offset, New: string(e.NewText)})
		}
		out.Fixes = append(out.Fixes, fix)
	}
	return out
}

// packageProblems turns a package's errors into problems: each syntax
// error once, and type or load errors summarised per package.
func packageProblems(p *packages.Package) []Problem {
	var out []Problem
	var typeErrs []packages.Error
	// With export data, go list also compiles the package and reports the
	// compiler's output ("# pkg\nfile:line:col: …") as a list error. It
	// repeats the parse and type errors go/packages reports with exact
	// positions, so it only counts when there are none.
	exact := false
	for _, e := range p.Errors {
		exact = exact || e.Kind == packages.ParseError || e.Kind == packages.TypeError
	}
	for _, e := range p.Errors {
		if exact && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		switch e.Kind {
		case packages.ParseError:
			file, line, col := splitPos(e.Pos)
			out = append(out, Problem{Kind: KindSyntax, Package: p.PkgPath, File: file, Line: line, Col: col, Message: e.Msg})
		default:
			e.Msg = explainImportError(p, e.Msg)
			typeErrs = append(typeErrs, e)
		}
	}
	if len(typeErrs) > 0 {
		e := typeErrs[0]
		file, line, col := splitPos(e.Pos)
		kind := KindType
		if e.Kind == packages.ListError {
			kind = KindLoad
		}
		msg := e.Msg
		if n := len(typeErrs) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
		out = append(out, Problem{Kind: kind, Package: p.PkgPath, File: file, Line: line, Col: col, Message: msg})
	}
	return out
}

// explainImportError replaces go/types' "could not import X (invalid
// package name: "")" with the reason X could not be loaded, which go list
// records on X itself: a missing go.sum entry, a module not downloaded.
// That reason says what to run to fix it.
func explainImportError(p *packages.Package, msg string) string {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return msg
	}
	path, _, _ := strings.Cut(rest, " ")
	dep := p.Imports[path]
	if dep == nil || len(dep.Errors) == 0 {
		return msg
	}
	return fmt.Sprintf("could not import %s: %s", path, strings.ReplaceAll(dep.Errors[0].Msg, "\n\t", " "))
}

func partialReason(p *packages.Package) string {
	for _, e := range p.Errors {
		return explainImportError(p, e.Msg)
	}
	if p.IllTyped {
		return "package did not type-check"
	}
	return ""
}

// splitPos parses go/packages' "file:line:col" error positions.
func splitPos(pos string) (file string, line, col int) {
	if pos == "" || pos == "-" {
		return "", 0, 0
	}
	parts := strings.Split(pos, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	file = strings.Join(parts, ":")
	if len(nums) > 0 {
		line = nums[0]
	}
	if len(nums) > 1 {
		col = nums[1]
	}
	return file, line, col
}

func (r *Result) sort() {
	sort.SliceStable(r.Diagnostics, func(i, j int) bool {
		a, b := r.Diagnostics[i], r.Diagnostics[j]
		if a.Start.Filename != b.Start.Filename {
			return a.Start.Filename < b.Start.Filename
		}
		if a.Start.Offset != b.Start.Offset {
			return a.Start.Offset < b.Start.Offset
		}
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.Message < b.Message
	})
	r.Diagnostics = dedupeDiagnostics(r.Diagnostics)
	sort.SliceStable(r.Problems, func(i, j int) bool {
		a, b := r.Problems[i], r.Problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Package != b.Package {
			return a.Package < b.Package
		}
		return a.Message < b.Message
	})
	r.Problems = dedupeProblems(r.Problems)
	sort.Slice(r.Partial, func(i, j int) bool { return r.Partial[i].Package < r.Partial[j].Package })
}

// dedupeDiagnostics drops repeats: with Tests a non-test file is analysed
// both in its package and in the package's test variant.
func dedupeDiagnostics(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for i, d := range ds {
		if i > 0 {
			p := out[len(out)-1]
			if p.Start == d.Start && p.Category == d.Category && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// dedupeProblems drops repeated problems (a file shared by a package and
// its test variant) and keeps one syntax error per file: the first is the
// one to fix, the rest are often its echoes.
func dedupeProblems(ps []Problem) []Problem {
	out := ps[:0]
	more := 0
	flush := func() {
		if more > 0 {
			noun := "error"
			if more > 1 {
				noun = "errors"
			}
			out[len(out)-1].Message += fmt.Sprintf(" (and %d more syntax %s in this file)", more, noun)
		}
		more = 0
	}
	for i, p := range ps {
		if i > 0 {
			q := out[len(out)-1]
			if q.File == p.File && q.Line == p.Line && q.Col == p.Col && q.Message == p.Message && q.Kind == p.Kind {
				continue
			}
			if p.Kind == KindSyntax && q.Kind == KindSyntax && q.File == p.File && p.File != "" {
				more++
				continue
			}
		}
		flush()
		out = append(out, p)
	}
	flush()
	return out
}
