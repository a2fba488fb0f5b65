package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFileArguments: a file argument is scanned alone, as gosec and
// gitleaks users expect, by every engine that applies: a .go file with
// its package's analyzers (verify.go's findings need the package
// type-checked), a TypeScript file by the web engine, a YAML file by the
// secret rules. Nothing outside the files named is reported, and a
// directory named beside a file still covers its whole tree.
func TestFileArguments(t *testing.T) {
	all, _ := scanJSON(t, demoDir, "./...")
	want := func(files ...string) []string {
		var out []string
		for _, f := range all.Findings {
			if slices.Contains(files, f.File) {
				out = append(out, f.File+" "+f.Rule)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		args, files []string
	}{
		{[]string{"auth/verify.go"}, []string{"auth/verify.go"}},
		{[]string{"./web/api.ts"}, []string{"web/api.ts"}},
		{[]string{"config/app.yml", "auth/verify.go"}, []string{"config/app.yml", "auth/verify.go"}},
		{[]string{"./auth", "auth/verify.go"}, []string{"auth/verify.go", "auth/issue.go"}},
	} {
		rep, r := scanJSON(t, demoDir, tc.args...)
		var got []string
		for _, f := range rep.Findings {
			got = append(got, f.File+" "+f.Rule)
		}
		slices.Sort(got)
		if w := want(tc.files...); len(w) == 0 || !slices.Equal(got, w) {
			t.Errorf("scan %v: findings\n%s\nwant those of ./... in %v:\n%s\nstderr: %s", tc.args, strings.Join(got, "\n"), tc.files, strings.Join(w, "\n"), r.stderr)
		}
		if r.code != 1 {
			t.Errorf("scan %v: exit %d, want 1", tc.args, r.code)
		}
	}
	// Outside the working directory, paths are relative to the file's
	// directory, as they are to a directory named from outside.
	rep, _ := scanJSON(t, t.TempDir(), filepath.Join(demoDir, "web", "api.ts"))
	if len(rep.Findings) == 0 || rep.Findings[0].File != "api.ts" {
		t.Errorf("a file outside the working directory: %+v", rep.Findings)
	}
	if r := scan(t, demoDir, "web/api.ts/..."); r.code != 2 || !strings.Contains(r.stderr, "is a file, not a directory") {
		t.Errorf("file/...: exit %d, %q", r.code, r.stderr)
	}
}

// TestTimeout: --timeout stops a scan that would never end (the compiler
// go list runs sleeps, as in TestInterrupt) with exit status 2, a
// "timed out after" message, no report, and no child left running.
func TestTimeout(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/r\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "a.go"), "package r\n\nfunc A() {}\n")
	tools := t.TempDir()
	pidFile := filepath.Join(tools, "pid")
	script := filepath.Join(tools, "slow.sh")
	writeFile(t, script, "#!/bin/sh\ncase \"$*\" in *-V=full*) exec \"$@\";; esac\necho $$ > "+pidFile+".tmp\nmv "+pidFile+".tmp "+pidFile+"\nexec sleep 1000\n")
	if err := os.Chmod(script, 0o755); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "out.json")
	// The scan blocks until the timeout: the 3 minutes only catch a
	// tokenvet that never stops.
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tokenvet, "scan", "--timeout", "10s", "--format", "json", "-o", report, ".")
	cmd.Dir = dir
	// TOKENVET_GO_LOADER=export: the source loader compiles nothing,
	// and this test needs the go command to start the (slow) compiler.
	cmd.Env = append(os.Environ(), "TOKENVET_GO_LOADER=export", "GOFLAGS=-toolexec="+script, "GOCACHE="+t.TempDir(), "GOTMPDIR="+t.TempDir())
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatal("tokenvet did not stop")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("exit: %v, want status 2", err)
	}
	if got := errb.String(); got != "tokenvet: timed out after 10s (--timeout); no report was written\n" {
		t.Errorf("stderr %q", got)
	}
	if _, err := os.Stat(report); err == nil {
		t.Error("a timed-out scan wrote its report")
	}
	// A loaded machine may still be in go list at the deadline; the
	// compiler, when it started, must be gone.
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Logf("the compiler had not started: %v", err)
		b = []byte("0")
	}
	var child int
	fmt.Sscanf(string(b), "%d", &child)
	for child > 0 && !processGone(child) {
		select {
		case <-ctx.Done():
			t.Fatalf("the compiler (pid %d) outlived tokenvet", child)
		case <-time.After(20 * time.Millisecond):
		}
	}

	// The plumbing at its smallest: expired before anything ran.
	if r := scan(t, demoDir, "--timeout", "1ns", "./..."); r.code != 2 || !strings.Contains(r.stderr, "timed out after 1ns") {
		t.Errorf("--timeout 1ns: exit %d, %q", r.code, r.stderr)
	}
	if r := scan(t, demoDir, "--timeout", "-1s"); r.code != 2 || !strings.Contains(r.stderr, "must not be negative") {
		t.Errorf("--timeout -1s: exit %d, %q", r.code, r.stderr)
	}
}

