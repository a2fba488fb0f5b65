package scan

import (
	"bytes"
	"go/scanner"
	"go/token"
	"maps"
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/redact"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/rules"
)

// SecretFinder is implemented by the FileEngine that runs the secret
// rules. The redaction pass runs it over every source line it prints and
// over every message that may quote source (parse errors do), so that a
// secret no finding reports is hidden too.
type SecretFinder interface {
	// FindSecrets returns the byte ranges [start, end) of the secrets in
	// text. path is the file's root-relative slash path, for path-based
	// rules and allowlists.
	FindSecrets(path, text string) [][2]int
}

// redactor is the one redaction pass of a scan. It learns, per file,
// every secret the secret rules saw — the secret-bearing findings (the
// secrets engine's, the hardcodedtoken and jwthardcodedkey analyzers')
// and whatever the SecretFinder finds on the lines and in the messages
// that are printed — and then hides each of them wherever its text
// appears in that file's snippets, messages and problems. Fingerprints
// are computed from its output too, with or without --no-redact.
type redactor struct {
	src  *sources
	find SecretFinder // nil: findings' own secrets only
	// lines holds secret ranges per file and line (byte columns of the
	// line, 0-based), merged from every source.
	lines map[string]map[int][][2]int
	// texts holds the secret strings per file, for text that is not the
	// source line itself (messages quote it).
	texts map[string]map[string]bool
	// scanned marks lines already given to the SecretFinder (line 0:
	// the whole file).
	scanned map[string]map[int]bool
	// redacted caches each file's content with its secrets hidden, and
	// matchers the matcher of each file's secrets ("" for all files'):
	// both are built on first use, after every secret has been collected.
	redacted map[string]*fileText
	matchers map[string]*redact.Matcher
}

func newRedactor(src *sources, find SecretFinder) *redactor {
	return &redactor{src: src, find: find, lines: map[string]map[int][][2]int{}, texts: map[string]map[string]bool{},
		scanned: map[string]map[int]bool{}, redacted: map[string]*fileText{}, matchers: map[string]*redact.Matcher{}}
}

// addFinding records the secret a finding points at, if it has one:
// Finding.Secret's text on the finding's first line (file engines), or
// for a Go finding of a secret-bearing rule the source text of its range.
func (r *redactor) addFinding(f *finding.Finding) {
	rule, _ := rules.Lookup(f.RuleID)
	goEngine := f.Engine == "go" || f.Engine == "go-fallback"
	switch {
	case goEngine && rule != nil && rule.Secret:
		t, err := r.src.text(f.File)
		if err != nil {
			return
		}
		start, ok1 := t.offset(f.StartLine, f.StartCol)
		end, ok2 := t.offset(f.EndLine, f.EndCol)
		if !ok1 || !ok2 || end <= start {
			return
		}
		for _, s := range goSecrets(f.RuleID, t.content, start, end) {
			r.addRange(f.File, t, s[0], s[1])
		}
	case f.Secret != "":
		if t, err := r.src.text(f.File); err == nil {
			if start, ok := t.offset(f.StartLine, f.StartCol); ok && bytes.HasPrefix(t.content[start:], []byte(f.Secret)) {
				r.addRange(f.File, t, start, start+len(f.Secret))
				return
			}
		}
		r.addText(f.File, f.Secret)
	}
}

// goSecrets returns the secret byte ranges in content[start:end], the
// range of a Go diagnostic of a secret-bearing rule. hardcoded-token
// reports the secret itself, within a literal or a comment, or the
// literal holding it (quotes dropped, so the redaction keeps them).
// jwt-hardcoded-key reports the key expression: only the text of its
// string literals is secret ([]byte("k") hides k); a key held in a
// variable or constant has no secret on this line, and its name is not
// one.
func goSecrets(rule string, content []byte, start, end int) [][2]int {
	if rule != rules.JWTHardcodedKey {
		s := string(content[start:end])
		if len(s) >= 2 && (s[0] == '"' || s[0] == '`') && s[len(s)-1] == s[0] {
			return [][2]int{{start + 1, end - 1}}
		}
		return [][2]int{{start, end}}
	}
	var sc scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, end-start)
	sc.Init(file, content[start:end], nil, 0)
	var out [][2]int
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING && len(lit) >= 2 {
			off := start + file.Offset(pos)
			out = append(out, [2]int{off + 1, off + len(lit) - 1})
		}
	}
	return out
}

// addRange records t.content[start:end] of file as secret, line by line.
func (r *redactor) addRange(file string, t *fileText, start, end int) {
	line := t.lineOf(start)
	for start < end && line <= len(t.starts) {
		lineStart := t.starts[line-1]
		lineEnd := len(t.content)
		if line < len(t.starts) {
			lineEnd = t.starts[line] - 1
		}
		if to := min(end, lineEnd); to > start {
			r.addLineRange(file, line, start-lineStart, to-lineStart, string(t.content[start:to]))
		}
		start = lineEnd + 1
		line++
	}
}

