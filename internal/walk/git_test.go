package walk

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// needGit returns the git program. CI has git, so there its absence
// fails the test rather than skipping it.
func needGit(t *testing.T) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("git is needed: %v", err)
		}
		t.Skip("git not installed")
	}
	return git
}

// gitRun runs git in dir with no user or system configuration.
func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(needGit(t), append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "protocol.file.allow=always"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, "none"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// gitRepo makes a repository of files, commits those listed in
// tracked (forcing past .gitignore), and leaves the rest untracked.
func gitRepo(t *testing.T, dir string, files map[string]string, tracked ...string) {
	t.Helper()
	makeTree(t, dir, files)
	gitRun(t, dir, "init", "-q", ".")
	if len(tracked) > 0 {
		gitRun(t, dir, append([]string{"add", "-f", "--"}, tracked...)...)
		gitRun(t, dir, "commit", "-q", "-m", "init")
	}
}

// TestWalkGitTrackedButIgnored: in a work tree the walk reads what git
// tracks, whatever .gitignore says, and untracked files only when git
// does not ignore them (issue 16).
func TestWalkGitTrackedButIgnored(t *testing.T) {
	root := t.TempDir()
	gitRepo(t, root, map[string]string{
		".gitignore":        ".env*\ndist/\n*.log\n",
		".env.example":      "SESSION_SECRET=x\n", // tracked, ignored: read
		".env":              "SESSION_SECRET=y\n", // untracked, ignored: not read
		"app.js":            "x\n",
		"new.txt":           "untracked, not ignored\n",
		"dist/keep.js":      "tracked inside an ignored directory\n",
		"dist/bundle.js":    "untracked inside an ignored directory\n",
		"logs/debug.log":    "untracked, ignored\n",
		"logs/ci.log":       "tracked, ignored\n",
		"build/out/gen.txt": "untracked, not ignored, deep\n",
	}, ".gitignore", ".env.example", "app.js", "dist/keep.js", "logs/ci.log")

	got, st := walkAll(t, Options{Root: root})
	want := []string{".env.example", ".gitignore", "app.js", "build/out/gen.txt", "dist/keep.js", "logs/ci.log", "new.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	// .env, dist/bundle.js and logs/debug.log.
	if st.Skips[SkipIgnored] != 3 {
		t.Errorf("ignored = %d, want 3 (%v)", st.Skips[SkipIgnored], st.Skips)
	}
	if len(st.Notes) != 0 {
		t.Errorf("notes in a plain work tree: %q", st.Notes)
	}

	// The same tree outside git keeps today's rules: .gitignore decides.
	if err := os.RemoveAll(filepath.Join(root, ".git")); err != nil {
		t.Fatal(err)
	}
	got, _ = walkAll(t, Options{Root: root})
	want = []string{".gitignore", "app.js", "build/out/gen.txt", "new.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("outside git: visited %v, want %v", got, want)
	}
}

// TestWalkGitSubdirectoryRoot: a root below the top of the work tree is
// listed relative to itself, and the .gitignore files above it still
// decide for its untracked files.
func TestWalkGitSubdirectoryRoot(t *testing.T) {
	top := t.TempDir()
	gitRepo(t, top, map[string]string{
		".gitignore":           "*.secret\n",
		"web/config.secret":    "tracked\n",
		"web/local.secret":     "untracked\n",
		"web/src/app.js":       "x\n",
		"web/src/draft.js":     "untracked, not ignored\n",
		"other/elsewhere.json": "{}\n",
	}, ".gitignore", "web/config.secret", "web/src/app.js", "other/elsewhere.json")
	got, st := walkAll(t, Options{Root: filepath.Join(top, "web")})
	want := []string{"config.secret", "src/app.js", "src/draft.js"}
	if !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if st.Skips[SkipIgnored] != 1 {
		t.Errorf("ignored = %d, want 1 (local.secret)", st.Skips[SkipIgnored])
	}
}

// TestWalkGitNestedRepositories: a submodule and an untracked clone
// inside the work tree are each listed by their own repository, with
// their own .gitignore files.
func TestWalkGitNestedRepositories(t *testing.T) {
	base := t.TempDir()
	lib := filepath.Join(base, "lib")
	gitRepo(t, lib, map[string]string{
		".gitignore": "*.key\n",
		"lib.js":     "x\n",
		"prod.key":   "tracked in the submodule\n",
	}, ".gitignore", "lib.js", "prod.key")

	root := filepath.Join(base, "app")
	gitRepo(t, root, map[string]string{
		".gitignore": "*.tmp\n",
		"main.js":    "x\n",
	}, ".gitignore", "main.js")
	gitRun(t, root, "submodule", "add", "-q", "../lib", "mods/lib")
	gitRun(t, root, "commit", "-q", "-m", "submodule")
	writeFile(t, filepath.Join(root, "mods", "lib", "dev.key"), "untracked, ignored in the submodule\n")
	writeFile(t, filepath.Join(root, "mods", "lib", "x.tmp"), "untracked; *.tmp is the outer repository's pattern\n")

	clone := filepath.Join(root, "vendored-clone")
	gitRepo(t, clone, map[string]string{
		".gitignore": "secret.txt\n",
		"secret.txt": "tracked in the clone\n",
		"other.txt":  "untracked in the clone\n",
		"skip.txt":   "x\n",
	}, ".gitignore", "secret.txt")
	writeFile(t, filepath.Join(clone, ".gitignore"), "secret.txt\nskip.txt\n")

	got, _ := walkAll(t, Options{Root: root})
	want := []string{
		".gitignore", ".gitmodules", "main.js",
		"mods/lib/.gitignore", "mods/lib/lib.js", "mods/lib/prod.key", "mods/lib/x.tmp",
		"vendored-clone/.gitignore", "vendored-clone/other.txt", "vendored-clone/secret.txt",
	}
	if !slices.Equal(got, want) {
		t.Errorf("visited %v,\nwant %v", got, want)
	}

	// A directory of clones that is not a repository itself: each clone
	// is still listed by git.
	got, _ = walkAll(t, Options{Root: base})
	if !slices.Contains(got, "lib/prod.key") || !slices.Contains(got, "app/vendored-clone/secret.txt") || slices.Contains(got, "app/vendored-clone/skip.txt") {
		t.Errorf("from the parent directory: visited %v", got)
	}
}

// TestWalkGitOwnRulesStillSkip: .tokenvetignore and Exclude skip tracked
// files too, and each skip is counted under its own reason.
func TestWalkGitOwnRulesStillSkip(t *testing.T) {
	root := t.TempDir()
	gitRepo(t, root, map[string]string{
		".gitignore":      "*.local\n",
		".tokenvetignore": "fixtures/\n!dev.local\n",
		"fixtures/a.json": "tracked\n",
		"fixtures/b.json": "tracked\n",
		"gen/big.txt":     "tracked\n",
		"dev.local":       "untracked and ignored by git, re-included by .tokenvetignore\n",
		"app.js":          "x\n",
	}, ".gitignore", ".tokenvetignore", "fixtures/a.json", "fixtures/b.json", "gen/big.txt", "app.js")
	got, st := walkAll(t, Options{Root: root, Exclude: []string{"gen/"}})
	want := []string{".gitignore", ".tokenvetignore", "app.js", "dev.local"}
	if !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if st.Skips[SkipIgnoreFile] != 1 || st.Skips[SkipExcluded] != 1 || st.Skips[SkipIgnored] != 0 {
		t.Errorf("skips %v: want 1 tokenvetignore (fixtures/), 1 excluded (gen/), none ignored", st.Skips)
	}
}

// TestWalkGitHostileConfig: the repository's configuration cannot make
// the walk run a program (core.fsmonitor runs one for ls-files), and the
// environment cannot point git at another repository.
func TestWalkGitHostileConfig(t *testing.T) {
	root := t.TempDir()
	gitRepo(t, root, map[string]string{".gitignore": "*.env\n", "a.env": "tracked\n"}, ".gitignore", "a.env")
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook.sh")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho ran >> "+marker+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	gitRun(t, root, "config", "core.fsmonitor", hook)
	gitRun(t, root, "config", "pager.ls-files", hook)

	other := t.TempDir()
	gitRepo(t, other, map[string]string{"elsewhere.txt": "x\n"}, "elsewhere.txt")
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)

	got, st := walkAll(t, Options{Root: root})
	if want := []string{".gitignore", "a.env"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v (notes %q)", got, want, st.Notes)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the repository's core.fsmonitor command ran")
	}
}

