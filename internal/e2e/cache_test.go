package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestDemoSameWithAndWithoutCaches scans the demo with no cache, with the
// old export-data loader, filling tokenvet's caches and reading them:
// the JSON reports must be byte-identical, and the reading scan must have
// read every entry of the result cache (Get marks each entry it reads
// as used).
func TestDemoSameWithAndWithoutCaches(t *testing.T) {
	cache := t.TempDir()
	scanJSON := func(env ...string) string {
		t.Helper()
		cmd := exec.Command(tokenvet, "scan", "--format", "json", "./...")
		cmd.Dir = demoDir
		cmd.Env = append(append(os.Environ(), "XDG_CACHE_HOME="+cache), env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("scan %v: %v\n%s", env, err, errb.String())
			}
		}
		return out.String()
	}
	plain := scanJSON("TOKENVET_GO_LOADER=export", "TOKENVET_NO_RESULT_CACHE=1")
	uncached := scanJSON("TOKENVET_NO_RESULT_CACHE=1", "XDG_CACHE_HOME="+t.TempDir())
	filled := scanJSON()
	results := filepath.Join(cache, "tokenvet", "results")
	long := time.Now().Add(-24 * time.Hour)
	entries := 0
	walkEntries := func(f func(path string, info fs.FileInfo)) {
		t.Helper()
		err := filepath.WalkDir(results, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			if err == nil {
				f(path, info)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	walkEntries(func(path string, _ fs.FileInfo) {
		entries++
		if err := os.Chtimes(path, long, long); err != nil {
			t.Fatal(err)
		}
	})
	if entries == 0 {
		t.Fatal("the filling scan wrote no result cache entry")
	}
	read := scanJSON()
	stale := 0
	walkEntries(func(_ string, info fs.FileInfo) {
		if info.ModTime().Before(time.Now().Add(-time.Hour)) {
			stale++
		}
	})
	if stale != 0 {
		t.Errorf("the second scan left %d of the %d result cache entries unread", stale, entries)
	}
	for name, got := range map[string]string{"source loader, no cache": uncached, "filling the caches": filled, "reading the caches": read} {
		if got != plain {
			t.Errorf("%s: report differs from the export-data loader's without a cache:\n%s\nwant:\n%s", name, got, plain)
		}
	}
}
