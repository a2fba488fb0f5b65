// Package golangci is tokenvet's golangci-lint v2 module plugin: it
// registers the linter "tokenvet", which runs tokenvet's Go analyzers
// inside golangci-lint. Build a golangci-lint that includes it with
// `golangci-lint custom` and a .custom-gcl.yml naming this package (see
// README, "golangci-lint").
//
// Settings (linters.settings.custom.tokenvet.settings in .golangci.yml):
//
//	enable:  [jwt-none-alg]        # run only these rule ids
//	disable: [jwt-long-lifetime]   # turn these rule ids off
//	flags:                         # analyzer flags, named as under go vet
//	  jwtlonglifetime.max: 24h
//
// Every message starts with the id of the rule that fired
// ("jwt-none-alg: token signed with the none algorithm …"), so that
// golangci-lint's exclusion rules can name rules by id; the rule id is
// also the diagnostic's category. Diagnostics honour //tokenvet:ignore
// comments, as under go vet.
//
// The plugin runs every Go analyzer except hardcodedtoken (rule
// hardcoded-token): its rules are gitleaks', and gitleaks' config and
// detect packages link viper, archive readers and terminal styling, some
// 350 packages that every golangci-lint built with the plugin would
// compile and that golangci-lint's own dependencies have clashed with.
// `tokenvet scan` and `go vet -vettool=$(which tokenvet)` find hard-coded
// secrets, in Go and in every other file.
package golangci

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/analyzers/jwtalgnotpinned"
	"github.com/tokenvet/tokenvet/analyzers/jwtdeprecatedlibrary"
	"github.com/tokenvet/tokenvet/analyzers/jwthardcodedkey"
	"github.com/tokenvet/tokenvet/analyzers/jwtlonglifetime"
	"github.com/tokenvet/tokenvet/analyzers/jwtmissingexp"
	"github.com/tokenvet/tokenvet/analyzers/jwtnonealg"
	"github.com/tokenvet/tokenvet/analyzers/jwtunverifiedparse"
	"github.com/tokenvet/tokenvet/analyzers/tokencookieinsecure"
	"github.com/tokenvet/tokenvet/analyzers/tokeninquery"
	"github.com/tokenvet/tokenvet/analyzers/tokenlogged"
	"github.com/tokenvet/tokenvet/analyzers/tokenoverhttp"
	"github.com/tokenvet/tokenvet/internal/suppress"
	"github.com/tokenvet/tokenvet/rules"
)

// linterName is the plugin's name in .golangci.yml and .custom-gcl.yml.
const linterName = "tokenvet"

func init() {
	register.Plugin(linterName, New)
}

// pluginAnalyzers are the analyzers the plugin runs: analyzers.All(), in
// its order, less hardcodedtoken (see the package comment). The list is
// written out, not filtered from analyzers.All(), because importing that
// package links gitleaks; a test keeps the two in step.
func pluginAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		jwtnonealg.Analyzer,
		jwtunverifiedparse.Analyzer,
		jwtalgnotpinned.Analyzer,
		jwtmissingexp.Analyzer,
		jwtlonglifetime.Analyzer,
		jwthardcodedkey.Analyzer,
		jwtdeprecatedlibrary.Analyzer,
		tokeninquery.Analyzer,
		tokenoverhttp.Analyzer,
		tokencookieinsecure.Analyzer,
		tokenlogged.Analyzer,
	}
}

// Settings are the plugin's settings from .golangci.yml.
type Settings struct {
	// Enable, when not empty, limits the linter to these rule ids.
	Enable []string `json:"enable"`
	// Disable turns these rule ids off.
	Disable []string `json:"disable"`
	// Flags sets analyzer flags, keyed "analyzer.flag" as go vet
	// spells them (`tokenvet help` lists them under scan).
	Flags map[string]string `json:"flags"`
}

// Plugin is the golangci-lint linter plugin.
type Plugin struct {
	// analyzers are the selected analyzers, wrapped to honour
	// tokenvet:ignore; linter runs them as golangci-lint's one analyzer.
	analyzers []*analysis.Analyzer
	linter    *analysis.Analyzer
}

// New decodes the settings and selects and configures the analyzers.
// Unknown rule ids and flags are errors, so a typo does not silently
// turn a check off.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("tokenvet settings: %w", err)
	}
	return newPlugin(s, pluginAnalyzers())
}

// secretsHint tells a user asking for hardcoded-token where it runs.
const secretsHint = "the golangci-lint plugin does not run rule hardcoded-token (it would link gitleaks); `tokenvet scan` and `go vet -vettool=$(which tokenvet)` do"

