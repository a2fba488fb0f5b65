package diffscope

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// setupGit runs git for the test's own set-up, with no user or system
// configuration.
func setupGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostileRepo is a repository whose .git/config, .gitattributes and the
// user's global configuration each try to make git run a command
// (fsmonitor, filters, textconv, external diffs, a pager) or to change
// the shape of diffs (mnemonic or no prefixes, colour, relative paths).
// Every command appends to the returned marker file.
//
// History: a.yaml has three lines; the last commit changes line 2. In
// the work tree line 3 is edited (not staged), s.yaml is staged and
// u.yaml is untracked.
func hostileRepo(t *testing.T, globalExtra string) (dir, marker string) {
	t.Helper()
	dir = t.TempDir()
	marker = filepath.Join(t.TempDir(), "ran")
	setupGit(t, dir, "init", "-q", "-b", "main")
	write(t, filepath.Join(dir, ".gitattributes"), "* filter=evil diff=evil\n")
	write(t, filepath.Join(dir, "a.yaml"), "one: 1\ntwo: 2\nthree: 3\n")
	setupGit(t, dir, "add", "-A")
	setupGit(t, dir, "commit", "-q", "-m", "one")
	write(t, filepath.Join(dir, "a.yaml"), "one: 1\ntwo: changed\nthree: 3\n")
	setupGit(t, dir, "commit", "-q", "-a", "-m", "two")
	write(t, filepath.Join(dir, "s.yaml"), "staged: 1\n")
	setupGit(t, dir, "add", "s.yaml")
	write(t, filepath.Join(dir, "a.yaml"), "one: 1\ntwo: changed\nthree: edited\n")
	write(t, filepath.Join(dir, "u.yaml"), "untracked: 1\n")

	script := filepath.Join(t.TempDir(), "evil.sh")
	write(t, script, "#!/bin/sh\necho \"$0 $*\" >> '"+marker+"'\ncat\n")
	if err := os.Chmod(script, 0o755); err != nil {
		t.Fatal(err)
	}
	local := "[core]\n\tfsmonitor = " + script + "\n\tpager = " + script + "\n" +
		"[filter \"evil\"]\n\tclean = " + script + "\n\tsmudge = " + script + "\n\tprocess = " + script + "\n\trequired = true\n" +
		"[diff \"evil\"]\n\ttextconv = " + script + "\n\tcommand = " + script + "\n" +
		"[diff]\n\texternal = " + script + "\n"
	fh, err := os.OpenFile(filepath.Join(dir, ".git", "config"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fh.WriteString(local)
	fh.Close()
	global := filepath.Join(t.TempDir(), "gitconfig")
	write(t, global, "[color]\n\tui = always\n\tdiff = always\n[diff]\n\trelative = true\n\tcontext = 5\n"+globalExtra)
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_EXTERNAL_DIFF", script)
	return dir, marker
}

// TestGitHostileConfig: whatever the configuration says, tokenvet's git
// commands run none of its commands and see the change as it is. Before
// the fixed settings, the fsmonitor and the clean filter ran and, with
// diff.mnemonicPrefix, no path matched (every finding "unchanged": the
// gate passed).
func TestGitHostileConfig(t *testing.T) {
	for name, extra := range map[string]string{
		"mnemonicPrefix": "\tmnemonicPrefix = true\n",
		"noprefix":       "\tnoprefix = true\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir, marker := hostileRepo(t, extra)
			ctx := context.Background()

			s, err := FromRev(ctx, dir, "HEAD~1")
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				file string
				line int
				want bool
			}{
				{"a.yaml", 1, false},
				{"a.yaml", 2, true}, // committed on the branch
				{"a.yaml", 3, true}, // edited in the work tree
				{"s.yaml", 1, true}, // staged
				{"u.yaml", 1, true}, // untracked
			} {
				if got := s.Contains(c.file, c.line, c.line); got != c.want {
					t.Errorf("FromRev: Contains(%s, %d) = %v, want %v; scope %v", c.file, c.line, got, c.want, s.ChangedFiles())
				}
			}
			if err := s.CheckPaths(dir); err != nil {
				t.Error(err)
			}

			staged, err := StagedFiles(ctx, dir)
			if err != nil || !slices.Equal(staged, []string{"s.yaml"}) {
				t.Errorf("StagedFiles = %v, %v; want [s.yaml]", staged, err)
			}
			dst := t.TempDir()
			if err := ExportIndex(ctx, dir, dst); err != nil {
				t.Fatal(err)
			}
			for file, want := range map[string]string{"a.yaml": "one: 1\ntwo: changed\nthree: 3\n", "s.yaml": "staged: 1\n", ".gitattributes": "* filter=evil diff=evil\n"} {
				if got, err := os.ReadFile(filepath.Join(dst, file)); err != nil || string(got) != want {
					t.Errorf("exported %s = %q, %v; want %q", file, got, err, want)
				}
			}
			if _, err := os.Stat(filepath.Join(dst, "u.yaml")); err == nil {
				t.Error("ExportIndex wrote an untracked file")
			}
			if top, err := TopLevel(ctx, dir); err != nil || !sameDir(top, dir) {
				t.Errorf("TopLevel = %q, %v", top, err)
			}

			if ran, err := os.ReadFile(marker); err == nil {
				t.Errorf("git ran a command from the configuration:\n%s", ran)
			}
		})
	}
}

func sameDir(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func TestCheckPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "auth", "issue.go"), "package auth\n")
	s, err := ParsePatch(strings.NewReader("--- i/auth/issue.go\n+++ w/auth/issue.go\n@@ -1 +1 @@\n-a\n+b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckPaths(dir); err == nil || !strings.Contains(err.Error(), `"w/auth/issue.go"`) {
		t.Errorf("a patch with mnemonic prefixes: CheckPaths = %v, want an error naming w/auth/issue.go", err)
	}
	s, _ = ParsePatch(strings.NewReader("--- a/auth/issue.go\n+++ b/auth/issue.go\n@@ -1 +1 @@\n-a\n+b\n"))
	if err := s.CheckPaths(dir); err != nil {
		t.Errorf("a matching patch: %v", err)
	}
	if err := (&Scope{}).CheckPaths(dir); err != nil {
		t.Errorf("an empty change (only deletions): %v", err)
	}
}

func TestLocalPath(t *testing.T) {
	for p, want := range map[string]bool{
		"a.go": true, "dir/a.go": true, ".github/x.yml": true,
		"": false, "/etc/passwd": false, "../x": false, "a/../../x": false, "a//b": false, `a\b`: false,
	} {
		if got := localPath(p); got != want {
			t.Errorf("localPath(%q) = %v, want %v", p, got, want)
		}
	}
}
