// Package diffscope decides which findings a change introduced: a Scope
// holds the lines a diff added or modified, file by file, and a finding
// is in scope when one of its lines is among them. Scopes come from a
// unified diff (a patch file, or `git diff` against the merge base with
// a revision) or name whole files (staged files for pre-commit).
package diffscope

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Scope is a set of changed lines per file. Paths are relative to the
// scan root, with forward slashes. The zero Scope contains nothing.
type Scope struct {
	lines map[string][]lineRange // sorted, non-overlapping
	whole map[string]bool
}

type lineRange struct{ from, to int } // inclusive, 1-based

// Files makes a scope holding every line of the named files.
func Files(files []string) *Scope {
	s := &Scope{whole: map[string]bool{}}
	for _, f := range files {
		s.whole[f] = true
	}
	return s
}

// Contains reports whether any line from start to end (1-based,
// inclusive) of file is in the scope. A finding without a line (end <
// start or start < 1) is in scope when its file is.
func (s *Scope) Contains(file string, start, end int) bool {
	if s == nil {
		return false
	}
	if s.whole[file] {
		return true
	}
	rs := s.lines[file]
	if start < 1 || end < start {
		return len(rs) > 0
	}
	for _, r := range rs {
		if r.from <= end && start <= r.to {
			return true
		}
	}
	return false
}

// ChangedFiles returns the files with at least one line in scope, sorted.
func (s *Scope) ChangedFiles() []string {
	var out []string
	for f := range s.whole {
		out = append(out, f)
	}
	for f, rs := range s.lines {
		if len(rs) > 0 && !s.whole[f] {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

func (s *Scope) add(file string, line int) {
	if s.lines == nil {
		s.lines = map[string][]lineRange{}
	}
	rs := s.lines[file]
	if n := len(rs); n > 0 && rs[n-1].to+1 >= line && rs[n-1].from <= line {
		rs[n-1].to = max(rs[n-1].to, line)
	} else {
		rs = append(rs, lineRange{line, line})
	}
	s.lines[file] = rs
}

// ParsePatch reads a unified diff (git's format or diff -u) and returns
// the lines it adds on the new side. Paths lose their first component
// when it is git's "b/" prefix; /dev/null (a deleted file) adds nothing.
// Lines inside a hunk are counted from its header, so context lines are
// allowed.
func ParsePatch(r io.Reader) (*Scope, error) {
	s := &Scope{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	var (
		file      string
		newLine   int // next line number on the new side
		remaining int // new-side lines left in the current hunk
		oldLeft   int // old-side lines left in the current hunk
		lineNo    int
		sawHeader bool
	)
	for sc.Scan() {
		lineNo++
		text := sc.Text()
		if remaining > 0 || oldLeft > 0 {
			switch {
			case strings.HasPrefix(text, "+"):
				if file != "" {
					s.add(file, newLine)
				}
				newLine++
				remaining--
				continue
			case strings.HasPrefix(text, "-"):
				oldLeft--
				continue
			case strings.HasPrefix(text, " ") || text == "":
				newLine++
				remaining--
				oldLeft--
				continue
			case strings.HasPrefix(text, `\`): // "\ No newline at end of file"
				continue
			}
			// Anything else ends the hunk early (a truncated patch).
			remaining, oldLeft = 0, 0
		}
		switch {
		case strings.HasPrefix(text, "+++ "):
			name, err := patchPath(strings.TrimPrefix(text, "+++ "))
			if err != nil {
				return nil, fmt.Errorf("patch line %d: %v", lineNo, err)
			}
			file = name
			sawHeader = true
		case strings.HasPrefix(text, "@@ "):
			oldCount, newStart, newCount, err := hunkHeader(text)
			if err != nil {
				return nil, fmt.Errorf("patch line %d: %v", lineNo, err)
			}
			newLine, remaining, oldLeft = newStart, newCount, oldCount
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the patch: %w", err)
	}
	if !sawHeader && lineNo > 0 {
		return nil, fmt.Errorf("not a unified diff: no \"+++ \" file header in %d lines", lineNo)
	}
	return s, nil
}

// patchPath extracts the repository path from the text after "+++ ":
// git quotes unusual names C-style and may append a tab and a timestamp
// (diff -u does).
func patchPath(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		end := closingQuote(s)
		if end < 0 {
			return "", fmt.Errorf("unterminated quoted file name %s", s)
		}
		u, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", fmt.Errorf("bad quoted file name %s: %v", s[:end+1], err)
		}
		s = u
	} else if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "\r")
	if s == "/dev/null" {
		return "", nil
	}
	s = strings.TrimPrefix(s, "b/")
	return strings.TrimPrefix(s, "./"), nil
}

func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// hunkHeader parses "@@ -a[,b] +c[,d] @@ ...".
func hunkHeader(s string) (oldCount, newStart, newCount int, err error) {
	fields := strings.Fields(s)
	if len(fields) < 4 || !strings.HasPrefix(fields[3], "@@") {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", s)
	}
	if _, oldCount, err = hunkRange(fields[1], '-'); err != nil {
		return
	}
	newStart, newCount, err = hunkRange(fields[2], '+')
	return
}

func hunkRange(s string, sign byte) (start, count int, err error) {
	if len(s) < 2 || s[0] != sign {
		return 0, 0, fmt.Errorf("bad hunk range %q", s)
	}
	s = s[1:]
	count = 1
	if i := strings.IndexByte(s, ','); i >= 0 {
		if count, err = strconv.Atoi(s[i+1:]); err != nil || count < 0 {
			return 0, 0, fmt.Errorf("bad hunk range %q", s)
		}
		s = s[:i]
	}
	if start, err = strconv.Atoi(s); err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad hunk range %q", s)
	}
	return start, count, nil
}

// CheckPaths returns an error when the scope names files and none of them
// exists below root: the change was made against other paths (a patch
// with i/ w/ prefixes, or relative to another directory), and without
// the error every finding would be unchanged and the gate would pass.
func (s *Scope) CheckPaths(root string) error {
	files := s.ChangedFiles()
	if len(files) == 0 {
		return nil
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f))); err == nil {
			return nil
		}
	}
	return fmt.Errorf("none of the %d files the change names exists below %s (the first is %q): paths must be relative to the scan root, with git's a/ and b/ prefixes or none", len(files), root, files[0])
}
