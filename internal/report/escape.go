package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text read from the scanned repository — file names, messages quoting
// source — goes to three kinds of stream, and each has one escaping
// function that everything printed to it goes through:
//
//   - terminals and CI logs (the text format, everything on stderr):
//     Terminal, and TerminalPath for a path that starts a line;
//   - GitHub workflow commands (the github format): githubData and
//     githubProperty;
//   - JSON and SARIF: encoding/json, which escapes control characters
//     itself.
//
// A CI log is a terminal that also obeys commands: the GitHub Actions
// runner takes any line of stdout or stderr that starts with "::" (after
// leading blanks) as a workflow command (::error, ::add-mask::,
// ::stop-commands::). So a raw line break, or a line that starts with a
// file name of the repository's choosing, must never reach it.

// Terminal returns s with everything that could change what a terminal
// or a CI log shows escaped, Go-style: control characters (line breaks
// and ESC included) as \n, \r, \t, \x1b, \u0085; the Unicode bidi
// controls and line separators, which reorder or break the displayed
// text ("Trojan Source"), as \u202e; and bytes that are not UTF-8 as
// \xff. Other text is unchanged.
func Terminal(s string) string { return escapeControls(s, false) }

// escapeControls is Terminal; with keepBreaks, CR and LF are left for
// the caller to escape its own way.
func escapeControls(s string, keepBreaks bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepBreaks && (r == '\n' || r == '\r'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.In(r, unicode.Zl, unicode.Zp):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII only, which Terminal
// leaves as it is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// TerminalPath is Terminal for a path printed at the start of a line: a
// path that starts with a colon gets a "./" in front, so that a file
// named "::error file=x::forged" is not a workflow command.
func TerminalPath(p string) string {
	p = Terminal(p)
	if strings.HasPrefix(strings.TrimLeft(p, " \t"), ":") {
		p = "./" + p
	}
	return p
}

// TerminalCode is Terminal for a line of source code shown whole, as a
// diff shows it: tabs are kept, since code is indented with them and a
// tab cannot change what else the terminal shows; and a line whose text
// starts with "::" after blanks gets its first colon escaped as \x3a,
// because a diff's context line starts with a blank, which the Actions
// runner skips before looking for a workflow command.
func TerminalCode(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = Terminal(p)
	}
	s = strings.Join(parts, "\t")
	if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, "::") {
		s = s[:len(s)-len(t)] + `\x3a` + t[1:]
	}
	return s
}

// OneLine collapses a message of several lines (go list's stderr, a
// parse error quoting a multi-line literal) into one, its lines joined
// by "; ": each output format shows a message on one line.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}

// githubData escapes a workflow command's message as GitHub's toolkit
// does (%, CR, LF: GitHub shows the line breaks), after the other
// controls are escaped as Terminal escapes them.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(escapeControls(s, true))
}

// githubProperty escapes a workflow command's property value (file=,
// title=) as GitHub's toolkit does: githubData's characters and the
// separators : and ,. Nothing else is changed, so that GitHub, which
// unescapes them, places the annotation on the file of that very name.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
