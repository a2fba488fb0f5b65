package pathguard

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		root, path string
		want       bool
	}{
		{"/r", "/r", true},
		{"/r", "/r/a.go", true},
		{"/r", "/r/sub/a.go", true},
		{"/r", "/r/..a/b", true}, // a name starting with two dots is still inside
		{"/r", "/", false},
		{"/r", "/rx/a.go", false},
		{"/r", "/etc/passwd", false},
		{"/r/sub", "/r/a.go", false},
	} {
		if got := Within(tc.root, tc.path); got != tc.want {
			t.Errorf("Within(%q, %q) = %v, want %v", tc.root, tc.path, got, tc.want)
		}
	}
}

func TestCheck(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{root, outside, filepath.Join(root, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "a.go"))
	write(filepath.Join(outside, "secret.go"))
	link(filepath.Join(outside, "secret.go"), "leak.go")
	link("/etc/passwd", "passwd.go")
	link("a.go", "same.go")
	link("../repo/sub", "subdir")
	link("../outside", "outdir")
	link("missing.go", "dangling.go")
	link("loop2.go", "loop1.go")
	link("loop1.go", "loop2.go")
	if err := syscall.Mkfifo(filepath.Join(root, "p.go"), 0o644); err != nil {
		t.Fatal(err)
	}
	link("p.go", "topipe.go")

	r, err := NewRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Kind{
		"a.go":        Regular,
		"same.go":     Regular,
		"sub":         Dir,
		"subdir":      Dir,
		"leak.go":     Outside,
		"passwd.go":   Outside,
		"outdir":      Outside,
		"dangling.go": Unresolvable,
		"loop1.go":    Unresolvable,
		"p.go":        NotRegular,
		"topipe.go":   NotRegular,
		"nothere.go":  Unresolvable,
	} {
		v := r.Check(filepath.Join(root, name))
		if v.Kind != want {
			t.Errorf("Check(%s) = %v (%s), want %v", name, v.Kind, v.Detail, want)
		}
		if v.OK() != (want == Regular) {
			t.Errorf("Check(%s).OK() = %v", name, v.OK())
		}
	}
	if v := r.Check(filepath.Join(root, "passwd.go")); v.Detail != "-> /etc/passwd" {
		t.Errorf("outside symlink detail = %q, want the target", v.Detail)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if got, want := r.CheckEntry(p, e), r.Check(p); got.Kind != want.Kind {
			t.Errorf("CheckEntry(%s) = %v, Check = %v", e.Name(), got.Kind, want.Kind)
		}
	}
	if !r.Contains(filepath.Join(root, "same.go")) || r.Contains(filepath.Join(root, "leak.go")) || r.Contains(filepath.Join(outside, "secret.go")) {
		t.Error("Contains must follow symlinks and refuse paths that leave the root")
	}
}

// TestRootThroughSymlink: a root named through a symlink (macOS /tmp)
// still contains its own files.
func TestRootThroughSymlink(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "a.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.go", filepath.Join(real, "b.go")); err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(base, "named")
	if err := os.Symlink(real, named); err != nil {
		t.Fatal(err)
	}
	r, err := NewRoot(named)
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Check(filepath.Join(named, "b.go")); !v.OK() {
		t.Errorf("b.go -> a.go inside a symlinked root: %v %s", v.Kind, v.Detail)
	}
}
