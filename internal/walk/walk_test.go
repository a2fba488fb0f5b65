package walk

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t testing.TB, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

// makeTree creates files under root; a key ending in "/" is an empty
// directory.
func makeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if strings.HasSuffix(rel, "/") {
			mkdir(t, p)
			continue
		}
		mkdir(t, filepath.Dir(p))
		writeFile(t, p, files[rel])
	}
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
}

// walkAll walks root and returns the visited Rel paths in visit order.
func walkAll(t testing.TB, opts Options) ([]string, Stats) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var got []string
	st, err := Walk(ctx, opts, func(f File) error {
		got = append(got, f.Rel)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return got, st
}

func TestWalkIgnoreRules(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		opts      Options
		want      []string
		wantSkips map[SkipReason]int
	}{
		{
			name: "nested gitignore is relative to its directory",
			files: map[string]string{
				"x.txt":            "",
				"sub/.gitignore":   "/x.txt\n",
				"sub/x.txt":        "",
				"sub/deep/x.txt":   "",
				"other/.gitignore": "*.md\n",
				"other/a.md":       "",
				"other/d/b.md":     "",
				"c.md":             "",
			},
			want:      []string{"c.md", "other/.gitignore", "sub/.gitignore", "sub/deep/x.txt", "x.txt"},
			wantSkips: map[SkipReason]int{SkipIgnored: 3},
		},
		{
			name: "middle slash anchors to the gitignore's directory",
			files: map[string]string{
				"sub/.gitignore": "a/b.txt\n",
				"sub/a/b.txt":    "",
				"sub/x/a/b.txt":  "",
				"a/b.txt":        "",
			},
			want: []string{"a/b.txt", "sub/.gitignore", "sub/x/a/b.txt"},
		},
		{
			name: "deeper gitignore overrides a shallower one",
			files: map[string]string{
				".gitignore":     "*.txt\n",
				"keep.txt":       "",
				"sub/.gitignore": "!keep.txt\n",
				"sub/keep.txt":   "",
				"sub/other.txt":  "",
			},
			want: []string{".gitignore", "sub/.gitignore", "sub/keep.txt"},
		},
		{
			name: "file under an excluded directory cannot be re-included",
			files: map[string]string{
				".gitignore":       "build/\n!build/keep.txt\n",
				"build/.gitignore": "!*\n",
				"build/keep.txt":   "",
				"src/build/x":      "",
				"src/ok":           "",
			},
			want:      []string{".gitignore", "src/ok"},
			wantSkips: map[SkipReason]int{SkipIgnored: 2},
		},
		{
			name: "re-include works when only the contents are excluded",
			files: map[string]string{
				".gitignore":     "logs/*\n!logs/keep.log\n",
				"logs/keep.log":  "",
				"logs/other.log": "",
			},
			want: []string{".gitignore", "logs/keep.log"},
		},
		{
			name: "globstars",
			files: map[string]string{
				".gitignore":     "**/gen/*.js\nout/**\ndocs/**/draft\n",
				"gen/a.js":       "",
				"x/y/gen/b.js":   "",
				"x/gen/sub/c.js": "",
				"out/o.txt":      "",
				"docs/draft":     "",
				"docs/a/b/draft": "",
				"docs/final":     "",
			},
			want: []string{".gitignore", "docs/final", "x/gen/sub/c.js"},
		},
		{
			name: "git info exclude applies, gitignore overrides it",
			files: map[string]string{
				".git/info/exclude": "*.secret\nlocal/\n",
				".git/config":       "",
				".gitignore":        "!keep.secret\n",
				"a.secret":          "",
				"keep.secret":       "",
				"local/x":           "",
			},
			want: []string{".gitignore", "keep.secret"},
		},
		{
			name: "tokenvetignore at any level overrides gitignore",
			files: map[string]string{
				".gitignore":          "*.env\n",
				".tokenvetignore":     "fixtures/\n",
				"fixtures/k.txt":      "",
				"sub/.tokenvetignore": "!prod.env\nlocal.txt\n",
				"sub/prod.env":        "",
				"sub/dev.env":         "",
				"sub/local.txt":       "",
			},
			want: []string{".gitignore", ".tokenvetignore", "sub/.tokenvetignore", "sub/prod.env"},
		},
		{
			name: "NoGitignore keeps the extra ignore files",
			files: map[string]string{
				".git/info/exclude": "b\n",
				".gitignore":        "a\n",
				".tokenvetignore":   "c\n",
				"a":                 "", "b": "", "c": "",
			},
			opts: Options{NoGitignore: true},
			want: []string{".gitignore", ".tokenvetignore", "a", "b"},
		},
		{
			name: "empty ExtraIgnoreFiles disables tokenvetignore",
			files: map[string]string{
				".tokenvetignore": "c\n",
				".scanignore":     "d\n",
				"c":               "", "d": "",
			},
			opts: Options{ExtraIgnoreFiles: []string{}},
			want: []string{".scanignore", ".tokenvetignore", "c", "d"},
		},
		{
			name: "custom ExtraIgnoreFiles",
			files: map[string]string{
				".tokenvetignore": "c\n",
				".scanignore":     "d\n",
				"c":               "", "d": "",
			},
			opts: Options{ExtraIgnoreFiles: []string{".scanignore"}},
			want: []string{".scanignore", ".tokenvetignore", "c"},
		},
		{
			name: "Exclude patterns are root-relative and win over gitignore",
			files: map[string]string{
				".gitignore":    ".env\n",
				".env":          "",
				"sub/.env":      "",
				"testdata/a.js": "",
				"x/testdata/b":  "",
				"app.js":        "",
			},
			opts:      Options{Exclude: []string{"/testdata/", "!/.env"}},
			want:      []string{".env", ".gitignore", "app.js", "x/testdata/b"},
			wantSkips: map[SkipReason]int{SkipIgnored: 1, SkipExcluded: 1},
		},
		{
			name: "version control directories are skipped silently",
			files: map[string]string{
				".git/HEAD":       "",
				".hg/store":       "",
				".svn/entries":    "",
				"sub/.git":        "gitdir: ../.git/modules/sub",
				"sub/main.go":     "",
				"sub/.hg/x":       "",
				"a.txt":           "",
				".github/ci.yaml": "",
			},
			want:      []string{".github/ci.yaml", "a.txt", "sub/main.go"},
			wantSkips: map[SkipReason]int{},
		},
		{
			name: "vendor and node_modules skipped at any depth",
			files: map[string]string{
				"vendor/m/x.go":            "",
				"web/node_modules/p/i.js":  "",
				"web/app.js":               "",
				"lib/vendor/y.go":          "",
				"vendor.go":                "",
				"node_modules.txt":         "",
				"docs/vendor":              "a file named vendor",
				"web/node_modules/.bin/tk": "",
			},
			want:      []string{"docs/vendor", "node_modules.txt", "vendor.go", "web/app.js"},
			wantSkips: map[SkipReason]int{SkipVendor: 3},
		},
		{
			name: "IncludeVendor",
			files: map[string]string{
				"vendor/m/x.go":           "",
				"web/node_modules/p/i.js": "",
			},
			opts: Options{IncludeVendor: true},
			want: []string{"vendor/m/x.go", "web/node_modules/p/i.js"},
		},
		{
			name: "Skip hook",
			files: map[string]string{
				"a/x": "", "b/y": "", "c": "",
			},
			opts: Options{Skip: func(rel string, isDir bool) bool {
				return (rel == "a" && isDir) || rel == "c"
			}},
			want:      []string{"b/y"},
			wantSkips: map[SkipReason]int{SkipHook: 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, tc.files)
			opts := tc.opts
			opts.Root = root
			got, st := walkAll(t, opts)
			if !slices.Equal(got, tc.want) {
				t.Errorf("visited\n  %q\nwant\n  %q", got, tc.want)
			}
			if st.Files != len(tc.want) {
				t.Errorf("Stats.Files = %d, want %d", st.Files, len(tc.want))
			}
			if tc.wantSkips != nil && !maps.Equal(st.Skips, tc.wantSkips) {
				t.Errorf("Stats.Skips = %v, want %v", st.Skips, tc.wantSkips)
			}
			for _, s := range st.Skipped {
				if s.Reason == SkipIgnored || s.Reason == SkipExcluded {
					t.Errorf("ignored path listed individually: %v", s)
				}
			}
		})
	}
}

