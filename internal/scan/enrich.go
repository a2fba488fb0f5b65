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
	"github.com/tokenvet/tokenvet/internal/redact"
)

// maxSnippet bounds a snippet: a finding in a minified line must not drag
// the whole line into every output.
const maxSnippet = 200

// enrich fills in what needs the file's text: the snippet, UTF-16
// columns, GitHub's line hash and the content-based fingerprint. It
// redacts secrets from snippet and message unless told not to, and
// always clears Finding.Secret so nothing downstream can print it.
// fs must be sorted, so occurrence counts are deterministic.
func enrich(fs []*finding.Finding, src *sources, redactSecrets bool) {
	hashes := map[string][]string{}
	occurrences := map[string]int{}
	for _, f := range fs {
		content, err := src.read(f.File)
		var line string
		if err == nil {
			line = lineText(content, f.StartLine)
			if _, ok := hashes[f.File]; !ok {
				hashes[f.File] = linehash.Compute(content)
			}
			if h := hashes[f.File]; f.StartLine >= 1 && f.StartLine <= len(h) {
				f.LineHash = h[f.StartLine-1]
			}
		}
		f.StartColUTF16 = utf16Col(line, f.StartCol)
		if f.EndLine == f.StartLine {
			f.EndColUTF16 = utf16Col(line, f.EndCol)
		} else if err == nil {
			f.EndColUTF16 = utf16Col(lineText(content, f.EndLine), f.EndCol)
		} else {
			f.EndColUTF16 = f.EndCol
		}
		if f.EndLine == 0 {
			f.EndLine, f.EndCol, f.EndColUTF16 = f.StartLine, f.StartCol, f.StartColUTF16
		}

		norm := strings.Join(strings.Fields(line), " ")
		key := f.RuleID + "\x00" + f.File + "\x00" + norm
		occurrences[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(occurrences[key])))
		f.Fingerprint = hex.EncodeToString(sum[:8])

		snippet := strings.TrimSpace(line)
		if redactSecrets && f.Secret != "" {
			snippet = redact.In(snippet, f.Secret)
			f.Message = redact.In(f.Message, f.Secret)
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
