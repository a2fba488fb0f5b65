package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/engines"
)

// TestColor: colour is on only at a terminal, and --no-color and
// NO_COLOR turn it off there.
func TestColor(t *testing.T) {
	dir := t.TempDir()
	// A token kept in web storage: the web engine reports it without a
	// Go package to load.
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte("localStorage.setItem('token', token)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(tty bool, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, StdoutTTY: tty, Dir: dir, Engines: engines.Default}
		if code := Execute(append([]string{"scan", "-q"}, append(args, ".")...), env); code != ExitFindings {
			t.Fatalf("scan %v: exit %d\n%s%s", args, code, out.String(), errb.String())
		}
		return out.String()
	}
	t.Setenv("NO_COLOR", "")
	for _, tc := range []struct {
		name  string
		tty   bool
		args  []string
		color bool
	}{
		{"terminal", true, nil, true},
		{"pipe", false, nil, false},
		{"--no-color", true, []string{"--no-color"}, false},
	} {
		if got := strings.Contains(run(tc.tty, tc.args...), "\x1b["); got != tc.color {
			t.Errorf("%s: colour %v, want %v", tc.name, got, tc.color)
		}
	}
	t.Setenv("NO_COLOR", "1")
	if strings.Contains(run(true), "\x1b[") {
		t.Error("NO_COLOR: colour at a terminal")
	}
}
