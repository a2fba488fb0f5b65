package walk

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// DefaultLongLine is MinifiedCheck.LongLine when it is 0: a line of more
// bytes counts as long. Closure Compiler (React's production builds)
// breaks its output near 500 bytes; people rarely write code lines past
// 200.
const DefaultLongLine = 200

// Thresholds of the minified decision. A bundle has most of its code on
// long lines and, besides, almost no whitespace between tokens or names
// mangled to a letter or two. Hand-written code has 15-30% whitespace
// and names of 5-8 bytes on average; React DOM's production build has
// 2.5% and 2.7. Only code counts: string literals, comments and regular
// expressions are left out, so a long data URI, an inlined SVG or a
// license header decides nothing.
const (
	minCodeBytes = 1024 // less code than this is never judged minified: it is cheap to scan
	minLongRatio = 0.5  // share of the code on long lines
	maxSpace     = 0.08 // share of whitespace in the code
	maxIdentLen  = 3.0  // mean length of the names that are not properties
)

// MinifiedCheck is the one decision of what is a minified bundle, made
// by the walk (which then skips the file for every engine) and by any
// engine that declines such files when given content from elsewhere
// (the web engine's SkipFile). Every place is configured with the same
// value, so the scan's --include-minified and the configuration keys
// mean the same thing everywhere.
type MinifiedCheck struct {
	// Include turns the check off: minified files are scanned like any
	// other.
	Include bool
	// LongLine is the length in bytes above which a line is long
	// (0: DefaultLongLine).
	LongLine int
}

// Skip reports whether content, the file at rel, is a minified bundle or
// a source map that the check leaves out, and why in words.
func (c MinifiedCheck) Skip(rel string, content []byte) (why string, skip bool) {
	if c.Include {
		return "", false
	}
	return Minified(rel, content, c.LongLine)
}

// SkipFile is Skip for a file from the walk, which has already applied
// the same check to it when f.NotMinified is set.
func (c MinifiedCheck) SkipFile(f File) (why string, skip bool) {
	if f.NotMinified {
		return "", false
	}
	return c.Skip(f.Rel, f.Content)
}

// Minified reports whether content, the file at rel, is generated
// minified code: JavaScript, TypeScript or CSS whose code as a whole
// looks machine-written (see the thresholds above), or a JSON source map.
// Other kinds of file are never minified. longLine is as in
// MinifiedCheck.LongLine. The work is one pass over content.
func Minified(rel string, content []byte, longLine int) (why string, minified bool) {
	lang := bundleLang(rel)
	if lang == langNone {
		return "", false
	}
	if lang == langMap {
		if isSourceMap(content) {
			return "source map", true
		}
		lang = langJS // a .map that is not a source map is judged as code
	}
	if longLine <= 0 {
		longLine = DefaultLongLine
	}
	s := measure(content, lang, longLine)
	if s.code < minCodeBytes {
		return "", false
	}
	long := float64(s.codeOnLong) / float64(s.code)
	space := float64(s.space) / float64(s.code)
	ident := 0.0
	if s.idents > 0 {
		ident = float64(s.identBytes) / float64(s.idents)
	}
	mangled := lang == langJS && s.idents > 0 && ident < maxIdentLen
	if long < minLongRatio || (space >= maxSpace && !mangled) {
		return "", false
	}
	why = fmt.Sprintf("%.0f%% of its code on lines over %d bytes, %.1f%% whitespace", 100*long, longLine, 100*space)
	if lang == langJS && s.idents > 0 {
		why += fmt.Sprintf(", names of %.1f bytes on average", ident)
	}
	return why, true
}

type lang uint8

const (
	langNone lang = iota
	langJS        // JavaScript, TypeScript, JSX
	langCSS
	langMap // a source map, or judged as JavaScript if it is not one
)

// bundleLang says how a file kind is shipped minified, if it is.
func bundleLang(rel string) lang {
	switch strings.ToLower(path.Ext(rel)) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx":
		return langJS
	case ".css":
		return langCSS
	case ".map":
		return langMap
	}
	return langNone
}

// IsBundleName reports whether rel names a kind of file that is shipped
// minified (JavaScript, TypeScript, CSS, source maps): the files the
// minified decision looks at.
func IsBundleName(rel string) bool { return bundleLang(rel) != langNone }

// isSourceMap reports whether content is a JSON source map (revision 3:
// an object with "version" and "mappings").
func isSourceMap(content []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(content, []byte("\xef\xbb\xbf")), " \t\r\n")
	if strings.HasPrefix(string(head[:min(len(head), 4)]), ")]}'") {
		// The XSSI guard a source map may start with.
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = bytes.TrimLeft(head[i+1:], " \t\r\n")
		}
	}
	return len(head) > 0 && head[0] == '{' &&
		bytes.Contains(content, []byte(`"mappings"`)) && bytes.Contains(content, []byte(`"version"`))
}

// codeStats is what measure counts, in bytes of code (outside string
// and template literals, comments and regular expressions).
type codeStats struct {
	code       int // code bytes, whitespace included
	space      int // whitespace among them
	codeOnLong int // code bytes on lines longer than the long-line limit
	idents     int // names, not counting property names after a '.'
	identBytes int // their total length
}

