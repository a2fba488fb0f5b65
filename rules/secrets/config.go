package secrets

import (
	_ "embed"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/rs/zerolog"
	"github.com/spf13/viper"
	glconfig "github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"
)

//go:embed tokenvet.toml
var tokenvetRules string

// source is one layer of rules: gitleaks' defaults, tokenvet's own, or the
// user's file.
type source struct {
	name string // file name for errors
	text string
}

var (
	quietOnce sync.Once

	defaultOnce    sync.Once
	defaultScanner *Scanner
	defaultErr     error

	// buildMu serialises detector construction: gitleaks' Translate reads
	// global viper state. Scans never take it.
	buildMu sync.Mutex
	userMu  sync.Mutex
	user    = map[string]*Scanner{}
)

// silence turns gitleaks' logger off; it would otherwise write to stderr
// from inside the scan, secrets included at trace level.
func silence() {
	quietOnce.Do(func() { logging.Logger = zerolog.Nop() })
}

// Default returns the scanner with gitleaks' default rules and tokenvet's
// own. It is built once and safe for concurrent use.
func Default() (*Scanner, error) {
	defaultOnce.Do(func() {
		defaultScanner, defaultErr = build(nil)
	})
	return defaultScanner, defaultErr
}

// Load returns a scanner with the default rules extended by the
// gitleaks-format TOML file at path (an empty path gives Default). Rules
// in the file override default rules with the same id; an
// `[extend] disabledRules` list turns default rules off. Scanners are
// cached by path. An invalid file is an error naming the file, the rule
// and the cause, never a panic.
func Load(path string) (*Scanner, error) {
	if path == "" {
		return Default()
	}
	userMu.Lock()
	defer userMu.Unlock()
	if s, ok := user[path]; ok {
		return s, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("secrets config: %w", err)
	}
	s, err := build(&source{name: path, text: string(data)})
	if err != nil {
		return nil, err
	}
	user[path] = s
	return s, nil
}

// Parse builds a scanner from gitleaks-format TOML text layered over the
// defaults; name is used in errors. Unlike Load it does not cache.
func Parse(name, text string) (*Scanner, error) {
	return build(&source{name: name, text: text})
}

// gitleaksEnd is how most of gitleaks' provider rules end a token: a
// quote, a backtick, a blank, a semicolon, an escaped line break or the
// end of the text. A token followed by anything else is not matched, so
// those in XML and HTML (<key>ghp_…</key>), CSV rows, call arguments,
// arrays and URL queries (…?token=…&next=) are lost, and so are those
// before an escaped quote (\"ghp_…\" in a string of JSON). widerEnd adds
// those delimiters and any backslash; none of them can be part of the
// formats the rules match.
const (
	gitleaksEnd = `(?:[\x60'"\s;]|\\[nr]|$)`
	widerEnd    = `(?:[\x60'"\s;,)<>\]}&|\\]|$)`
)

// widenTerminators rewrites gitleaks' token endings (gitleaksEnd) in
// its default provider rules to widerEnd. The generic rules keep theirs:
// their value is whatever follows a keyword, and in code a `,` or `)`
// after it ends an argument list (hash(user.password, SHAKE256_LENGTH)),
// not a secret.
func widenTerminators(config string) string {
	blocks := strings.Split(config, "[[rules]]")
	for i, b := range blocks {
		if i == 0 || strings.Contains(b[:min(len(b), 200)], "generic") {
			continue
		}
		blocks[i] = strings.ReplaceAll(b, gitleaksEnd, widerEnd)
	}
	return strings.Join(blocks, "[[rules]]")
}

