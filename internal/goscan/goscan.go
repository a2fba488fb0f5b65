// Package goscan runs tokenvet's go/analysis analyzers over a tree of Go
// code the way a user's repository actually looks: one module, several
// modules side by side, loose files with no go.mod, packages that do not
// type-check and files that do not parse.
//
// Packages are loaded from source without compiling anything: `go list
// -deps` for the graph, dependencies type-checked without function
// bodies, the scanned packages fully (srcload.go). A module the source
// loader cannot reproduce exactly is loaded with go/packages (export
// data for dependencies, which go list compiles) as before. Either way
// dependencies carry no syntax. Packages the source loader checks are
// analysed one at a time as they are checked, and released (driver.go);
// the others with golang.org/x/tools/go/analysis/checker. Whatever go/packages cannot
// load is parsed per directory and type-checked without its imports, so
// the analyzers' syntactic fallback still sees it.
//
// The repository is hostile input. Before the go command runs, the tree
// is examined (discover): entries it would open that are not regular
// files inside the scan root (a .go symlink to /etc/passwd, a FIFO that
// would block go list for ever) are replaced for it by an ignored stub
// through go list's -overlay, and assembly files by empty ones (the
// assembler follows #include anywhere). The go command runs with
// GOTOOLCHAIN=local and CGO_ENABLED=0 (see goEnv), so nothing the
// repository names is downloaded, and no C compiler runs. Files excluded
// by build constraints, and every file the go command could not load,
// are analysed syntactically; files the analyzers could not see whole are
// listed in Result.Unanalysed for the secret rules to read as text.
package goscan

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
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
	// BuildTags are passed to the go command as -tags, so that files
	// behind those build constraints are type-checked.
	BuildTags []string
	// Jobs bounds how many modules load at once and, when 1, makes the
	// analysis sequential.
	Jobs int
	// Analyzers to run; each must report Diagnostic.Category = rule id.
	Analyzers []*analysis.Analyzer
	// Env is the environment of the go command; nil means os.Environ().
	// GOTOOLCHAIN and CGO_ENABLED are always overridden (see goEnv).
	Env []string
	// Progress, if set, is told what is happening.
	Progress func(format string, args ...any)
	// CacheDir, when set, is where the source loader keeps dependencies'
	// types between scans (typescache.go); "" caches nothing.
	CacheDir string

	// exportData loads every module with go/packages and export data,
	// as before the source loader (srcload.go); the tests compare the
	// two. TOKENVET_GO_LOADER=export in tokenvet's environment does the
	// same, for a user who suspects the source loader.
	exportData bool
}

