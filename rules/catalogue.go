// Package rules is tokenvet's rule catalogue: the one source of truth for
// rule ids, default severities, CWE mappings and documentation. The
// `tokenvet rules` command, SARIF rule metadata, analyzer Doc strings and
// docs/rules.md are all generated from it.
//
// Rule ids are a public contract: suppression comments, baselines and
// SARIF alerts refer to them, so an id is never renamed or reused.
package rules

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// DocsURL is where docs/rules.md is published; each rule's HelpURI is an
// anchor into it.
const DocsURL = "https://github.com/tokenvet/tokenvet/blob/main/docs/rules.md"

// Example is a code sample in a rule's help text.
type Example struct {
	Lang string // fence language: go, js, yaml …
	Code string
}

// Rule describes one check. Fields map one-to-one onto SARIF
// reportingDescriptor properties, which is why they are shaped that way.
type Rule struct {
	ID    string // stable, kebab-case; the public contract
	Title string // one line, sentence case, no trailing period

	// Short is SARIF shortDescription; Full is fullDescription (≤1024
	// characters, GitHub's limit).
	Short string
	Full  string

	CWE      int
	Severity Severity // default severity; config can override

	// SecuritySeverity is GitHub's 0.1–10.0 score ("9.1"): ≥9 critical,
	// ≥7 high, ≥4 medium.
	SecuritySeverity string
	// Precision is SARIF's precision property: very-high, high, medium, low.
	Precision string

	// Why and Fix are Markdown paragraphs; Bad and Good illustrate them.
	Why  string
	Fix  string
	Bad  Example
	Good Example

	// Secret marks rules whose findings point at secret material: the
	// source text of a Go finding's range is redacted from every output,
	// since go/analysis diagnostics carry no separate secret.
	Secret bool

	// Implementation names the package that implements the rule, relative
	// to the module root ("analyzers/jwtnonealg"). Empty means the id is
	// reserved in the catalogue but no engine reports it yet.
	Implementation string
}

// Implemented reports whether an engine reports this rule.
func (r *Rule) Implemented() bool { return r.Implementation != "" }

// HelpURI is the rule's anchor in the published rule documentation.
func (r *Rule) HelpURI() string { return DocsURL + "#" + r.ID }

// Tags are the SARIF tags: "security" and the CWE reference GitHub
// turns into a link.
func (r *Rule) Tags() []string {
	return []string{"security", fmt.Sprintf("external/cwe/cwe-%d", r.CWE)}
}

// HelpMarkdown is the rule's help text: why it matters, how to fix it,
// and a bad and a good example.
func (r *Rule) HelpMarkdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", r.Full)
	if r.Why != "" {
		fmt.Fprintf(&b, "**Why it matters.** %s\n\n", r.Why)
	}
	if r.Fix != "" {
		fmt.Fprintf(&b, "**How to fix.** %s\n\n", r.Fix)
	}
	if r.Bad.Code != "" {
		fmt.Fprintf(&b, "Bad:\n\n```%s\n%s\n```\n\n", r.Bad.Lang, strings.TrimSpace(r.Bad.Code))
	}
	if r.Good.Code != "" {
		fmt.Fprintf(&b, "Good:\n\n```%s\n%s\n```\n\n", r.Good.Lang, strings.TrimSpace(r.Good.Code))
	}
	fmt.Fprintf(&b, "CWE-%d · default severity %s · precision %s", r.CWE, r.Severity, r.Precision)
	return b.String()
}

// HelpText is HelpMarkdown without Markdown, for SARIF help.text.
func (r *Rule) HelpText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", r.Full)
	if r.Why != "" {
		fmt.Fprintf(&b, "Why it matters: %s\n\n", r.Why)
	}
	if r.Fix != "" {
		fmt.Fprintf(&b, "How to fix: %s\n\n", r.Fix)
	}
	if r.Bad.Code != "" {
		fmt.Fprintf(&b, "Bad:\n%s\n\n", indent(strings.TrimSpace(r.Bad.Code)))
	}
	if r.Good.Code != "" {
		fmt.Fprintf(&b, "Good:\n%s\n\n", indent(strings.TrimSpace(r.Good.Code)))
	}
	fmt.Fprintf(&b, "CWE-%d, default severity %s, precision %s. %s", r.CWE, r.Severity, r.Precision, r.HelpURI())
	return b.String()
}

// AnalyzerDoc is the go/analysis Doc string of a Go analyzer implementing
// the rule: its first line is the title, as `go vet help` expects.
func (r *Rule) AnalyzerDoc() string {
	return fmt.Sprintf("%s\n\n%s\n\nRule id %s (CWE-%d). %s", r.Short, r.Full, r.ID, r.CWE, r.HelpURI())
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

var byID = func() map[string]*Rule {
	m := make(map[string]*Rule, len(catalogue))
	for _, r := range catalogue {
		if _, dup := m[r.ID]; dup {
			panic("rules: duplicate id " + r.ID)
		}
		m[r.ID] = r
	}
	return m
}()

// All returns every rule in the catalogue, implemented or not, sorted by id.
func All() []*Rule {
	out := append([]*Rule(nil), catalogue...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Implemented returns the rules some engine reports, sorted by id.
func Implemented() []*Rule {
	var out []*Rule
	for _, r := range All() {
		if r.Implemented() {
			out = append(out, r)
		}
	}
	return out
}

// Lookup returns the rule with the given id.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

// MustLookup is Lookup for ids fixed at compile time, such as the one an
// analyzer declares; a typo there is a programming error.
func MustLookup(id string) *Rule {
	r, ok := byID[id]
	if !ok {
		panic("rules: unknown rule id " + id)
	}
	return r
}

// OfAnalyzer returns the id of the rule a go/analysis analyzer named
// name implements: analyzers are named after the package that holds
// them, and the catalogue records that package as the Implementation.
func OfAnalyzer(name string) (string, bool) {
	for _, r := range catalogue {
		if r.Implementation != "" && path.Base(r.Implementation) == name {
			return r.ID, true
		}
	}
	return "", false
}