func newPlugin(s Settings, all []*analysis.Analyzer) (*Plugin, error) {
	for _, id := range append(slices.Clone(s.Enable), s.Disable...) {
		if _, ok := rules.Lookup(id); !ok {
			return nil, fmt.Errorf("tokenvet settings: unknown rule id %q in enable/disable; `tokenvet rules` lists the ids", id)
		}
	}
	if slices.Contains(s.Enable, rules.HardcodedToken) {
		return nil, fmt.Errorf("tokenvet settings: enable: %s", secretsHint)
	}
	byName := map[string]*analysis.Analyzer{}
	var selected []*analysis.Analyzer
	for _, a := range all {
		byName[a.Name] = a
		id, _ := rules.OfAnalyzer(a.Name)
		if (len(s.Enable) > 0 && !slices.Contains(s.Enable, id)) || slices.Contains(s.Disable, id) {
			continue
		}
		selected = append(selected, a)
	}
	for key, value := range s.Flags {
		name, flag, ok := strings.Cut(key, ".")
		a := byName[name]
		if ok && a == nil {
			if id, known := rules.OfAnalyzer(name); known && id == rules.HardcodedToken {
				return nil, fmt.Errorf("tokenvet settings: flag %q: %s", key, secretsHint)
			}
		}
		if !ok || a == nil {
			return nil, fmt.Errorf("tokenvet settings: flag %q: use ANALYZER.FLAG with an analyzer of tokenvet", key)
		}
		if err := a.Flags.Set(flag, value); err != nil {
			return nil, fmt.Errorf("tokenvet settings: flag %q: %v", key, err)
		}
	}
	wrapped := suppress.Analyzers(selected)
	linter, err := combine(wrapped)
	if err != nil {
		return nil, err
	}
	return &Plugin{analyzers: wrapped, linter: linter}, nil
}

// combine returns one analyzer, named like the linter, that runs the
// given analyzers on each package and starts every message with the
// rule id. golangci-lint writes "<analyzer name>: " in front of the
// message of each analyzer not named like its linter, so separate
// analyzers would read "jwtnonealg: …", a name exclusion rules and
// tokenvet:ignore comments do not use.
func combine(as []*analysis.Analyzer) (*analysis.Analyzer, error) {
	var requires []*analysis.Analyzer
	var ids []string
	for _, a := range as {
		// Facts are exported per analyzer; a combined one would mix
		// them up. No tokenvet analyzer has facts today.
		if len(a.FactTypes) > 0 {
			return nil, fmt.Errorf("tokenvet plugin: analyzer %s has facts, which it cannot run combined", a.Name)
		}
		for _, r := range a.Requires {
			if !slices.Contains(requires, r) {
				requires = append(requires, r)
			}
		}
		id, _ := rules.OfAnalyzer(a.Name)
		ids = append(ids, id)
	}
	run := func(pass *analysis.Pass) (any, error) {
		var errs []error
		for i, a := range as {
			if !a.RunDespiteErrors && len(pass.TypeErrors) > 0 {
				continue
			}
			sub := *pass
			sub.Analyzer = a
			sub.Report = func(d analysis.Diagnostic) {
				d.Message = cmp.Or(d.Category, ids[i]) + ": " + d.Message
				// golangci-lint reports each related location as an issue
				// of its own ("tokenvet(related information): …"), without
				// the rule id exclusions match on: the flow steps stay in
				// tokenvet scan's JSON and SARIF, and in go vet's output.
				d.Related = nil
				pass.Report(d)
			}
			if err := runGuarded(a, &sub); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", a.Name, err))
			}
		}
		return nil, errors.Join(errs...)
	}
	return &analysis.Analyzer{
		Name:             linterName,
		Doc:              "tokenvet: bearer-token misuse in Go code\n\nRuns tokenvet's rules " + strings.Join(ids, ", ") + ". Each message starts with its rule id.",
		URL:              rules.DocsURL,
		Requires:         requires,
		RunDespiteErrors: true,
		Run:              run,
	}, nil
}

// runGuarded runs one analyzer, turning a panic into an error: combined,
// a panic in one would otherwise lose the others' findings in the
// package, since golangci-lint recovers only around the whole analyzer.
func runGuarded(a *analysis.Analyzer, pass *analysis.Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	_, err = a.Run(pass)
	return err
}

// BuildAnalyzers returns the one analyzer that runs the selected rules.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.linter}, nil
}

// GetLoadMode asks for type information: the analyzers resolve calls to
// the JWT libraries' functions by their types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
