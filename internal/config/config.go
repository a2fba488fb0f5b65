// Package config reads .tokenvet.yml, the per-repository configuration.
//
//	# .tokenvet.yml
//	fail-on: warning          # error | warning | note | none
//	tests: false              # include _test.go files in Go rules
//	exclude:                  # gitignore-style patterns, relative to the root
//	  - testdata/fixtures/
//	rules:
//	  jwt-none-alg:
//	    severity: error       # error | warning | note
//	  token-logged:
//	    enabled: false
//	tokens:
//	  names: [partner_sig]    # extra names of token-holding values and keys
//	web:
//	  include-minified: false # scan minified JS bundles too
//
// Unknown keys are errors: a misspelt key would otherwise silently change
// nothing, which in a security scanner reads as "all clear".
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/rules"
)

// FileName is the configuration file looked up at the scan root.
const FileName = ".tokenvet.yml"

// Config is the parsed configuration file.
type Config struct {
	// FailOn is the lowest severity that makes the scan exit 1.
	FailOn *rules.Severity `yaml:"fail-on"`
	// Tests includes _test.go files in the Go rules.
	Tests *bool `yaml:"tests"`
	// Exclude lists gitignore-syntax patterns of paths not to scan.
	Exclude []string `yaml:"exclude"`
	// Rules overrides per rule id.
	Rules map[string]RuleConfig `yaml:"rules"`
	// Tokens extends the model of which values are tokens.
	Tokens TokensConfig `yaml:"tokens"`
	// Web configures the browser-code engine.
	Web WebConfig `yaml:"web"`

	// Path is the file the configuration was read from ("" for defaults).
	Path string `yaml:"-"`
}

// RuleConfig turns a rule off or changes its severity.
type RuleConfig struct {
	Enabled  *bool           `yaml:"enabled"`
	Severity *rules.Severity `yaml:"severity"`
}

// TokensConfig extends internal/tokenmodel for this repository.
type TokensConfig struct {
	// Names are extra names of values, keys and cookies that hold tokens
	// ("partner_sig"), matched ignoring case and _ - . separators.
	Names []string `yaml:"names"`
}

// WebConfig configures the browser-code engine (rules/web).
type WebConfig struct {
	// IncludeMinified scans minified bundles, which are skipped (and
	// counted in the summary) by default.
	IncludeMinified bool `yaml:"include-minified"`
}

// Load reads the configuration at path. When path is empty it looks for
// FileName in root and returns an empty Config if there is none.
func Load(path, root string) (*Config, error) {
	explicit := path != ""
	if !explicit {
		path = filepath.Join(root, FileName)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return &Config{}, nil
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	c.Path = path
	return c, nil
}

// Parse decodes and validates configuration text.
func Parse(data []byte) (*Config, error) {
	c := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%v (keys allowed: fail-on, tests, exclude, rules.<id>.enabled, rules.<id>.severity, tokens.names, web.include-minified)", err)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate() error {
	if err := tokenmodel.Validate(c.Tokens.Names); err != nil {
		return fmt.Errorf("tokens.names: %v", err)
	}
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, ok := rules.Lookup(id); !ok {
			return fmt.Errorf("rules: unknown rule id %q; `tokenvet rules` lists the ids", id)
		}
		if s := c.Rules[id].Severity; s != nil && *s == rules.SeverityNone {
			return fmt.Errorf("rules.%s.severity: none is not a severity; use enabled: false to turn the rule off", id)
		}
	}
	return nil
}

// Enabled reports whether the configuration leaves rule id on.
func (c *Config) Enabled(id string) bool {
	if rc, ok := c.Rules[id]; ok && rc.Enabled != nil {
		return *rc.Enabled
	}
	return true
}

// Severity returns the configured severity of rule id, or def.
func (c *Config) Severity(id string, def rules.Severity) rules.Severity {
	if rc, ok := c.Rules[id]; ok && rc.Severity != nil {
		return *rc.Severity
	}
	return def
}
