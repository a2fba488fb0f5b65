// Package config reads .tokenvet.yml, the per-repository configuration.
//
//	# .tokenvet.yml
//	fail-on: warning          # error | warning | note | none
//	tests: false              # include test code: _test.go files, JS/TS test files, secrets in fixtures
//	exclude:                  # gitignore-style patterns, relative to the root
//	  - testdata/fixtures/
//	max-file-size: 5MiB       # larger files are skipped (and counted)
//	include-minified: false   # scan minified bundles and source maps too
//	include-generated: false  # report Go findings in generated files too
//	rules:
//	  jwt-none-alg:
//	    severity: error       # error | warning | note
//	  token-logged:
//	    enabled: false
//	  hardcoded-token/generic-api-key:  # one secret type of hardcoded-token
//	    severity: warning
//	enable: [hardcoded-token, jwt-none-alg]   # run only these (as --enable)
//	disable: [hardcoded-token/jwt]            # turn these off (as --disable)
//	jwt:
//	  max-lifetime: 24h            # jwt-long-lifetime limit (Go duration)
//	  refresh-max-lifetime: 2160h  # the same for refresh tokens
//	  require-exp: false           # jwt-missing-exp notes for parsers not requiring exp
//	secrets:
//	  config: .gitleaks-extra.toml  # gitleaks-format rules layered over the defaults
//	  max-line-length: 200          # lines longer than this count as long in the minified decision
//	  include-minified: false       # the same as include-minified above
//	tokens:
//	  names: [partner_sig]    # extra names of token-holding values and keys
//	web:
//	  include-minified: false # the same as include-minified above
//	models: [tools/tokenvet-models]  # directories of extra library model files
//
// Unknown keys are errors: a misspelt key would otherwise silently change
// nothing, which in a security scanner reads as "all clear".
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
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
	// MaxFileSize is the largest file the walk reads (nil: the walk's
	// default, 5 MiB).
	MaxFileSize *ByteSize `yaml:"max-file-size"`
	// IncludeMinified scans minified bundles and source maps too. When
	// unset, secrets.include-minified or web.include-minified turns it
	// on: all three mean the same, for every engine (see Minified).
	IncludeMinified *bool `yaml:"include-minified"`
	// IncludeGenerated reports Go findings in generated files ("// Code
	// generated … DO NOT EDIT."), which are left out by default.
	IncludeGenerated *bool `yaml:"include-generated"`
	// Rules overrides per rule id; a hardcoded-token/<type> id
	// overrides one secret type of hardcoded-token.
	Rules map[string]RuleConfig `yaml:"rules"`
	// Enable, when non-empty, runs only these rule ids, as --enable
	// does; a --enable on the command line replaces it. Disable turns
	// rules off, as rules.<id>.enabled: false does. Both take
	// hardcoded-token/<type> ids for one secret type.
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
	// JWT holds the settings of the JWT rules.
	JWT *JWTConfig `yaml:"jwt"`
	// Secrets configures the secret rules (hardcoded-token).
	Secrets Secrets `yaml:"secrets"`
	// Tokens extends the model of which values are tokens.
	Tokens TokensConfig `yaml:"tokens"`
	// Web configures the browser-code engine.
	Web WebConfig `yaml:"web"`
	// Models lists directories of the user's library model files
	// (docs/models.md), relative to the configuration file's directory.
	Models []string `yaml:"models"`

	// Path is the file the configuration was read from ("" for defaults).
	Path string `yaml:"-"`
}

// Secrets configures the hardcoded-token engines.
type Secrets struct {
	// Config is a gitleaks-format TOML file whose rules are layered over
	// the default ones. A relative path is relative to the directory of
	// the configuration file (ResolvedSecretsConfig).
	Config string `yaml:"config"`
	// MaxLineLength is the length from which a line counts as long in
	// the minified decision (0: walk.DefaultLongLine).
	MaxLineLength int `yaml:"max-line-length"`
	// IncludeMinified is Config.IncludeMinified under its older name.
	IncludeMinified bool `yaml:"include-minified"`
}

// ResolvedSecretsConfig returns the secrets TOML path, made absolute
// relative to the configuration file's directory ("" when unset).
func (c *Config) ResolvedSecretsConfig() string {
	p := c.Secrets.Config
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	dir := "."
	if c.Path != "" {
		dir = filepath.Dir(c.Path)
	}
	if abs, err := filepath.Abs(filepath.Join(dir, p)); err == nil {
		return abs
	}
	return filepath.Join(dir, p)
}

// ResolvedModels returns the models directories, relative ones made
// relative to the configuration file's directory as the secrets config is.
func (c *Config) ResolvedModels() []string {
	dir := "."
	if c.Path != "" {
		dir = filepath.Dir(c.Path)
	}
	out := make([]string, len(c.Models))
	for i, m := range c.Models {
		if filepath.IsAbs(m) {
			out[i] = m
		} else {
			out[i] = filepath.Join(dir, m)
		}
	}
	return out
}

// Minified is the minified decision of this configuration, the one the
// walk and every engine apply: a scan that includes minified files
// includes them for all engines, whichever key said so.
func (c *Config) Minified() walk.MinifiedCheck {
	include := c.Secrets.IncludeMinified || c.Web.IncludeMinified
	if c.IncludeMinified != nil {
		include = *c.IncludeMinified
	}
	return walk.MinifiedCheck{Include: include, LongLine: c.Secrets.MaxLineLength}
}

