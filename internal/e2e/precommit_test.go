package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// commit runs git commit, which runs the pre-commit hook, and returns
// its exit status and output.
func commit(t *testing.T, dir, msg string) (int, string) {
	t.Helper()
	cmd := exec.Command("git", "commit", "-q", "-m", msg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		t.Fatal(err)
	}
	return 0, string(out)
}

// installHook makes tokenvet the repository's pre-commit hook, as the
// .pre-commit-hooks.yaml entry does through the pre-commit framework.
func installHook(t *testing.T, dir string) {
	t.Helper()
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	writeFile(t, hook, "#!/bin/sh\nexec '"+tokenvet+"' scan --staged\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestPreCommitHook is acceptance test 5: the hook blocks a commit whose
// staged content holds a token mistake, judges the staged content and
// not the work tree, ignores old findings in files not staged, and lets
// the commit through once the line is gone.
func TestPreCommitHook(t *testing.T) {
	dir := demoRepo(t)
	installHook(t, dir)

	// A clean staged file commits although the demo is full of findings.
	writeFile(t, filepath.Join(dir, "auth", "doc.go"), "package auth\n\n// Version is the token format version.\nconst Version = 2\n")
	git(t, dir, "add", "auth/doc.go")
	if code, out := commit(t, dir, "clean"); code != 0 {
		t.Fatalf("a clean commit was blocked (exit %d):\n%s", code, out)
	}

	bad := "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\n// Guest mints a guest token.\nfunc Guest(exp int64) (string, error) {\n\treturn jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{\"exp\": exp}).SignedString(jwt.UnsafeAllowNoneSignatureType)\n}\n"
	good := "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\n// Guest mints a guest token.\nfunc Guest(exp int64, key []byte) (string, error) {\n\treturn jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{\"exp\": exp}).SignedString(key)\n}\n"
	path := filepath.Join(dir, "auth", "guest.go")
	writeFile(t, path, bad)
	git(t, dir, "add", "auth/guest.go")
	code, out := commit(t, dir, "guest tokens")
	if code == 0 || !strings.Contains(out, "auth/guest.go:7:") || !strings.Contains(out, "jwt-none-alg") {
		t.Fatalf("the hook let a staged none-alg token through (exit %d):\n%s", code, out)
	}
	if strings.Contains(out, "issue.go") {
		t.Errorf("the hook reported findings in files that are not staged:\n%s", out)
	}

	// Fixing the work tree without staging the fix does not help: the
	// commit would still hold the bad line.
	writeFile(t, path, good)
	if code, out := commit(t, dir, "guest tokens"); code == 0 {
		t.Fatalf("the hook judged the work tree instead of the index:\n%s", out)
	}
	git(t, dir, "add", "auth/guest.go")
	if code, out := commit(t, dir, "guest tokens"); code != 0 {
		t.Fatalf("the commit was blocked after the fix (exit %d):\n%s", code, out)
	}

	// A non-Go file: a suppression comment without a reason.
	js := filepath.Join(dir, "web", "session.js")
	writeFile(t, js, "// tokenvet:ignore token-in-web-storage\nexport const key = 'session';\n")
	git(t, dir, "add", "web/session.js")
	if code, out := commit(t, dir, "session"); code == 0 || !strings.Contains(out, "web/session.js:1") {
		t.Fatalf("the hook let an invalid suppression in a staged JS file through (exit %d):\n%s", code, out)
	}
	writeFile(t, js, "export const key = 'session';\n")
	git(t, dir, "add", "web/session.js")
	if code, out := commit(t, dir, "session"); code != 0 {
		t.Fatalf("blocked after the fix (exit %d):\n%s", code, out)
	}

	// Nothing staged (an empty commit): nothing to scan, no error.
	cmd := exec.Command(tokenvet, "scan", "--staged")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "no staged files") {
		t.Errorf("scan --staged with nothing staged: %v\n%s", err, out)
	}
}

// TestStagedNamedFiles: `scan --staged FILE...`, as pre-commit calls the
// hook, reads the index and counts findings in the named files only, so
// `pre-commit run --all-files`, which stages nothing and names every
// file, scans the whole repository; a named file the index lacks is an
// error, not a clean result.
func TestStagedNamedFiles(t *testing.T) {
	dir := demoRepo(t)
	files := strings.Fields(git(t, dir, "ls-files"))

	if r := scan(t, dir, "--staged"); r.code != 0 || !strings.Contains(r.stderr, "no staged files") {
		t.Fatalf("nothing staged, no files named: exit %d\n%s", r.code, r.stderr)
	}

	whole, r := scanJSON(t, dir, append([]string{"--staged"}, files...)...)
	if r.code != 1 {
		t.Fatalf("every file named: exit %d, want 1 for the demo's findings\n%s", r.code, r.stderr)
	}
	plain, _ := scanJSON(t, dir, "./...")
	if len(whole.Findings) == 0 || len(whole.Findings) != len(plain.Findings) {
		t.Errorf("every file named: %d findings, want the %d of a scan of the tree", len(whole.Findings), len(plain.Findings))
	}

	// The work tree is not what is scanned: an unstaged edit to a named
	// file changes nothing.
	writeFile(t, filepath.Join(dir, "auth", "issue.go"), "package auth\n")
	one, r := scanJSON(t, dir, "--staged", "auth/issue.go")
	if r.code != 1 || len(one.Findings) == 0 {
		t.Fatalf("auth/issue.go named: exit %d, %d findings\n%s", r.code, len(one.Findings), r.stderr)
	}
	for _, f := range one.Findings {
		if f.File != "auth/issue.go" && f.BaselineState != "unchanged" {
			t.Errorf("counted finding in %s, which was not named", f.File)
		}
	}

	// Named from a subdirectory, relative to it.
	sub, r := scanJSON(t, filepath.Join(dir, "auth"), "--staged", "issue.go")
	if r.code != 1 || len(sub.Findings) != len(one.Findings) {
		t.Errorf("issue.go named from auth/: exit %d, %d findings, want %d\n%s", r.code, len(sub.Findings), len(one.Findings), r.stderr)
	}

	writeFile(t, filepath.Join(dir, "untracked.go"), "package main\n")
	if r := scan(t, dir, "--staged", "untracked.go"); r.code != 2 || !strings.Contains(r.stderr, "untracked.go is not a regular file in the index") {
		t.Errorf("an untracked file named: exit %d, want 2 and an error\n%s", r.code, r.stderr)
	}
}
