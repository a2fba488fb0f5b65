package version

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildIDMatchesGoTool checks Build against the toolchain's own
// reading of the running test binary's build ID: a cache keyed on a
// wrong or constant Build would hand one build's results to another.
func TestBuildIDMatchesGoTool(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid %s: %v", exe, err)
	}
	want := strings.TrimSpace(string(out))
	if got := Build(); got != want {
		t.Fatalf("Build() = %q, go tool buildid says %q", got, want)
	}
}

func TestBuildIDOfOtherFiles(t *testing.T) {
	dir := t.TempDir()
	// A Mach-O or PE executable carries the marker near its start.
	withMarker := filepath.Join(dir, "exe")
	os.WriteFile(withMarker, []byte("MZ\x00\x00junk\xff Go build ID: \"abc/def\"\n \xff rest"), 0o600)
	if got := buildID(withMarker); got != "abc/def" {
		t.Errorf("buildID(marker file) = %q, want abc/def", got)
	}
	// A script or a stripped binary has none: Build falls back to the
	// file's size and time, which readBuild supplies.
	plain := filepath.Join(dir, "plain")
	os.WriteFile(plain, []byte("#!/bin/sh\necho hi\n"), 0o600)
	if got := buildID(plain); got != "" {
		t.Errorf("buildID(plain file) = %q, want empty", got)
	}
	// Damaged notes do not panic.
	for _, d := range [][]byte{nil, make([]byte, 11), {0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0, 4, 0, 0, 0}} {
		_ = noteDesc(d)
	}
}
