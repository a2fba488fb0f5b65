package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/internal/baseline"
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/diffscope"
	"github.com/tokenvet/tokenvet/internal/memlimit"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/report/sarif"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/version"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// EngineFactory builds the file engines for a scan from its config.
type EngineFactory func(cfg *config.Config) ([]scan.FileEngine, error)

type scanFlags struct {
	format   string
	output   string
	failOn   string
	tests    bool
	minConf  string
	enable   []string
	disable  []string
	config   string
	noRedact bool
	quiet    bool
	verbose  bool
	jobs     int
	noCache  bool
	category string
	// Comparing with a change or a baseline (internal/diffscope,
	// internal/baseline), and extra reports.
	newFromRev    string
	newFromPatch  string
	baseline      string
	writeBaseline string
	staged        bool
	also          []string
	// includeMinified scans minified bundles and source maps too.
	includeMinified  bool
	includeGenerated bool
	// maxFileSize is the walk's size limit, as written (20MiB).
	maxFileSize string
	// buildTags are passed to the go command as -tags.
	buildTags []string
	// analyzerOn holds go vet's per-analyzer enable flags (-jwtnonealg).
	analyzerOn map[string]*bool
	// goVetSpelling maps the flags kept for go vet's spelling, hidden
	// from --help, to what to use instead.
	goVetSpelling map[string]string
	// models are directories of the user's library model files.
	models []string
	// fix applies the counted findings' suggested fixes; diff prints
	// them as a unified diff instead of the report (internal/fix).
	fix, diff bool
	// noColor turns colour off even at a terminal, as NO_COLOR does.
	noColor bool
	// timeout, when positive, bounds the whole scan (--timeout).
	timeout time.Duration
	// exclude adds gitignore-syntax patterns to the config's exclude:
	// (gosec's -exclude-dir, golangci's exclusions.paths).
	exclude []string
}