// ByteSize is a size in bytes, written as a number with an optional unit:
// B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), as in
// 20MiB or 500KB.
type ByteSize int64

// UnmarshalText parses a size.
func (b *ByteSize) UnmarshalText(text []byte) error {
	n, err := ParseByteSize(string(text))
	if err != nil {
		return err
	}
	*b = ByteSize(n)
	return nil
}

var byteUnits = []struct {
	suffix string
	size   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"b", 1},
}

// ParseByteSize parses a positive size such as 20MiB, 500KB or 1048576.
func ParseByteSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.size
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || !(n > 0) || n*float64(mult) > float64(math.MaxInt64/2) { // !(n > 0) is also true for NaN
		return 0, fmt.Errorf("%q is not a positive size such as 20MiB, 500KB or 1048576 (units: B, KB, MB, GB, KiB, MiB, GiB)", s)
	}
	return int64(n * float64(mult)), nil
}

// RuleConfig turns a rule off or changes its severity.
type RuleConfig struct {
	Enabled  *bool           `yaml:"enabled"`
	Severity *rules.Severity `yaml:"severity"`
}

// JWTConfig holds the settings of the JWT rules. Each maps onto an
// analyzer flag (see AnalyzerFlags), so that `go vet -vettool` users get
// the same behaviour by passing the flag.
type JWTConfig struct {
	// MaxLifetime is jwt-long-lifetime's limit for access tokens.
	MaxLifetime *Duration `yaml:"max-lifetime"`
	// RefreshMaxLifetime is its limit for refresh tokens.
	RefreshMaxLifetime *Duration `yaml:"refresh-max-lifetime"`
	// RequireExp turns on jwt-missing-exp's notes for golang-jwt v5
	// parsers that do not require exp.
	RequireExp *bool `yaml:"require-exp"`
}

// Duration is a time.Duration written as a Go duration ("24h", "90m").
type Duration time.Duration

// UnmarshalText parses a Go duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("%q is not a Go duration such as 24h or 15m", b)
	}
	*d = Duration(v)
	return nil
}

// AnalyzerFlags returns the analyzer flags (in go vet's -ANALYZER.FLAG
// spelling, without the dash) that the configuration sets, with their
// values.
func (c *Config) AnalyzerFlags() map[string]string {
	out := map[string]string{}
	if c.JWT == nil {
		return out
	}
	if d := c.JWT.MaxLifetime; d != nil {
		out["jwtlonglifetime.max-lifetime"] = time.Duration(*d).String()
	}
	if d := c.JWT.RefreshMaxLifetime; d != nil {
		out["jwtlonglifetime.refresh-max-lifetime"] = time.Duration(*d).String()
	}
	if b := c.JWT.RequireExp; b != nil {
		out["jwtmissingexp.require-exp"] = strconv.FormatBool(*b)
	}
	return out
}

// TokensConfig extends internal/tokenmodel for this repository.
type TokensConfig struct {
	// Names are extra names of values, keys and cookies that hold tokens
	// ("partner_sig"), matched ignoring case and _ - . separators.
	Names []string `yaml:"names"`
}

// WebConfig configures the browser-code engine (rules/web).
type WebConfig struct {
	// IncludeMinified is Config.IncludeMinified under its older name.
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
		return nil, fmt.Errorf("%v (keys allowed: %s; docs/tokenvet.schema.json has their types)", err, keysAllowed())
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate() error {
	if j := c.JWT; j != nil {
		for name, d := range map[string]*Duration{"jwt.max-lifetime": j.MaxLifetime, "jwt.refresh-max-lifetime": j.RefreshMaxLifetime} {
			if d != nil && *d <= 0 {
				return fmt.Errorf("%s: %v must be positive", name, time.Duration(*d))
			}
		}
	}
	if c.Secrets.MaxLineLength < 0 {
		return fmt.Errorf("secrets.max-line-length: %d is negative; use include-minified: true to scan minified files", c.Secrets.MaxLineLength)
	}
	for _, m := range c.Models {
		if m == "" {
			return fmt.Errorf("models: an empty directory name")
		}
	}
	if err := tokenmodel.Validate(c.Tokens.Names); err != nil {
		return fmt.Errorf("tokens.names: %v", err)
	}
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := rules.CheckRuleID(id); err != nil {
			return fmt.Errorf("rules: %v", err)
		}
		if s := c.Rules[id].Severity; s != nil && *s == rules.SeverityNone {
			return fmt.Errorf("rules.%s.severity: none is not a severity; use enabled: false to turn the rule off", id)
		}
	}
	for key, list := range map[string][]string{"enable": c.Enable, "disable": c.Disable} {
		for _, id := range list {
			if err := rules.CheckRuleID(id); err != nil {
				return fmt.Errorf("%s: %v", key, err)
			}
		}
	}
	return nil
}

// SecretTypeIDs returns the hardcoded-token/<type> ids the configuration
// names (rules, enable, disable), so that the caller can check the types
// against the secret scanner's rule set once it is built.
func (c *Config) SecretTypeIDs() []string {
	var out []string
	for _, id := range append(append(slices.Sorted(maps.Keys(c.Rules)), c.Enable...), c.Disable...) {
		if _, ok, _ := rules.ParseSecretRuleID(id); ok {
			out = append(out, id)
		}
	}
	return out
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