// TestWalkGitMissing: without git the walk falls back to .gitignore
// files and says so.
func TestWalkGitMissing(t *testing.T) {
	root := t.TempDir()
	gitRepo(t, root, map[string]string{".gitignore": "*.env\n", "a.env": "tracked\n", "b.txt": ""}, ".gitignore", "a.env", "b.txt")
	t.Setenv("PATH", t.TempDir())
	got, st := walkAll(t, Options{Root: root})
	if want := []string{".gitignore", "b.txt"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if len(st.Notes) != 1 || !strings.Contains(st.Notes[0], "git is not installed") {
		t.Errorf("notes %q, want one saying git is not installed", st.Notes)
	}

	// Outside any repository, a missing git is no news.
	plain := t.TempDir()
	writeFile(t, filepath.Join(plain, "a.txt"), "")
	if _, st := walkAll(t, Options{Root: plain}); len(st.Notes) != 0 {
		t.Errorf("notes outside git: %q", st.Notes)
	}
}

// TestWalkGitFails: git refusing the repository (here a stand-in git
// that says what git says of a repository another user owns) falls back
// to .gitignore files with a note giving git's reason.
func TestWalkGitFails(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".gitignore": "*.env\n", "a.env": "", "b.txt": ""})
	bin := t.TempDir()
	fake := "#!/bin/sh\necho \"fatal: detected dubious ownership in repository at '$PWD'\" >&2\nexit 128\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	got, st := walkAll(t, Options{Root: root})
	if want := []string{".gitignore", "b.txt"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if len(st.Notes) != 1 || !strings.Contains(st.Notes[0], "dubious ownership") {
		t.Errorf("notes %q, want git's reason", st.Notes)
	}
}