func newScanCmd(env *Env) *cobra.Command {
	f := &scanFlags{analyzerOn: map[string]*bool{}, goVetSpelling: map[string]string{}}
	cmd := &cobra.Command{
		Use:   "scan [dirs, files or packages...]",
		Short: "Scan Go packages and the file tree for token misuse",
		Long: `Scan loads the Go packages under the named directories (default ./...) and
runs tokenvet's analyzers on them, and walks the same directories for the
file engines. A directory is scanned recursively, with or without a trailing
/...; several modules below it are each loaded, and Go files that no go.mod
covers are still analysed syntactically. A file is scanned alone, by every
engine that reads it: a .go file's package is loaded and analysed, and only
the findings in that file are reported. Other arguments are Go package
patterns (import paths).

Exit status: 0 when no counted finding (not suppressed, not unchanged under
--new-from-rev, --new-from-patch, --baseline or --staged) is at or above --fail-on,
1 when there is one, 2 on a usage or runtime error.

--fix applies the first suggested fix of every counted finding to the files
and reports what is left; --diff prints those fixes as a unified diff on
standard output instead of the report (with --fix: the fixes it applied).`,
		Example: `  tokenvet scan                                  # same as tokenvet scan ./...
  tokenvet scan ./services/... ./web
  tokenvet scan --format sarif -o tokenvet.sarif ./...
  tokenvet scan --format json ./... | jq '.findings[] | .rule'
  tokenvet scan --format github ./...            # annotations in GitHub Actions
  tokenvet scan --enable jwt-none-alg --fail-on error ./...
  tokenvet scan --new-from-rev origin/main ./...  # fail only on lines changed since the merge base
  tokenvet scan --write-baseline base.json ./...  # accept today's findings; then --baseline base.json
  tokenvet scan --staged                          # pre-commit: what the next commit holds
  tokenvet scan --staged $(git ls-files)          # the index, counting every file (pre-commit run --all-files)
  tokenvet scan --diff ./...                      # show the suggested fixes as a diff; changes nothing
  tokenvet scan --fix ./...                       # apply them; the exit status follows what is left
  tokenvet scan --fix --diff ./... > fixes.patch  # apply them and keep the diff
  tokenvet scan ./auth/token.go ./web/app.ts      # just these files, with every engine that applies
  tokenvet scan --timeout 10m --no-color ./...    # give up after ten minutes (exit 2); no colour`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, env, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: text, json, sarif or github")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "", "lowest severity that makes the exit status 1: error, warning, note or none (default warning, or fail-on in the config)")
	fl.BoolVar(&f.tests, "tests", false, "include test code and fixtures: _test.go files in the Go rules, JS/TS test files in the browser and Node rules, and secrets in test files and fixture directories (test/, tests/, testdata/, fixtures/, spec/, e2e/, __tests__/, *.test.js, *.spec.ts, …)")
	fl.StringVar(&f.minConf, "min-confidence", "", "report only hard-coded secrets at or above this `LEVEL`: high (provider formats, JWTs), medium or low (generic rules; the default)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "leave out paths matching the gitignore-syntax `PATTERN` (repeatable; relative to the scan root, e.g. --exclude 'third_party/' --exclude '*.pb.go'), as exclude: in the config does; Go findings there are dropped too")
	fl.StringSliceVar(&f.buildTags, "build-tags", nil, "build `TAGS` (comma-separated) for the go command, so that files behind those constraints are type-checked; files excluded by build constraints are analysed without type information either way")
	fl.StringSliceVar(&f.enable, "enable", nil, "run only these `RULE` ids (repeatable or comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "turn off these `RULE` ids (repeatable or comma-separated)")
	fl.StringVar(&f.config, "config", "", "configuration `FILE` (default .tokenvet.yml in the scan root, if present)")
	fl.BoolVar(&f.noRedact, "no-redact", false, "print secrets in full (they are redacted by default)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress and no summary on standard error")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "also list skipped files and suppressed findings (text format)")
	fl.IntVar(&f.jobs, "jobs", runtime.GOMAXPROCS(0), "how many files and modules to work on at once")
	fl.BoolVar(&f.noCache, "no-cache", false, "neither read nor write tokenvet's caches in the user cache directory: Go dependencies' types (tokenvet/types) and findings (tokenvet/results)")
	fl.BoolVar(&f.includeMinified, "include-minified", false, "also scan minified JS/TS/CSS bundles and source maps, with every engine (skipped by default; include-minified in the config)")
	fl.BoolVar(&f.includeGenerated, "include-generated", false, "also report Go findings in generated files (\"// Code generated … DO NOT EDIT.\"), which are left out and counted by default; hardcoded-token judges generated files itself (include-generated in the config)")
	fl.StringVar(&f.maxFileSize, "max-file-size", "", "read files up to `SIZE` such as 20MiB or 500KB; larger ones are skipped and counted (default 5MiB, or max-file-size in the config)")
	fl.StringVar(&f.category, "category", "tokenvet", "SARIF runAutomationDetails category, to tell several uploads apart")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "count only findings on lines changed since the merge base of `REV` and HEAD (committed, uncommitted and untracked); others are reported as unchanged")
	fl.StringVar(&f.newFromPatch, "new-from-patch", "", "count only findings on lines a unified diff `FILE` adds (paths relative to the scan root)")
	fl.StringVar(&f.baseline, "baseline", "", "count only findings not accepted in the baseline `FILE`")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "write every unsuppressed finding to the baseline `FILE` and exit 0")
	fl.BoolVar(&f.staged, "staged", false, "scan what the next git commit holds (the index), counting findings in staged files only, or in the files given as arguments (pre-commit passes the staged files, or every file with --all-files): the pre-commit mode")
	fl.StringArrayVar(&f.models, "models", nil, "read extra library model files from `DIR` (repeatable; docs/models.md), as models: in the config does")
	fl.StringArrayVar(&f.also, "also", nil, "also write the report in another format to a file, as `FORMAT=FILE` (repeatable), e.g. --also sarif=tokenvet.sarif")
	fl.BoolVar(&f.fix, "fix", false, "apply the first suggested fix of every counted finding to the files (each file rewritten whole, or left as it was); list the files fixed on standard error and report the findings left")
	fl.BoolVar(&f.diff, "diff", false, "print the suggested fixes as a unified diff (paths relative to the scan root, secrets redacted) on standard output instead of the report, and change nothing; with --fix, the fixes applied")
	fl.BoolVar(&f.noColor, "no-color", false, "no colour in the text report (colour is used only when standard output is a terminal and NO_COLOR is unset)")
	fl.DurationVar(&f.timeout, "timeout", 0, "stop the scan after `DURATION` (such as 90s or 10m) with exit status 2, stopping the go commands it started as an interrupt does; 0 means no limit")
	addAnalyzerFlags(fl, env.Analyzers, f)
	return cmd
}