func build(extra *source) (*Scanner, error) {
	silence()
	buildMu.Lock()
	defer buildMu.Unlock()
	layers := []source{
		{name: "gitleaks default rules", text: widenTerminators(glconfig.DefaultConfig)},
		{name: "tokenvet rules", text: tokenvetRules},
	}
	if extra != nil {
		layers = append(layers, *extra)
	}
	merged := glconfig.Config{Rules: map[string]glconfig.Rule{}, Keywords: map[string]struct{}{}}
	for _, l := range layers {
		vc, err := decode(l)
		if err != nil {
			return nil, err
		}
		for _, id := range vc.Extend.DisabledRules {
			delete(merged.Rules, id)
		}
		if vc.Extend.Path != "" || vc.Extend.URL != "" {
			return nil, fmt.Errorf("%s: [extend] path/url is not supported: tokenvet always layers the file over its default rules", l.name)
		}
		// useDefault is what tokenvet does anyway; gitleaks' own handling
		// of it goes through global viper, so clear it.
		vc.Extend = glconfig.Extend{}
		stubs := stubTargets(vc)
		cfg, err := translate(l.name, vc)
		if err != nil {
			return nil, err
		}
		// An [[allowlists]] entry with targetRules may name rules of an
		// earlier layer (tokenvet's allowlists for gitleaks' rules); they
		// were translated onto stand-ins, and move to the real rules now.
		for _, id := range stubs {
			r, ok := merged.Rules[id]
			if !ok {
				return nil, fmt.Errorf("%s: [[allowlists]] target rule %q does not exist", l.name, id)
			}
			r.Allowlists = append(slices.Clone(r.Allowlists), cfg.Rules[id].Allowlists...)
			merged.Rules[id] = r
			delete(cfg.Rules, id)
		}
		for id, r := range cfg.Rules {
			merged.Rules[id] = r
		}
		merged.Allowlists = append(merged.Allowlists, cfg.Allowlists...)
	}
	// Keywords are recomputed from the rules that survived, so a disabled
	// rule's keywords do not cost prefilter hits.
	for _, r := range merged.Rules {
		for _, k := range r.Keywords {
			merged.Keywords[k] = struct{}{}
		}
	}
	for id := range merged.Rules {
		merged.OrderedRules = append(merged.OrderedRules, id)
	}
	return newScanner(configure(detect.NewDetector(merged))), nil
}

// stubRegex marks the stand-in rules stubTargets adds.
const stubRegex = `\A\z tokenvet-allowlist-target`

// stubTargets adds a stand-in rule to vc for each rule that one of its
// targeted allowlists names but vc does not define, so that gitleaks'
// Translate accepts the allowlist; it returns their ids.
func stubTargets(vc *glconfig.ViperConfig) []string {
	defined := map[string]bool{}
	for _, r := range vc.Rules {
		defined[r.ID] = true
	}
	var ids []string
	for _, a := range vc.Allowlists {
		for _, id := range a.TargetRules {
			if defined[id] {
				continue
			}
			defined[id] = true
			ids = append(ids, id)
			// The element type is an unnamed struct with unexported field
			// types: build one by reflection.
			rules := reflect.ValueOf(&vc.Rules).Elem()
			stub := reflect.New(rules.Type().Elem()).Elem()
			stub.FieldByName("ID").SetString(id)
			stub.FieldByName("Regex").SetString(stubRegex)
			rules.Set(reflect.Append(rules, stub))
		}
	}
	return ids
}

// decode reads TOML into gitleaks' intermediate config through a private
// viper instance: the global one is left alone.
func decode(l source) (*glconfig.ViperConfig, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(l.text)); err != nil {
		return nil, fmt.Errorf("%s: invalid TOML: %v", l.name, err)
	}
	var vc glconfig.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return nil, fmt.Errorf("%s: %v", l.name, err)
	}
	for i, r := range vc.Rules {
		id := r.ID
		if id == "" {
			return nil, fmt.Errorf("%s: rule %d has no id", l.name, i+1)
		}
		if err := checkRegex(r.Regex); err != nil {
			return nil, fmt.Errorf("%s: rule %s: regex: %v", l.name, id, err)
		}
		if err := checkRegex(r.Path); err != nil {
			return nil, fmt.Errorf("%s: rule %s: path: %v", l.name, id, err)
		}
		lists := r.Allowlists
		if r.AllowList != nil {
			lists = append(lists, r.AllowList)
		}
		for _, a := range lists {
			for _, re := range append(append([]string(nil), a.Regexes...), a.Paths...) {
				if err := checkRegex(re); err != nil {
					return nil, fmt.Errorf("%s: rule %s: allowlist: %v", l.name, id, err)
				}
			}
		}
	}
	return &vc, nil
}

// checkRegex compiles re with the standard library, whose syntax the
// default build of gitleaks uses: gitleaks itself would panic.
func checkRegex(re string) error {
	if re == "" {
		return nil
	}
	_, err := regexp.Compile(re)
	return err
}

// translate runs gitleaks' Translate, turning a panic (a regex it could
// not compile despite checkRegex, say) into an error.
func translate(name string, vc *glconfig.ViperConfig) (cfg glconfig.Config, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", name, r)
		}
	}()
	cfg, err = vc.Translate()
	if err != nil {
		return cfg, fmt.Errorf("%s: %v", name, err)
	}
	return cfg, nil
}
