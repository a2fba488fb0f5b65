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
// Diagnostics honour //tokenvet:ignore comments, as under go vet, and
// carry the rule id as their category.
package golangci

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/internal/vettool"
	"github.com/tokenvet/tokenvet/rules"
)

func init() {
	register.Plugin("tokenvet", New)
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
	analyzers []*analysis.Analyzer
}

// New decodes the settings and selects and configures the analyzers.
// Unknown rule ids and flags are errors, so a typo does not silently
// turn a check off.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("tokenvet settings: %w", err)
	}
	return newPlugin(s, analyzers.All())
}

func newPlugin(s Settings, all []*analysis.Analyzer) (*Plugin, error) {
	for _, id := range append(slices.Clone(s.Enable), s.Disable...) {
		if _, ok := rules.Lookup(id); !ok {
			return nil, fmt.Errorf("tokenvet settings: unknown rule id %q in enable/disable; `tokenvet rules` lists the ids", id)
		}
	}
	byName := map[string]*analysis.Analyzer{}
	var selected []*analysis.Analyzer
	for _, a := range all {
		byName[a.Name] = a
		id, _ := scan.RuleOfAnalyzer(a)
		if (len(s.Enable) > 0 && !slices.Contains(s.Enable, id)) || slices.Contains(s.Disable, id) {
			continue
		}
		selected = append(selected, a)
	}
	for key, value := range s.Flags {
		name, flag, ok := strings.Cut(key, ".")
		a := byName[name]
		if !ok || a == nil {
			return nil, fmt.Errorf("tokenvet settings: flag %q: use ANALYZER.FLAG with an analyzer of tokenvet", key)
		}
		if err := a.Flags.Set(flag, value); err != nil {
			return nil, fmt.Errorf("tokenvet settings: flag %q: %v", key, err)
		}
	}
	return &Plugin{analyzers: vettool.WithSuppression(selected)}, nil
}

// BuildAnalyzers returns the selected analyzers.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers resolve calls to
// the JWT libraries' functions by their types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