// lexer states.
const (
	stCode = iota
	stQuote
	stTemplate
	stLineComment
	stBlockComment
	stRegexp
	stRegexpClass
)

// measure lexes content just well enough to tell code from literals and
// comments. It never backtracks; a construct it misreads (a regular
// expression taken for a division, say) shifts bytes between code and
// literal, which moves the ratios a little and cannot make it slower.
func measure(content []byte, lg lang, longLine int) codeStats {
	var (
		s         codeStats
		st        = stCode
		quote     byte
		continued bool // a backslash before the line break inside a string
		lineStart = 0
		lineCode  = 0
		// braces holds, for each template literal whose ${…} is open,
		// the brace depth at which the substitution ends.
		braces []int
		depth  = 0
		// prevSig is the last code byte that is not whitespace, and
		// prevWord the name it ended, if any: they tell a regular
		// expression from a division.
		prevSig  byte
		prevWord []byte
	)
	js := lg == langJS
	n := len(content)
	for i := 0; i < n; i++ {
		c := content[i]
		if c == '\n' {
			// A line break ends line comments, regular expressions and
			// strings (unless escaped); it belongs to the line it ends.
			switch {
			case st == stLineComment || st == stRegexp || st == stRegexpClass:
				st = stCode
			case st == stQuote && !continued:
				st, prevSig, prevWord = stCode, quote, nil
			}
			continued = false
			if st == stCode {
				s.code++
				s.space++
				lineCode++
			}
			if i-lineStart > longLine {
				s.codeOnLong += lineCode
			}
			lineStart, lineCode = i+1, 0
			continue
		}
		switch st {
		case stCode:
			switch {
			case c == '"' || c == '\'':
				st, quote = stQuote, c
				continue
			case c == '`' && js:
				st = stTemplate
				continue
			case c == '/' && i+1 < n && content[i+1] == '*':
				st = stBlockComment
				i++
				continue
			case c == '/' && js && i+1 < n && content[i+1] == '/':
				st = stLineComment
				continue
			case c == '/' && js && regexpCanStart(prevSig, prevWord):
				st = stRegexp
				continue
			case c == '{':
				depth++
			case c == '}':
				if len(braces) > 0 && braces[len(braces)-1] == depth {
					braces = braces[:len(braces)-1]
					depth--
					st = stTemplate
					continue
				}
				depth--
			}
			s.code++
			lineCode++
			if c == ' ' || c == '\t' || c == '\r' {
				s.space++
				continue
			}
			if isIdentStart(c) {
				j := i + 1
				for j < n && isIdentByte(content[j]) {
					j++
				}
				word := content[i:j]
				if prevSig != '.' {
					s.idents++
					s.identBytes += len(word)
				}
				s.code += len(word) - 1
				lineCode += len(word) - 1
				prevSig, prevWord = word[len(word)-1], word
				i = j - 1
				continue
			}
			prevSig, prevWord = c, nil
		case stQuote:
			switch c {
			case '\\':
				if i+1 < n && content[i+1] == '\n' {
					continued = true
				} else {
					i++ // an escaped quote stays in the string
				}
			case quote:
				st, prevSig, prevWord = stCode, quote, nil
			}
		case stTemplate:
			switch {
			case c == '\\':
				i = skipEscaped(content, i)
			case c == '`':
				st, prevSig, prevWord = stCode, '`', nil
			case c == '$' && i+1 < n && content[i+1] == '{':
				i++
				depth++
				braces = append(braces, depth)
				st, prevSig, prevWord = stCode, '{', nil
			}
		case stBlockComment:
			if c == '*' && i+1 < n && content[i+1] == '/' {
				st = stCode
				i++
			}
		case stRegexp, stRegexpClass:
			switch {
			case c == '\\':
				i = skipEscaped(content, i)
			case c == '[':
				st = stRegexpClass
			case c == ']' && st == stRegexpClass:
				st = stRegexp
			case c == '/' && st == stRegexp:
				st, prevSig, prevWord = stCode, '/', nil
			}
		}
	}
	if n-lineStart > longLine {
		s.codeOnLong += lineCode
	}
	return s
}

// regexpCanStart reports whether a '/' after the code byte prev (0 at
// the start) and the name word (if prev ended one) begins a regular
// expression rather than a division.
func regexpCanStart(prev byte, word []byte) bool {
	if len(word) > 0 {
		switch string(word) { // no allocation: the compiler compares the bytes
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
		return false
	}
	return prev == 0 || strings.IndexByte("(,=:[!&|?{};~+-*%<>^", prev) >= 0
}

// skipEscaped returns the index of the byte a backslash at i escapes,
// unless that is a line break, which the loop must still see to count
// lines.
func skipEscaped(content []byte, i int) int {
	if i+1 < len(content) && content[i+1] != '\n' {
		return i + 1
	}
	return i
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c >= 0x80
}

func isIdentByte(c byte) bool { return isIdentStart(c) || ('0' <= c && c <= '9') }
