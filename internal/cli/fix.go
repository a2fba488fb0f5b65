package cli

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/fix"
	"github.com/tokenvet/tokenvet/internal/report"
)

// applyFixes carries out --fix and --diff on the scan's plan of fixes
// (internal/fix). With --fix it writes the files, says on stderr what
// it fixed, and drops the findings fixed from rep, so that the report
// and the exit status are about what is left; a finding stays when any
// file its fix edits could not be written. With --diff it returns the
// diff to print: of the files written with --fix, of every file the
// plan would change without. Positions in the report stay those of the
// files as scanned.
func applyFixes(env *Env, rep *report.Report, root string, f *scanFlags) (*bytes.Buffer, error) {
	plan := rep.Fixes
	files := plan.Files
	if f.fix {
		files = []*fix.File{}
		failed, done := map[*fix.Fix]bool{}, map[*fix.Fix]bool{}
		for _, r := range plan.Write(root) {
			if r.Err != nil {
				fmt.Fprintf(env.Stderr, "tokenvet: %s: not fixed: %s\n", report.TerminalPath(r.File.Path), report.Terminal(r.Err.Error()))
				for _, x := range r.File.Fixes {
					failed[x] = true
				}
				continue
			}
			files = append(files, r.File)
			for _, x := range r.File.Fixes {
				done[x] = true
			}
			if !f.quiet {
				fmt.Fprintf(env.Stderr, "tokenvet: fixed %s: %s\n", report.Terminal(r.File.Path), plural(len(r.File.Fixes), "fix", "fixes"))
			}
		}
		fixed := map[*finding.Finding]bool{}
		for x := range done {
			if !failed[x] {
				fixed[x.Finding] = true
			}
		}
		rep.Findings = slices.DeleteFunc(rep.Findings, func(x *finding.Finding) bool { return fixed[x] })
	}
	if !f.quiet {
		for _, s := range plan.Skipped {
			fmt.Fprintf(env.Stderr, "tokenvet: fix of %s skipped: %s\n", report.TerminalPath(s.Fix.String()), report.Terminal(s.Reason))
		}
		if len(plan.Files) == 0 && len(plan.Skipped) == 0 {
			fmt.Fprintln(env.Stderr, "tokenvet: no finding has a suggested fix")
		}
	}
	if !f.diff {
		return nil, nil
	}
	var b bytes.Buffer
	if err := plan.WriteDiff(&b, files, report.TerminalCode); err != nil {
		return nil, err
	}
	return &b, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
