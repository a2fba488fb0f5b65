package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/sarifschema"
)

// gitEnv identifies the committer inside temporary repositories only;
// the user's global git configuration is never read or changed.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=tokenvet test", "GIT_AUTHOR_EMAIL=test@example.invalid",
	"GIT_COMMITTER_NAME=tokenvet test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// demoRepo copies the demo into a new git repository with one commit.
func demoRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, demoDir, dir)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "demo")
	return dir
}

// leakCommit adds a commit to the demo repository that introduces one
// new jwt-none-alg finding on a changed line and, in the same file,
// inserts unrelated lines above the old findings so that they move.
// (Once the secrets rule exists, a hard-coded token would serve the
// same.) It returns the new finding's line.
func leakCommit(t *testing.T, dir string) int {
	t.Helper()
	path := filepath.Join(dir, "auth", "issue.go")
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(old), "// IssueDebugToken mints", "// debugIssuer names the issuer of debug tokens; tokens\n// from other issuers are rejected by the gateway.\nconst debugIssuer = \"debug\"\n\n// IssueDebugToken mints", 1)
	// The new function is right in every other respect (an expiry, a key
	// from the caller), so that jwt-none-alg is the one rule it breaks.
	src += "\n// IssueGuestToken mints a token for guests.\nfunc IssueGuestToken(key []byte) (string, error) {\n\ttok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.RegisteredClaims{Subject: \"guest\", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute))})\n\treturn tok.SignedString(key)\n}\n"
	writeFile(t, path, src)
	git(t, dir, "commit", "-q", "-a", "-m", "guest tokens")
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "Subject: \"guest\"") {
			return i + 1
		}
	}
	t.Fatal("new line not found")
	return 0
}

func countedFindings(rep jsonReport) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.Suppression == nil && f.BaselineState != "unchanged" {
			out = append(out, key(f.File, f.Line, f.Column, f.Rule))
		}
	}
	return out
}

// TestNewFromRev is acceptance test 1: only the finding the last commit
// introduced counts, although the same commit moved the old ones.
func TestNewFromRev(t *testing.T) {
	dir := demoRepo(t)
	before, r := scanJSON(t, dir)
	if r.code != 1 || len(countedFindings(before)) == 0 {
		t.Fatalf("the demo should have findings before the change: exit %d\n%s", r.code, r.stderr)
	}
	line := leakCommit(t, dir)

	rep, r := scanJSON(t, dir, "--new-from-rev", "HEAD~1")
	want := []string{key("auth/issue.go", line, 27, "jwt-none-alg")}
	if got := countedFindings(rep); r.code != 1 || !equal(got, want) {
		t.Fatalf("--new-from-rev HEAD~1: exit %d, counted %v, want exit 1 and %v\n%s", r.code, got, want, r.stderr)
	}
	unchanged := 0
	for _, f := range rep.Findings {
		if f.BaselineState == "unchanged" && f.Suppression == nil {
			unchanged++
		}
	}
	if unchanged != len(countedFindings(before)) {
		t.Errorf("%d findings marked unchanged, want the %d from before the change", unchanged, len(countedFindings(before)))
	}

	// The text report shows the new finding only.
	r = scan(t, dir, "--new-from-rev", "HEAD~1")
	if r.code != 1 || strings.Count(r.stdout, "jwt-none-alg") != 1 || !strings.Contains(r.stdout, "unchanged (not counted)") {
		t.Errorf("text report:\n%s", r.stdout)
	}

	// No change since HEAD: nothing counts, exit 0.
	if rep, r := scanJSON(t, dir, "--new-from-rev", "HEAD"); r.code != 0 || len(countedFindings(rep)) != 0 {
		t.Errorf("--new-from-rev HEAD: exit %d, counted %v", r.code, countedFindings(rep))
	}
}

// TestBaselineAcrossMovedLines is acceptance test 1 with a baseline
// written before the change.
func TestBaselineAcrossMovedLines(t *testing.T) {
	dir := demoRepo(t)
	bl := filepath.Join(t.TempDir(), "baseline.json")
	if r := scan(t, dir, "-q", "--write-baseline", bl); r.code != 0 {
		t.Fatalf("--write-baseline: exit %d, want 0\n%s", r.code, r.stderr)
	}
	if rep, r := scanJSON(t, dir, "--baseline", bl); r.code != 0 || len(countedFindings(rep)) != 0 {
		t.Fatalf("right after writing it, the baseline should accept everything: exit %d, %v", r.code, countedFindings(rep))
	}
	line := leakCommit(t, dir)
	rep, r := scanJSON(t, dir, "--baseline", bl)
	want := []string{key("auth/issue.go", line, 27, "jwt-none-alg")}
	if got := countedFindings(rep); r.code != 1 || !equal(got, want) {
		t.Fatalf("--baseline: exit %d, counted %v, want exit 1 and %v\n%s", r.code, got, want, r.stderr)
	}
	// The SARIF marks both kinds, so code scanning keeps the old alerts.
	r = scan(t, dir, "--format", "sarif", "--baseline", bl)
	if !strings.Contains(r.stdout, `"baselineState": "new"`) || !strings.Contains(r.stdout, `"baselineState": "unchanged"`) {
		t.Errorf("SARIF lacks baselineState new/unchanged:\n%.2000s", r.stdout)
	}
	sarifschema.Validate(t, []byte(r.stdout))
}

func TestNewFromPatch(t *testing.T) {
	dir := demoRepo(t)
	line := leakCommit(t, dir)
	patch := filepath.Join(t.TempDir(), "change.patch")
	writeFile(t, patch, git(t, dir, "diff", "HEAD~1", "HEAD"))
	rep, r := scanJSON(t, dir, "--new-from-patch", patch)
	want := []string{key("auth/issue.go", line, 27, "jwt-none-alg")}
	if got := countedFindings(rep); r.code != 1 || !equal(got, want) {
		t.Fatalf("--new-from-patch: exit %d, counted %v, want %v\n%s", r.code, got, want, r.stderr)
	}
}