func TestWalkContentChecks(t *testing.T) {
	root := t.TempDir()
	big := strings.Repeat("a", 100)
	lateNUL := strings.Repeat("x", BinarySniffLen) + "\x00"
	makeTree(t, root, map[string]string{
		"bin.dat":    "ELF\x00\x01",
		"late.txt":   lateNUL,
		"big.txt":    big,
		"limit.txt":  big[:64],
		"latin1.txt": "caf\xe9 token=abc",
		"utf8.txt":   "café",
		"empty":      "",
	})
	var files []File
	st, err := Walk(context.Background(), Options{Root: root, MaxFileSize: 64}, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	byRel := map[string]File{}
	for _, f := range files {
		byRel[f.Rel] = f
	}
	// late.txt is text but larger than the 64-byte limit.
	wantVisited := []string{"empty", "latin1.txt", "limit.txt", "utf8.txt"}
	if got := slices.Sorted(maps.Keys(byRel)); !slices.Equal(got, wantVisited) {
		t.Fatalf("visited %q, want %q", got, wantVisited)
	}
	wantSkipped := []Skipped{
		{Rel: "big.txt", Reason: SkipTooLarge},
		{Rel: "bin.dat", Reason: SkipBinary},
		{Rel: "late.txt", Reason: SkipTooLarge},
	}
	if len(st.Skipped) != len(wantSkipped) {
		t.Fatalf("Skipped = %v, want %v", st.Skipped, wantSkipped)
	}
	for i, s := range st.Skipped {
		if s.Rel != wantSkipped[i].Rel || s.Reason != wantSkipped[i].Reason {
			t.Errorf("Skipped[%d] = %v, want %v", i, s, wantSkipped[i])
		}
	}
	if d := st.Skipped[0].Detail; d != "100 bytes, over the 64 bytes limit" {
		t.Errorf("too-large detail %q", d)
	}
	for rel, f := range byRel {
		want, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Content, want) || f.Size != int64(len(want)) {
			t.Errorf("%s: content %q size %d, want %q", rel, f.Content, f.Size, want)
		}
		if f.Abs != filepath.Join(root, rel) {
			t.Errorf("%s: Abs = %q", rel, f.Abs)
		}
	}
	if byRel["latin1.txt"].IsUTF8 || !byRel["utf8.txt"].IsUTF8 {
		t.Errorf("IsUTF8: latin1=%v utf8=%v", byRel["latin1.txt"].IsUTF8, byRel["utf8.txt"].IsUTF8)
	}
	if st.Bytes != 64+int64(len("caf\xe9 token=abc"))+int64(len("café")) {
		t.Errorf("Stats.Bytes = %d", st.Bytes)
	}

	// NUL after the sniff window is text; no limit means none.
	got, st := walkAll(t, Options{Root: root, MaxFileSize: -1})
	if !slices.Contains(got, "late.txt") || !slices.Contains(got, "big.txt") || slices.Contains(got, "bin.dat") {
		t.Errorf("unlimited walk visited %q", got)
	}
	if st.Skips[SkipBinary] != 1 {
		t.Errorf("binary skips = %d, want 1", st.Skips[SkipBinary])
	}
}

