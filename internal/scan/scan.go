// Package scan is the `tokenvet scan` pipeline: it runs the Go analyzers
// and walks the file tree for the other engines concurrently, then turns
// everything into findings, applies suppressions, enriches and sorts
// them.
package scan

import (
	"context"
	"errors"
	"fmt"
	"go/token"
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
	"github.com/tokenvet/tokenvet/internal/goscan"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/suppress"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules"
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

	Tests bool
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
	// Progress receives progress lines (may be nil).
	Progress func(format string, args ...any)

	// Scope, when set, holds the changed lines: findings elsewhere are
	// marked unchanged. Baseline, when set, holds accepted findings,
	// which are marked unchanged too. See finding.Finding.BaselineState.
	Scope    *diffscope.Scope
	Baseline *baseline.Baseline
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
	dirs, patterns, err := resolveArgs(o.Root, o.Args)
	if err != nil {
		return nil, err
	}
	enabled := enabledRules(o)
	analyzers := selectAnalyzers(o.Analyzers, enabled)
	engines := selectEngines(o.Engines, enabled)

	rep := &report.Report{Root: o.Root, Stats: report.Stats{Skipped: map[string]int{}}}
	for _, r := range rules.Implemented() {
		if enabled[r.ID] {
			rep.Rules = append(rep.Rules, r)
		}
	}

	goOptions := goscan.Options{
		Dirs: dirs, Patterns: patterns, WorkDir: o.Root, Tests: o.Tests, BuildTags: o.BuildTags, Jobs: o.Jobs,
		Analyzers: analyzers, Env: o.GoEnv, Progress: progress,
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
	go func() {
		res, err := goscan.Run(ctx, goOptions)
		goDone <- goOut{res, err}
	}()
	go func() {
		res, err := walkFiles(ctx, o, dirs, engines, progress)
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

	// Keep only enabled rules, with configured severities.
	kept := fs[:0]
	for _, f := range fs {
		if !enabled[f.RuleID] {
			continue
		}
		if r, ok := rules.Lookup(f.RuleID); ok {
			def := f.Severity // a variant's own severity, else the rule's
			if def == rules.SeverityNone {
				def = r.Severity
			}
			f.Severity = o.Config.Severity(f.RuleID, def)
		}
		kept = append(kept, f)
	}
	fs = kept

	directives := fileRes.directives
	src := newSources(o.Root)
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
	enrich(fs, src, o.Redact)
	markNew(fs, o.Scope, o.Baseline, &rep.Stats)
	rep.Findings = fs
	sortProblems(rep.Problems)
	return rep, nil
}

// markNew sets each finding's baseline state when the scan compares
// against a diff or a baseline. It runs after enrich, which computes the
// fingerprints baselines match on.
func markNew(fs []*finding.Finding, scope *diffscope.Scope, base *baseline.Baseline, st *report.Stats) {
	if scope == nil && base == nil {
		return
	}
	for _, f := range fs {
		f.BaselineState = finding.BaselineNew
		if (scope != nil && !scope.Contains(f.File, f.StartLine, f.EndLine)) || base.Contains(f) {
			f.BaselineState = finding.BaselineUnchanged
			if f.Suppression == nil {
				st.Unchanged++
			}
		}
	}
}

// resolveArgs splits the arguments into directories to walk and Go
// package patterns (import paths) that are only loaded.
func resolveArgs(root string, args []string) (dirs, patterns []string, err error) {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	seen := map[string]bool{}
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
				return nil, nil, fmt.Errorf("%s is a file: tokenvet scans directories and Go package patterns; name its directory instead", a)
			}
			if !seen[abs] {
				seen[abs] = true
				dirs = append(dirs, abs)
			}
			continue
		}
		if strings.HasPrefix(a, ".") || filepath.IsAbs(a) {
			return nil, nil, fmt.Errorf("%s: no such directory", a)
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
	return kept, patterns, nil
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

func enabledRules(o Options) map[string]bool {
	enabled := map[string]bool{}
	only := map[string]bool{}
	for _, id := range o.Enable {
		only[id] = true
	}
	for _, r := range rules.All() {
		on := o.Config.Enabled(r.ID)
		if len(only) > 0 {
			on = only[r.ID] || (r.ID == rules.InvalidSuppression && on)
		}
		enabled[r.ID] = on
	}
	for _, id := range o.Disable {
		enabled[id] = false
	}
	return enabled
}

// selectAnalyzers keeps the analyzers whose rule is enabled. An analyzer
// reports the rule named by its catalogue Implementation.
func selectAnalyzers(as []*analysis.Analyzer, enabled map[string]bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range as {
		if id, ok := RuleOfAnalyzer(a); !ok || enabled[id] {
			out = append(out, a)
		}
	}
	return out
}

// RuleOfAnalyzer returns the id of the rule an analyzer implements,
// matching the analyzer's name to the catalogue's implementation package.
func RuleOfAnalyzer(a *analysis.Analyzer) (string, bool) {
	for _, r := range rules.All() {
		if r.Implementation != "" && filepath.Base(r.Implementation) == a.Name {
			return r.ID, true
		}
	}
	return "", false
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
			if r.Secret {
				f.Secret = secretText(d.Start, d.End)
			}
		}
		if s, ok := rules.SeverityFromURL(d.URL); ok {
			f.Severity = s // a variant of the rule (see rules.VariantURL)
		}
		for _, fx := range d.Fixes {
			fix := finding.Fix{Description: fx.Message}
			for _, e := range fx.Edits {
				fix.Edits = append(fix.Edits, finding.Edit{File: relPath(root, e.File), Start: e.Start, End: e.End, New: e.New})
			}
			f.Fixes = append(f.Fixes, fix)
		}
		out = append(out, f)
	}
	return out
}

// secretText is the text a hardcoded-token diagnostic covers, the secret
// itself or the literal holding it, so that enrich can redact it: Go
// diagnostics carry no Finding.Secret, and their messages never contain
// the secret. Only the part on the first line matters, as the snippet is
// one line; surrounding quotes are dropped so the redaction keeps them.
func secretText(start, end token.Position) string {
	if start.Filename == "" || end.Offset <= start.Offset {
		return ""
	}
	b, err := os.ReadFile(start.Filename)
	if err != nil || end.Offset > len(b) {
		return ""
	}
	s := string(b[start.Offset:end.Offset])
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimLeft(s, "\"`")
	s = strings.TrimRight(s, "\"`")
	return s
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
