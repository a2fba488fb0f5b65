// Package fix turns the suggested fixes of findings into new file
// contents, shows them as unified diffs (diff.go) and writes them to disk
// (write.go): what `tokenvet scan --fix` and `--diff` do.
//
// A fix is all or nothing. Fixes are taken in the order given (the
// findings' output order), and one whose edits overlap an edit already
// accepted is skipped and reported, never merged: two analyzers rewriting
// the same bytes differently have no right answer, and guessing one could
// corrupt the file. An edit identical to an accepted one is not a
// conflict (two findings may share a fix); it is applied once.
package fix

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/tokenvet/tokenvet/internal/finding"
)

// Fix is one finding's fix, as the engine made it.
type Fix struct {
	// Finding is the finding the fix repairs; reports name it.
	Finding *finding.Finding
	// Edits are applied together or not at all. Their File is relative
	// to the scan root, with forward slashes. Their text is the engine's
	// own, not redacted: it is what goes into the file.
	Edits []finding.Edit
}

// String names the fix's finding as "file:line: rule".
func (f *Fix) String() string {
	if f.Finding == nil {
		return "fix"
	}
	return fmt.Sprintf("%s:%d: %s", f.Finding.File, f.Finding.StartLine, f.Finding.RuleID)
}

// Plan is a set of fixes resolved against the files' contents: which
// edits go into which file, and which fixes had to be left out.
type Plan struct {
	// Files holds each file with at least one accepted edit, sorted by
	// path.
	Files []*File
	// Skipped lists the fixes not taken, in the order given.
	Skipped []Skipped
	// Redact, when set, hides secrets in a line before a diff prints it;
	// oldLine is the line's 1-based number in the file as read, or 0 for
	// a line the fixes add. The scan sets it (see scan.Options.Fix).
	Redact func(path, text string, oldLine int) string `json:"-"`
}

// File is one file's accepted edits and its contents before and after.
type File struct {
	// Path is relative to the scan root, with forward slashes.
	Path string
	// Old is the content the edits were computed against; New is Old
	// with Edits applied.
	Old, New []byte
	// Edits are sorted by position and do not overlap.
	Edits []finding.Edit
	// Fixes are the fixes with edits in this file, in the order given.
	Fixes []*Fix
}

// Skipped is a fix left out of a plan, and why.
type Skipped struct {
	Fix    *Fix
	Reason string
}

// NewPlan resolves fixes against the files read returns (by root-relative
// slash path; read is called once per file). A fix is skipped when an
// edit names a path outside the root, a file that cannot be read, or a
// range outside the file, or when its edits overlap one another or an
// edit of a fix taken before it.
func NewPlan(fixes []*Fix, read func(path string) ([]byte, error)) *Plan {
	p := &Plan{}
	files := map[string]*File{}
	unreadable := map[string]error{}
	for _, fx := range fixes {
		if reason := p.add(fx, files, unreadable, read); reason != "" {
			p.Skipped = append(p.Skipped, Skipped{Fix: fx, Reason: reason})
		}
	}
	for _, f := range files {
		if len(f.Edits) == 0 {
			continue
		}
		slices.SortStableFunc(f.Edits, compareEdits)
		f.New = apply(f.Old, f.Edits)
		p.Files = append(p.Files, f)
	}
	slices.SortFunc(p.Files, func(a, b *File) int { return cmp.Compare(a.Path, b.Path) })
	return p
}

// add accepts fx into files, or returns why not.
func (p *Plan) add(fx *Fix, files map[string]*File, unreadable map[string]error, read func(string) ([]byte, error)) string {
	if len(fx.Edits) == 0 {
		return "the fix has no edits"
	}
	// Check everything first: a fix is taken whole or not at all.
	var fresh []finding.Edit     // edits not already accepted from another fix
	touched := map[string]bool{} // files the fix changes
	for i, e := range fx.Edits {
		if !Local(e.File) {
			return fmt.Sprintf("edit of %s: outside the scan root", e.File)
		}
		f, err := p.file(e.File, files, unreadable, read)
		if err != nil {
			return fmt.Sprintf("edit of %s: %v", e.File, err)
		}
		if e.Start < 0 || e.End < e.Start || e.End > len(f.Old) {
			return fmt.Sprintf("edit of %s: bytes %d-%d lie outside the file (%d bytes)", e.File, e.Start, e.End, len(f.Old))
		}
		for _, o := range fx.Edits[:i] {
			if o.File == e.File && overlap(o, e) {
				return fmt.Sprintf("its own edits of %s overlap", e.File)
			}
		}
		if string(f.Old[e.Start:e.End]) == e.New {
			continue // changes nothing (an empty insertion, say)
		}
		touched[e.File] = true
		dup := false
		for _, a := range f.Edits {
			if a == e {
				dup = true
				break
			}
			if overlap(a, e) {
				return fmt.Sprintf("it conflicts with another fix in %s (bytes %d-%d)", e.File, a.Start, a.End)
			}
		}
		if !dup {
			fresh = append(fresh, e)
		}
	}
	if len(touched) == 0 {
		return "it changes nothing"
	}
	for _, e := range fresh {
		files[e.File].Edits = append(files[e.File].Edits, e)
	}
	// Files in the order the fix names them, for reports.
	for _, e := range fx.Edits {
		if touched[e.File] {
			delete(touched, e.File)
			files[e.File].Fixes = append(files[e.File].Fixes, fx)
		}
	}
	return ""
}

// file returns the plan's entry for path, reading it on first use.
func (p *Plan) file(path string, files map[string]*File, unreadable map[string]error, read func(string) ([]byte, error)) (*File, error) {
	if f, ok := files[path]; ok {
		return f, nil
	}
	if err, ok := unreadable[path]; ok {
		return nil, err
	}
	b, err := read(path)
	if err != nil {
		unreadable[path] = err
		return nil, err
	}
	f := &File{Path: path, Old: b}
	files[path] = f
	return f, nil
}

// Local reports whether p, a slash path, names a place inside the root
// it is relative to: not empty, not absolute, no ".." leaving it. The
// check is lexical; Write also resolves symbolic links.
func Local(p string) bool { return filepath.IsLocal(filepath.FromSlash(p)) }

// overlap reports whether two edits of one file touch the same bytes, or
// insert at the same place (their order would be a guess). Edits that
// only meet — one ends where the other starts — do not overlap.
func overlap(a, b finding.Edit) bool {
	if a.File != b.File {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

// compareEdits orders edits by position; an insertion comes before a
// replacement starting at the same offset, as it must (its text goes in
// front).
func compareEdits(a, b finding.Edit) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// apply returns old with edits, sorted and not overlapping, applied.
func apply(old []byte, edits []finding.Edit) []byte {
	var b []byte
	last := 0
	for _, e := range edits {
		b = append(b, old[last:e.Start]...)
		b = append(b, e.New...)
		last = e.End
	}
	return append(b, old[last:]...)
}

// Fixes counts the fixes applied to the files of p.
func (p *Plan) Fixes() int {
	seen := map[*Fix]bool{}
	for _, f := range p.Files {
		for _, fx := range f.Fixes {
			seen[fx] = true
		}
	}
	return len(seen)
}