func (r *redactor) addLineRange(file string, line, from, to int, text string) {
	text = strings.TrimRight(text, "\r")
	if text == "" {
		return
	}
	byLine := r.lines[file]
	if byLine == nil {
		byLine = map[int][][2]int{}
		r.lines[file] = byLine
	}
	byLine[line] = append(byLine[line], [2]int{from, from + len(text)})
	r.addText(file, text)
}

func (r *redactor) addText(file, s string) {
	if r.texts[file] == nil {
		r.texts[file] = map[string]bool{}
	}
	r.texts[file][s] = true
}

// scanLine runs the SecretFinder over one line of file, once.
func (r *redactor) scanLine(file string, line int) {
	if r.find == nil || file == "" || line < 1 || r.scanned[file][line] {
		return
	}
	if r.scanned[file] == nil {
		r.scanned[file] = map[int]bool{}
	}
	r.scanned[file][line] = true
	t, err := r.src.text(file)
	if err != nil {
		return
	}
	text := t.line(line)
	for _, s := range r.find.FindSecrets(file, text) {
		if s[0] >= 0 && s[1] <= len(text) && s[0] < s[1] {
			r.addLineRange(file, line, s[0], s[1], text[s[0]:s[1]])
		}
	}
}

// scanFile runs the SecretFinder over the whole of file, once: for a
// file that was only partly analysed, whose secrets the rule that
// normally finds them (the hardcodedtoken analyzer needs a parsed file)
// may not have seen, while its messages quote it.
func (r *redactor) scanFile(file string) {
	if r.find == nil || file == "" || r.scanned[file][0] {
		return
	}
	if r.scanned[file] == nil {
		r.scanned[file] = map[int]bool{}
	}
	r.scanned[file][0] = true
	t, err := r.src.text(file)
	if err != nil {
		return
	}
	for _, s := range r.find.FindSecrets(file, string(t.content)) {
		if s[0] >= 0 && s[1] <= len(t.content) && s[0] < s[1] {
			r.addRange(file, t, s[0], s[1])
		}
	}
}

// file returns file's content with every secret hidden: the ranges
// known on each line, and every secret string of the file wherever its
// text recurs. Lines keep their numbers (a secret never spans a line
// break here: ranges are kept per line). Call it only once every secret
// has been collected.
func (r *redactor) file(file string) (*fileText, error) {
	if t, ok := r.redacted[file]; ok {
		return t, nil
	}
	t, err := r.src.text(file)
	if err != nil {
		return nil, err
	}
	m := r.matcher(file)
	if m.Empty() {
		r.redacted[file] = t
		return t, nil
	}
	var rs [][2]int
	for line, lrs := range r.lines[file] {
		if line >= 1 && line <= len(t.starts) {
			for _, lr := range lrs {
				rs = append(rs, [2]int{t.starts[line-1] + lr[0], t.starts[line-1] + lr[1]})
			}
		}
	}
	rs = append(rs, m.Find(string(t.content))...)
	red := newFileText([]byte(redact.Ranges(string(t.content), rs)))
	r.redacted[file] = red
	return red, nil
}

// text hides in s, a message about file ("" for none), the secrets of
// that file (of every file when there is none), and, when quoted is set
// (s may quote source: a parse error, a go list message), whatever the
// SecretFinder finds in s itself.
func (r *redactor) text(file, s string, quoted bool) string {
	if s == "" {
		return s
	}
	rs := r.matcher(file).Find(s)
	if quoted && r.find != nil {
		rs = append(rs, r.find.FindSecrets(file, s)...)
	}
	return redact.Ranges(s, rs)
}

// matcher returns the matcher of file's secrets; file "" matches every
// file's.
func (r *redactor) matcher(file string) *redact.Matcher {
	if m, ok := r.matchers[file]; ok {
		return m
	}
	var secrets []string
	if file == "" {
		for _, f := range slices.Sorted(maps.Keys(r.texts)) {
			secrets = append(secrets, slices.Sorted(maps.Keys(r.texts[f]))...)
		}
	} else {
		secrets = slices.Sorted(maps.Keys(r.texts[file]))
	}
	m := redact.NewMatcher(secrets)
	r.matchers[file] = m
	return m
}

// collectProblems learns the secrets problems may quote. A parse error
// quotes its line (`expected ';', found "ghp_…"`), and the line may hold
// a secret no finding reports, because the rule that would report it
// could not parse the file: the file is run through the secret rules.
func (r *redactor) collectProblems(ps []report.Problem) {
	for _, p := range ps {
		r.scanLine(p.File, p.Line)
		r.scanFile(p.File)
	}
}

// problems redacts problem messages in place; collectProblems must have
// run.
func (r *redactor) problems(ps []report.Problem) {
	for i := range ps {
		ps[i].Message = r.text(ps[i].File, ps[i].Message, true)
	}
}