// addAnalyzerFlags exposes each analyzer's flags under the names go vet
// uses: -NAME to enable or disable it and -NAME.FLAG for its own flags.
// Under scan, one way to do each thing is documented: --enable/--disable
// take rule ids, --token-names and --models are shared by every analyzer.
// The go vet spellings still work (scripts written for go vet keep
// running) but are hidden from --help and say what to use instead.
func addAnalyzerFlags(fl *pflag.FlagSet, as []*analysis.Analyzer, f *scanFlags) {
	fl.Var(tokenNamesFlag{tokenmodel.Flag()}, "token-names", "extra `NAMES` (comma-separated) of token-holding values, keys and cookies for the Go rules, as tokens.names in the config does")
	for _, a := range as {
		on := new(bool)
		*on = true
		fl.BoolVar(on, a.Name, true, "run the "+a.Name+" analyzer")
		f.analyzerOn[a.Name] = on
		instead := "use --enable/--disable with rule ids (tokenvet rules)"
		if id, ok := rules.OfAnalyzer(a.Name); ok {
			instead = "use --disable " + id
		}
		hide(fl, f, a.Name, instead)
		a.Flags.VisitAll(func(gf *flag.Flag) {
			name := a.Name + "." + gf.Name
			pf := pflag.PFlagFromGoFlag(&flag.Flag{Name: name, Usage: gf.Usage, Value: gf.Value, DefValue: gf.DefValue})
			pf.Shorthand = ""
			fl.AddFlag(pf)
			switch gf.Name {
			case "names": // one process-wide list, whichever analyzer's flag sets it
				hide(fl, f, name, "use --token-names")
			case "models": // one process-wide set of model directories
				hide(fl, f, name, "use --models")
			}
		})
	}
}

// hide takes flag name out of --help and records what to use instead,
// which runScan says on stderr when the flag is given. (pflag's own
// MarkDeprecated would print the hint through cobra on standard output,
// into a JSON or SARIF report.)
func hide(fl *pflag.FlagSet, f *scanFlags, name, instead string) {
	fl.Lookup(name).Hidden = true
	f.goVetSpelling[name] = instead
}

// tokenNamesFlag is --token-names: the analyzers' shared -names value
// under one name, typed for --help.
type tokenNamesFlag struct{ flag.Value }

func (tokenNamesFlag) Type() string { return "names" }

