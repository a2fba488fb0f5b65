package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteOutput(t *testing.T) {
	dir := t.TempDir()
	read := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// A new file, then an existing one replaced whole, its mode kept.
	report := filepath.Join(dir, "report.json")
	if link, err := writeOutput(report, []byte("first\n")); err != nil || link || read(report) != "first\n" {
		t.Fatalf("new file: link %v, err %v, content %q", link, err, read(report))
	}
	if err := os.Chmod(report, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := writeOutput(report, []byte("second\n")); err != nil || read(report) != "second\n" {
		t.Fatalf("existing file: %v, %q", err, read(report))
	}
	if st, _ := os.Stat(report); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the previous 0600 kept", st.Mode().Perm())
	}

	// A link at the name is replaced; its target is never written.
	precious := filepath.Join(dir, "precious.txt")
	if err := os.WriteFile(precious, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sarif := filepath.Join(dir, "link.sarif")
	if err := os.Symlink(precious, sarif); err != nil {
		t.Fatal(err)
	}
	link, err := writeOutput(sarif, []byte("{}\n"))
	if err != nil || !link {
		t.Fatalf("link: replaced %v, err %v", link, err)
	}
	if got := read(precious); got != "precious\n" {
		t.Errorf("the link's target was written: %q", got)
	}
	if st, err := os.Lstat(sarif); err != nil || !st.Mode().IsRegular() || read(sarif) != "{}\n" {
		t.Errorf("the link was not replaced by the report: %v %v", st, err)
	}
	// A dangling link, as a checkout could carry it, the same.
	dangling := filepath.Join(dir, "dangling.sarif")
	if err := os.Symlink(filepath.Join(dir, "nowhere", "x"), dangling); err != nil {
		t.Fatal(err)
	}
	if _, err := writeOutput(dangling, []byte("{}\n")); err != nil || read(dangling) != "{}\n" {
		t.Errorf("dangling link: %v", err)
	}

	// A device is written in place (nothing to rename over /dev/null).
	if runtime.GOOS != "windows" {
		if _, err := writeOutput(os.DevNull, []byte("x")); err != nil {
			t.Errorf("%s: %v", os.DevNull, err)
		}
	}
	if _, err := writeOutput(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a directory: %v, want an error", err)
	}
	// No temporary file is left behind.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