// Problem kinds.
const (
	KindSyntax   = "syntax"   // a file does not parse
	KindType     = "type"     // a package does not type-check
	KindLoad     = "load"     // the go command could not load a module or package
	KindAnalyzer = "analyzer" // an analyzer failed
	KindExcluded = "build"    // build constraints exclude a file: analysed without types
	KindEncoding = "encoding" // a file is not UTF-8 Go source
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

// String is the problem as one line: position (when known) and message.
func (p Problem) String() string {
	pos := p.File
	if pos != "" && p.Line > 0 {
		pos += ":" + strconv.Itoa(p.Line)
	}
	if pos == "" {
		return p.Message
	}
	return filepath.Base(pos) + ": " + p.Message
}

// Diagnostic is an analyzer's report with its positions resolved.
type Diagnostic struct {
	Analyzer string
	Category string
	Message  string
	Start    token.Position // Filename is absolute
	End      token.Position
	Fixes    []Fix
	// Flow is the analyzer's related information: the steps of the
	// data flow the diagnostic rests on, source to sink.
	Flow []Step
	// URL is the analyzer's Diagnostic.URL; rules.SeverityFromURL reads
	// a variant's severity from it.
	URL string
	// Partial is true when the package did not type-check, so the
	// analyzer relied on its syntactic fallback.
	Partial bool
}

// Step is one step of a diagnostic's flow.
type Step struct {
	Pos     token.Position // Filename is absolute
	Message string
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
	// TypesCacheHits counts the dependencies whose types were read from
	// Options.CacheDir instead of being type-checked; TypesCacheMisses
	// those type-checked (and written there).
	TypesCacheHits, TypesCacheMisses int
	// TypesCacheUnneeded counts the dependencies left unread: every
	// dependency had an entry, and no analysed package imports these
	// directly (see lazydeps.go).
	TypesCacheUnneeded int
	// Skipped lists the files kept from the go command and never read:
	// symlinks leaving the scan root, FIFOs and other special files.
	Skipped []SkippedFile
	// Unanalysed lists the readable Go files inside the scanned
	// directories that the analyzers did not see whole (a syntax error,
	// bad encoding, a failed analyzer), sorted: the secret rules must
	// read them as text.
	Unanalysed []UnanalysedFile
	// SecretsDropped counts, per reason, the secret candidates in Go
	// files inside the scan that an analyzer matched and its context
	// layer did not report (an analyzer result with DroppedCandidates).
	SecretsDropped map[string]int
}

// droppedCandidates is what an analyzer's result implements to say which
// candidates it dropped: per reason, the set of "position rule" keys.
type droppedCandidates interface {
	DroppedCandidates() map[string]map[string]bool
}

// UnanalysedFile is a Go file the analyzers did not see whole.
type UnanalysedFile struct {
	File   string // absolute
	Reason string
}

// PartialPackage is a package whose analysis relied on the fallback.
type PartialPackage struct {
	Package string
	Reason  string
}

// Run loads and analyses the code. It returns an error only when nothing
// could be attempted (bad options) or ctx was cancelled; everything else
// is a Problem. When it returns, every go command it started has ended
// (go/packages interrupts, then kills, the command's process group).
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
	lay, problems := discover(opts.Dirs, opts.Patterns, opts.WorkDir)
	for _, mod := range slices.Sorted(maps.Keys(lay.badModules)) {
		problems = append(problems, Problem{Kind: KindLoad, File: filepath.Join(mod, "go.mod"), Message: lay.badModules[mod]})
	}
	log := newParseLog()
	env := goEnv(opts.Env)
	// The go command's work directories go into one of tokenvet's own,
	// removed when Run returns: a go list interrupted by a signal leaves
	// its go-build* directory behind.
	tmp, err := os.MkdirTemp(lookupEnv(env, "GOTMPDIR"), "tokenvet-go-")
	if err != nil {
		return nil, fmt.Errorf("temporary directory for the go command: %w", err)
	}
	defer os.RemoveAll(tmp)
	env = envWith(env, "GOTMPDIR", tmp)

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
	analyzers := guard(opts.Analyzers)
	// Packages the source loader type-checks are analysed as they come,
	// by driver.go, and their syntax released; the rest (export data,
	// loose files) are analysed together below by checker.Analyze. The
	// source loader finishes a package only after its imports, so their
	// facts are in the store when it is analysed: the findings are the
	// same either way (TestSourceLoaderMatchesExportData*).
	streamed := &outcomes{byPkg: map[*packages.Package]*pkgOutcome{}}
	facts := newFactStore()
	analyzeRoot := func(p *packages.Package) {
		if testMain(p) || lay.outside(packageFiles(p)) != "" {
			return // dropped by Run below, unanalysed
		}
		streamed.put(p, outcomeOf(lay, p, analyzePackage(p, analyzers, facts)))
		p.Syntax, p.TypesInfo = nil, nil
	}
	loaded := make([][]*packages.Package, len(units))
	loadErrs := make([]error, len(units))
	workProblems := make([]Problem, len(units))
	sem := make(chan struct{}, jobs)
	slots := make(chan struct{}, jobs)
	typesCache := newTypesCache(opts.CacheDir)
	var wg sync.WaitGroup
	for i, u := range units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			progress("loading Go packages in %s", u.dir)
			cfg := loadConfig{env: env, tags: opts.BuildTags, tests: opts.Tests, overlay: lay.overlay, log: log,
				exportData: opts.exportData || os.Getenv("TOKENVET_GO_LOADER") == "export", slots: slots, progress: progress,
				types: typesCache, analyzeRoot: analyzeRoot}
			if reason := lay.workReason(u.dir); reason != "" {
				cfg.env = envWith(env, "GOWORK", "off")
				workProblems[i] = Problem{Kind: KindLoad, File: filepath.Join(u.dir, "go.mod"), Message: "loaded with GOWORK=off: " + reason}
			}
			loaded[i], loadErrs[i] = loadModule(ctx, u.dir, u.patterns, cfg)
			if loadErrs[i] != nil && ctx.Err() == nil && strings.Contains(loadErrs[i].Error(), "go.work") {
				// A go.work that names modules the checkout does not
				// have (module zips ship it without them) stops go list
				// for every module under it; each module still loads on
				// its own.
				workErr := goCommandProblems(u.dir, loadErrs[i])[0]
				cfg.env = envWith(env, "GOWORK", "off")
				if loaded[i], loadErrs[i] = loadModule(ctx, u.dir, u.patterns, cfg); loadErrs[i] == nil {
					workProblems[i] = Problem{Kind: KindLoad, File: filepath.Join(u.dir, "go.mod"),
						Message: fmt.Sprintf("loaded with GOWORK=off: the workspace could not be used (%s)", workErr)}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if typesCache != nil {
		progress("%s", typesCache.summary())
	}
	res := &Result{TypesCacheHits: int(typesCache.hitCount()), TypesCacheMisses: int(typesCache.missCount()),
		TypesCacheUnneeded: int(typesCache.unneededCount())}

	for _, path := range slices.Sorted(maps.Keys(lay.skipped)) {
		res.Skipped = append(res.Skipped, lay.skipped[path])
	}
	var pkgs []*packages.Package
	held := map[string]bool{}      // files some loaded package holds
	failed := map[string]string{}  // module root → why it did not load
	dropped := map[string]string{} // directory → why its package was dropped
	for i, u := range units {
		if workProblems[i].Message != "" {
			problems = append(problems, workProblems[i])
		}
		if loadErrs[i] != nil {
			ps := goCommandProblems(u.dir, loadErrs[i])
			problems = append(problems, ps...)
			failed[u.dir] = ps[0].Message
			continue
		}
		for _, p := range loaded[i] {
			if testMain(p) {
				continue
			}
			files := packageFiles(p)
			if outside := lay.outside(files); outside != "" {
				// The overlay keeps the go command from such files; this
				// is the second line of defence.
				reason := "the go command listed a file of its package outside the scan root (" + filepath.Base(outside) + ")"
				problems = append(problems, Problem{Kind: KindLoad, Package: p.PkgPath, Message: "not analysed with type information: " + reason})
				for _, f := range files {
					dropped[filepath.Dir(f)] = reason
				}
				continue
			}
			for _, f := range files {
				held[f] = true
			}
			pkgs = append(pkgs, p)
		}
	}

	// Every Go file `./...` matches that no loaded package holds is
	// analysed without the go command: files excluded by build
	// constraints, directories no module covers, modules that did not
	// load, files the go command could not read.
	loose := lay.looseUnits(looseInput{tests: opts.Tests, held: held, failed: failed,
		dropped: dropped, build: newBuildEnv(env, opts.BuildTags)})
	if len(loose) > 0 {
		progress("parsing %d Go directories without the go command", len(loose))
		lp, lprob := loadLoose(loose, log, lay.readable)
		pkgs = append(pkgs, lp...)
		problems = append(problems, lprob...)
	}

	res.Packages = len(pkgs)
	res.Problems = append(res.Problems, problems...)
	for _, p := range pkgs {
		if !strings.HasPrefix(p.ID, "loose/") {
			res.Problems = append(res.Problems, packageProblems(p, log)...)
		}
		if reason := partialReason(p); reason != "" {
			res.Partial = append(res.Partial, PartialPackage{Package: p.PkgPath, Reason: reason})
		}
	}
	res.Problems = append(res.Problems, log.problems(lay.contains)...)

	failedPkgs := map[*packages.Package]string{}
	if len(pkgs) > 0 {
		progress("analysing %d Go packages", len(pkgs))
		var batch []*packages.Package
		for _, p := range pkgs {
			if streamed.byPkg[p] == nil {
				batch = append(batch, p)
			}
		}
		if len(batch) > 0 {
			graph, err := analyze(ctx, analyzers, batch, jobs)
			if err != nil {
				return nil, err
			}
			acts := map[*packages.Package][]actionResult{}
			for _, act := range graph.Roots {
				acts[act.Package] = append(acts[act.Package], actionResult{Analyzer: act.Analyzer, Result: act.Result, Err: act.Err, Diagnostics: act.Diagnostics})
			}
			for _, p := range batch {
				streamed.put(p, outcomeOf(lay, p, acts[p]))
			}
		}
		seen := map[string]bool{} // dropped secret candidates, once each
		for _, p := range pkgs {
			o := streamed.byPkg[p]
			res.Diagnostics = append(res.Diagnostics, o.diagnostics...)
			res.Problems = append(res.Problems, o.failures...)
			if len(o.failures) > 0 {
				failedPkgs[p] = o.failedBecause
			}
			for k := range o.dropped {
				seen[k] = true
			}
		}
		for k := range seen {
			if res.SecretsDropped == nil {
				res.SecretsDropped = map[string]int{}
			}
			res.SecretsDropped[strings.SplitN(k, "\x00", 2)[0]]++
		}
	}
	res.Unanalysed = unanalysed(lay, pkgs, log, failedPkgs, opts.Tests)
	res.sort()
	return res, nil
}

// testMain reports whether p is the test main go list generates.
func testMain(p *packages.Package) bool { return strings.HasSuffix(p.ID, ".test") }

// packageFiles lists p's compiled and listed Go files.
func packageFiles(p *packages.Package) []string {
	return append(slices.Clone(p.CompiledGoFiles), p.GoFiles...)
}

// pkgOutcome is what the analyzers found in one package, kept once the
// package's syntax and its analysis graph are gone.
type pkgOutcome struct {
	diagnostics []Diagnostic // inside the scan only
	failures    []Problem    // analyzers that failed
	// failedBecause is the first failure, for the files' unanalysed reason.
	failedBecause string
	// dropped holds "reason\x00position rule" of the secret candidates an
	// analyzer dropped inside the scan.
	dropped map[string]bool
}

// outcomes collects the packages' outcomes from concurrent analyses.
type outcomes struct {
	mu    sync.Mutex
	byPkg map[*packages.Package]*pkgOutcome
}

func (o *outcomes) put(p *packages.Package, out *pkgOutcome) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.byPkg[p] = out
}

// outcomeOf reads p's root actions: their diagnostics inside the scan,
// their failures and the secret candidates they dropped.
func outcomeOf(lay *layout, p *packages.Package, acts []actionResult) *pkgOutcome {
	out := &pkgOutcome{dropped: map[string]bool{}}
	partial := p.IllTyped || len(p.Errors) > 0
	for _, act := range acts {
		if act.Err != nil {
			out.failures = append(out.failures, Problem{Kind: KindAnalyzer, Package: p.PkgPath,
				Message: fmt.Sprintf("analyzer %s failed: %v", act.Analyzer.Name, act.Err)})
			if out.failedBecause == "" {
				out.failedBecause = "analyzer " + act.Analyzer.Name + " failed"
			}
			continue
		}
		if d, ok := act.Result.(droppedCandidates); ok {
			for reason, at := range d.DroppedCandidates() {
				for k := range at {
					if lay.contains(strings.SplitN(k, ":", 2)[0]) {
						out.dropped[reason+"\x00"+k] = true
					}
				}
			}
		}
		for _, d := range act.Diagnostics {
			if dg := convert(p.Fset, act.Analyzer, d, partial); lay.contains(dg.Start.Filename) {
				out.diagnostics = append(out.diagnostics, dg)
			}
		}
	}
	return out
}

// analyze runs the analyzers, giving up (without waiting for them) when
// ctx is done: checker.Analyze cannot be cancelled, and it starts no
// process that could outlive tokenvet.
func analyze(ctx context.Context, as []*analysis.Analyzer, pkgs []*packages.Package, jobs int) (*checker.Graph, error) {
	type result struct {
		graph *checker.Graph
		err   error
	}
	done := make(chan result, 1)
	go func() {
		g, err := checker.Analyze(as, pkgs, &checker.Options{Sequential: jobs == 1})
		done <- result{g, err}
	}()
	select {
	case r := <-done:
		return r.graph, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// unanalysed lists the Go files inside the scan that the analyzers did
// not see whole, with why: each goes through the secret rules as text.
// A file is listed unless the log shows a clean parse of it, so a file
// no step accounted for is listed too.
func unanalysed(lay *layout, pkgs []*packages.Package, log *parseLog, failed map[*packages.Package]string, tests bool) []UnanalysedFile {
	reasons := map[string]string{}
	consider := func(f, failure string) {
		if !strings.HasSuffix(f, ".go") || (!tests && (strings.HasSuffix(f, "_test.go") || lay.testOnly[f])) || !lay.contains(f) || !lay.readable(f) {
			return
		}
		st, ok := log.get(f)
		reason := ""
		switch {
		case failure != "":
			reason = failure
		case !ok:
			reason = "not parsed"
		case st.encoding.problem != "":
			reason = "not UTF-8 Go source"
		case !st.clean:
			reason = "syntax error"
		}
		if old, seen := reasons[f]; !seen || old == "" {
			reasons[f] = reason
		}
	}
	for _, f := range lay.goFiles {
		if !hiddenFromGo(filepath.Base(f)) {
			consider(f, "")
		}
	}
	for _, p := range pkgs {
		for _, f := range p.CompiledGoFiles {
			consider(f, failed[p])
		}
	}
	var out []UnanalysedFile
	for _, f := range slices.Sorted(maps.Keys(reasons)) {
		if reasons[f] != "" {
			out = append(out, UnanalysedFile{File: f, Reason: reasons[f]})
		}
	}
	return out
}

// loadConfig is what every go list invocation of a run shares.
type loadConfig struct {
	env     []string
	tags    []string
	tests   bool
	overlay map[string][]byte
	log     *parseLog
	// exportData skips the source loader (see srcload.go).
	exportData bool
	// analyzeRoot, when set, is called by the source loader with each
	// root package as soon as it is type-checked, from the goroutine
	// that holds the package's slot.
	analyzeRoot func(*packages.Package)
	// slots bounds the type-checking the source loader does at once,
	// across every module of the run.
	slots chan struct{}
	// types caches dependencies' types across scans; nil caches nothing.
	types *typesCache
	// progress is Options.Progress, never nil.
	progress func(format string, args ...any)
}

// loadModule loads patterns in dir: from source when the source loader
// can (see srcload.go), else with go/packages and export data.
func loadModule(ctx context.Context, dir string, patterns []string, c loadConfig) ([]*packages.Package, error) {
	if !c.exportData {
		pkgs, err := loadFromSource(ctx, dir, patterns, c, cap(c.slots))
		if !errors.Is(err, errUseExportData) {
			return pkgs, err
		}
		c.progress("loading %s with export data: %v", dir, err)
	}
	return load(ctx, dir, patterns, c)
}

func load(ctx context.Context, dir string, patterns []string, c loadConfig) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Context:   ctx,
		Dir:       dir,
		Env:       c.env,
		Tests:     c.tests,
		Overlay:   c.overlay,
		ParseFile: c.log.parse,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
	}
	if len(c.tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(c.tags, ",")}
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
	for _, r := range d.Related {
		if r.Pos.IsValid() {
			out.Flow = append(out.Flow, Step{Pos: fset.PositionFor(r.Pos, false), Message: r.Message})
		}
	}
	return out
}

// packageProblems turns a package's errors into problems: each syntax
// error once, and type or load errors summarised per package. Errors in
// a file with an encoding problem are left to that problem, which says
// what is wrong and what to do.
func packageProblems(p *packages.Package, log *parseLog) []Problem {
	var out []Problem
	var typeErrs []packages.Error
	errs := p.Errors[:0:0]
	for _, e := range p.Errors {
		file, _, _ := splitPos(e.Pos)
		if abs := resolveFile(p, file); abs != file {
			e.Pos = abs + strings.TrimPrefix(e.Pos, file)
			file = abs
		}
		if st, ok := log.get(file); ok && st.encoding.problem != "" {
			continue
		}
		if file == "" && log.mentionsBadEncoding(e.Msg) { // "read /a/nul.go: unexpected NUL in input"
			continue
		}
		errs = append(errs, e)
	}
	// With export data, go list also compiles the package and reports the
	// compiler's output ("# pkg\nfile:line:col: …") as a list error. It
	// repeats the parse and type errors go/packages reports with exact
	// positions, so it only counts when there are none.
	exact := false
	for _, e := range errs {
		exact = exact || e.Kind == packages.ParseError || e.Kind == packages.TypeError
	}
	for _, e := range errs {
		if exact && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		switch {
		case e.Kind == packages.ParseError:
			file, line, col := splitPos(e.Pos)
			out = append(out, Problem{Kind: KindSyntax, Package: p.PkgPath, File: file, Line: line, Col: col, Message: e.Msg})
		case strings.Contains(e.Msg, "\n"):
			typeErrs = append(typeErrs, toolOutput(p, e)...)
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

// toolOutput splits a list error holding a tool's output ("# pkg",
// then "file:line:col: message" lines) into one error per line, so that
// every problem is one line with its position.
func toolOutput(p *packages.Package, e packages.Error) []packages.Error {
	var out []packages.Error
	for _, line := range strings.Split(e.Msg, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		x := packages.Error{Kind: e.Kind, Pos: e.Pos, Msg: line}
		if m := posRe.FindStringSubmatch(line); m != nil && strings.HasSuffix(m[1], ".go") {
			file := resolveFile(p, m[1])
			x.Pos, x.Msg = file+":"+m[2], m[4]
			if m[3] != "" {
				x.Pos += ":" + m[3]
			}
		}
		out = append(out, x)
	}
	if len(out) == 0 {
		e.Msg = strings.TrimSpace(strings.ReplaceAll(e.Msg, "\n", " "))
		out = append(out, e)
	}
	return out
}

// resolveFile makes a position's file absolute: go list reports its own
// errors relative to the directory it ran in.
func resolveFile(p *packages.Package, file string) string {
	if file == "" || filepath.IsAbs(file) {
		return file
	}
	suffix := string(filepath.Separator) + filepath.Clean(file)
	for _, f := range append(append([]string(nil), p.GoFiles...), p.CompiledGoFiles...) {
		if strings.HasSuffix(f, suffix) {
			return f
		}
	}
	return file
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
