package walk

import (
	"bytes"
	"strings"
)

// This file implements gitignore pattern syntax as documented in
// gitignore(5), matched the way git's wildmatch does with WM_PATHNAME:
// '*' and '?' never match '/', matching is byte-wise and case-sensitive.
// Patterns are compiled once per ignore file into segment lists; matching
// a path allocates nothing.

// segKind says how one '/'-separated pattern segment matches one path
// segment.
type segKind uint8

const (
	segLiteral  segKind = iota // exact string compare
	segGlob                    // wildcard match within one segment
	segGlobstar                // "**": zero or more whole segments
)

type segment struct {
	kind segKind
	text string // literal text (unescaped) or glob source
}

func (s *segment) match(name string) bool {
	if s.kind == segLiteral {
		return s.text == name
	}
	return matchGlob(s.text, name)
}

// matchFast says which shortcut, if any, a pattern can use.
type matchFast uint8

const (
	fastNone     matchFast = iota
	fastBaseLit            // unanchored literal: basename == text
	fastBaseExt            // unanchored "*suffix": basename ends with text
	fastBaseGlob           // unanchored glob on the basename
)

// pattern is one compiled line of an ignore file.
type pattern struct {
	negate  bool
	dirOnly bool
	// anchored patterns match the whole path relative to the ignore
	// file's directory; unanchored ones match the basename at any depth.
	anchored bool
	invalid  bool // malformed (e.g. unterminated '['): never matches
	extra    bool // from an extra ignore file (.tokenvetignore), not .gitignore
	fast     matchFast
	text     string // for the fast paths
	segs     []segment
	source   string // the original line, for diagnostics
}

// parsePattern compiles one line of an ignore file. ok is false for blank
// lines and comments.
func parsePattern(line string) (p pattern, ok bool) {
	line = strings.TrimSuffix(line, "\r")
	line = trimTrailingSpaces(line)
	if line == "" || line[0] == '#' {
		return pattern{}, false
	}
	p.source = line
	if line[0] == '!' {
		p.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return pattern{}, false // "/" or "!" alone matches nothing
	}
	// A slash at the start or in the middle anchors the pattern to the
	// directory of the ignore file.
	if strings.Contains(line, "/") {
		p.anchored = true
		line = strings.TrimPrefix(line, "/")
	}
	if p.anchored {
		for s := range strings.SplitSeq(line, "/") {
			if s == "" {
				continue // "a//b" behaves like "a/b"
			}
			seg, valid := compileSegment(s, true)
			if !valid {
				p.invalid = true
			}
			p.segs = append(p.segs, seg)
		}
		return p, true
	}
	seg, valid := compileSegment(line, false)
	if !valid {
		p.invalid = true
		return p, true
	}
	switch {
	case seg.kind == segLiteral:
		p.fast, p.text = fastBaseLit, seg.text
	case len(line) > 1 && line[0] == '*' && !hasMeta(line[1:]):
		p.fast, p.text = fastBaseExt, line[1:]
	default:
		p.fast, p.text = fastBaseGlob, seg.text
	}
	return p, true
}

// trimTrailingSpaces removes trailing spaces unless escaped by a
// backslash ("foo\ " keeps its last space).
func trimTrailingSpaces(s string) string {
	end := len(s)
	lastSpace := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if lastSpace < 0 {
				lastSpace = i
			}
		case '\\':
			i++
			if i >= len(s) {
				return s // trailing backslash: leave as is (pattern is invalid)
			}
			lastSpace = -1
		default:
			lastSpace = -1
		}
	}
	if lastSpace >= 0 {
		end = lastSpace
	}
	return s[:end]
}

