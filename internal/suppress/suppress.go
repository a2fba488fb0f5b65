// Package suppress reads tokenvet:ignore comments and applies them to
// findings.
//
// A directive is a comment of the form
//
//	//tokenvet:ignore <rule-id>[,<rule-id>…] <reason>
//
// (or with #, /*, <!-- or -- as the comment marker, so it works in Go,
// YAML, shell, HTML and SQL alike). It covers findings of the named rules
// on its own line and on the line below it. A directive that names an
// unknown rule or gives no reason suppresses nothing and is itself
// reported as an invalid-suppression finding: a typo must not silently
// leave a finding in place, and every suppression must say why.
package suppress

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

// Marker is the text that starts a directive inside a comment.
const Marker = "tokenvet:ignore"

// Directive is one parsed tokenvet:ignore comment.
type Directive struct {
	Line    int      // 1-based line of the comment
	Col     int      // 1-based byte column of the marker
	RuleIDs []string // as written
	Reason  string
	// Problem explains why the directive is invalid; empty when valid.
	Problem string
}

// Valid reports whether the directive suppresses anything.
func (d Directive) Valid() bool { return d.Problem == "" }

// covers reports whether the directive applies to a finding of rule id on
// line. A directive on line N covers line N (trailing comment) and line
// N+1 (comment on the line above).
func (d Directive) covers(id string, line int) bool {
	if !d.Valid() || (line != d.Line && line != d.Line+1) {
		return false
	}
	for _, r := range d.RuleIDs {
		if r == id {
			return true
		}
	}
	return false
}

// commentMarkers precede a directive; the directive must follow one of
// them, after optional spaces, so that the marker inside a string
// literal or prose is not taken for a directive.
var commentMarkers = []string{"//", "#", "/*", "<!--", "--", ";", "{{/*"}

// Parse returns the directives in a file's content, in line order.
func Parse(content []byte) []Directive {
	if !bytes.Contains(content, []byte(Marker)) {
		return nil
	}
	var out []Directive
	line := 0
	for len(content) > 0 {
		line++
		var text []byte
		if i := bytes.IndexByte(content, '\n'); i >= 0 {
			text, content = content[:i], content[i+1:]
		} else {
			text, content = content, nil
		}
		if d, ok := parseLine(string(bytes.TrimRight(text, "\r")), line); ok {
			out = append(out, d)
		}
	}
	return out
}

// ParseComment parses one comment's text (with its marker, as go/ast
// gives it) found at line and column; ok is false if it is not a
// directive.
func ParseComment(text string, line, col int) (Directive, bool) {
	d, ok := parseLine(text, line)
	if ok {
		d.Col += col - 1
	}
	return d, ok
}

func parseLine(text string, line int) (Directive, bool) {
	at := strings.Index(text, Marker)
	if at < 0 || !precededByCommentMarker(text[:at]) {
		return Directive{}, false
	}
	rest := text[at+len(Marker):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return Directive{}, false // e.g. tokenvet:ignored
	}
	rest = strings.TrimSpace(rest)
	for _, closer := range []string{"*/}}", "-->", "*/"} {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, closer))
	}
	d := Directive{Line: line, Col: at + 1}
	ids, reason, _ := strings.Cut(rest, " ")
	if ids == "" {
		d.Problem = "tokenvet:ignore names no rule: write //tokenvet:ignore <rule-id> <reason>"
		return d, true
	}
	for _, id := range strings.Split(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			d.RuleIDs = append(d.RuleIDs, id)
		}
	}
	d.Reason = strings.TrimSpace(reason)
	for _, id := range d.RuleIDs {
		if _, ok := rules.Lookup(id); !ok {
			d.Problem = fmt.Sprintf("tokenvet:ignore names unknown rule %q: it suppresses nothing; see `tokenvet rules` for ids", id)
			return d, true
		}
	}
	if d.Reason == "" {
		d.Problem = fmt.Sprintf("tokenvet:ignore %s gives no reason: it suppresses nothing until it says why the finding is acceptable", ids)
	}
	return d, true
}

func precededByCommentMarker(before string) bool {
	before = strings.TrimRight(before, " \t")
	for _, m := range commentMarkers {
		if rest, ok := strings.CutSuffix(before, m); ok {
			// The marker opens a comment only at the start of the line or
			// after white space: `"//tokenvet:ignore` is inside a string.
			return rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "\t")
		}
	}
	return false
}

// Apply marks every finding covered by a valid directive of its file as
// suppressed, and returns one invalid-suppression finding per invalid
// directive. directives maps a finding's File to that file's directives.
func Apply(fs []*finding.Finding, directives map[string][]Directive) []*finding.Finding {
	for _, f := range fs {
		for _, d := range directives[f.File] {
			if d.covers(f.RuleID, f.StartLine) {
				f.Suppression = &finding.Suppression{Kind: "inSource", Justification: d.Reason, Line: d.Line}
				break
			}
		}
	}
	var invalid []*finding.Finding
	rule := rules.MustLookup(rules.InvalidSuppression)
	for file, ds := range directives {
		for _, d := range ds {
			if d.Valid() {
				continue
			}
			invalid = append(invalid, &finding.Finding{
				RuleID:    rule.ID,
				Severity:  rule.Severity,
				Message:   d.Problem,
				File:      file,
				StartLine: d.Line,
				StartCol:  d.Col,
				EndLine:   d.Line,
				EndCol:    d.Col + len(Marker),
				Engine:    "suppress",
			})
		}
	}
	return invalid
}

// Suppressed reports whether a finding of rule id on line is covered by
// a valid directive among ds; go vet mode uses it to drop findings, since
// vet has no notion of a dismissed result.
func Suppressed(ds []Directive, id string, line int) bool {
	for _, d := range ds {
		if d.covers(id, line) {
			return true
		}
	}
	return false
}