func TestWalkDefaultMaxFileSize(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		"at-limit":   strings.Repeat("a", DefaultMaxFileSize),
		"over-limit": strings.Repeat("a", DefaultMaxFileSize+1),
	})
	got, st := walkAll(t, Options{Root: root})
	if !slices.Equal(got, []string{"at-limit"}) || st.Skips[SkipTooLarge] != 1 {
		t.Errorf("visited %q, skips %v", got, st.Skips)
	}
}

func TestSizeString(t *testing.T) {
	for n, want := range map[int64]string{100: "100 bytes", 5 << 20: "5 MiB", 7 << 19: "3.5 MiB", 1536: "1.5 KiB", 3 << 30: "3 GiB", 5 << 40: "5120 GiB"} {
		if got := sizeString(n); got != want {
			t.Errorf("sizeString(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestReadFile(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"t": "text", "b": "a\x00b", "dir/": ""})
	tests := []struct {
		name   string
		limit  int64
		want   string
		reason SkipReason
		err    bool
	}{
		{"t", 0, "text", "", false},
		{"t", 3, "", SkipTooLarge, false},
		{"b", 0, "", SkipBinary, false},
		{"dir", 0, "", SkipNotRegular, false},
		{"missing", 0, "", SkipUnreadable, true},
	}
	for _, tc := range tests {
		data, reason, err := ReadFile(filepath.Join(root, tc.name), tc.limit)
		if string(data) != tc.want || reason != tc.reason || (err != nil) != tc.err {
			t.Errorf("ReadFile(%s, %d) = %q, %q, %v", tc.name, tc.limit, data, reason, err)
		}
	}
}

func TestWalkSymlinks(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.txt"), "outside")
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		"real/file.txt": "inside",
		"z.txt":         "z",
	})
	symlink(t, "real/file.txt", filepath.Join(root, "link-in"))
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "link-out"))
	symlink(t, outside, filepath.Join(root, "link-outdir"))
	symlink(t, "..", filepath.Join(root, "real", "up"))      // directory loop
	symlink(t, ".", filepath.Join(root, "self"))             // directory loop
	symlink(t, "loop-b", filepath.Join(root, "loop-a"))      // file loop
	symlink(t, "loop-a", filepath.Join(root, "loop-b"))      // file loop
	symlink(t, "nowhere", filepath.Join(root, "dangling"))   // dangling
	symlink(t, "loop-a/x", filepath.Join(root, "via-loop"))  // through a loop
	symlink(t, "link-in", filepath.Join(root, "link-chain")) // chain inside root

	var contents = map[string]string{}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := Walk(ctx, Options{Root: root}, func(f File) error {
		contents[f.Rel] = string(f.Content)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	wantContents := map[string]string{
		"link-chain":    "inside",
		"link-in":       "inside",
		"real/file.txt": "inside",
		"z.txt":         "z",
	}
	if !maps.Equal(contents, wantContents) {
		t.Errorf("visited %v, want %v", contents, wantContents)
	}
	wantReasons := map[string]SkipReason{
		"dangling":    SkipUnreadable,
		"link-out":    SkipSymlinkOutsideRoot,
		"link-outdir": SkipSymlinkDir,
		"loop-a":      SkipUnreadable,
		"loop-b":      SkipUnreadable,
		"real/up":     SkipSymlinkDir,
		"self":        SkipSymlinkDir,
		"via-loop":    SkipUnreadable,
	}
	gotReasons := map[string]SkipReason{}
	for _, s := range st.Skipped {
		gotReasons[s.Rel] = s.Reason
		if s.Reason == SkipUnreadable && !strings.Contains(s.Detail, s.Rel) {
			t.Errorf("detail for %s does not name the file: %q", s.Rel, s.Detail)
		}
	}
	if !maps.Equal(gotReasons, wantReasons) {
		t.Errorf("skips %v, want %v", gotReasons, wantReasons)
	}
	if !slices.IsSortedFunc(st.Skipped, func(a, b Skipped) int { return strings.Compare(a.Rel, b.Rel) }) {
		t.Errorf("Skipped not sorted: %v", st.Skipped)
	}
}

// faultFS injects errors for chosen absolute paths.
type faultFS struct {
	osFS
	readDirErr map[string]error
	openErr    map[string]error
}

func (f faultFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.readDirErr[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.osFS.ReadDir(name)
}

func (f faultFS) Open(name string) (fs.File, error) {
	if err := f.openErr[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.osFS.Open(name)
}

func TestWalkPermissionDeniedInjected(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		"a.txt":          "a",
		"locked/x.txt":   "x",
		"secret.txt":     "s",
		"z/ok.txt":       "ok",
		"z/.gitignore":   "*.tmp\n",
		"z/ignored.tmp":  "",
		"zz/.gitignore":  "*.tmp\n",
		"zz/visible.tmp": "",
	})
	opts := Options{Root: root, fsys: faultFS{
		readDirErr: map[string]error{filepath.Join(root, "locked"): syscall.EACCES},
		openErr: map[string]error{
			filepath.Join(root, "secret.txt"):       syscall.EACCES,
			filepath.Join(root, "zz", ".gitignore"): syscall.EACCES,
		},
	}}
	got, st := walkAll(t, opts)
	want := []string{"a.txt", "z/.gitignore", "z/ok.txt", "zz/visible.tmp"}
	if !slices.Equal(got, want) {
		t.Errorf("visited %q, want %q", got, want)
	}
	wantSkipped := []string{"locked: unreadable", "secret.txt: unreadable", "zz/.gitignore: unreadable"}
	var gotSkipped []string
	for _, s := range st.Skipped {
		gotSkipped = append(gotSkipped, s.Rel+": "+string(s.Reason))
		if !strings.Contains(s.Detail, "permission denied") {
			t.Errorf("%s: detail %q does not give the cause", s.Rel, s.Detail)
		}
	}
	if !slices.Equal(gotSkipped, wantSkipped) {
		t.Errorf("skipped %q, want %q", gotSkipped, wantSkipped)
	}
}

// TestWalkPermissionDeniedReal uses a real mode-000 directory. Root (and
// some file systems) ignore the mode; the test then skips, and
// TestWalkPermissionDeniedInjected covers the behaviour.
func TestWalkPermissionDeniedReal(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"locked/x.txt": "x", "ok.txt": "ok"})
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Skipf("chmod: %v", err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skipf("mode 000 does not deny access here (uid %d); covered by the injected test", os.Getuid())
	}
	got, st := walkAll(t, Options{Root: root})
	if !slices.Equal(got, []string{"ok.txt"}) {
		t.Errorf("visited %q", got)
	}
	if len(st.Skipped) != 1 || st.Skipped[0].Rel != "locked" || st.Skipped[0].Reason != SkipUnreadable {
		t.Errorf("skipped %v", st.Skipped)
	}
}

