package scan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/linehash"
)

// maxSnippet bounds a snippet: a finding in a minified line must not drag
// the whole line into every output.
const maxSnippet = 200

// enrichOptions are the scan-wide inputs of enrich.
type enrichOptions struct {
	// redact hides secrets in snippets and messages (not --no-redact).
	redact bool
	// fingerprintPath maps a finding's root-relative file to the path
	// its fingerprint hashes (see fingerprintBase).
	fingerprintPath func(string) string
	// legacy also computes the fingerprints of tokenvet before version 2
	// of the baseline format, for matching an old baseline; they are
	// kept in memory only.
	legacy map[*finding.Finding]string
}

// enrich fills in what needs the file's text: the snippet, UTF-16
// columns (of the finding and of its flow's steps), GitHub's line hash
// and the content-based fingerprint. The snippet, message and flow go
// through the redaction pass unless o.redact is off; the line hash and the fingerprint are always computed from the
// redacted text, so that neither can be reversed into a short secret
// and both stay the same with --no-redact. Finding.Secret is cleared so
// nothing downstream can print it. fs must be sorted, so occurrence
// counts are deterministic; red must hold every secret of the scan.
func enrich(fs []*finding.Finding, src *sources, red *redactor, o enrichOptions) {
	hashes := map[string][]string{}
	occurrences := map[string]int{}
	legacyOcc := map[string]int{}
	for _, f := range fs {
		raw, err := src.text(f.File)
		var line, safe string
		if err == nil {
			line = raw.line(f.StartLine)
			if t, err := red.file(f.File); err == nil {
				safe = t.line(f.StartLine)
				if _, ok := hashes[f.File]; !ok {
					hashes[f.File] = linehash.Compute(t.content)
				}
			}
			if h := hashes[f.File]; f.StartLine >= 1 && f.StartLine <= len(h) {
				f.LineHash = h[f.StartLine-1]
			}
		}
		f.StartColUTF16 = utf16Col(line, f.StartCol)
		if f.EndLine == f.StartLine {
			f.EndColUTF16 = utf16Col(line, f.EndCol)
		} else if err == nil {
			f.EndColUTF16 = utf16Col(raw.line(f.EndLine), f.EndCol)
		} else {
			f.EndColUTF16 = f.EndCol
		}
		if f.EndLine == 0 {
			f.EndLine, f.EndCol, f.EndColUTF16 = f.StartLine, f.StartCol, f.StartColUTF16
		}

		path := f.File
		if o.fingerprintPath != nil {
			path = o.fingerprintPath(f.File)
		}
		f.Fingerprint = fingerprint(occurrences, f.RuleID, path, safe)
		if o.legacy != nil {
			o.legacy[f] = fingerprint(legacyOcc, f.RuleID, f.File, line)
		}

		snippet := strings.TrimSpace(line)
		if o.redact {
			snippet = strings.TrimSpace(safe)
			f.Message = red.text(f.File, f.Message, false)
			if f.Suppression != nil {
				f.Suppression.Justification = red.text(f.File, f.Suppression.Justification, true)
			}
			for i := range f.Fixes {
				f.Fixes[i].Description = red.text(f.File, f.Fixes[i].Description, false)
				for j := range f.Fixes[i].Edits {
					f.Fixes[i].Edits[j].New = red.text(f.File, f.Fixes[i].Edits[j].New, false)
				}
			}
		}
		for i := range f.Flow {
			s := &f.Flow[i]
			if t, err := src.text(s.File); err == nil {
				s.ColumnUTF16 = utf16Col(t.line(s.Line), s.Column)
			} else {
				s.ColumnUTF16 = s.Column
			}
			if o.redact {
				// A step quotes code ("converted by []byte(…)"), so it
				// is checked as quoted text: the analyzers leave string
				// literals out, and this catches what they miss.
				s.Message = red.text(s.File, s.Message, true)
			}
		}
		if len(snippet) > maxSnippet {
			cut := maxSnippet
			for cut > 0 && !utf8.RuneStart(snippet[cut]) {
				cut--
			}
			snippet = snippet[:cut] + "…"
		}
		f.Snippet = snippet
		f.Secret = ""
	}
}

// fingerprint is a finding's stable id: the SHA-256 of its rule, its
// file and the whitespace-normalised text of its line, with secrets
// already hidden, and how many findings before it had the same three.
// Unrelated edits elsewhere in the file leave it alone; editing the line
// changes it. occ counts the keys seen so far.
func fingerprint(occ map[string]int, rule, file, line string) string {
	norm := strings.Join(strings.Fields(line), " ")
	key := rule + "\x00" + file + "\x00" + norm
	occ[key]++
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(occ[key])))
	return hex.EncodeToString(sum[:8])
}

// lineText returns the 1-based line n of content without its line ending.
func lineText(content []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(content, '\n')
		if j < 0 {
			return ""
		}
		content = content[j+1:]
	}
	if j := bytes.IndexByte(content, '\n'); j >= 0 {
		content = content[:j]
	}
	return string(bytes.TrimSuffix(content, []byte("\r")))
}

// utf16Col converts a 1-based byte column in line to a 1-based column in
// UTF-16 code units, which SARIF and GitHub count in.
func utf16Col(line string, byteCol int) int {
	if byteCol <= 1 || line == "" {
		return max(byteCol, 1)
	}
	prefix := line[:min(byteCol-1, len(line))]
	n := 0
	for _, r := range prefix {
		n += utf16.RuneLen(r)
	}
	return n + 1 + max(0, byteCol-1-len(line))
}