func hasMeta(s string) bool {
	return strings.ContainsAny(s, `*?[\`)
}

// compileSegment compiles one segment. inPath allows "**" to become a
// globstar; elsewhere "**" is an ordinary star.
func compileSegment(s string, inPath bool) (segment, bool) {
	if inPath && s == "**" {
		return segment{kind: segGlobstar}, true
	}
	if !strings.ContainsAny(s, "*?[") {
		if !strings.Contains(s, `\`) {
			return segment{kind: segLiteral, text: s}, true
		}
		// Only escapes: unescape to a literal.
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' {
				i++
				if i >= len(s) {
					return segment{kind: segLiteral, text: s}, false
				}
			}
			b.WriteByte(s[i])
		}
		return segment{kind: segLiteral, text: b.String()}, true
	}
	return segment{kind: segGlob, text: s}, validGlob(s)
}

// validGlob reports whether every '[' class is terminated and no escape
// is dangling.
func validGlob(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
			if i >= len(p) {
				return false
			}
		case '[':
			_, n, ok := matchClass(p[i:], 0)
			if !ok {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// matchGlob matches a single-segment glob against a name that contains no
// '/'. It backtracks only to the most recent '*', which is enough because
// a '*' cannot cross a segment boundary.
func matchGlob(p, s string) bool {
	px, sx := 0, 0
	starPx, starSx := -1, 0
	for px < len(p) || sx < len(s) {
		if px < len(p) {
			switch c := p[px]; c {
			case '*':
				for px < len(p) && p[px] == '*' {
					px++
				}
				if px == len(p) {
					return true // trailing star eats the rest of the segment
				}
				starPx, starSx = px, sx
				continue
			case '?':
				if sx < len(s) {
					px++
					sx++
					continue
				}
			case '[':
				if sx < len(s) {
					matched, n, ok := matchClass(p[px:], s[sx])
					if !ok {
						return false
					}
					if matched {
						px += n
						sx++
						continue
					}
				}
			case '\\':
				if px+1 >= len(p) {
					return false
				}
				if sx < len(s) && p[px+1] == s[sx] {
					px += 2
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if starPx >= 0 && starSx < len(s) {
			starSx++
			px, sx = starPx, starSx
			continue
		}
		return false
	}
	return true
}

// matchClass matches byte c against the bracket expression at the start of
// p (p[0] == '['). It returns whether c matched, the length of the
// expression, and false in ok if the expression is unterminated.
func matchClass(p string, c byte) (matched bool, n int, ok bool) {
	i := 1
	negate := false
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		negate = true
		i++
	}
	first := true
	for {
		if i >= len(p) {
			return false, 0, false
		}
		ch := p[i]
		if ch == ']' && !first {
			i++
			break
		}
		first = false
		if ch == '[' && i+1 < len(p) && p[i+1] == ':' {
			if end := strings.Index(p[i+2:], ":]"); end >= 0 {
				name := p[i+2 : i+2+end]
				if cls, known := posixClasses[name]; known {
					if cls(c) {
						matched = true
					}
					i += 2 + end + 2
					continue
				}
				return false, 0, false // unknown class name: git aborts
			}
		}
		if ch == '\\' {
			i++
			if i >= len(p) {
				return false, 0, false
			}
			ch = p[i]
		}
		lo := ch
		i++
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			hi := p[i+1]
			i += 2
			if hi == '\\' {
				if i >= len(p) {
					return false, 0, false
				}
				hi = p[i]
				i++
			}
			if lo <= c && c <= hi {
				matched = true
			}
			continue
		}
		if c == lo {
			matched = true
		}
	}
	return matched != negate, i, true
}

var posixClasses = map[string]func(byte) bool{
	"alnum":  func(c byte) bool { return isAlpha(c) || isDigit(c) },
	"alpha":  isAlpha,
	"blank":  func(c byte) bool { return c == ' ' || c == '\t' },
	"cntrl":  func(c byte) bool { return c < 0x20 || c == 0x7f },
	"digit":  isDigit,
	"graph":  func(c byte) bool { return c > 0x20 && c < 0x7f },
	"lower":  func(c byte) bool { return 'a' <= c && c <= 'z' },
	"print":  func(c byte) bool { return c >= 0x20 && c < 0x7f },
	"punct":  func(c byte) bool { return c > 0x20 && c < 0x7f && !isAlpha(c) && !isDigit(c) },
	"space":  func(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') },
	"upper":  func(c byte) bool { return 'A' <= c && c <= 'Z' },
	"xdigit": func(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') },
}

func isAlpha(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// matches reports whether the pattern matches a path given as segments
// relative to the ignore file's directory (len(parts) >= 1).
func (p *pattern) matches(parts []string, isDir bool) bool {
	if p.invalid || (p.dirOnly && !isDir) {
		return false
	}
	base := parts[len(parts)-1]
	switch p.fast {
	case fastBaseLit:
		return base == p.text
	case fastBaseExt:
		return strings.HasSuffix(base, p.text)
	case fastBaseGlob:
		return matchGlob(p.text, base)
	}
	return matchSegments(p.segs, parts)
}

func matchSegments(segs []segment, parts []string) bool {
	for len(segs) > 0 {
		s := &segs[0]
		if s.kind == segGlobstar {
			rest := segs[1:]
			if len(rest) == 0 {
				// Trailing "/**" matches everything inside, not the
				// directory itself.
				return len(parts) >= 1
			}
			for i := 0; i <= len(parts); i++ {
				if matchSegments(rest, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 || !s.match(parts[0]) {
			return false
		}
		segs, parts = segs[1:], parts[1:]
	}
	return len(parts) == 0
}

// patternList is the compiled content of one or more ignore files that
// apply to one directory, in file order.
type patternList struct {
	pats []pattern
}

// addFile compiles the lines of one ignore file and appends them; extra
// marks an extra ignore file's patterns (Options.ExtraIgnoreFiles).
func (l *patternList) addFile(data []byte, extra bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // UTF-8 BOM
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if p, ok := parsePattern(string(line)); ok {
			p.extra = extra
			l.pats = append(l.pats, p)
		}
	}
}

func (l *patternList) addLines(lines []string) {
	for _, line := range lines {
		if p, ok := parsePattern(line); ok {
			l.pats = append(l.pats, p)
		}
	}
}

// decide returns whether the last matching pattern ignores the path
// (ignored) and whether any pattern matched at all (matched). A matching
// negated pattern yields matched && !ignored.
func (l *patternList) decide(parts []string, isDir bool) (ignored, matched bool) {
	p := l.last(parts, isDir, false)
	if p == nil {
		return false, false
	}
	return !p.negate, true
}

// last returns the last pattern matching the path, or nil; extraOnly
// looks at patterns of extra ignore files only.
func (l *patternList) last(parts []string, isDir, extraOnly bool) *pattern {
	for i := len(l.pats) - 1; i >= 0; i-- {
		p := &l.pats[i]
		if (p.extra || !extraOnly) && p.matches(parts, isDir) {
			return p
		}
	}
	return nil
}

// Patterns is a compiled list of gitignore-syntax patterns relative to one
// directory, for callers that need to test single paths against the same
// rules Walk applies (for example, user Exclude patterns on Go files).
type Patterns struct {
	list patternList
}

// CompilePatterns compiles gitignore-syntax lines. Blank lines and
// comments are dropped; malformed patterns never match.
func CompilePatterns(lines []string) *Patterns {
	p := &Patterns{}
	p.list.addLines(lines)
	return p
}

// Match reports whether rel (slash-separated, relative to the patterns'
// directory) is ignored, either itself or because one of its parent
// directories is: as in git, a path under an ignored directory cannot be
// re-included.
func (p *Patterns) Match(rel string, isDir bool) bool {
	rel = strings.Trim(rel, "/")
	if rel == "" || p == nil || len(p.list.pats) == 0 {
		return false
	}
	parts := strings.Split(rel, "/")
	for i := 1; i <= len(parts); i++ {
		dir := i < len(parts) || isDir
		if ign, _ := p.list.decide(parts[:i], dir); ign {
			return true
		}
	}
	return false
}