// TestOneWayPerThing: each thing has one documented spelling, as users of
// go test, golangci-lint and gitleaks expect. -v is --verbose (under scan)
// and never --version; rules are turned off with --disable RULE, extra
// token names given with --token-names, model directories with --models.
// go vet's per-analyzer spellings (-jwtnonealg=false, -tokenlogged.names)
// still work under scan, hidden from --help, with a hint on stderr.
func TestOneWayPerThing(t *testing.T) {
	if r := run(t, demoDir, tokenvet, "-v"); r.code != 2 || !strings.Contains(r.stderr, "--version prints the version; -v is --verbose under tokenvet scan") {
		t.Errorf("tokenvet -v: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, demoDir, tokenvet, "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "tokenvet ") {
		t.Errorf("tokenvet --version: exit %d, %q", r.code, r.stdout)
	}
	help := run(t, demoDir, tokenvet, "scan", "--help").stdout
	for _, hidden := range []string{"--jwtnonealg ", "--tokenlogged.names", "--tokeninquery.models"} {
		if strings.Contains(help, hidden) {
			t.Errorf("scan --help lists %s, a second way to do what one documented flag does", hidden)
		}
	}
	for _, shown := range []string{"--disable RULE", "--token-names NAMES", "--models DIR", "--include-generated", "-v, --verbose"} {
		if !strings.Contains(help, shown) {
			t.Errorf("scan --help does not list %s", shown)
		}
	}

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/names\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "a.go"), `package names

import (
	"log"
	"net/http"
)

func Handle(r *http.Request) {
	sig := r.Header.Get("X-Partner-Sig")
	log.Printf("partner: %s", sig)
}
`)
	count := func(args ...string) (int, result) {
		rep, r := scanJSON(t, dir, args...)
		return len(rep.Findings), r
	}
	if n, r := count("."); n != 0 {
		t.Fatalf("without extra names: %d findings, want 0 (the header is not a known token name)\n%s", n, r.stdout)
	}
	if n, r := count("--token-names", "x-partner-sig", "."); n != 1 {
		t.Errorf("--token-names x-partner-sig: %d findings, want 1\n%s", n, r.stderr)
	}
	n, r := count("--tokenlogged.names", "x-partner-sig", ".")
	if n != 1 || !strings.Contains(r.stderr, "use --token-names") {
		t.Errorf("--tokenlogged.names: %d findings (want 1), stderr %q (want the hint)", n, r.stderr)
	}
	n, r = count("--token-names", "x-partner-sig", "--tokenlogged=false", ".")
	if n != 0 || !strings.Contains(r.stderr, "use --disable token-logged") {
		t.Errorf("--tokenlogged=false: %d findings (want 0), stderr %q (want the hint)", n, r.stderr)
	}
	if n, _ := count("--token-names", "x-partner-sig", "--disable", "token-logged", "."); n != 0 {
		t.Errorf("--disable token-logged: %d findings, want 0", n)
	}
}
