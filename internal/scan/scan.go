// Package scan is the `tokenvet scan` pipeline: it runs the Go analyzers
// and walks the file tree for the other engines concurrently, then turns
// everything into findings, applies suppressions, enriches and sorts
// them.
package scan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/internal/baseline"
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/diffscope"
	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/fix"
	"github.com/tokenvet/tokenvet/internal/goscan"
	"github.com/tokenvet/tokenvet/internal/goscope"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/resultcache"
	"github.com/tokenvet/tokenvet/internal/suppress"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// FileEngine scans files found by the walk (secrets, browser code).
// Engines must be safe for concurrent use.
type FileEngine interface {
	// Name identifies the engine in findings and messages.
	Name() string
	// Rules lists the rule ids the engine reports.
	Rules() []string
	// Wants reports whether the engine scans the file at rel.
	Wants(rel string) bool
	// Scan returns the findings in one file. Positions are 1-based byte
	// columns; File is set by the caller.
	Scan(ctx context.Context, f walk.File) ([]*finding.Finding, []report.Problem)
}

// FileSkipper is implemented by a FileEngine that may decline a file it
// wants once it has seen the content (the web engine and a page
// template it cannot parse). Other engines still scan the file. A
// non-empty reason says in words what the engine did not analyse and
// why; the file is then listed as read but not analysed (text -v, JSON,
// SARIF notifications) and counted in the summary. An empty reason
// declines silently: the file holds nothing for the engine.
type FileSkipper interface {
	SkipFile(f walk.File) (reason string, skip bool)
}

// Options configures a scan.
type Options struct {
	// Root is the directory output paths are relative to (absolute).
	Root string
	// Args are what the user named: directories (scanned recursively,
	// with or without a trailing /...) or Go package patterns. Empty
	// means the whole root.
	Args []string

	Analyzers []*analysis.Analyzer
	Engines   []FileEngine
	Config    *config.Config

	// Enable, when non-empty, limits the scan to these rule ids; Disable
	// turns rules off. Both are validated by the caller.
	Enable, Disable []string

	// Tests includes test code: _test.go files in the Go load, and
	// secrets in test files and fixture directories (secrets.ClassTest).
	Tests bool
	// IncludeGenerated reports Go findings in generated files, which are
	// left out (and counted) by default: see internal/goscope.
	IncludeGenerated bool
	// MinConfidence drops hard-coded secrets below this level.
	MinConfidence secrets.Confidence
	// BuildTags are passed to the go command (-tags), so that files
	// behind those build constraints are type-checked.
	BuildTags []string
	Jobs      int
	Redact    bool
	// MaxFileSize bounds files read by the walk (0: the walk's default).
	MaxFileSize int64
	// IndexSnapshot says Root is the git index exported to a directory
	// (--staged): every file in it is tracked, so no .gitignore decides.
	IndexSnapshot bool
	// GoEnv is the go command's environment (nil: inherited).
	GoEnv []string
	// CacheDir is where the Go loader caches dependencies' types between
	// scans; "" caches nothing.
	CacheDir string
	// Progress receives progress lines (may be nil).
	Progress func(format string, args ...any)

	// Scope, when set, holds the changed lines: findings elsewhere are
	// marked unchanged. Baseline, when set, holds accepted findings,
	// which are marked unchanged too. See finding.Finding.BaselineState.
	Scope    *diffscope.Scope
	Baseline *baseline.Baseline

	// FingerprintRoot, when set, is the directory fingerprints take file
	// paths relative to; by default the top of the git work tree the
	// scan is in, or the scanned directory outside one.
	FingerprintRoot string

	// Fix resolves the first suggested fix of every counted finding
	// against the files as the scan read them, into Report.Fixes (for
	// --fix and --diff). The plan's edits are the engines' own text;
	// its Redact hides the scan's secrets in the lines a diff prints,
	// unless Redact is off.
	Fix bool
}

