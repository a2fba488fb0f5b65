package goflow

import (
	"go/constant"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Related writes an origin's flow into a sink (SinkUse.Flow, or
// Origin.Flow for a value queried elsewhere) as the related information
// of a diagnostic reported at [pos, end), source to sink: the evidence
// go vet prints under the diagnostic and tokenvet's SARIF lists as the
// result's codeFlow.
//
// String literals the steps quote from the code ("concatenated with
// \"Bearer \"") are left out as Flow leaves out the origin's own value
// ("literal \"…\""), so no step message carries a secret. Steps in
// another package, which have no token.Pos, and elisions are left out;
// consecutive steps at one place become one entry.
//
// It returns nil when every step is within [pos, end) (a literal
// written at the sink): the diagnostic alone then says all the flow
// would.
func Related(flow []Step, pos, end token.Pos) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	away := false
	for _, s := range flow {
		if !s.Pos.IsValid() || s.What == "…" {
			continue
		}
		what := hideStrings(s.What)
		if n := len(out); n > 0 && out[n-1].Pos == s.Pos {
			out[n-1].Message += ", " + what
			continue
		}
		away = away || s.Pos < pos || s.Pos >= end
		out = append(out, analysis.RelatedInformation{Pos: s.Pos, Message: what})
	}
	if !away {
		return nil
	}
	return out
}

// describeStart is the text of the origin's own step: its kind, its
// value when that is a number (the lifetime a rule weighs) or a zero
// value, never when it is a string literal (a key, a token: "literal
// \"…\""), and its name.
func (o Origin) describeStart() string {
	what := o.Kind.String()
	if (o.Kind == Literal || o.Kind == Zero) && o.Value != nil {
		if o.Kind == Literal && o.Value.Kind() == constant.String {
			what += ` "…"`
		} else {
			what += " " + o.Value.ExactString()
		}
	}
	if o.Kind == Source && o.Row != nil {
		what += " " + o.Row.Kind
	}
	if o.Name != "" {
		if o.Kind == Literal || o.Kind == Zero {
			what += " for"
		}
		what += " " + o.Name
	}
	return what
}

// quoted matches a Go string literal as a step quotes it, possibly cut
// short (short ends an expression in "..." after 37 bytes, which can be
// inside a literal).
var quoted = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|`[^`]*(?:`|$)")

// hideStrings replaces the string literals in a step's text by "…",
// all but the empty string.
func hideStrings(s string) string {
	if !strings.ContainsAny(s, "\"`") {
		return s
	}
	return quoted.ReplaceAllStringFunc(s, func(lit string) string {
		if lit == `""` || lit == "``" {
			return lit
		}
		return `"…"`
	})
}
