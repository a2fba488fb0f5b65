// Package testdatadir locates the repository's shared analysistest tree,
// testdata/src, which holds the stub libraries every analyzer test uses.
package testdatadir

import (
	"path/filepath"
	"runtime"
	"testing"
)

// Shared returns the absolute path of the repository's top-level testdata
// directory, the GOPATH-style root analysistest.Run takes.
func Shared(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testdatadir: cannot locate the source file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}
