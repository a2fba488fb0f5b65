package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tokenvet/tokenvet/rules"
)

// TextOptions controls the text writer.
type TextOptions struct {
	Color   bool // ANSI colour, for terminals only
	Verbose bool // list skipped files and suppressed findings
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// WriteText writes findings in go vet's style,
//
//	path:line:col: rule-id: message
//
// one per line, followed by partly analysed files and a summary. The
// summary goes to w as well: the text format is for people.
func WriteText(w io.Writer, r *Report, o TextOptions) error {
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder
	suppressed := 0
	for _, f := range r.Findings {
		if f.Suppression != nil {
			suppressed++
			if !o.Verbose {
				continue
			}
		} else if !f.Counted() && !o.Verbose {
			continue
		}
		sevColor := ansiCyan
		switch f.Severity {
		case rules.SeverityError:
			sevColor = ansiRed
		case rules.SeverityWarning:
			sevColor = ansiYellow
		}
		fmt.Fprintf(&b, "%s: %s: %s", paint(ansiBold, fmt.Sprintf("%s:%d:%d", TerminalPath(f.File), f.StartLine, f.StartCol)), paint(sevColor, Terminal(f.RuleID)), Terminal(OneLine(f.Message)))
		if f.Suppression != nil {
			fmt.Fprintf(&b, " %s", paint(ansiDim, fmt.Sprintf("(suppressed: %s)", Terminal(OneLine(f.Suppression.Justification)))))
		} else if !f.Counted() {
			fmt.Fprintf(&b, " %s", paint(ansiDim, "(unchanged)"))
		}
		b.WriteByte('\n')
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(ansiBold, "partly analysed:"))
		writeProblems(&b, r.Problems)
	}
	if o.Verbose && len(r.Stats.SkippedFiles) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(ansiBold, "skipped files:"))
		for _, s := range r.Stats.SkippedFiles {
			fmt.Fprintf(&b, "  %s (%s)\n", TerminalPath(s.File), Terminal(OneLine(s.Reason)))
		}
	}
	if o.Verbose && len(r.NotAnalysed) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(ansiBold, "read, not analysed:"))
		for _, n := range r.NotAnalysed {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	if o.Verbose && len(r.Stats.SecretsDropped) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(ansiBold, "secret candidates not reported:"))
		for _, why := range sortedReasons(r.Stats.SecretsDropped) {
			fmt.Fprintf(&b, "  %d %s\n", r.Stats.SecretsDropped[why], Terminal(why))
		}
	}
	if o.Verbose && len(r.Stats.Notes) > 0 {
		fmt.Fprintf(&b, "\n%s\n", paint(ansiBold, "notes:"))
		for _, n := range r.Stats.Notes {
			fmt.Fprintf(&b, "  %s\n", Terminal(OneLine(n)))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", Summary(r, suppressed))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteProblems writes the list of partly analysed files and packages,
// one indented line each, escaped for a terminal or CI log: the text
// format ends with it, and the machine formats print it on stderr.
func WriteProblems(w io.Writer, ps []Problem) error {
	var b strings.Builder
	writeProblems(&b, ps)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeProblems(b *strings.Builder, ps []Problem) {
	for _, p := range ps {
		fmt.Fprintf(b, "  %s\n", p)
	}
}

// location is "file:line:col", or the package when there is no file.
func (p Problem) location() string {
	loc := p.File
	if loc == "" {
		loc = p.Package
	}
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, p.Line)
		if p.Column > 0 {
			loc = fmt.Sprintf("%s:%d", loc, p.Column)
		}
	}
	return loc
}

// String renders a problem as "file:line:col: kind: message" on one
// line, escaped for a terminal or CI log (Terminal).
func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", TerminalPath(p.location()), Terminal(p.Kind), Terminal(OneLine(p.Message)))
}

// Summary is the one-line tally printed after text output and on stderr
// for machine formats.
func Summary(r *Report, suppressed int) string {
	c := r.Counts()
	total := c[rules.SeverityError] + c[rules.SeverityWarning] + c[rules.SeverityNote]
	s := fmt.Sprintf("tokenvet: %d finding%s (%d error, %d warning, %d note)", total, plural(total),
		c[rules.SeverityError], c[rules.SeverityWarning], c[rules.SeverityNote])
	if suppressed > 0 {
		s += fmt.Sprintf(", %d suppressed", suppressed)
	}
	if r.Stats.Unchanged > 0 {
		s += fmt.Sprintf(", %d unchanged (not counted)", r.Stats.Unchanged)
	}
	s += fmt.Sprintf("; %d Go package%s, %d file%s read", r.Stats.GoPackages, plural(r.Stats.GoPackages),
		r.Stats.FilesScanned, plural(r.Stats.FilesScanned))
	if len(r.Stats.Skipped) > 0 {
		reasons := make([]string, 0, len(r.Stats.Skipped))
		for k := range r.Stats.Skipped {
			reasons = append(reasons, k)
		}
		sort.Strings(reasons)
		parts := make([]string, len(reasons))
		for i, k := range reasons {
			parts[i] = fmt.Sprintf("%d %s", r.Stats.Skipped[k], k)
		}
		s += "; skipped " + strings.Join(parts, ", ")
		if r.Stats.Skipped["too-large"] > 0 {
			s += " (--max-file-size raises the size limit)"
		}
	}
	if n := r.Stats.GeneratedLeftOut; n > 0 {
		s += fmt.Sprintf("; %d Go finding%s in generated files left out (--include-generated reports them)", n, plural(n))
	}
	if n := len(r.NotAnalysed); n > 0 {
		s += fmt.Sprintf("; %d file%s read but not analysed", n, plural(n))
	}
	if len(r.Problems) > 0 {
		s += fmt.Sprintf("; %d problem%s (see above)", len(r.Problems), plural(len(r.Problems)))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