func TestWalkNotRegular(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "a.txt"), "a")
	if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	symlink(t, "fifo", filepath.Join(root, "fifo-link"))
	type result struct {
		got []string
		st  Stats
	}
	done := make(chan result, 1)
	go func() {
		// Opening the FIFO for reading would block forever.
		var got []string
		st, _ := Walk(context.Background(), Options{Root: root}, func(f File) error {
			got = append(got, f.Rel)
			return nil
		})
		done <- result{got, st}
	}()
	var got []string
	var st Stats
	select {
	case r := <-done:
		got, st = r.got, r.st
	case <-time.After(20 * time.Second):
		t.Fatal("Walk blocked on a FIFO")
	}
	if !slices.Equal(got, []string{"a.txt"}) || st.Skips[SkipNotRegular] != 2 {
		t.Errorf("visited %q, skips %v", got, st.Skips)
	}
}

func TestWalkOrder(t *testing.T) {
	root := t.TempDir()
	names := []string{
		"a", "a.txt", "a-b", "a/b", "a/b.c", "a/b/c", "a0", "B", "b", "_x",
		"z/\u00e9", "z/e0", "z/E", "z/e.d/f", "z/e-d/f", "z/e/d", "z/e", "z/e~",
	}
	files := map[string]string{}
	for _, n := range names {
		switch n {
		case "a", "a/b", "z/e": // directories, given by their children
		default:
			files[n] = n
		}
	}
	makeTree(t, root, files)
	first, _ := walkAll(t, Options{Root: root})
	if !slices.IsSorted(first) {
		t.Errorf("visit order is not sorted by Rel: %q", first)
	}
	if len(first) != len(files) {
		t.Errorf("visited %d files, want %d", len(first), len(files))
	}
	for range 3 {
		again, _ := walkAll(t, Options{Root: root})
		if !slices.Equal(first, again) {
			t.Fatalf("order changed:\n%q\n%q", first, again)
		}
	}
}

