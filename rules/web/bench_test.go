package web

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/walk"
)

// benchPackage and benchFile name the real bundle the benchmarks parse:
// React DOM's development build, 1.08 MB of ordinary, unminified
// JavaScript. It is fetched with `npm pack` at bench time and cached.
const (
	benchPackage = "react-dom@18.3.1"
	benchFile    = "package/umd/react-dom.development.js"
)

// bundle returns the benchmark bundle, fetching it once per machine.
func bundle(b *testing.B) []byte {
	b.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "tokenvet-bench")
	target := filepath.Join(dir, "react-dom-18.3.1.development.js")
	if data, err := os.ReadFile(target); err == nil {
		return data
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		if os.Getenv("CI") != "" {
			b.Fatalf("npm is needed to fetch %s for the web engine benchmark: %v", benchPackage, err)
		}
		b.Skipf("npm not found: the web engine benchmark needs it to fetch %s", benchPackage)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	cmd := exec.Command(npm, "pack", benchPackage, "--pack-destination", tmp, "--silent")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("npm pack %s: %v\n%s", benchPackage, err, out)
	}
	tgzs, _ := filepath.Glob(filepath.Join(tmp, "*.tgz"))
	if len(tgzs) != 1 {
		b.Fatalf("npm pack %s left %d tarballs", benchPackage, len(tgzs))
	}
	data, err := extract(tgzs[0], benchFile)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		b.Fatal(err)
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

// BenchmarkWebEngine measures the engine on one large file: parse, the
// declaration pass and the checks. Compare with BenchmarkRawParse; `make
// bench-web` prints both in MB/s.
func BenchmarkWebEngine(b *testing.B) {
	data := bundle(b)
	e := New(Options{Minified: walk.MinifiedCheck{Include: true}})
	f := walk.File{Rel: "react-dom.development.js", Content: data, Size: int64(len(data))}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, ps := e.Scan(context.Background(), f); len(ps) > 0 {
			b.Fatalf("bundle did not parse: %+v", ps)
		}
	}
}

// BenchmarkRawParse is the parser alone on the same bundle.
func BenchmarkRawParse(b *testing.B) {
	data := bundle(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		buf := make([]byte, len(data), len(data)+1)
		copy(buf, data)
		if _, err := js.Parse(parse.NewInputBytes(buf), js.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWebEngineTS is the engine on the same bundle taken as
// TypeScript: esbuild's transform and the source-map walk come on top.
func BenchmarkWebEngineTS(b *testing.B) {
	data := bundle(b)
	e := New(Options{Minified: walk.MinifiedCheck{Include: true}})
	f := walk.File{Rel: "react-dom.development.ts", Content: data, Size: int64(len(data))}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, ps := e.Scan(context.Background(), f); len(ps) > 0 {
			b.Fatalf("bundle did not parse as TypeScript: %+v", ps)
		}
	}
}
