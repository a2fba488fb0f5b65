package secrets

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/tools/secretsbench/corpus"
	"github.com/tokenvet/tokenvet/internal/walk"
)

// BenchmarkEngine scans the non-Go files of a generated corpus (the same
// generator as `make bench-secrets`) with the file engine; MB/s is per
// core. Go files are left out: the hardcodedtoken analyzer reads their
// string literals instead.
func BenchmarkEngine(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, 8<<20, 1); err != nil {
		b.Fatal(err)
	}
	var files []walk.File
	var size int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, walk.File{Rel: p, Content: data, Size: int64(len(data))})
		size += int64(len(data))
		return nil
	})
	e := NewEngine(mustDefault(b))
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			e.Scan(context.Background(), f)
		}
	}
}