func TestWalkCancel(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 20 {
		files[fmt.Sprintf("d%d/f%02d", i%3, i)] = "x"
	}
	makeTree(t, root, files)

	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	st, err := Walk(ctx, Options{Root: root}, func(File) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 3 || st.Files != 3 {
		t.Errorf("after cancel: err=%v visits=%d files=%d", err, n, st.Files)
	}

	_, err = Walk(ctx, Options{Root: root}, func(File) error {
		t.Error("visit called with a cancelled context")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("pre-cancelled: err=%v", err)
	}
}

func TestWalkVisitError(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"a": "", "b": "", "c": ""})
	boom := errors.New("boom")
	tests := []struct {
		ret     error
		wantErr error
	}{
		{boom, boom},
		{fs.SkipAll, nil},
	}
	for _, tc := range tests {
		n := 0
		st, err := Walk(context.Background(), Options{Root: root}, func(File) error {
			n++
			if n == 2 {
				return tc.ret
			}
			return nil
		})
		if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) || n != 2 || st.Files != 2 {
			t.Errorf("visit returning %v: err=%v visits=%d", tc.ret, err, n)
		}
	}
}

func TestWalkRootErrors(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "f"), "")
	for _, r := range []string{filepath.Join(root, "missing"), filepath.Join(root, "f")} {
		if _, err := Walk(context.Background(), Options{Root: r}, func(File) error { return nil }); err == nil {
			t.Errorf("Walk(%s): no error", r)
		}
	}
}

