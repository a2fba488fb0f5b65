// Package flowtest helps analyzer tests check the flows diagnostics
// carry as related information, which analysistest's `// want` comments
// cannot express.
package flowtest

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// flows returns the related information of the diagnostics in results,
// keyed by "dir/file.go:line" of the diagnostic (the file's directory
// and base name), each
// entry "line:column message". A diagnostic without related information
// is present with an empty list.
func flows(results []*analysistest.Result) map[string][]string {
	out := map[string][]string{}
	for _, r := range results {
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			p := fset.Position(d.Pos)
			dir, file := filepath.Split(p.Filename)
			key := fmt.Sprintf("%s/%s:%d", filepath.Base(dir), file, p.Line)
			steps := []string{}
			for _, rel := range d.Related {
				q := fset.Position(rel.Pos)
				steps = append(steps, fmt.Sprintf("%d:%d %s", q.Line, q.Column, rel.Message))
			}
			out[key] = append(out[key], steps...)
		}
	}
	return out
}

// Expect fails t unless each diagnostic named in want ("dir/file.go:line":
// the file's directory and base name, and the diagnostic's line) was
// reported in results with exactly those steps, each "line:column
// message"; an empty list means a diagnostic without a flow.
func Expect(t *testing.T, results []*analysistest.Result, want map[string][]string) {
	t.Helper()
	reported := flows(results)
	for at, steps := range want {
		got, ok := reported[at]
		if !ok {
			t.Errorf("%s: no diagnostic", at)
			continue
		}
		if !slices.Equal(got, steps) {
			t.Errorf("%s: flow\n%s\nwant\n%s", at, strings.Join(got, "\n"), strings.Join(steps, "\n"))
		}
	}
}

// NoQuotes fails t when a related message has a quoted string other than
// "…" (what goflow.Related writes for one) or the empty string: a step
// must never carry a key or a token.
func NoQuotes(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				rest := strings.NewReplacer(`"…"`, "", `""`, "").Replace(rel.Message)
				if strings.ContainsAny(rest, "\"`") {
					t.Errorf("%s: step %q quotes a string", r.Pass.Fset.Position(rel.Pos), rel.Message)
				}
			}
		}
	}
}

// NoLiterals is NoQuotes, and also fails t when a related message has
// the text of a string literal of the analysed files, six bytes or more
// and not inside a longer word (the literal "initial" is not in
// "initialises"; shorter ones are words like "token" or "log" a step
// uses). It suits rules whose literals are secrets or tokens, not those
// whose literals name what a step says ("Authorization").
func NoLiterals(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	NoQuotes(t, results)
	for _, r := range results {
		var lits []string
		for _, f := range r.Pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if _, ok := n.(*ast.ImportSpec); ok {
					return false // a path, no value
				}
				if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
					if s, err := strconv.Unquote(bl.Value); err == nil && len(s) >= 6 {
						lits = append(lits, s)
					}
				}
				return true
			})
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				for _, lit := range lits {
					if quotes(rel.Message, lit) {
						t.Errorf("%s: step %q quotes the literal %q", r.Pass.Fset.Position(rel.Pos), rel.Message, lit)
					}
				}
			}
		}
	}
}

// quotes reports whether lit occurs in msg other than as part of a longer
// word.
func quotes(msg, lit string) bool {
	for i := 0; ; {
		j := strings.Index(msg[i:], lit)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(lit)
		if !(start > 0 && wordByte(msg[start-1]) && wordByte(lit[0])) && !(end < len(msg) && wordByte(msg[end]) && wordByte(lit[len(lit)-1])) {
			return true
		}
		i = start + 1
	}
}

func wordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
}
