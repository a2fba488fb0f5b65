// Package finding is the one result type every tokenvet engine produces
// and every reporter consumes.
package finding

import (
	"cmp"
	"slices"

	"github.com/tokenvet/tokenvet/rules"
)

// Finding is one reported problem at one place.
//
// Positions are 1-based. Columns are byte offsets into the line plus one,
// as go/token reports them; reporters that need UTF-16 columns (SARIF)
// use StartColUTF16/EndColUTF16, filled in by Enrich.
type Finding struct {
	RuleID string `json:"rule"`
	// SecretType is set on hardcoded-token findings: the id of the secret
	// rule that matched ("github-pat"). RuleID stays hardcoded-token, the
	// public id suppressions, baselines and fingerprints use; SARIF
	// reports the finding under rule hardcoded-token/<SecretType>.
	SecretType string `json:"secretType,omitempty"`
	// Confidence ("high", "medium", "low") and FileClass ("code",
	// "config", "test", …) are set on hardcoded-token findings: how
	// much the matching rule says about the value, and the kind of file
	// the context layer judged it in.
	Confidence string         `json:"confidence,omitempty"`
	FileClass  string         `json:"fileClass,omitempty"`
	Severity   rules.Severity `json:"severity"`
	Message    string         `json:"message"`

	// File is relative to the scan root, with forward slashes.
	File      string `json:"file"`
	StartLine int    `json:"line"`
	StartCol  int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndCol    int    `json:"endColumn"`

	StartColUTF16 int `json:"-"`
	EndColUTF16   int `json:"-"`

	// Snippet is the source line of the finding with any secret redacted.
	Snippet string `json:"snippet,omitempty"`

	// Secret is the sensitive text an engine matched, if any. It is never
	// written out: Enrich uses it to redact Snippet and Message unless
	// redaction is off, and then clears it.
	Secret string `json:"-"`

	// Fingerprint is stable across unrelated edits (content-based), for
	// baselines; LineHash is GitHub's primaryLocationLineHash.
	Fingerprint string `json:"fingerprint"`
	LineHash    string `json:"-"`

	// Engine names what produced the finding: "go", "go-fallback",
	// "secrets", "web", "suppress".
	Engine string `json:"engine"`

	// Suppression is set when a tokenvet:ignore comment covers the finding.
	// Suppressed findings are kept so SARIF can mark them dismissed.
	Suppression *Suppression `json:"suppression,omitempty"`

	// BaselineState is set when the scan compared against a baseline or a
	// diff (--baseline, --new-from-rev, --new-from-patch): BaselineNew for
	// a finding the change introduced, BaselineUnchanged for one that was
	// already there. Unchanged findings are kept, as SARIF's baselineState
	// "unchanged", so code scanning keeps their alerts open, but they are
	// not counted and do not fail the scan.
	BaselineState string `json:"baselineState,omitempty"`

	// Fixes holds suggested edits, if the engine has a safe one.
	Fixes []Fix `json:"fixes,omitempty"`

	// Flow is the evidence of a finding that rests on a data flow: the
	// places the value passes through, source to sink, so a reviewer
	// sees why the rule fired. The finding's own position is one of
	// them, normally the last (the sink). Empty when the finding is its
	// own evidence. SARIF writes it as the result's codeFlow.
	Flow []Step `json:"flow,omitempty"`
}

// Step is one place of a finding's flow.
type Step struct {
	// File is relative to the scan root, with forward slashes, as
	// Finding.File.
	File string `json:"file"`
	// Line and Column are 1-based; Column counts bytes, as
	// Finding.StartCol does, and ColumnUTF16 (filled in by Enrich) is
	// the same column in UTF-16 code units.
	Line        int `json:"line"`
	Column      int `json:"column"`
	ColumnUTF16 int `json:"-"`
	// Message says what happens to the value there ("assigned to key",
	// "passed to SignedString"), never the value itself.
	Message string `json:"message"`
}

// Values of Finding.BaselineState, named as in SARIF.
const (
	BaselineNew       = "new"
	BaselineUnchanged = "unchanged"
)

// Counted reports whether f counts towards the totals and the exit
// status: it is neither suppressed nor unchanged from the baseline.
func (f *Finding) Counted() bool {
	return f.Suppression == nil && f.BaselineState != BaselineUnchanged
}

// Suppression records why a finding is not counted.
type Suppression struct {
	Kind          string `json:"kind"` // "inSource"
	Justification string `json:"justification"`
	Line          int    `json:"line"` // line of the comment
}

// Fix is one suggested change: a set of byte-range replacements.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces the bytes [Start,End) of File with New.
type Edit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// Compare orders findings by file, position, rule and message: the order
// of every output, so output does not depend on scheduling.
func Compare(a, b *Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.StartLine, b.StartLine),
		cmp.Compare(a.StartCol, b.StartCol),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndCol, b.EndCol),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Engine, b.Engine),
	)
}

// Sort sorts findings in place into output order.
func Sort(fs []*Finding) { slices.SortStableFunc(fs, Compare) }

// Dedupe drops findings equal in rule, place and message to the one before
// them; fs must be sorted. Two engines may see the same fact (the typed
// analyzer and its syntactic fallback never both run on one file, but a
// multi-module tree can list a file twice through nested modules).
func Dedupe(fs []*Finding) []*Finding {
	return slices.CompactFunc(fs, func(a, b *Finding) bool {
		return a.RuleID == b.RuleID && a.File == b.File && a.StartLine == b.StartLine &&
			a.StartCol == b.StartCol && a.Message == b.Message
	})
}