func TestWalkRelativeRoot(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{"a/b.txt": "b"})
	t.Chdir(root)
	var abs []string
	_, err := Walk(context.Background(), Options{Root: "a"}, func(f File) error {
		abs = append(abs, f.Abs, f.Rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(root, "a", "b.txt"), "b.txt"}
	if !slices.Equal(abs, want) {
		t.Errorf("got Abs, Rel %q, want %q", abs, want)
	}
}

// BenchmarkWalk walks a generated tree of 4,000 small files in 400
// directories with a root and nested .gitignore files.
func BenchmarkWalk(b *testing.B) {
	root := b.TempDir()
	writeFile(b, filepath.Join(root, ".gitignore"), "*.log\n/build/\n**/tmp/**\n!keep.log\n# comment\ndocs/*.bak\n")
	for d := range 400 {
		dir := filepath.Join(root, fmt.Sprintf("pkg%03d", d/20), fmt.Sprintf("sub%02d", d%20))
		mkdir(b, dir)
		if d%10 == 0 {
			writeFile(b, filepath.Join(dir, ".gitignore"), "*.gen.js\n!important.gen.js\n")
		}
		for f := range 10 {
			ext := []string{".go", ".js", ".log", ".gen.js", ".yaml"}[f%5]
			writeFile(b, filepath.Join(dir, fmt.Sprintf("file%d%s", f, ext)), "const token = \"abc\"\n")
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := Walk(context.Background(), Options{Root: root}, func(File) error { return nil })
		if err != nil || st.Files == 0 {
			b.Fatalf("Walk: %v, %d files", err, st.Files)
		}
	}
}

// TestWalkMinified: the walk skips what the minified decision calls a
// bundle, counted and listed with the reason, and keeps hand-written
// files with a long line.
func TestWalkMinified(t *testing.T) {
	root := t.TempDir()
	bundle := readSample(t, "session.min.js")
	dataURI := "const LOGO = 'data:image/png;base64," + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", 90) + "';"
	makeTree(t, root, map[string]string{
		"dist/session.min.js":     string(bundle),
		"dist/session.min.js.map": `{"version":3,"sources":["session.js"],"mappings":"` + strings.Repeat("AAAA,SAASA;", 500) + `"}`,
		"src/session.js":          string(readSample(t, "session.js")),
		"src/logo.js":             handWritten(dataURI),
		"data.json":               string(bundle), // not a kind shipped minified
	})
	got, st := walkAll(t, Options{Root: root})
	if want := []string{"data.json", "src/logo.js", "src/session.js"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if st.Skips[SkipMinified] != 2 || len(st.Skipped) != 2 || !strings.Contains(st.Skipped[0].Detail, "whitespace") || st.Skipped[1].Detail != "source map" {
		t.Errorf("minified skips %d: %v", st.Skips[SkipMinified], st.Skipped)
	}
	got, st = walkAll(t, Options{Root: root, Minified: MinifiedCheck{Include: true}})
	if len(got) != 5 || st.Skips[SkipMinified] != 0 {
		t.Errorf("with minified files included: visited %v, skips %v", got, st.Skips)
	}

	// NotMinified marks the files the check kept, so that an engine
	// applying the same check does not read them a second time.
	for _, tc := range []struct {
		opts Options
		want map[string]bool
	}{
		{Options{Root: root}, map[string]bool{"data.json": false, "src/logo.js": true, "src/session.js": true}},
		{Options{Root: root, Minified: MinifiedCheck{Include: true}}, map[string]bool{"data.json": false, "dist/session.min.js": false, "src/logo.js": false}},
	} {
		if _, err := Walk(context.Background(), tc.opts, func(f File) error {
			if want, ok := tc.want[f.Rel]; ok && f.NotMinified != want {
				t.Errorf("include %v: %s NotMinified = %v, want %v", tc.opts.Minified.Include, f.Rel, f.NotMinified, want)
			}
			if why, skip := tc.opts.Minified.SkipFile(f); skip {
				t.Errorf("SkipFile(%s) after the walk kept it: %s", f.Rel, why)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, skip := (MinifiedCheck{}).SkipFile(File{Rel: "dist/session.min.js", Content: bundle}); !skip {
		t.Error("SkipFile of a file the walk did not check keeps the bundle")
	}
}
