package secrets

import (
	"context"
	"path"
	"strings"
	"sync"
	"unsafe"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules"
)

// Engine is the hardcoded-token file engine: it scans every walked file
// except Go source, whose string literals the hardcodedtoken analyzer
// scans with the same rules (a Go file is never reported twice).
type Engine struct {
	scanner func() (*Scanner, error)
}

// NewEngine returns the file engine running s.
func NewEngine(s *Scanner) *Engine {
	return &Engine{scanner: func() (*Scanner, error) { return s, nil }}
}

// NewEngineBuilding returns the file engine running the scanner build
// returns, and starts build on another goroutine at once: compiling the
// rules (130 ms) then overlaps the walk of the tree and the result
// cache's reads, which is most of a re-scan of an unchanged tree. The
// engine's methods wait for the build.
func NewEngineBuilding(build func() (*Scanner, error)) *Engine {
	get := sync.OnceValues(build)
	go get()
	return &Engine{scanner: get}
}

// Scanner returns the engine's scanner, once it is built.
func (e *Engine) Scanner() (*Scanner, error) { return e.scanner() }

// Name implements scan.FileEngine.
func (e *Engine) Name() string { return "secrets" }

// Rules implements scan.FileEngine.
func (e *Engine) Rules() []string { return []string{rules.HardcodedToken} }

// SecretTypes lists the secret types the engine reports under
// hardcoded-token, for validating hardcoded-token/<type> ids and for
// SARIF's per-type rule descriptors.
func (e *Engine) SecretTypes() []*rules.SecretType {
	sc, err := e.scanner()
	if err != nil {
		return nil
	}
	return sc.Types()
}

// Wants implements scan.FileEngine: everything but Go source.
func (e *Engine) Wants(rel string) bool { return !strings.HasSuffix(rel, ".go") }

// Scan implements scan.FileEngine.
func (e *Engine) Scan(ctx context.Context, f walk.File) ([]*finding.Finding, []report.Problem) {
	if ctx.Err() != nil || len(f.Content) == 0 {
		return nil, nil
	}
	// The walk hands each file's content once and never modifies it, so a
	// string view saves copying every file the size of the tree.
	sc, err := e.scanner()
	if err != nil {
		return nil, []report.Problem{{Kind: "analyzer", File: f.Rel, Message: "secret rules: " + err.Error()}}
	}
	text := unsafe.String(unsafe.SliceData(f.Content), len(f.Content))
	ms := sc.Scan(f.Rel, text)
	if len(ms) == 0 {
		return nil, nil
	}
	pos := newPositions(text)
	class := Classify(f.Rel, text)
	if class == ClassExample && loadedEnv(ctx, f.Rel) {
		class = ClassConfig // the program runs with these values (envload.go)
	}
	policy := PolicyFrom(ctx)
	dropped := report.DroppedFrom(ctx)
	out := make([]*finding.Finding, 0, len(ms))
	lang := strings.ToLower(path.Ext(f.Rel))
	for _, m := range ms {
		m.Lang = lang // the offsets are into the file's own text
		d := policy.Decide(ClassAt(class, f.Rel, text, m.MatchStart), text, m)
		if !d.Keep {
			dropped.Add(d.Reason)
			continue
		}
		sl, sc := pos.at(m.Start)
		el, ec := pos.at(m.End)
		out = append(out, &finding.Finding{
			RuleID:    rules.HardcodedToken,
			Severity:  rules.MustLookup(rules.HardcodedToken).Severity,
			Message:   Describe(m),
			StartLine: sl, StartCol: sc,
			EndLine: el, EndCol: ec,
			Secret:     firstLine(text[m.Start:m.End]),
			SecretType: m.RuleID,
			Confidence: string(d.Confidence),
			FileClass:  string(d.Class),
		})
	}
	return out, nil
}

// firstLine is the part of a secret on its first line: what the snippet
// (one line) can show and so what redaction must find there.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// positions converts byte offsets to 1-based lines and byte columns.
type positions struct{ starts []int }

func newPositions(text string) positions { return positions{starts: lineStarts(text)} }

func (p positions) at(off int) (line, col int) {
	lo, hi := 0, len(p.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if p.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, off - p.starts[lo] + 1
}
