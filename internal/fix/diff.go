package fix

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/tokenvet/tokenvet/internal/finding"
)

// contextLines is how many unchanged lines a hunk shows around a change,
// as diff -u and git show.
const contextLines = 3

// WriteDiff writes a unified diff of files, some or all of p.Files, to w, one file after another, with "--- a/PATH" and "+++ b/PATH"
// headers. Every line of text printed (without its line ending) goes
// through p.Redact, then escape when it is not nil; escape also gets
// the paths. Line endings are printed as the file has them, CRLF
// included, so that the diff applies (git apply, patch) to the file.
func (p *Plan) WriteDiff(w io.Writer, files []*File, escape func(string) string) error {
	if escape == nil {
		escape = func(s string) string { return s }
	}
	bw := bufio.NewWriter(w)
	for _, f := range files {
		line := func(text string, oldLine int) string {
			if p.Redact != nil {
				text = p.Redact(f.Path, text, oldLine)
			}
			return escape(text)
		}
		f.writeDiff(bw, escape(f.Path), line)
	}
	return bw.Flush()
}

// region is a run of whole old lines [l0, l1) that the edits replace with
// the lines of text.
type region struct {
	l0, l1 int
	text   []byte
}

// writeDiff writes f's diff; line rewrites a line's text before it is
// printed (oldLine: its 1-based number in f.Old, 0 for an added line).
func (f *File) writeDiff(w *bufio.Writer, name string, line func(text string, oldLine int) string) {
	ls := newLines(f.Old)
	regions := ls.regions(f.Edits)
	if len(regions) == 0 {
		return
	}
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", name, name)
	delta := 0 // new lines minus old lines of the hunks printed so far
	for i := 0; i < len(regions); {
		// A hunk takes every region whose context touches the previous
		// one's.
		j := i + 1
		for j < len(regions) && regions[j].l0-regions[j-1].l1 <= 2*contextLines {
			j++
		}
		hunk := regions[i:j]
		start := max(0, hunk[0].l0-contextLines)
		end := min(ls.n(), hunk[len(hunk)-1].l1+contextLines)
		var added [][][]byte
		newCount := end - start
		for _, r := range hunk {
			a := splitLines(r.text)
			added = append(added, a)
			newCount += len(a) - (r.l1 - r.l0)
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(start, end-start), hunkRange(start+delta, newCount))
		at := start
		for k, r := range hunk {
			for ; at < r.l0; at++ {
				writeLine(w, ' ', ls.line(at), at+1, line)
			}
			for ; at < r.l1; at++ {
				writeLine(w, '-', ls.line(at), at+1, line)
			}
			for _, a := range added[k] {
				writeLine(w, '+', a, 0, line)
			}
		}
		for ; at < end; at++ {
			writeLine(w, ' ', ls.line(at), at+1, line)
		}
		delta += newCount - (end - start)
		i = j
	}
}

// hunkRange formats one side of a hunk header: the first line and the
// count, or for an empty side the line before it, as diff -u does.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// writeLine prints one diff line: the marker, the text through line and
// the line's own ending, or diff's note when it has none.
func writeLine(w *bufio.Writer, mark byte, l []byte, oldLine int, line func(string, int) string) {
	text, eol := l, []byte(nil)
	switch {
	case bytes.HasSuffix(l, []byte("\r\n")):
		text, eol = l[:len(l)-2], l[len(l)-2:]
	case bytes.HasSuffix(l, []byte("\n")):
		text, eol = l[:len(l)-1], l[len(l)-1:]
	}
	w.WriteByte(mark)
	w.WriteString(line(string(text), oldLine))
	if eol == nil {
		w.WriteString("\n\\ No newline at end of file\n")
		return
	}
	w.Write(eol)
}

// lines indexes a file's lines. A line holds its ending; the last one
// may have none.
type lines struct {
	content []byte
	starts  []int // offset of each line
}

func newLines(b []byte) lines {
	ls := lines{content: b}
	for off := 0; off < len(b); {
		ls.starts = append(ls.starts, off)
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	return ls
}

func (ls lines) n() int { return len(ls.starts) }

// start returns the offset line i starts at; the end of the content for
// i == n.
func (ls lines) start(i int) int {
	if i >= ls.n() {
		return len(ls.content)
	}
	return ls.starts[i]
}

func (ls lines) line(i int) []byte { return ls.content[ls.start(i):ls.start(i+1)] }

// atStart reports whether off is where a line starts, or the end of a
// content whose last line is complete (where a new line would start).
func (ls lines) atStart(off int) bool {
	return off == 0 || ls.content[off-1] == '\n'
}

// index returns the line holding offset off; n for the end of a content
// whose last line is complete.
func (ls lines) index(off int) int {
	if off == len(ls.content) && ls.atStart(off) {
		return ls.n()
	}
	return sort.SearchInts(ls.starts, off+1) - 1
}

// regions groups edits (sorted, not overlapping) into runs of whole
// lines. A region ends where its new text ends a line, so that the diff
// never shows half a line; edits sharing a line share a region.
func (ls lines) regions(edits []finding.Edit) []region {
	var out []region
	for i := 0; i < len(edits); {
		l0, l1 := ls.index(edits[i].Start), ls.endLine(edits[i])
		j := i + 1
		var text []byte
		for {
			for j < len(edits) && ls.index(edits[j].Start) < l1 {
				l1 = max(l1, ls.endLine(edits[j]))
				j++
			}
			text = apply(ls.content[ls.start(l0):ls.start(l1)], shift(edits[i:j], ls.start(l0)))
			if len(text) == 0 || text[len(text)-1] == '\n' || l1 >= ls.n() {
				break
			}
			l1++ // the new text runs on into the next line
		}
		out = append(out, region{l0, l1, text})
		i = j
	}
	return out
}

// endLine returns the line after the last one edit e touches: the line
// holding e.End, or e.End's own line when e stops right before it.
func (ls lines) endLine(e finding.Edit) int {
	if ls.atStart(e.End) {
		return ls.index(e.End)
	}
	return ls.index(e.End) + 1
}

// shift returns edits with their offsets made relative to base.
func shift(edits []finding.Edit, base int) []finding.Edit {
	out := make([]finding.Edit, len(edits))
	for i, e := range edits {
		e.Start -= base
		e.End -= base
		out[i] = e
	}
	return out
}

// splitLines splits b after each '\n'; the last line may have no ending.
func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}