// TestGateErrors: no repository, an unknown revision, a bad baseline
// are usage errors (exit 2) with a message naming the problem.
func TestGateErrors(t *testing.T) {
	plain := t.TempDir()
	copyTree(t, demoDir, plain)
	repo := demoRepo(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	writeFile(t, bad, "{\"version\": 1, \"findings\": [{}]}")
	notPatch := filepath.Join(t.TempDir(), "x.patch")
	writeFile(t, notPatch, "hello\n")
	for _, c := range []struct {
		dir  string
		args []string
		msg  string
	}{
		{plain, []string{"--new-from-rev", "HEAD~1"}, "not inside a git work tree"},
		{repo, []string{"--new-from-rev", "no-such-branch"}, `unknown revision "no-such-branch"`},
		{repo, []string{"--new-from-rev", "--output=x"}, "cannot start with"},
		{repo, []string{"--baseline", bad}, "no fingerprint"},
		{repo, []string{"--baseline", filepath.Join(plain, "missing.json")}, "no such file"},
		{repo, []string{"--new-from-patch", notPatch}, "not a unified diff"},
		{repo, []string{"--also", "sarif"}, "FORMAT=FILE"},
		{plain, []string{"--staged"}, "not inside a git work tree"},
	} {
		r := scan(t, c.dir, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("scan %v: exit %d, stderr %q; want exit 2 and %q", c.args, r.code, r.stderr, c.msg)
		}
	}
}

func equal(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// TestNewFromRevWorkTree: uncommitted edits and untracked files are part
// of the change, as they will be once committed.
func TestNewFromRevWorkTree(t *testing.T) {
	dir := demoRepo(t)
	writeFile(t, filepath.Join(dir, "auth", "extra.go"), "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nvar unsigned = jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{\"exp\": 1})\n")
	rep, r := scanJSON(t, dir, "--new-from-rev", "HEAD")
	want := []string{key("auth/extra.go", 5, 34, "jwt-none-alg")}
	if got := countedFindings(rep); r.code != 1 || !equal(got, want) {
		t.Fatalf("untracked file: exit %d, counted %v, want %v\n%s", r.code, got, want, r.stderr)
	}
}

// TestAlso: --also writes the same report --format would, from one scan.
func TestAlso(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	r := scan(t, demoDir, "-q", "--format", "sarif", "--also", "json="+out, "./...")
	if r.code != 1 || !strings.Contains(r.stdout, `"version": "2.1.0"`) {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	also, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	direct := scan(t, demoDir, "-q", "--format", "json", "./...")
	if string(also) != direct.stdout {
		t.Errorf("--also json differs from --format json:\n%s\n---\n%s", also, direct.stdout)
	}
}

// scanEnv runs tokenvet scan in dir with extra environment variables.
func scanEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(tokenvet, append([]string{"scan"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return result{out.String(), errb.String(), code}
}

// TestGateHostileGitConfig: a user's diff.mnemonicPrefix (i/ w/ instead
// of a/ b/ in diff headers) once made every finding "unchanged" and the
// gate exit 0; the repository's core.fsmonitor ran on every scan with
// --new-from-rev or --staged. Both modes must count the new finding and
// run nothing.
func TestGateHostileGitConfig(t *testing.T) {
	dir := demoRepo(t)
	line := leakCommit(t, dir)
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "fsmonitor.sh")
	writeFile(t, hook, "#!/bin/sh\necho ran >> '"+marker+"'\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "config", "core.fsmonitor", hook)
	global := filepath.Join(t.TempDir(), "gitconfig")
	writeFile(t, global, "[diff]\n\tmnemonicPrefix = true\n\tnoprefix = false\n")
	env := []string{"GIT_CONFIG_GLOBAL=" + global, "GIT_CONFIG_NOSYSTEM=1"}

	r := scanEnv(t, dir, env, "--format", "json", "--new-from-rev", "HEAD~1")
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	want := []string{key("auth/issue.go", line, 27, "jwt-none-alg")}
	if got := countedFindings(rep); r.code != 1 || !equal(got, want) {
		t.Errorf("--new-from-rev with diff.mnemonicPrefix: exit %d, counted %v; want exit 1 and %v\n%s", r.code, got, want, r.stderr)
	}

	writeFile(t, filepath.Join(dir, "auth", "guest.go"), "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nvar guest = jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{\"exp\": 1})\n")
	git(t, dir, "-c", "core.fsmonitor=false", "add", "auth/guest.go")
	r = scanEnv(t, dir, env, "--staged")
	if r.code != 1 || !strings.Contains(r.stdout, "auth/guest.go:5:") {
		t.Errorf("--staged: exit %d, want 1 and the staged finding\n%s%s", r.code, r.stdout, r.stderr)
	}
	if ran, err := os.ReadFile(marker); err == nil {
		t.Errorf("the repository's core.fsmonitor ran %d times", strings.Count(string(ran), "ran"))
	}

	// A patch made with mnemonic prefixes names no file of the tree: an
	// error, not a pass.
	patch := filepath.Join(t.TempDir(), "change.patch")
	writeFile(t, patch, git(t, dir, "-c", "core.fsmonitor=false", "-c", "diff.mnemonicPrefix=true", "diff", "HEAD~1"))
	if r := scan(t, dir, "--new-from-patch", patch); r.code != 2 || !strings.Contains(r.stderr, "w/auth/") {
		t.Errorf("--new-from-patch with w/ paths: exit %d, want 2 and the path named\n%s", r.code, r.stderr)
	}
}
