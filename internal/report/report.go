// Package report holds the result of a scan, as every output format sees
// it, and the plain-text, JSON and GitHub-annotation writers. SARIF lives
// in report/sarif.
package report

import (
	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/fix"
	"github.com/tokenvet/tokenvet/rules"
)

// Report is everything a scan produced.
type Report struct {
	// Root is the absolute directory file paths are relative to.
	Root string
	// Findings are sorted; suppressed ones are included and marked.
	Findings []*finding.Finding
	// Problems are files or packages that were only partly analysed.
	Problems []Problem
	// Partial lists Go packages analysed through the syntactic fallback.
	Partial []PartialPackage
	// NotAnalysed lists files the scan read that an engine could not
	// analyse, sorted by file.
	NotAnalysed []NotAnalysed
	// Rules are the implemented, enabled rules of this scan.
	Rules []*rules.Rule
	// SecretTypes are the secret types the scan's secret rules know,
	// sorted by id; SARIF describes those that findings have.
	SecretTypes []*rules.SecretType
	Stats       Stats
	// Fixes holds the counted findings' suggested fixes resolved against
	// the files, when the scan was asked for them (--fix, --diff).
	Fixes *fix.Plan
}

// Problem is something that kept tokenvet from analysing a file fully.
type Problem struct {
	Kind    string `json:"kind"` // syntax, type, load, analyzer, read, limit
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Package string `json:"package,omitempty"`
	Message string `json:"message"`
}

// PartialPackage is a Go package whose analysis relied on the syntactic
// fallback because it did not load or type-check.
type PartialPackage struct {
	Package string `json:"package"`
	Reason  string `json:"reason"`
}

// NotAnalysed is a file the scan read (so the secret rules ran on it)
// that an engine could not analyse.
type NotAnalysed struct {
	File   string `json:"file"`
	Engine string `json:"engine"`
	// Reason says in words what was not analysed and why: "scripts not
	// analysed (the web engine does not parse .ejs templates yet)".
	Reason string `json:"reason"`
}

// String renders the entry as "file: read, reason", escaped for a
// terminal or CI log (Terminal).
func (n NotAnalysed) String() string {
	return TerminalPath(n.File) + ": read, " + Terminal(OneLine(n.Reason))
}

// Stats summarises the scan.
type Stats struct {
	GoPackages   int            `json:"goPackages"`
	FilesScanned int            `json:"filesScanned"`
	Skipped      map[string]int `json:"skipped,omitempty"`
	// SkippedFiles lists skipped files with reasons, for -v.
	SkippedFiles []SkippedFile `json:"-"`
	// ResultCacheHits and ResultCacheMisses count the result cache's
	// reads (internal/resultcache): for -v and tests, not the report.
	ResultCacheHits, ResultCacheMisses int `json:"-"`
	// Unchanged counts findings present before the change or in the
	// baseline (kept in the report, not counted).
	Unchanged int `json:"unchanged,omitempty"`
	// Notes say how the files to read were chosen when that is not the
	// usual way (git not installed, say), for -v.
	Notes []string `json:"notes,omitempty"`
	// SecretsDropped counts secret candidates a rule matched that the
	// context layer did not report, per reason (the file's class or the
	// value's shape), for -v and JSON.
	SecretsDropped map[string]int `json:"secretsDropped,omitempty"`
	// GeneratedLeftOut counts Go findings not reported because they were
	// in generated files (see internal/goscope; --include-generated).
	GeneratedLeftOut int `json:"generatedLeftOut,omitempty"`
	// LegacyBaselineMatches counts findings a version 1 baseline matched
	// only by their old fingerprint (see internal/baseline).
	LegacyBaselineMatches int `json:"-"`
}

// SkippedFile is one file the walk did not scan.
type SkippedFile struct {
	File   string
	Reason string
}

// Counts returns the number of counted findings per severity: neither
// suppressed nor unchanged from a baseline.
func (r *Report) Counts() map[rules.Severity]int {
	m := map[rules.Severity]int{}
	for _, f := range r.Findings {
		if f.Counted() {
			m[f.Severity]++
		}
	}
	return m
}

// Failing reports whether any counted finding is at or above
// threshold. A threshold of SeverityNone never fails.
func (r *Report) Failing(threshold rules.Severity) bool {
	if threshold == rules.SeverityNone {
		return false
	}
	for _, f := range r.Findings {
		if f.Counted() && f.Severity >= threshold {
			return true
		}
	}
	return false
}
