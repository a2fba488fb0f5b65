package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostilePAT is a random token in GitHub's format, not a real one.
const hostilePAT = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw"

// boundedScan runs tokenvet scan --format json in dir and fails the test
// if it does not end within a generous bound (a hang is the defect).
func boundedScan(t *testing.T, dir string, env []string, args ...string) (jsonReport, result) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tokenvet, append([]string{"scan", "--format", "json"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tokenvet scan did not end: %s", errb.String())
	}
	r := result{out.String(), errb.String(), 0}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var rep jsonReport
	if out.Len() == 0 && r.code == 2 {
		return rep, r // a usage error
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("JSON output does not parse: %v\n%s\n%s", err, out.String(), errb.String())
	}
	return rep, r
}

func findingKeys(rep jsonReport) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Rule, f.Engine))
	}
	slices.Sort(out)
	return out
}

// TestHostileGoTree runs the bad-input cases of issue 10 on the Go
// loading path through the binary: a symlink out of the repository, a
// FIFO, a cgo file, a Latin-1 byte, files behind build constraints.
func TestHostileGoTree(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	dir := filepath.Join(base, "repo")
	writeFile(t, filepath.Join(outside, "secret.go"), "package r\n\nconst O = \"ghp_0utside0utside0utside0utside0utsid\"\n")
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/r\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "a.go"), "package r\n\nfunc A() {}\n")
	writeFile(t, filepath.Join(dir, "c.go"), "package r\n\n// static int f(void) { return 1; }\nimport \"C\"\n\nconst T = \""+hostilePAT+"\"\n\nfunc F() int { return int(C.f()) }\n")
	writeFile(t, filepath.Join(dir, "l.go"), "// Package r: caf\xe9\npackage r\n\nconst L = \""+hostilePAT+"\"\n")
	writeFile(t, filepath.Join(dir, "a_windows.go"), "package r\n\nconst W = \""+hostilePAT+"\"\n")
	writeFile(t, filepath.Join(dir, "tags", "t.go"), "package tags\n")
	writeFile(t, filepath.Join(dir, "tags", "b.go"), "//go:build enterprise\n\npackage tags\n\nconst I = \""+hostilePAT+"\"\n")
	if err := os.Symlink(filepath.Join(outside, "secret.go"), filepath.Join(dir, "leak.go")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "p.go"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, r := boundedScan(t, dir, []string{"GOOS=linux", "GOARCH=amd64", "GOFLAGS=", "GOTOOLCHAIN=auto"})
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	want := []string{
		"a_windows.go:3 hardcoded-token go-fallback",
		"c.go:6 hardcoded-token go-fallback", // at its real path, not in the build cache
		"l.go:4 hardcoded-token go-fallback",
		"tags/b.go:5 hardcoded-token go-fallback",
	}
	if got := findingKeys(rep); !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	kinds := map[string]string{}
	for _, p := range rep.Problems {
		kinds[p.File] = p.Kind + ": " + p.Message
	}
	for file, want := range map[string]string{
		"a_windows.go": "build: analysed without type information: excluded by build constraints",
		"tags/b.go":    "build: analysed without type information: excluded by build constraints: //go:build enterprise",
		"c.go":         `build: analysed without type information: excluded by build constraints: it uses cgo (import "C")`,
		"l.go":         "encoding: not valid UTF-8 (byte 0xE9",
	} {
		if !strings.HasPrefix(kinds[file], want) {
			t.Errorf("%s: problem %q, want %q…", file, kinds[file], want)
		}
	}
	if len(rep.Problems) != 4 {
		t.Errorf("problems %+v, want the four above", rep.Problems)
	}

	// --build-tags enterprise type-checks tags/b.go.
	rep, _ = boundedScan(t, dir, []string{"GOOS=linux", "GOARCH=amd64", "GOFLAGS="}, "--build-tags", "enterprise")
	if !slices.Contains(findingKeys(rep), "tags/b.go:5 hardcoded-token go") {
		t.Errorf("with --build-tags enterprise, tags/b.go is type-checked: %v", findingKeys(rep))
	}
	if _, r := boundedScan(t, dir, nil, "--build-tags", "a b"); r.code != 2 || !strings.Contains(r.stderr, "--build-tags") {
		t.Errorf("a tag with a space: exit %d, %q; want a usage error", r.code, r.stderr)
	}
}

// TestInterrupt is issue 10 #14: two SIGINTs were ignored and a report
// written; SIGTERM orphaned go list and the compiler and left
// /tmp/go-build* behind. Interrupted, tokenvet stops, its children are
// gone, no report is written, the exit status is 2 and stderr says
// "tokenvet: interrupted".
func TestInterrupt(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/r\n\ngo 1.22\n")
			writeFile(t, filepath.Join(dir, "a.go"), "package r\n\nfunc A() {}\n")
			tools := t.TempDir()
			pidFile := filepath.Join(tools, "pid")
			// The first real compile records its pid and sleeps in place
			// of the compiler: go list is then certainly running a child.
			script := filepath.Join(tools, "slow.sh")
			writeFile(t, script, "#!/bin/sh\ncase \"$*\" in *-V=full*) exec \"$@\";; esac\necho $$ > "+pidFile+".tmp\nmv "+pidFile+".tmp "+pidFile+"\nexec sleep 1000\n")
			if err := os.Chmod(script, 0o755); err != nil {
				t.Fatal(err)
			}
			gotmp := t.TempDir()
			report := filepath.Join(t.TempDir(), "out.json")

			ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, tokenvet, "scan", "--format", "json", "-o", report, ".")
			cmd.Dir = dir
			// TOKENVET_GO_LOADER=export: the source loader compiles nothing,
			// and this test needs the go command to start the (slow) compiler.
			cmd.Env = append(os.Environ(), "TOKENVET_GO_LOADER=export", "GOFLAGS=-toolexec="+script, "GOCACHE="+t.TempDir(), "GOTMPDIR="+gotmp)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for {
				if _, err := os.Stat(pidFile); err == nil {
					break
				}
				select {
				case <-ctx.Done():
					t.Fatalf("the compiler never started: %s", errb.String())
				case <-time.After(20 * time.Millisecond):
				}
			}
			b, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatal(err)
			}
			var child int
			fmt.Sscanf(string(b), "%d", &child)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if sig == syscall.SIGINT {
				cmd.Process.Signal(sig) // a second Ctrl-C changes nothing
			}
			err = cmd.Wait()
			if ctx.Err() != nil {
				t.Fatal("tokenvet did not stop")
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Errorf("exit: %v, want status 2", err)
			}
			if got := errb.String(); got != "tokenvet: interrupted\n" {
				t.Errorf("stderr %q, want \"tokenvet: interrupted\\n\"", got)
			}
			if _, err := os.Stat(report); err == nil {
				t.Error("an interrupted scan wrote its report")
			}
			for !processGone(child) {
				select {
				case <-ctx.Done():
					t.Fatalf("the compiler (pid %d) outlived tokenvet", child)
				case <-time.After(20 * time.Millisecond):
				}
			}
			if left, _ := os.ReadDir(gotmp); len(left) != 0 {
				t.Errorf("left behind in GOTMPDIR: %v", left)
			}
		})
	}
}

// processGone reports whether pid has ended (a zombie has).
func processGone(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] == 'Z' || s[i+2] == 'X'
}
