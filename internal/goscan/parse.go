package goscan

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"sync"
	"unicode/utf8"
)

// parseMode is go/packages' own mode for the files it parses.
const parseMode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution

// binarySniffLen is how far a NUL byte makes a file binary, as for the
// walk and git.
const binarySniffLen = 8000

// encoding says what keeps src from being Go source text, if anything.
type encoding struct {
	problem   string // "" when src is UTF-8 without NUL bytes
	line, col int    // where the first offending byte is
	// parse is false when the file is not worth parsing at all (UTF-16,
	// binary); otherwise the bad bytes are read as spaces.
	parse bool
}

// checkEncoding looks for what go/scanner rejects outright. go/parser
// gives up on a whole file when the first token is bad, so a Latin-1 byte
// in a package comment used to hide every literal of the file.
func checkEncoding(src []byte) encoding {
	switch {
	case len(src) >= 2 && (src[0] == 0xff && src[1] == 0xfe || src[0] == 0xfe && src[1] == 0xff):
		return encoding{problem: "UTF-16 text (byte-order mark): Go source must be UTF-8, so the Go rules did not run on it; " +
			"the secret rules read it decoded; convert it, e.g. iconv -f UTF-16 -t UTF-8", line: 1, col: 1}
	case bytes.IndexByte(src[:min(len(src), binarySniffLen)], 0) >= 0:
		line, col := position(src, bytes.IndexByte(src, 0))
		return encoding{problem: "binary content (NUL bytes): not Go source text, so neither the Go rules nor the secret rules read it; " +
			"if it is not meant to be Go, rename it so that it does not end in .go", line: line, col: col}
	}
	bad, first := 0, -1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if (r == utf8.RuneError && n == 1) || r == 0 {
			if first < 0 {
				first = i
			}
			bad++
		}
		i += n
	}
	if bad == 0 {
		return encoding{parse: true}
	}
	line, col := position(src, first)
	noun := "byte"
	if bad > 1 {
		noun = "bytes"
	}
	what := fmt.Sprintf("byte 0x%02X: Latin-1 or Windows-1252 text?", src[first])
	if src[first] == 0 {
		what = "a NUL byte"
	}
	return encoding{problem: fmt.Sprintf("not valid UTF-8 (%s): Go source must be UTF-8; "+
		"the Go rules read the %d invalid %s as spaces and the secret rules read the file as it is; "+
		"convert it, e.g. iconv -f LATIN1 -t UTF-8", what, bad, noun), line: line, col: col, parse: true}
}

// sanitize replaces every byte that is not part of valid UTF-8 (and NUL)
// with a space, keeping every offset, so that positions in the parsed
// file are those of the file on disk.
func sanitize(src []byte) []byte {
	out := bytes.Clone(src)
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRune(out[i:])
		if (r == utf8.RuneError && n == 1) || r == 0 {
			out[i] = ' '
		}
		i += n
	}
	return out
}

// position is the 1-based line and byte column of offset off.
func position(src []byte, off int) (line, col int) {
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	return line, off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
}

// parseLog records, for every file parsed in a run, whether the analyzers
// saw it whole. It is the ParseFile hook of go/packages and the parser of
// the loose fallback, and safe for concurrent use.
type parseLog struct {
	mu    sync.Mutex
	files map[string]parsed
}

// parsed is what became of one file.
type parsed struct {
	// clean: parsed from its bytes on disk without any error.
	clean bool
	// encoding is the file's encoding problem, if any.
	encoding encoding
}

func newParseLog() *parseLog { return &parseLog{files: map[string]parsed{}} }

// parse parses src as filename. A file that is not UTF-8 is parsed with
// its bad bytes read as spaces (or not at all, see checkEncoding), and the
// problem is recorded rather than returned: go/packages would otherwise
// report it as an error without position.
func (l *parseLog) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	enc := checkEncoding(src)
	var f *ast.File
	var err error
	if enc.parse {
		text := src
		if enc.problem != "" {
			text = sanitize(src)
		}
		f, err = parser.ParseFile(fset, filename, text, parseMode)
	}
	l.mu.Lock()
	l.files[filename] = parsed{clean: enc.problem == "" && err == nil && f != nil, encoding: enc}
	l.mu.Unlock()
	return f, err
}

// get returns what became of filename, and whether it was parsed.
func (l *parseLog) get(filename string) (parsed, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok := l.files[filename]
	return p, ok
}

// problems returns one problem per file with an encoding problem, for the
// files inside the scan (contains).
func (l *parseLog) problems(contains func(string) bool) []Problem {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Problem
	for f, p := range l.files {
		if e := p.encoding; e.problem != "" && contains(f) {
			out = append(out, Problem{Kind: KindEncoding, File: f, Line: e.line, Col: e.col, Message: e.problem})
		}
	}
	return out
}

// mentionsBadEncoding reports whether msg names a file with an encoding
// problem.
func (l *parseLog) mentionsBadEncoding(msg string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for f, p := range l.files {
		if p.encoding.problem != "" && strings.Contains(msg, f) {
			return true
		}
	}
	return false
}