// Run scans and returns the report. Errors are usage or environment
// errors (a root that does not exist); problems with individual files or
// packages are in the report.
func Run(ctx context.Context, o Options) (*report.Report, error) {
	if o.Config == nil {
		o.Config = &config.Config{}
	}
	if o.Jobs <= 0 {
		o.Jobs = 1
	}
	progress := o.Progress
	if progress == nil {
		progress = func(string, ...any) {}
	}
	// The secret engines' context layer reads the scan's choices from
	// ctx, and counts what it drops into the report.
	dropped := &report.Dropped{}
	ctx = report.WithDropped(secrets.WithPolicy(ctx, secrets.Policy{Tests: o.Tests, MinConfidence: o.MinConfidence}), dropped)
	dirs, patterns, lim, err := resolveArgs(o.Root, o.Args)
	if err != nil {
		return nil, err
	}
	sel := selectRules(o)
	enabled := sel.rules
	// Generated Go files (and, under --tests only, test files) are left
	// out the way go vet -vettool leaves them out; hardcoded-token judges
	// generated files itself, through the secrets context layer.
	always := map[string]bool{}
	for _, a := range o.Analyzers {
		if r, ok := RuleOfAnalyzer(a); ok && r == rules.HardcodedToken {
			always[a.Name] = true
		}
	}
	leftOut := &goscope.Counts{}
	analyzers := goscope.Analyzers(selectAnalyzers(o.Analyzers, enabled),
		&goscope.Policy{Tests: o.Tests, Generated: o.IncludeGenerated, Always: always}, leftOut)
	engines := selectEngines(o.Engines, enabled)

	rep := &report.Report{Root: o.Root, Stats: report.Stats{Skipped: map[string]int{}}}
	for _, r := range rules.Implemented() {
		if enabled[r.ID] {
			rep.Rules = append(rep.Rules, r)
		}
	}

	goOptions := goscan.Options{
		Dirs: dirs, Patterns: patterns, WorkDir: o.Root, Tests: o.Tests, BuildTags: o.BuildTags, Jobs: o.Jobs,
		Analyzers: analyzers, Env: o.GoEnv, Progress: progress, CacheDir: o.CacheDir,
	}
	type goOut struct {
		res *goscan.Result
		err error
	}
	type fileOut struct {
		res *walkResult
		err error
	}
	goDone, fileDone := make(chan goOut, 1), make(chan fileOut, 1)
	// The result cache (internal/resultcache) is off with the types
	// cache (--no-cache), and alone with TOKENVET_NO_RESULT_CACHE=1, for
	// measuring warm scans.
	var results *resultcache.Cache
	cachedGenerated := -1 // the left-out count a cached Go result carries
	if os.Getenv("TOKENVET_NO_RESULT_CACHE") == "" {
		results = resultcache.Open(o.CacheDir)
	}
	go func() {
		key := ""
		if results != nil && len(goOptions.Analyzers) > 0 {
			var why string
			if key, why = goResultKey(o, goOptions); key == "" {
				progress("result cache: Go findings not cached: %s", why)
			}
		}
		var e goEntry
		if key != "" && results.Get(&e, key) {
			progress("result cache: Go findings read")
			cachedGenerated = e.GeneratedLeftOut
			goDone <- goOut{&e.Result, nil}
			return
		}
		res, err := goscan.Run(ctx, goOptions)
		if err == nil && key != "" {
			results.Put(key, goEntry{Result: *res, GeneratedLeftOut: leftOut.Generated()})
		}
		goDone <- goOut{res, err}
	}()
	go func() {
		res, err := walkFiles(ctx, o, dirs, lim, engines, progress, results)
		fileDone <- fileOut{res, err}
	}()
	// goscan returns promptly once ctx is done, and only after the go
	// commands it started have ended. A file engine may be deep in one
	// file and is not waited for when interrupted: it starts no process,
	// and the scan's result is dropped.
	g := <-goDone
	var w fileOut
	select {
	case w = <-fileDone:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(g.err, w.err); err != nil {
		return nil, err
	}
	goRes, fileRes := g.res, w.res

	var fs []*finding.Finding
	goFs := fileRes.keep(goFindings(o.Root, goRes))
	fs = append(fs, goFs...)
	fs = append(fs, fileRes.findings...)
	textFs, textProblems := goTextFindings(ctx, o.Root, goRes, fileRes, engines, goFs)
	fs = append(fs, textFs...)
	rep.Problems = append(rep.Problems, fileRes.keepProblems(goProblems(o.Root, goRes))...)
	rep.Problems = append(rep.Problems, fileRes.problems...)
	rep.Problems = append(rep.Problems, textProblems...)

	// The redaction pass learns every secret before any output is made,
	// from findings of every secret-bearing rule, enabled or not (a key
	// is no less secret because its rule is off), and from the lines
	// problems quote.
	src := newSources(o.Root)
	red := newRedactor(src, secretFinder(o.Engines))
	for _, f := range fs {
		red.addFinding(f)
	}
	red.collectProblems(rep.Problems)
	for _, p := range goRes.Partial {
		rep.Partial = append(rep.Partial, report.PartialPackage{Package: p.Package, Reason: p.Reason})
	}
	rep.Stats.GoPackages = goRes.Packages
	rep.Stats.FilesScanned = fileRes.stats.Files
	for reason, n := range fileRes.stats.Skips {
		if reason != walk.SkipIgnored { // ignored files are the user's choice, not news
			rep.Stats.Skipped[string(reason)] += n
		}
	}
	walkSkipped := map[string]bool{}
	for _, s := range fileRes.stats.Skipped {
		walkSkipped[s.Rel] = true
		rep.Stats.SkippedFiles = append(rep.Stats.SkippedFiles, report.SkippedFile{File: s.Rel, Reason: s.String()})
	}
	rep.NotAnalysed = fileRes.notAnalysed
	rep.Stats.Notes = fileRes.stats.Notes
	rep.Stats.SecretsDropped = dropped.Counts()
	for reason, n := range goRes.SecretsDropped { // the Go literal analyzer's
		if rep.Stats.SecretsDropped == nil {
			rep.Stats.SecretsDropped = map[string]int{}
		}
		rep.Stats.SecretsDropped[reason] += n
	}
	rep.Stats.GeneratedLeftOut = leftOut.Generated()
	if cachedGenerated >= 0 { // the analyzers did not run: their count is in the entry
		rep.Stats.GeneratedLeftOut = cachedGenerated
	}
	rep.Stats.ResultCacheHits, rep.Stats.ResultCacheMisses = results.Hits(), results.Misses()
	if results != nil {
		progress("result cache: %d read, %d computed", results.Hits(), results.Misses())
	}
	// Files the Go loader kept from the go command: the walk has listed
	// most of them already (same pathguard decision); the rest are in
	// directories the walk does not enter (vendor/) or outside it.
	for _, s := range goRes.Skipped {
		rel := relPath(o.Root, s.File)
		if walkSkipped[rel] || fileRes.excluded(rel) {
			continue
		}
		rep.Stats.Skipped[s.Reason]++
		rep.Stats.SkippedFiles = append(rep.Stats.SkippedFiles, report.SkippedFile{File: rel,
			Reason: rel + ": " + s.Reason + ": " + s.Detail + " (kept from the go command)"})
	}

	// Keep only enabled rules and secret types, with configured
	// severities (a secret type's over its rule's), and only the named
	// files where file arguments limit the scan (the Go analyzers saw
	// their whole package).
	kept := fs[:0]
	for _, f := range fs {
		if !enabled[f.RuleID] || (f.SecretType != "" && !sel.typeOn(f.SecretType)) || lim.excludes(o.Root, f.File) {
			continue
		}
		if r, ok := rules.Lookup(f.RuleID); ok {
			def := f.Severity // a variant's own severity, else the rule's
			if def == rules.SeverityNone {
				def = r.Severity
			}
			f.Severity = o.Config.Severity(f.RuleID, def)
			if f.SecretType != "" {
				f.Severity = o.Config.Severity(rules.SecretRuleID(f.SecretType), f.Severity)
			}
		}
		kept = append(kept, f)
	}
	fs = kept

	directives := fileRes.directives
	for _, f := range fs {
		if _, ok := directives[f.File]; !ok {
			if content, err := src.read(f.File); err == nil {
				directives[f.File] = suppress.Parse(content)
			}
		}
	}
	invalid := suppress.Apply(fs, directives)
	if enabled[rules.InvalidSuppression] {
		sev := o.Config.Severity(rules.InvalidSuppression, rules.MustLookup(rules.InvalidSuppression).Severity)
		for _, f := range invalid {
			f.Severity = sev
		}
		fs = append(fs, invalid...)
	}

	finding.Sort(fs)
	fs = finding.Dedupe(fs)
	for _, f := range fs {
		red.scanLine(f.File, f.StartLine)
	}
	// enrich redacts the fixes' text in place, for output; applying a
	// fix needs the text the engine gave.
	rawFixes := map[*finding.Finding][]finding.Edit{}
	if o.Fix {
		for _, f := range fs {
			if len(f.Fixes) > 0 {
				rawFixes[f] = slices.Clone(f.Fixes[0].Edits)
			}
		}
	}
	eo := enrichOptions{redact: o.Redact, fingerprintPath: fingerprintPaths(o.Root, o.FingerprintRoot, dirs)}
	if o.Baseline.Legacy() {
		eo.legacy = map[*finding.Finding]string{}
	}
	enrich(fs, src, red, eo)
	if o.Redact {
		red.problems(rep.Problems)
		for i := range rep.Partial {
			rep.Partial[i].Reason = red.text("", rep.Partial[i].Reason, true)
		}
	}
	// Every format shows a message on one line; go list's stderr and
	// parse errors quoting multi-line literals have several.
	for _, f := range fs {
		f.Message = report.OneLine(f.Message)
	}
	for i := range rep.Problems {
		rep.Problems[i].Message = report.OneLine(rep.Problems[i].Message)
	}
	for i := range rep.Partial {
		rep.Partial[i].Reason = report.OneLine(rep.Partial[i].Reason)
	}
	rep.Stats.LegacyBaselineMatches = markNew(fs, o.Scope, o.Baseline, eo.legacy, &rep.Stats)
	rep.Findings = fs
	if o.Fix {
		rep.Fixes = planFixes(fs, rawFixes, src, red, o.Redact)
	}
	if len(lim.files) > 0 {
		rep.Problems = slices.DeleteFunc(rep.Problems, func(p report.Problem) bool { return lim.excludes(o.Root, p.File) })
		rep.Stats.SkippedFiles = slices.DeleteFunc(rep.Stats.SkippedFiles, func(s report.SkippedFile) bool { return lim.excludes(o.Root, s.File) })
	}
	sortProblems(rep.Problems)
	// Asked last: the secret rules may still be compiling while the
	// tree is walked (secrets.NewEngineBuilding).
	rep.SecretTypes = SecretTypes(o.Engines)
	return rep, nil
}

// planFixes resolves the first fix of each counted finding, in output
// order (so that which of two conflicting fixes wins does not depend on
// scheduling). Suppressed findings and findings unchanged from a
// baseline are left alone: the user has accepted them.
func planFixes(fs []*finding.Finding, raw map[*finding.Finding][]finding.Edit, src *sources, red *redactor, redact bool) *fix.Plan {
	var fixes []*fix.Fix
	for _, f := range fs {
		if edits, ok := raw[f]; ok && f.Counted() {
			fixes = append(fixes, &fix.Fix{Finding: f, Edits: edits})
		}
	}
	p := fix.NewPlan(fixes, src.read)
	if redact {
		// Every line a diff prints, context included, goes through the
		// same pass as snippets: the file's known secrets wherever they
		// recur, and whatever the secret rules find in the line itself.
		p.Redact = func(path, text string, _ int) string { return red.text(path, text, true) }
	}
	return p
}

// secretFinder returns the engine that lends its secret rules to the
// redaction pass, whether or not its own rule is enabled.
func secretFinder(es []FileEngine) SecretFinder {
	for _, e := range es {
		if f, ok := e.(SecretFinder); ok {
			return f
		}
	}
	return nil
}

// fingerprintPaths returns the function giving the path a finding's
// fingerprint hashes: the file relative to the top of the git work tree
// the scan is in (a directory holding .git, found without running git),
// so that scanning a repository from its root, from a subdirectory or
// from its parent gives the same fingerprints. Outside a repository the
// base is the directory scanned (the common parent of several). base,
// when set, is used instead (--staged scans a copy of the index whose
// root stands for the work tree's).
func fingerprintPaths(root, base string, dirs []string) func(string) string {
	if base == "" {
		base = root
		if len(dirs) > 0 {
			base = dirs[0]
			for _, d := range dirs[1:] {
				for !within(base, d) {
					base = filepath.Dir(base)
				}
			}
		}
		for d := base; ; d = filepath.Dir(d) {
			if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
				base = d
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return func(file string) string {
		rel, err := filepath.Rel(base, filepath.Join(root, filepath.FromSlash(file)))
		if err != nil {
			return file
		}
		return filepath.ToSlash(rel)
	}
}

// markNew sets each finding's baseline state when the scan compares
// against a diff or a baseline. It runs after enrich, which computes the
// fingerprints baselines match on; legacy holds the fingerprints an old
// (version 1) baseline was written with. It returns how many findings
// only an old fingerprint matched.
func markNew(fs []*finding.Finding, scope *diffscope.Scope, base *baseline.Baseline, legacy map[*finding.Finding]string, st *report.Stats) int {
	if scope == nil && base == nil {
		return 0
	}
	legacyOnly := 0
	for _, f := range fs {
		f.BaselineState = finding.BaselineNew
		inBase := base.Contains(f)
		if !inBase && legacy != nil && base.ContainsFingerprint(legacy[f]) {
			inBase = true
			legacyOnly++
		}
		if (scope != nil && !scope.Contains(f.File, f.StartLine, f.EndLine)) || inBase {
			f.BaselineState = finding.BaselineUnchanged
			if f.Suppression == nil {
				st.Unchanged++
			}
		}
	}
	return legacyOnly
}

// resolveArgs splits the arguments into directories to walk and Go
// package patterns (import paths) that are only loaded. A file argument
// scans its directory for the Go packages, walks only that file, and
// limits what is reported there to the file (lim); a file inside a
// directory also named is simply covered by it.
func resolveArgs(root string, args []string) (dirs, patterns []string, lim fileLimit, err error) {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	seen := map[string]bool{}
	files := map[string]bool{}
	for _, a := range args {
		p := strings.TrimSuffix(strings.TrimSuffix(a, "..."), "/")
		if p == "" || p == "." {
			p = "."
		}
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(root, p)
		}
		if st, err := os.Stat(abs); err == nil {
			if !st.IsDir() {
				if strings.HasSuffix(a, "...") {
					return nil, nil, lim, fmt.Errorf("%s: %s is a file, not a directory", a, p)
				}
				files[filepath.Clean(abs)] = true
				continue
			}
			if !seen[abs] {
				seen[abs] = true
				dirs = append(dirs, abs)
			}
			continue
		}
		if strings.HasPrefix(a, ".") || filepath.IsAbs(a) {
			return nil, nil, lim, fmt.Errorf("%s: no such file or directory", a)
		}
		patterns = append(patterns, a) // an import path such as example.com/mod/...
	}
	sort.Strings(dirs)
	// A directory inside another named one is already covered.
	var kept []string
	for _, d := range dirs {
		if !slices.ContainsFunc(kept, func(k string) bool { return within(k, d) }) {
			kept = append(kept, d)
		}
	}
	for f := range files {
		if slices.ContainsFunc(kept, func(k string) bool { return within(k, f) }) {
			continue
		}
		if lim.files == nil {
			lim.files = map[string]bool{}
		}
		lim.files[f] = true
		if d := filepath.Dir(f); !slices.Contains(lim.dirs, d) {
			lim.dirs = append(lim.dirs, d)
		}
	}
	sort.Strings(lim.dirs)
	return append(kept, lim.dirs...), patterns, lim, nil
}

// fileLimit is what file arguments ask for: their directories are
// scanned (a .go file needs its package loaded and type-checked), and
// only the files named are walked and reported in those directories and
// below them. The zero value limits nothing.
type fileLimit struct {
	files map[string]bool // absolute paths of the files named
	dirs  []string        // their directories, absolute, sorted
}

// skipWalk is the walk's Skip hook for a directory in dirs, which only
// hands the named files to the engines; nil elsewhere.
func (l fileLimit) skipWalk(dir string) func(rel string, isDir bool) bool {
	if !slices.Contains(l.dirs, dir) {
		return nil
	}
	return func(rel string, isDir bool) bool {
		return isDir || !l.files[filepath.Join(dir, filepath.FromSlash(rel))]
	}
}

// excludes reports whether the root-relative path rel lies where only
// the named files are reported, and is not one of them.
func (l fileLimit) excludes(root, rel string) bool {
	if len(l.files) == 0 || rel == "" {
		return false
	}
	abs := filepath.Join(root, filepath.FromSlash(rel))
	if l.files[abs] {
		return false
	}
	return slices.ContainsFunc(l.dirs, func(d string) bool { return within(d, abs) })
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// selection is what a scan reports: which rules, and which secret types
// of hardcoded-token.
type selection struct {
	rules map[string]bool // rule id → on
	// onlyTypes, when non-nil, holds the only secret types reported: an
	// enable list named hardcoded-token/<type> ids but not
	// hardcoded-token itself. offTypes are turned off.
	onlyTypes, offTypes map[string]bool
}

// typeOn reports whether findings of secret type typ are reported.
func (s selection) typeOn(typ string) bool {
	if s.offTypes[typ] {
		return false
	}
	return s.onlyTypes == nil || s.onlyTypes[typ]
}

// selectRules combines the command line and the configuration. A
// --enable list replaces the configuration's choices (its enable list
// and every rule it turns off), as it always has; without one, the
// configuration's enable list, disable list and rules.<id>.enabled
// decide. --disable then turns off what it names. A hardcoded-token/<type>
// id in an enable list turns hardcoded-token on for that type only (and
// for the other types named); in a disable list it turns that one type
// off and leaves the rule on.
func selectRules(o Options) selection {
	sel := selection{rules: map[string]bool{}, offTypes: map[string]bool{}}
	cliEnable := len(o.Enable) > 0
	enable := o.Enable
	if !cliEnable {
		enable = o.Config.Enable
	}
	only := map[string]bool{}
	onlyTypes := map[string]bool{}
	for _, id := range enable {
		if typ, ok, _ := rules.ParseSecretRuleID(id); ok {
			only[rules.HardcodedToken] = true
			onlyTypes[typ] = true
			continue
		}
		only[id] = true
	}
	if len(onlyTypes) > 0 && !slices.Contains(enable, rules.HardcodedToken) {
		sel.onlyTypes = onlyTypes
	}
	for _, r := range rules.All() {
		configured := o.Config.Enabled(r.ID) && !slices.Contains(o.Config.Disable, r.ID)
		on := configured
		if len(only) > 0 {
			on = only[r.ID] && (cliEnable || configured) || (r.ID == rules.InvalidSuppression && configured)
		}
		sel.rules[r.ID] = on
	}
	var off []string
	if !cliEnable {
		off = append(off, o.Config.Disable...)
		for id, rc := range o.Config.Rules {
			if rc.Enabled != nil && !*rc.Enabled {
				off = append(off, id)
			}
		}
	}
	for _, id := range off {
		if typ, ok, _ := rules.ParseSecretRuleID(id); ok {
			sel.offTypes[typ] = true
		}
	}
	for _, id := range o.Disable {
		if typ, ok, _ := rules.ParseSecretRuleID(id); ok {
			sel.offTypes[typ] = true
			continue
		}
		sel.rules[id] = false
	}
	return sel
}

// SecretTyper is implemented by the file engine whose rules tell
// hardcoded-token's secret types apart (rules/secrets).
type SecretTyper interface {
	SecretTypes() []*rules.SecretType
}

// SecretTypes returns the secret types of the first engine that has them.
func SecretTypes(es []FileEngine) []*rules.SecretType {
	for _, e := range es {
		if t, ok := e.(SecretTyper); ok {
			return t.SecretTypes()
		}
	}
	return nil
}

// selectAnalyzers keeps the analyzers whose rule is enabled. An analyzer
// reports the rule named by its catalogue Implementation.
func selectAnalyzers(as []*analysis.Analyzer, enabled map[string]bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range as {
		id, ok := RuleOfAnalyzer(a)
		if !ok || enabled[id] {
			out = append(out, a)
			continue
		}
		// A secret-bearing rule's analyzer runs even when the rule is
		// off: its findings are not reported, but the redaction pass
		// needs the secrets they point at.
		if r, known := rules.Lookup(id); known && r.Secret {
			out = append(out, a)
		}
	}
	return out
}

// RuleOfAnalyzer returns the id of the rule an analyzer implements,
// matching the analyzer's name to the catalogue's implementation package.
func RuleOfAnalyzer(a *analysis.Analyzer) (string, bool) {
	return rules.OfAnalyzer(a.Name)
}

func selectEngines(es []FileEngine, enabled map[string]bool) []FileEngine {
	var out []FileEngine
	for _, e := range es {
		for _, id := range e.Rules() {
			if enabled[id] {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func goFindings(root string, res *goscan.Result) []*finding.Finding {
	var out []*finding.Finding
	for _, d := range res.Diagnostics {
		engine := "go"
		if d.Partial {
			engine = "go-fallback"
		}
		f := &finding.Finding{
			RuleID:    d.Category,
			Message:   d.Message,
			File:      relPath(root, d.Start.Filename),
			StartLine: d.Start.Line,
			StartCol:  d.Start.Column,
			EndLine:   d.End.Line,
			EndCol:    d.End.Column,
			Engine:    engine,
		}
		if r, ok := rules.Lookup(d.Category); ok {
			f.Severity = r.Severity
		}
		if s, ok := rules.SeverityFromURL(d.URL); ok {
			f.Severity = s // a variant of the rule (see rules.VariantURL)
		}
		if typ, ok := rules.SecretTypeFromURL(d.URL); ok && d.Category == rules.HardcodedToken {
			f.SecretType = typ // which secret rule matched (see rules.SecretTypeURL)
			// The analyzer judged the literal in its Go file (see
			// hardcodedtoken): code, or test code under --tests.
			f.Confidence = string(secrets.ConfidenceOf(typ))
			f.FileClass = string(secrets.ClassCode)
			if strings.HasSuffix(f.File, "_test.go") {
				f.FileClass = string(secrets.ClassTest)
			}
		}
		for _, fx := range d.Fixes {
			fix := finding.Fix{Description: fx.Message}
			for _, e := range fx.Edits {
				fix.Edits = append(fix.Edits, finding.Edit{File: relPath(root, e.File), Start: e.Start, End: e.End, New: e.New})
			}
			f.Fixes = append(f.Fixes, fix)
		}
		for _, s := range d.Flow {
			f.Flow = append(f.Flow, finding.Step{File: relPath(root, s.Pos.Filename), Line: s.Pos.Line, Column: s.Pos.Column, Message: s.Message})
		}
		out = append(out, f)
	}
	return out
}

func goProblems(root string, res *goscan.Result) []report.Problem {
	var out []report.Problem
	for _, p := range res.Problems {
		q := report.Problem{Kind: p.Kind, Line: p.Line, Column: p.Col, Package: p.Package, Message: p.Message}
		if p.File != "" {
			q.File = relPath(root, p.File)
		}
		out = append(out, q)
	}
	return out
}

// relPath makes path relative to root with forward slashes, as every
// output format wants it; a path outside root stays relative ("../x").
func relPath(root, path string) string {
	if path == "" {
		return ""
	}
	if rel, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

func sortProblems(ps []report.Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	})
}
