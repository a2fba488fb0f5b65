// Package benchdata fetches real-world inputs for benchmarks and manual
// checks: files of published npm packages, fetched with `npm pack` once
// per machine and cached in the user cache directory. Unit tests never
// use it; they run on committed, synthetic samples.
package benchdata

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// NPMFile returns the file at name (a path inside the package, such as
// "umd/react-dom.production.min.js") of the npm package spec (such as
// "react-dom@18.3.1": pin the version, so results do not change). Without
// npm it skips the benchmark, except under CI, where it fails it.
func NPMFile(tb testing.TB, spec, name string) []byte {
	tb.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "tokenvet-bench")
	target := filepath.Join(dir, strings.NewReplacer("/", "_", "@", "-").Replace(spec+"_"+name))
	if data, err := os.ReadFile(target); err == nil {
		return data
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("npm is needed to fetch %s: %v", spec, err)
		}
		tb.Skipf("npm not found: fetching %s needs it", spec)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	tmp := tb.TempDir()
	cmd := exec.Command(npm, "pack", spec, "--pack-destination", tmp, "--silent")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("npm pack %s: %v\n%s", spec, err, out)
	}
	tgzs, _ := filepath.Glob(filepath.Join(tmp, "*.tgz"))
	if len(tgzs) != 1 {
		tb.Fatalf("npm pack %s left %d tarballs", spec, len(tgzs))
	}
	data, err := extract(tgzs[0], "package/"+name)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return data
}

func extract(tgz, name string) ([]byte, error) {
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, errors.New(name + " not in " + tgz)
			}
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}