// TestWalkGitIgnoredRoot: a root that git ignores as a whole (a build
// directory named on the command line) is read by .gitignore rules, with
// a note, rather than not at all.
func TestWalkGitIgnoredRoot(t *testing.T) {
	top := t.TempDir()
	gitRepo(t, top, map[string]string{".gitignore": "out/\n", "out/app.js": "x\n", "src.js": "x\n"}, ".gitignore", "src.js")
	got, st := walkAll(t, Options{Root: filepath.Join(top, "out")})
	if want := []string{"app.js"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
	if len(st.Notes) != 1 || !strings.Contains(st.Notes[0], "git lists no file") {
		t.Errorf("notes %q", st.Notes)
	}
}

// TestWalkNoGitignore: NoGitignore (a tree exported from the index)
// reads every file without asking git.
func TestWalkNoGitignore(t *testing.T) {
	root := t.TempDir()
	gitRepo(t, root, map[string]string{".gitignore": "*.env\n", "a.env": "", "b.env": ""}, ".gitignore", "a.env")
	got, _ := walkAll(t, Options{Root: root, NoGitignore: true})
	if want := []string{".gitignore", "a.env", "b.env"}; !slices.Equal(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
}

func TestCleanListed(t *testing.T) {
	for in, want := range map[string]string{"a/b": "a/b", "nested/": "nested", "../x": "", "/etc/passwd": "", "..": "", "": ""} {
		got, ok := cleanListed([]byte(in))
		if got != want || ok != (want != "") {
			t.Errorf("cleanListed(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