func runScan(cmd *cobra.Command, env *Env, f *scanFlags, args []string) (err error) {
	if f.timeout < 0 {
		return fmt.Errorf("--timeout %s: must not be negative", f.timeout)
	}
	ctx, stop := interruptible(f.timeout)
	defer stop()
	defer memlimit.Start()()
	defer func() {
		// Whatever a stage says when its context is cancelled ("context
		// canceled", a killed git), the user pressed Ctrl-C or the
		// --timeout passed.
		if err != nil && ctx.Err() != nil && !errors.Is(err, errFindings) {
			err = stopped(ctx, f.timeout)
		}
	}()
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if instead, ok := f.goVetSpelling[fl.Name]; ok {
			fmt.Fprintf(env.Stderr, "tokenvet: --%s is go vet's spelling; %s\n", fl.Name, instead)
		}
	})
	format := strings.ToLower(f.format)
	switch format {
	case "text", "json", "sarif", "github":
	default:
		return fmt.Errorf("--format %q: use text, json, sarif or github", f.format)
	}
	if f.jobs < 1 {
		return fmt.Errorf("--jobs %d: must be at least 1", f.jobs)
	}
	for _, id := range append(append([]string(nil), f.enable...), f.disable...) {
		if err := rules.CheckRuleID(id); err != nil {
			return fmt.Errorf("--enable/--disable: %v", err)
		}
	}

	extra, err := parseAlso(f.also)
	if err != nil {
		return err
	}
	if f.newFromRev != "" && f.newFromPatch != "" {
		return fmt.Errorf("--new-from-rev and --new-from-patch: give one of them")
	}
	if f.staged && (f.newFromRev != "" || f.newFromPatch != "") {
		return fmt.Errorf("--staged already limits the scan to staged files; drop --new-from-rev/--new-from-patch")
	}
	if f.fix && f.staged {
		return fmt.Errorf("--fix: --staged scans a copy of the index, so there is nothing to fix in place; run tokenvet scan --fix on the work tree")
	}
	if (f.fix || f.diff) && f.writeBaseline != "" {
		return fmt.Errorf("--write-baseline accepts today's findings; give it without --fix and --diff")
	}
	if f.diff && f.output == "" && cmd.Flags().Changed("format") {
		return fmt.Errorf("--diff prints the diff on standard output; write the %s report with -o FILE", f.format)
	}
	for _, tag := range f.buildTags {
		if tag == "" || strings.ContainsAny(tag, " \t\n\"'") {
			return fmt.Errorf("--build-tags %q: give build tags separated by commas", strings.Join(f.buildTags, ","))
		}
	}

	// Under --staged the arguments are files of the index, not scan roots.
	var stagedNames []string
	if f.staged {
		stagedNames, args = args, nil
	}
	root, args, err := scanRoot(env.Dir, args)
	if err != nil {
		return err
	}
	reportRoot := root
	fingerprintRoot := ""
	var scope *diffscope.Scope
	if f.staged {
		st, err := stagedTree(ctx, env.Dir, stagedNames)
		if err != nil {
			return err
		}
		defer st.cleanup()
		if len(st.files) == 0 {
			if !f.quiet {
				fmt.Fprintln(env.Stderr, "tokenvet: no staged files to scan")
			}
			return nil
		}
		root, args, reportRoot, fingerprintRoot = st.dir, st.dirs, st.top, st.dir
		scope = diffscope.Files(st.files)
	}
	switch {
	case f.newFromRev != "":
		if scope, err = diffscope.FromRev(ctx, root, f.newFromRev); err != nil {
			return fmt.Errorf("--new-from-rev: %v", err)
		}
		if err := scope.CheckPaths(root); err != nil {
			return fmt.Errorf("--new-from-rev: %v", err)
		}
	case f.newFromPatch != "":
		fh, err := os.Open(f.newFromPatch)
		if err != nil {
			return fmt.Errorf("--new-from-patch: %v", err)
		}
		scope, err = diffscope.ParsePatch(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("--new-from-patch %s: %v", f.newFromPatch, err)
		}
		if err := scope.CheckPaths(root); err != nil {
			return fmt.Errorf("--new-from-patch %s: %v", f.newFromPatch, err)
		}
	}
	var base *baseline.Baseline
	if f.baseline != "" {
		if base, err = baseline.Load(f.baseline); err != nil {
			return err
		}
		if base.Legacy() && !f.quiet {
			fmt.Fprintf(env.Stderr, "tokenvet: %s is a version 1 baseline, whose fingerprints hash the raw line, secrets included; it still works, but write it again with --write-baseline %s and commit the new file\n", report.Terminal(f.baseline), report.Terminal(f.baseline))
		}
	}
	cfg, err := config.Load(f.config, root)
	if err != nil {
		return err
	}
	// The Go analyzers read the process-wide token model; the names the
	// -ANALYZER.names flags gave are kept.
	// --exclude adds to the config's patterns; both go through the same
	// matcher, for the walk and for Go findings alike.
	cfg.Exclude = append(cfg.Exclude, f.exclude...)
	tokenmodel.AddNames(cfg.Tokens.Names)
	// And the process-wide library models, once, before any analysis.
	if err := model.UseDirs(append(cfg.ResolvedModels(), f.models...)...); err != nil {
		return fmt.Errorf("models: %v", err)
	}
	failOn := rules.SeverityWarning
	if cfg.FailOn != nil {
		failOn = *cfg.FailOn
	}
	if f.failOn != "" {
		if failOn, err = rules.ParseSeverity(f.failOn); err != nil {
			return fmt.Errorf("--fail-on: %v", err)
		}
	}
	// The config's analyzer settings, unless the command line gave them.
	for name, v := range cfg.AnalyzerFlags() {
		if fl := cmd.Flags().Lookup(name); fl != nil && !fl.Changed {
			if err := fl.Value.Set(v); err != nil {
				return fmt.Errorf("config %s: %v", name, err)
			}
		}
	}
	tests := f.tests
	if cfg.Tests != nil && !cmd.Flags().Changed("tests") {
		tests = *cfg.Tests
	}
	// The flag decides over the config, and for every engine: the
	// engines are built from cfg below, and the walk reads it too.
	if cmd.Flags().Changed("include-minified") {
		cfg.IncludeMinified = &f.includeMinified
	}
	includeGenerated := f.includeGenerated
	if cfg.IncludeGenerated != nil && !cmd.Flags().Changed("include-generated") {
		includeGenerated = *cfg.IncludeGenerated
	}
	var minConf secrets.Confidence
	if f.minConf != "" {
		var ok bool
		if minConf, ok = secrets.ParseConfidence(f.minConf); !ok {
			return fmt.Errorf("--min-confidence: %q is not one of high, medium, low", f.minConf)
		}
	}
	var maxFileSize int64
	if cfg.MaxFileSize != nil {
		maxFileSize = int64(*cfg.MaxFileSize)
	}
	if f.maxFileSize != "" {
		if maxFileSize, err = config.ParseByteSize(f.maxFileSize); err != nil {
			return fmt.Errorf("--max-file-size: %v", err)
		}
	}

	var analyzers []*analysis.Analyzer
	for _, a := range env.Analyzers {
		if *f.analyzerOn[a.Name] {
			analyzers = append(analyzers, a)
		}
	}
	var engines []scan.FileEngine
	if env.Engines != nil {
		if engines, err = env.Engines(cfg); err != nil {
			return err
		}
	}
	// Secret types come from the scanner's rule set, which the config's
	// secrets.config extends: only now can their ids be checked.
	if err := checkSecretTypes(engines, "--enable/--disable", append(append([]string(nil), f.enable...), f.disable...)); err != nil {
		return err
	}
	if err := checkSecretTypes(engines, "config "+cfg.Path, cfg.SecretTypeIDs()); err != nil {
		return err
	}

	prog := newProgress(env, f.quiet)
	rep, err := scan.Run(ctx, scan.Options{
		Root: root, Args: args, Analyzers: analyzers, Engines: engines, Config: cfg,
		Enable: f.enable, Disable: f.disable, Tests: tests, IncludeGenerated: includeGenerated, MinConfidence: minConf, Jobs: f.jobs, Redact: !f.noRedact,
		MaxFileSize: maxFileSize, IndexSnapshot: f.staged, BuildTags: f.buildTags,
		Progress: prog.printf, Scope: scope, Baseline: base, FingerprintRoot: fingerprintRoot,
		Fix: f.fix || f.diff, CacheDir: cacheDir(f.noCache),
	})
	prog.done()
	if ctx.Err() != nil {
		return stopped(ctx, f.timeout) // no report from an interrupted scan
	}
	if err != nil {
		return err
	}

	var diff *bytes.Buffer
	if rep.Fixes != nil {
		if diff, err = applyFixes(env, rep, root, f); err != nil {
			return err
		}
	}
	out, err := render(format, rep, f, reportRoot, !f.noColor && env.StdoutTTY && f.output == "" && os.Getenv("NO_COLOR") == "")
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return stopped(ctx, f.timeout)
	}
	// Every file is written whole or not at all (writeOutput); a link at
	// the name is replaced, never written through.
	var links []string
	write := func(path string, data []byte) error {
		link, err := writeOutput(path, data)
		if link {
			links = append(links, path)
		}
		return err
	}
	for _, x := range extra {
		b, err := render(x.format, rep, f, reportRoot, false)
		if err == nil {
			err = write(x.file, b.Bytes())
		}
		if err != nil {
			return fmt.Errorf("--also %s=%s: %v", x.format, x.file, err)
		}
	}
	if f.writeBaseline != "" {
		var b bytes.Buffer
		if err := baseline.Write(&b, rep.Findings); err != nil {
			return err
		}
		if err := write(f.writeBaseline, b.Bytes()); err != nil {
			return fmt.Errorf("--write-baseline: %v", err)
		}
	}
	if f.output != "" {
		if err := write(f.output, out.Bytes()); err != nil {
			return fmt.Errorf("writing the report: %w (any previous report at %s is unchanged)", err, f.output)
		}
	}
	if diff != nil {
		out = diff // standard output holds the diff, for git apply
	}
	if f.output == "" || diff != nil {
		if _, err := env.Stdout.Write(out.Bytes()); err != nil {
			return err
		}
	}
	for _, l := range links {
		fmt.Fprintf(env.Stderr, "tokenvet: %s was a symbolic link; it now holds the report (the file it pointed to was not touched)\n", report.Terminal(l))
	}
	if !f.quiet && (format != "text" || f.output != "" || f.diff) {
		// Machine formats keep stdout clean; people still get a tally.
		suppressed := 0
		for _, x := range rep.Findings {
			if x.Suppression != nil {
				suppressed++
			}
		}
		if len(rep.Problems) > 0 && (format != "text" || f.diff && f.output == "") {
			fmt.Fprintln(env.Stderr, "partly analysed:")
			report.WriteProblems(env.Stderr, rep.Problems)
		}
		fmt.Fprintln(env.Stderr, report.Summary(rep, suppressed))
		if f.output != "" {
			fmt.Fprintf(env.Stderr, "tokenvet: wrote %s report to %s\n", format, report.Terminal(f.output))
		}
	}
	if f.writeBaseline != "" {
		if !f.quiet {
			fmt.Fprintf(env.Stderr, "tokenvet: wrote the baseline to %s; later scans with --baseline %s count only new findings\n", report.Terminal(f.writeBaseline), report.Terminal(f.writeBaseline))
		}
		return nil
	}
	if rep.Failing(failOn) {
		return errFindings
	}
	return nil
}

