package e2e

import (
	"crypto/rand"
	"hash/crc32"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// fakeGitHubPAT returns a new random token in the format of GitHub's
// classic personal access tokens: ghp_, 30 random base62 characters and
// their CRC32 in 6 base62 digits. Random, so it is nobody's token.
func fakeGitHubPAT(t *testing.T) string {
	t.Helper()
	b := make([]byte, 30)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(base62))))
		if err != nil {
			t.Fatal(err)
		}
		b[i] = base62[n.Int64()]
	}
	sum := crc32.ChecksumIEEE(b)
	check := make([]byte, 6)
	for i := len(check) - 1; i >= 0; i-- {
		check[i] = base62[sum%62]
		sum /= 62
	}
	return "ghp_" + string(b) + string(check)
}

// snapshot commits the repository's work tree as it is, uncommitted
// and untracked files included, into a new repository, so that
// pre-commit installs the code under test from a revision it can name.
func snapshot(t *testing.T) (dir, rev string) {
	t.Helper()
	dir = t.TempDir()
	files := strings.Split(strings.TrimRight(git(t, repoRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard"), "\x00"), "\x00")
	for _, f := range files {
		src := filepath.Join(repoRoot, filepath.FromSlash(f))
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the work tree, or a link
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, st.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "snapshot")
	return dir, strings.TrimSpace(git(t, dir, "rev-parse", "HEAD"))
}

// TestPreCommitFramework is issue 14's item 5, through the pre-commit
// framework itself rather than a hand-written hook: `pre-commit try-repo`
// on this repository blocks a staged token; installed from a
// .pre-commit-config.yaml it blocks `git commit`; `pre-commit run
// --all-files` finds a token already committed; and the environment
// pre-commit builds holds the tokenvet command alone.
func TestPreCommitFramework(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed, and CI must run this test: `make test` installs it from Debian when CI is set")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit)")
	}
	home := t.TempDir()
	modcache := strings.TrimSpace(run(t, repoRoot, "go", "env", "GOMODCACHE").stdout)
	env := append(os.Environ(), gitEnv...)
	env = append(env,
		"PRE_COMMIT_HOME="+home,
		// pre-commit sets GOPATH to its environment, whose module
		// cache would be downloaded anew; share the user's instead.
		"GOMODCACHE="+modcache,
		// What a user without Go settings gets: no tags.
		"GOFLAGS=", "GOTOOLCHAIN=local",
	)
	pc := func(dir string, args ...string) result {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		code := 0
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("%v: %v", args, err)
			}
			code = ee.ExitCode()
		}
		return result{stdout: string(out), code: code}
	}

	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/app\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "main.go"), "package main\n\nimport \"os\"\n\nfunc main() { _ = os.Getenv(\"DEPLOY_TOKEN\") }\n")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "app")

	token := fakeGitHubPAT(t)
	leak := "package main\n\n// deployToken pushes releases.\nconst deployToken = \"" + token + "\"\n"
	writeFile(t, filepath.Join(dir, "deploy.go"), leak)
	git(t, dir, "add", "deploy.go")
	blocked := func(what string, r result) {
		t.Helper()
		if r.code == 0 || !strings.Contains(r.stdout, "deploy.go:4:") || !strings.Contains(r.stdout, "hardcoded-token") {
			t.Fatalf("%s: the token was not reported (exit %d):\n%s", what, r.code, r.stdout)
		}
		if strings.Contains(r.stdout, token) {
			t.Errorf("%s: the output holds the token itself:\n%s", what, r.stdout)
		}
	}

	r := pc(dir, "pre-commit", "try-repo", repoRoot, "tokenvet")
	blocked("pre-commit try-repo", r)
	t.Logf("pre-commit try-repo %s tokenvet (exit %d):\n%s", repoRoot, r.code, r.stdout)

	src, rev := snapshot(t)
	writeFile(t, filepath.Join(dir, ".pre-commit-config.yaml"), "repos:\n  - repo: "+src+"\n    rev: "+rev+"\n    hooks:\n      - id: tokenvet\n")
	git(t, dir, "add", ".pre-commit-config.yaml")
	if r := pc(dir, "pre-commit", "install"); r.code != 0 {
		t.Fatalf("pre-commit install (exit %d):\n%s", r.code, r.stdout)
	}
	blocked("git commit", pc(dir, "git", "commit", "-q", "-m", "deploy"))

	// pre-commit installs with `go install ./...` into its environment:
	// only the tokenvet command may land there.
	bins, _ := filepath.Glob(filepath.Join(home, "*", "golangenv-*", "bin", "*"))
	var names []string
	for _, b := range bins {
		names = append(names, filepath.Base(b))
	}
	if !slices.Equal(names, []string{"tokenvet"}) {
		t.Errorf("pre-commit's environment holds %v, want only tokenvet", names)
	}

	// Without the token the commit goes through.
	writeFile(t, filepath.Join(dir, "deploy.go"), "package main\n\nimport \"os\"\n\n// deployToken pushes releases.\nvar deployToken = os.Getenv(\"DEPLOY_TOKEN\")\n")
	git(t, dir, "add", "deploy.go")
	if r := pc(dir, "git", "commit", "-q", "-m", "deploy"); r.code != 0 {
		t.Fatalf("the commit was blocked without the token (exit %d):\n%s", r.code, r.stdout)
	}

	// --all-files stages nothing: the hook scans every file pre-commit
	// names, so a token committed past the hook is found.
	writeFile(t, filepath.Join(dir, "deploy.go"), leak)
	git(t, dir, "add", "deploy.go")
	git(t, dir, "commit", "-q", "--no-verify", "-m", "past the hook")
	blocked("pre-commit run --all-files", pc(dir, "pre-commit", "run", "--all-files"))
	if r := pc(dir, "pre-commit", "run"); r.code != 0 {
		t.Errorf("pre-commit run with nothing staged failed (exit %d):\n%s", r.code, r.stdout)
	}
}
