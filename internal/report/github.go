package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tokenvet/tokenvet/rules"
)

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// unsuppressed finding, so findings appear on the pull request's diff
// without code scanning (which private repositories may not have).
func WriteGitHub(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, f := range r.Findings {
		if !f.Counted() {
			continue
		}
		level := "notice"
		switch f.Severity {
		case rules.SeverityError:
			level = "error"
		case rules.SeverityWarning:
			level = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, githubProperty(f.File), f.StartLine, f.StartCol, f.EndLine, f.EndCol,
			githubProperty("tokenvet "+f.RuleID), githubData(f.Message))
	}
	for _, p := range r.Problems {
		var props []string
		if p.File != "" {
			props = append(props, "file="+githubProperty(p.File))
			if p.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", p.Line))
			}
		}
		props = append(props, "title="+githubProperty("tokenvet "+p.Kind))
		fmt.Fprintf(&b, "::warning %s::%s\n", strings.Join(props, ","), githubData("partly analysed: "+p.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