// render writes the report in one format.
func render(format string, rep *report.Report, f *scanFlags, root string, color bool) (*bytes.Buffer, error) {
	var out bytes.Buffer
	var err error
	switch format {
	case "text":
		err = report.WriteText(&out, rep, report.TextOptions{Color: color, Verbose: f.verbose})
	case "json":
		err = report.WriteJSON(&out, rep, version.Version())
	case "github":
		err = report.WriteGitHub(&out, rep)
	case "sarif":
		err = sarif.Write(&out, sarif.Input{
			Findings: rep.Findings, ToolVersion: version.Version(), SemanticVersion: version.Version(),
			Category: f.category, Rules: rep.Rules, SecretTypes: rep.SecretTypes, ScanRoot: root, Notifications: notifications(rep),
		})
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	return &out, err
}

type alsoReport struct{ format, file string }

// parseAlso reads --also FORMAT=FILE values.
func parseAlso(vals []string) ([]alsoReport, error) {
	var out []alsoReport
	for _, v := range vals {
		format, file, ok := strings.Cut(v, "=")
		format = strings.ToLower(format)
		switch {
		case !ok || file == "":
			return nil, fmt.Errorf("--also %q: use FORMAT=FILE, e.g. sarif=tokenvet.sarif", v)
		case format != "text" && format != "json" && format != "sarif" && format != "github":
			return nil, fmt.Errorf("--also %q: format must be text, json, sarif or github", v)
		}
		out = append(out, alsoReport{format, file})
	}
	return out, nil
}

// scanRoot decides which directory paths are reported relative to: the
// working directory, unless the one directory named lies outside it (a
// checkout scanned from elsewhere), in which case that directory (for a
// file outside it, the file's directory). SARIF
// URIs must be relative to the repository root for code scanning, and a
// user runs tokenvet either from that root or on it.
func scanRoot(wd string, args []string) (string, []string, error) {
	if len(args) == 1 {
		p := strings.TrimSuffix(strings.TrimSuffix(args[0], "..."), "/")
		if p == "" {
			p = "."
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		p = filepath.Clean(p)
		if st, err := os.Stat(p); err == nil {
			// A file is reported relative to its directory, as a
			// directory is to itself.
			dir := p
			if !st.IsDir() {
				dir = filepath.Dir(p)
			}
			if rel, err := filepath.Rel(wd, dir); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
				if !st.IsDir() {
					return dir, []string{p}, nil
				}
				return p, nil, nil
			}
		}
	}
	return wd, args, nil
}

func notifications(rep *report.Report) []sarif.Notification {
	out := sarif.ProblemNotifications(rep.Problems)
	// A file read but not analysed by an engine is a gap in the
	// analysis, not a failure of the run.
	for _, n := range rep.NotAnalysed {
		out = append(out, sarif.Notification{Level: "note", Message: "read, " + n.Reason, File: n.File})
	}
	for _, n := range rep.Stats.Notes {
		out = append(out, sarif.Notification{Level: "note", Message: n})
	}
	return out
}

// progress prints what the scan is doing on stderr, for people at a
// terminal only: CI logs and redirected output stay clean.
type progress struct {
	mu      sync.Mutex
	enabled bool
	env     *Env
	start   time.Time
	last    string
}

func newProgress(env *Env, quiet bool) *progress {
	return &progress{enabled: env.StderrTTY && !quiet, env: env, start: time.Now()}
}

func (p *progress) printf(format string, args ...any) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	msg := report.Terminal(fmt.Sprintf(format, args...))
	if len(msg) > 100 {
		cut := 97
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "..."
	}
	fmt.Fprintf(p.env.Stderr, "\r\x1b[K%5.1fs %s", time.Since(p.start).Seconds(), msg)
	p.last = msg
}

func (p *progress) done() {
	if p.enabled && p.last != "" {
		fmt.Fprint(p.env.Stderr, "\r\x1b[K")
	}
}

// cacheDir is where the Go loader keeps dependencies' types between
// scans: tokenvet's directory in the user cache directory, like the go
// command's build cache; "" (no cache) with --no-cache or when the
// system has no such directory.
func cacheDir(noCache bool) string {
	if noCache {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "tokenvet")
}
