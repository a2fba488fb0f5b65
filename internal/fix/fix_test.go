package fix

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
)

// ed is an edit of a.go, for short tables.
func ed(start, end int, text string) finding.Edit {
	return finding.Edit{File: "a.go", Start: start, End: end, New: text}
}

func fx(line int, edits ...finding.Edit) *Fix {
	return &Fix{Finding: &finding.Finding{File: "a.go", StartLine: line, RuleID: "r"}, Edits: edits}
}

func reader(files map[string]string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		s, ok := files[p]
		if !ok {
			return nil, os.ErrNotExist
		}
		return []byte(s), nil
	}
}

func TestPlan(t *testing.T) {
	const src = "package a\n\nimport \"old\"\n\nfunc f() {\n\tg(x)\n}\n"
	imp := strings.Index(src, `"old"`)
	call := strings.Index(src, "x)") + 1
	tests := []struct {
		name    string
		files   map[string]string
		fixes   []*Fix
		want    map[string]string // new content per changed file
		diff    string
		skipped []string // reasons, by substring
	}{
		{
			name:  "single edit",
			files: map[string]string{"a.go": src},
			fixes: []*Fix{fx(3, ed(imp, imp+5, `"new"`))},
			want:  map[string]string{"a.go": strings.Replace(src, `"old"`, `"new"`, 1)},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,6 +1,6 @@\n package a\n \n-import \"old\"\n+import \"new\"\n \n func f() {\n \tg(x)\n",
		},
		{
			name:  "several edits in one file, given out of order",
			files: map[string]string{"a.go": src},
			fixes: []*Fix{fx(6, ed(call, call, ", y")), fx(3, ed(imp, imp+5, `"new"`))},
			want:  map[string]string{"a.go": strings.Replace(strings.Replace(src, `"old"`, `"new"`, 1), "g(x)", "g(x, y)", 1)},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,7 +1,7 @@\n package a\n \n-import \"old\"\n+import \"new\"\n \n func f() {\n-\tg(x)\n+\tg(x, y)\n }\n",
		},
		{
			name:  "two findings sharing one fix: applied once",
			files: map[string]string{"a.go": src},
			fixes: []*Fix{fx(3, ed(imp, imp+5, `"new"`)), fx(3, ed(imp, imp+5, `"new"`))},
			want:  map[string]string{"a.go": strings.Replace(src, `"old"`, `"new"`, 1)},
		},
		{
			name:    "overlapping edits: the later fix is skipped and leaves no trace",
			files:   map[string]string{"a.go": src},
			fixes:   []*Fix{fx(3, ed(imp, imp+5, `"new"`)), fx(3, ed(imp+1, imp+4, "other"))},
			want:    map[string]string{"a.go": strings.Replace(src, `"old"`, `"new"`, 1)},
			skipped: []string{"conflicts with another fix in a.go"},
		},
		{
			name:    "two insertions at one place conflict",
			files:   map[string]string{"a.go": src},
			fixes:   []*Fix{fx(6, ed(call, call, ", y")), fx(6, ed(call, call, ", z"))},
			want:    map[string]string{"a.go": strings.Replace(src, "g(x)", "g(x, y)", 1)},
			skipped: []string{"conflicts"},
		},
		{
			name:    "a fix whose own edits overlap: file untouched",
			files:   map[string]string{"a.go": src},
			fixes:   []*Fix{fx(3, ed(imp, imp+5, `"new"`), ed(imp+2, imp+3, "x"))},
			want:    map[string]string{},
			skipped: []string{"its own edits of a.go overlap"},
		},
		{
			name:  "edits that only meet do not conflict",
			files: map[string]string{"a.go": "abc\n"},
			fixes: []*Fix{fx(1, ed(0, 1, "A")), fx(1, ed(1, 2, "B")), fx(1, ed(2, 2, "+"))},
			want:  map[string]string{"a.go": "AB+c\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-abc\n+AB+c\n",
		},
		{
			name:  "insertion at the end of a file ending in a newline",
			files: map[string]string{"a.go": "a\nb\n"},
			fixes: []*Fix{fx(2, ed(4, 4, "c\n"))},
			want:  map[string]string{"a.go": "a\nb\nc\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,3 @@\n a\n b\n+c\n",
		},
		{
			name:  "insertion at the end of a file without a final newline",
			files: map[string]string{"a.go": "a\nb"},
			fixes: []*Fix{fx(2, ed(3, 3, "c"))},
			want:  map[string]string{"a.go": "a\nbc"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+bc\n\\ No newline at end of file\n",
		},
		{
			name:  "text without a newline added after the last line",
			files: map[string]string{"a.go": "a\n"},
			fixes: []*Fix{fx(1, ed(2, 2, "b"))},
			want:  map[string]string{"a.go": "a\nb"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n",
		},
		{
			name:  "deleting the final newline",
			files: map[string]string{"a.go": "a\nb\n"},
			fixes: []*Fix{fx(2, ed(3, 4, ""))},
			want:  map[string]string{"a.go": "a\nb"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
		},
		{
			name:  "CRLF file: line endings kept, diff carries them",
			files: map[string]string{"a.go": "package a\r\n\r\nimport \"old\"\r\n"},
			fixes: []*Fix{fx(3, ed(20, 25, `"new"`))},
			want:  map[string]string{"a.go": "package a\r\n\r\nimport \"new\"\r\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,3 @@\n package a\r\n \r\n-import \"old\"\r\n+import \"new\"\r\n",
		},
		{
			name:  "a change joining two lines shows both",
			files: map[string]string{"a.go": "a\nb\nc\n"},
			fixes: []*Fix{fx(1, ed(1, 2, " "))},
			want:  map[string]string{"a.go": "a b\nc\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,2 @@\n-a\n-b\n+a b\n c\n",
		},
		{
			name:  "distant edits make two hunks",
			files: map[string]string{"a.go": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"},
			fixes: []*Fix{fx(1, ed(0, 1, "one")), fx(10, ed(18, 20, "ten"))},
			want:  map[string]string{"a.go": "one\n2\n3\n4\n5\n6\n7\n8\n9\nten\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n",
		},
		{
			name:  "edits in two files",
			files: map[string]string{"a.go": "a\n", "b/b.go": "b\n"},
			fixes: []*Fix{{Edits: []finding.Edit{{File: "b/b.go", Start: 0, End: 1, New: "B"}, {File: "a.go", Start: 0, End: 1, New: "A"}}}},
			want:  map[string]string{"a.go": "A\n", "b/b.go": "B\n"},
			diff:  "--- a/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-a\n+A\n--- a/b/b.go\n+++ b/b/b.go\n@@ -1 +1 @@\n-b\n+B\n",
		},
		{
			name:  "a path outside the root: skipped, nothing read",
			files: map[string]string{"a.go": src, "../x.go": "x\n"},
			fixes: []*Fix{
				{Edits: []finding.Edit{{File: "../x.go", Start: 0, End: 1, New: "y"}}},
				{Edits: []finding.Edit{{File: "/etc/passwd", Start: 0, End: 1, New: "y"}}},
				// All or nothing: the edit of a.go goes too.
				{Edits: []finding.Edit{ed(0, 1, "P"), {File: "sub/../../x.go", Start: 0, End: 1, New: "y"}}},
			},
			want:    map[string]string{},
			skipped: []string{"../x.go: outside the scan root", "/etc/passwd: outside the scan root", "sub/../../x.go: outside the scan root"},
		},
		{
			name:    "a range past the end of the file",
			files:   map[string]string{"a.go": "a\n"},
			fixes:   []*Fix{fx(1, ed(1, 9, "x"))},
			want:    map[string]string{},
			skipped: []string{"outside the file (2 bytes)"},
		},
		{
			name:    "an edit that changes nothing",
			files:   map[string]string{"a.go": "a\n"},
			fixes:   []*Fix{fx(1, ed(0, 1, "a")), fx(1, ed(1, 1, ""))},
			want:    map[string]string{},
			skipped: []string{"changes nothing", "changes nothing"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPlan(tt.fixes, reader(tt.files))
			got := map[string]string{}
			for _, f := range p.Files {
				got[f.Path] = string(f.New)
				if string(f.Old) != tt.files[f.Path] {
					t.Errorf("%s: Old = %q, want the content read", f.Path, f.Old)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("new contents:\n%q\nwant\n%q", got, tt.want)
			}
			if len(p.Skipped) != len(tt.skipped) {
				t.Fatalf("skipped %v, want %d: %q", p.Skipped, len(tt.skipped), tt.skipped)
			}
			for i, s := range p.Skipped {
				if !strings.Contains(s.Reason, tt.skipped[i]) {
					t.Errorf("skipped[%d] = %q, want it to say %q", i, s.Reason, tt.skipped[i])
				}
			}
			var b bytes.Buffer
			if err := p.WriteDiff(&b, p.Files, nil); err != nil {
				t.Fatal(err)
			}
			if tt.diff != "" && b.String() != tt.diff {
				t.Errorf("diff:\n%s\nwant:\n%s", b.String(), tt.diff)
			}
			checkDiff(t, p, b.String())
		})
	}
}

// checkDiff applies diff, as a patch program would, to every file of p
// and checks that it gives the file's new content.
func checkDiff(t *testing.T, p *Plan, diff string) {
	t.Helper()
	got, err := applyDiff(diff, func(name string) string {
		for _, f := range p.Files {
			if f.Path == name {
				return string(f.Old)
			}
		}
		return ""
	})
	if err != nil {
		t.Fatalf("%v\ndiff:\n%s", err, diff)
	}
	if len(got) != len(p.Files) {
		t.Errorf("the diff names %d files, the plan changes %d", len(got), len(p.Files))
	}
	for _, f := range p.Files {
		if got[f.Path] != string(f.New) {
			t.Errorf("%s: the diff applied gives %q, want %q\ndiff:\n%s", f.Path, got[f.Path], f.New, diff)
		}
	}
}

// applyDiff is a strict patch(1) for the unified diffs WriteDiff makes:
// every context and removed line must match the old file exactly, and
// the hunk headers must agree with their bodies.
func applyDiff(diff string, old func(string) string) (map[string]string, error) {
	const noEOL = "\\ No newline at end of file\n"
	out := map[string]string{}
	lines := strings.SplitAfter(diff, "\n")
	lines = lines[:len(lines)-1] // after the last "\n"
	for i := 0; i < len(lines); {
		if !strings.HasPrefix(lines[i], "--- a/") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "+++ b/") {
			return nil, fmt.Errorf("line %d: want a file header, got %q", i+1, lines[i])
		}
		name := strings.TrimSuffix(strings.TrimPrefix(lines[i], "--- a/"), "\n")
		src := strings.SplitAfter(old(name), "\n")
		if src[len(src)-1] == "" {
			src = src[:len(src)-1]
		}
		var dst []string
		at := 0 // next line of src
		delta := 0
		for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "@@ "); {
			h := strings.Fields(lines[i])
			os, oc, err := parseRange(h[1])
			if err != nil {
				return nil, fmt.Errorf("bad hunk header %q", lines[i])
			}
			ns, nc, err := parseRange(h[2])
			if err != nil {
				return nil, fmt.Errorf("bad hunk header %q", lines[i])
			}
			start, nstart := os-1, ns-1
			if oc == 0 {
				start = os
			}
			if nc == 0 {
				nstart = ns
			}
			if start < at || nstart != start+delta {
				return nil, fmt.Errorf("hunk %q: does not follow the one before", lines[i])
			}
			dst = append(dst, src[at:start]...)
			at = start
			seenOld, seenNew := 0, 0
			for i++; i < len(lines) && lines[i] != "" && strings.ContainsRune(" -+", rune(lines[i][0])) && !strings.HasPrefix(lines[i], "--- a/"); i++ {
				mark, l := lines[i][0], lines[i][1:]
				if i+1 < len(lines) && lines[i+1] == noEOL {
					l = strings.TrimSuffix(l, "\n")
					i++
				}
				if mark != '+' {
					if at >= len(src) || src[at] != l {
						return nil, fmt.Errorf("%s: line %d is %q in the file, %q in the diff", name, at+1, get(src, at), l)
					}
					at++
					seenOld++
				}
				if mark != '-' {
					dst = append(dst, l)
					seenNew++
				}
			}
			if seenOld != oc || seenNew != nc {
				return nil, fmt.Errorf("%s: a hunk says -%d +%d lines, its body has -%d +%d", name, oc, nc, seenOld, seenNew)
			}
			delta += nc - oc
		}
		dst = append(dst, src[at:]...)
		out[name] = strings.Join(dst, "")
	}
	return out, nil
}

func parseRange(s string) (start, count int, err error) {
	a, b, ok := strings.Cut(strings.TrimLeft(s, "-+"), ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	if !ok {
		return start, 1, nil
	}
	count, err = strconv.Atoi(b)
	return start, count, err
}

func get(src []string, i int) string {
	if i < len(src) {
		return src[i]
	}
	return "<end of file>"
}

// TestDiffRandom checks, on random files and edits, that the diff of a
// plan applied to the old content gives the new content: every way
// edits can meet lines, line ends and the end of the file.
func TestDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	pieces := []string{"a", "bc", "\n", "\r\n", "\t", "x y", ""}
	for n := range 2000 {
		var sb strings.Builder
		for range r.IntN(40) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := sb.String()
		var fixes []*Fix
		for range 1 + r.IntN(4) {
			s := r.IntN(len(src) + 1)
			e := s + r.IntN(min(6, len(src)-s)+1)
			fixes = append(fixes, fx(1, ed(s, e, pieces[r.IntN(len(pieces))]+pieces[r.IntN(len(pieces))])))
		}
		p := NewPlan(fixes, reader(map[string]string{"a.go": src}))
		var b bytes.Buffer
		if err := p.WriteDiff(&b, p.Files, nil); err != nil {
			t.Fatal(err)
		}
		if t.Failed() {
			break
		}
		t.Run(strconv.Itoa(n), func(t *testing.T) { checkDiff(t, p, b.String()) })
	}
}

func TestWriteDiffRedactsAndEscapes(t *testing.T) {
	src := "a\nkey = \"ghp_secret\"\nb\nc\n"
	p := NewPlan([]*Fix{fx(3, ed(len("a\nkey = \"ghp_secret\"\n"), len("a\nkey = \"ghp_secret\"\nb"), "\x1b[31mB"))}, reader(map[string]string{"a.go": src}))
	var calls []string
	p.Redact = func(path, text string, oldLine int) string {
		calls = append(calls, fmt.Sprintf("%s:%d", path, oldLine))
		return strings.ReplaceAll(text, "ghp_secret", "ghp_…(10 chars)")
	}
	var b bytes.Buffer
	if err := p.WriteDiff(&b, p.Files, func(s string) string { return strings.ReplaceAll(s, "\x1b", `\x1b`) }); err != nil {
		t.Fatal(err)
	}
	want := "--- a/a.go\n+++ b/a.go\n@@ -1,4 +1,4 @@\n a\n key = \"ghp_…(10 chars)\"\n-b\n+\\x1b[31mB\n c\n"
	if b.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", b.String(), want)
	}
	if got := strings.Join(calls, " "); got != "a.go:1 a.go:2 a.go:3 a.go:0 a.go:4" {
		t.Errorf("Redact saw lines %s, want each old line with its number and the added one with 0", got)
	}
}

func TestWrite(t *testing.T) {
	const src = "package a\n\nimport \"old\"\n"
	imp := strings.Index(src, `"old"`)
	edit := func(file string, off int) *Fix {
		return &Fix{Edits: []finding.Edit{{File: file, Start: off, End: off + 5, New: `"new"`}}}
	}
	const want = "package a\n\nimport \"new\"\n"
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	tests := []struct {
		name string
		// setup prepares root and returns the fix to apply, computed
		// against src (or crlf).
		setup func(t *testing.T, root string) *Fix
		// edited, when set, is written to check after the plan is made:
		// someone's edit between the scan and the fix.
		edited  string
		err     string      // substring of the result's error; "" for success
		check   string      // the file (under root) whose content to check
		content string      // its expected content afterwards
		mode    os.FileMode // its expected mode, if not 0
	}{
		{
			name:  "written, mode kept",
			setup: func(t *testing.T, root string) *Fix { put(t, root, "a.go", src, 0o640); return edit("a.go", imp) },
			check: "a.go", content: want, mode: 0o640,
		},
		{
			name:  "CRLF file",
			setup: func(t *testing.T, root string) *Fix { put(t, root, "a.go", crlf, 0o644); return edit("a.go", imp+2) },
			check: "a.go", content: strings.ReplaceAll(want, "\n", "\r\n"),
		},
		{
			name:   "changed on disk between scan and fix",
			setup:  func(t *testing.T, root string) *Fix { put(t, root, "a.go", src, 0o644); return edit("a.go", imp) },
			edited: "package a\n\nimport \"old\" // edited\n",
			err:    "changed on disk",
			check:  "a.go", content: "package a\n\nimport \"old\" // edited\n",
		},
		{
			name: "a directory linked to outside the root",
			setup: func(t *testing.T, root string) *Fix {
				out := t.TempDir()
				put(t, out, "a.go", src, 0o644)
				if err := os.Symlink(out, filepath.Join(root, "sub")); err != nil {
					t.Skip(err)
				}
				return edit("sub/a.go", imp)
			},
			err:   "outside the scan root",
			check: "sub/a.go", content: src,
		},
		{
			name: "a file linked to another inside the root",
			setup: func(t *testing.T, root string) *Fix {
				put(t, root, "real.go", src, 0o644)
				if err := os.Symlink("real.go", filepath.Join(root, "a.go")); err != nil {
					t.Skip(err)
				}
				return edit("a.go", imp)
			},
			err:   "symbolic link",
			check: "real.go", content: src,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			fix := tt.setup(t, root)
			p := NewPlan([]*Fix{fix}, func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(root, filepath.FromSlash(p))) })
			if len(p.Files) != 1 {
				t.Fatalf("plan: %+v", p.Skipped)
			}
			if tt.edited != "" {
				put(t, root, tt.check, tt.edited, 0o644)
			}
			res := p.Write(root)
			switch err := res[0].Err; {
			case tt.err == "" && err != nil:
				t.Fatalf("Write: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("Write: error %v, want one saying %q", err, tt.err)
			}
			if tt.edited != "" && !errors.Is(res[0].Err, ErrChanged) {
				t.Errorf("error %v is not ErrChanged", res[0].Err)
			}
			path := filepath.Join(root, filepath.FromSlash(tt.check))
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.content {
				t.Errorf("%s = %q, want %q", tt.check, b, tt.content)
			}
			if tt.mode != 0 {
				if st, err := os.Lstat(path); err != nil || st.Mode().Perm() != tt.mode {
					t.Errorf("%s: mode %v, want %v", tt.check, st, tt.mode)
				}
			}
			// No temporary file is left behind, written or not.
			ents, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range ents {
				if strings.Contains(e.Name(), ".tokenvet-fix-") {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

func put(t *testing.T, dir, name, content string, mode os.FileMode) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}
