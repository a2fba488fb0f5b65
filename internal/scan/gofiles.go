package scan

import (
	"context"
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/goscan"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/rules"
)

// excluded reports whether the walk skipped rel (root-relative) as
// ignored or excluded, itself or through a directory above it.
func (w *walkResult) excluded(rel string) bool {
	if w.ignoredFiles[rel] {
		return true
	}
	for _, d := range w.ignoredDirs {
		if strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

// keep drops the findings in files the walk excluded: `exclude:` in the
// config, .gitignore and .tokenvetignore hold for Go findings too.
func (w *walkResult) keep(fs []*finding.Finding) []*finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		if !w.excluded(f.File) {
			out = append(out, f)
		}
	}
	return out
}

// keepProblems drops the problems of excluded files.
func (w *walkResult) keepProblems(ps []report.Problem) []report.Problem {
	out := ps[:0]
	for _, p := range ps {
		if p.File == "" || !w.excluded(p.File) {
			out = append(out, p)
		}
	}
	return out
}

// goTextFindings runs the engines that report hardcoded-token on the Go
// files the analyzers did not see whole (a syntax error, bad encoding, a
// failed analyzer), as text: their hard-coded tokens are found all the
// same. Only files the walk read are scanned (so its exclusions, limits
// and symlink checks hold), and a token the hardcodedtoken analyzer
// already reported on the same lines is not reported twice.
func goTextFindings(ctx context.Context, root string, res *goscan.Result, w *walkResult, engines []FileEngine, goFs []*finding.Finding) ([]*finding.Finding, []report.Problem) {
	var secretEngines []FileEngine
	for _, e := range engines {
		if slices.Contains(e.Rules(), rules.HardcodedToken) {
			secretEngines = append(secretEngines, e)
		}
	}
	if len(secretEngines) == 0 {
		return nil, nil
	}
	reported := map[string][]*finding.Finding{}
	for _, f := range goFs {
		if f.RuleID == rules.HardcodedToken {
			reported[f.File] = append(reported[f.File], f)
		}
	}
	var out []*finding.Finding
	var problems []report.Problem
	for _, u := range res.Unanalysed {
		rel := relPath(root, u.File)
		file, ok := w.goFiles[rel]
		if !ok {
			continue
		}
		for _, e := range secretEngines {
			fs, ps := e.Scan(ctx, file)
			problems = append(problems, ps...)
			for _, x := range fs {
				x.File = rel
				if x.Engine == "" {
					x.Engine = e.Name()
				}
				if !slices.ContainsFunc(reported[rel], func(g *finding.Finding) bool { return overlaps(g, x) }) {
					out = append(out, x)
				}
			}
		}
	}
	return out, problems
}

// overlaps reports whether two findings share a line.
func overlaps(a, b *finding.Finding) bool {
	return a.StartLine <= max(b.EndLine, b.StartLine) && b.StartLine <= max(a.EndLine, a.StartLine)
}
