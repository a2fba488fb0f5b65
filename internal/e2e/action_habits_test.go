package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bashLib runs script in bash with the action's lib.sh sourced, and
// returns its output.
func bashLib(t *testing.T, script string, args ...string) string {
	t.Helper()
	lib := filepath.Join(repoRoot, ".github", "action", "lib.sh")
	cmd := exec.Command("bash", append([]string{"-c", ". \"$0\"\n" + script, lib}, args...)...)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	return string(out)
}

// TestShellwords: the args input is split as a shell splits words,
// quotes honoured, and nothing is expanded or run.
func TestShellwords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`--disable "a b"`, "[--disable][a b]"},
		{`  --tests   --jobs 2 `, "[--tests][--jobs][2]"},
		{`'a b'"c d"e`, "[a bc de]"},
		{`a\ b c\\d`, `[a b][c\d]`},
		{`"x \"y\" \$HOME \n"`, `[x "y" $HOME \n]`},
		{`'$(touch pwned)' $(touch pwned) ` + "`touch pwned`", "[$(touch pwned)][$(touch][pwned)][`touch][pwned`]"},
		{`* ~ $HOME`, "[*][~][$HOME]"},
		{`"" ''`, "[][]"},
		{"a\tb\nc", "[a][b][c]"},
		{``, ""},
		{`"unclosed`, `error: unclosed " quote`},
		{`it's`, "error: unclosed ' quote"},
		{`a\`, "error: a backslash at the end"},
	} {
		got := bashLib(t, `shellwords "$1" || { printf 'error: %s' "$shellwords_error"; exit 0; }
			for w in "${words[@]}"; do printf '[%s]' "$w"; done`, tc.in)
		if got != tc.want {
			t.Errorf("shellwords %q = %s, want %s", tc.in, got, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "pwned")); err == nil {
		t.Error("shellwords ran a command")
	}
}

// TestAnnotate: at most 10 annotations of each level are printed, and
// one notice counts the rest; nothing is said when nothing is left out.
func TestAnnotate(t *testing.T) {
	lines := func(level string, n int) string {
		return strings.Repeat("::"+level+" file=a.go,line=1::m\n", n)
	}
	count := func(out, level string) int { return strings.Count(out, "::"+level+" file=") }
	f := filepath.Join(t.TempDir(), "a.txt")

	writeFile(t, f, lines("error", 10)+lines("warning", 10)+lines("notice", 10))
	out := bashLib(t, `annotate "$1"`, f)
	if count(out, "error") != 10 || count(out, "warning") != 10 || count(out, "notice") != 10 || strings.Contains(out, "more findings") {
		t.Errorf("at the limit, everything and nothing more:\n%s", out)
	}

	writeFile(t, f, lines("warning", 3)+lines("error", 12)+lines("notice", 11))
	out = bashLib(t, `annotate "$1"`, f)
	// The count's own notice is one of the ten notices shown.
	if count(out, "error") != 10 || count(out, "warning") != 3 || count(out, "notice") != 9 {
		t.Errorf("over the limit: %d errors, %d warnings, %d notices:\n%s", count(out, "error"), count(out, "warning"), count(out, "notice"), out)
	}
	want := "::notice title=tokenvet::4 more findings (2 errors, 2 notices) not annotated: GitHub shows at most 10 errors, 10 warnings and 10 notices per step; see the job log, the step summary or the SARIF report\n"
	if !strings.HasSuffix(out, want) || !strings.HasPrefix(out, "::warning file=") {
		t.Errorf("order or count notice wrong:\n%s", out)
	}
}

// TestActionAnnotationLimit: on the demo, which has more errors and
// warnings than GitHub shows, the action annotates ten of each and says
// how many more there are; the log still holds the whole text report.
func TestActionAnnotationLimit(t *testing.T) {
	dir := demoRepo(t)
	all := scan(t, dir, "--format", "github", "./...").stdout
	errors, warnings := strings.Count(all, "::error "), strings.Count(all, "::warning ")
	if errors <= 10 || warnings <= 10 {
		t.Fatalf("the demo has %d errors and %d warnings; the test needs more than 10 of each", errors, warnings)
	}
	code, log, _, _ := runActionEnv(t, dir, map[string]string{"SARIF": ""}, []string{"TOKENVET=" + tokenvet})
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, log)
	}
	if n := strings.Count(log, "\n::error file="); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if n := strings.Count(log, "\n::warning file="); n != 10 {
		t.Errorf("%d warning annotations, want 10", n)
	}
	if want := "::notice title=tokenvet::" + itoa(errors+warnings-20) + " more findings (" + itoa(errors-10) + " errors, " + itoa(warnings-10) + " warnings) not annotated"; !strings.Contains(log, want) {
		t.Errorf("log lacks %q:\n%s", want, log)
	}
	if !strings.Contains(log, "auth/issue.go:") || !strings.Contains(log, "tokenvet: ") {
		t.Errorf("the log should hold the text report:\n%s", log)
	}
}

// TestActionArgsQuoted: a quoted argument with a space reaches tokenvet
// as one word.
func TestActionArgsQuoted(t *testing.T) {
	dir := demoRepo(t)
	code, log, _, _ := runActionEnv(t, dir, map[string]string{"ARGS": `--also "json=my report.json" --disable 'token-logged'`, "SARIF": ""}, []string{"TOKENVET=" + tokenvet})
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, log)
	}
	b, err := os.ReadFile(filepath.Join(dir, "my report.json"))
	if err != nil {
		t.Fatalf("the quoted --also file was not written: %v\n%s", err, log)
	}
	if strings.Contains(string(b), `"rule": "token-logged"`) {
		t.Error("--disable 'token-logged' did not reach tokenvet")
	}
	code, log, _, _ = runActionEnv(t, dir, map[string]string{"ARGS": `--also "json=x`}, []string{"TOKENVET=" + tokenvet})
	if code != 2 || !strings.Contains(log, `::error title=tokenvet::input args: unclosed " quote`) {
		t.Errorf("an unclosed quote: exit %d\n%s", code, log)
	}
}

// TestActionCategory: the category input is the one name of the
// analysis: the SARIF's runAutomationDetails.id and the category output
// (what action.yml hands upload-sarif) agree; empty is "tokenvet" for
// the root, "tokenvet/PATH" for a directory.
func TestActionCategory(t *testing.T) {
	dir := demoRepo(t)
	for _, tc := range []struct {
		inputs   map[string]string
		category string
	}{
		{map[string]string{}, "tokenvet"},
		{map[string]string{"PATH": "./web/"}, "tokenvet/web"},
		{map[string]string{"PATH": "web", "CATEGORY": "frontend"}, "frontend"},
	} {
		tc.inputs["SARIF"] = "out.sarif"
		_, log, out, _ := runActionEnv(t, dir, tc.inputs, []string{"TOKENVET=" + tokenvet})
		if out["category"] != tc.category {
			t.Errorf("%v: category output %q, want %q\n%s", tc.inputs, out["category"], tc.category, log)
		}
		var s struct {
			Runs []struct {
				AutomationDetails struct {
					ID string `json:"id"`
				} `json:"automationDetails"`
			} `json:"runs"`
		}
		b, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
		if err == nil {
			err = json.Unmarshal(b, &s)
		}
		if err != nil || len(s.Runs) != 1 || s.Runs[0].AutomationDetails.ID != tc.category+"/" {
			t.Errorf("%v: SARIF automationDetails %+v, %v; want id %q", tc.inputs, s.Runs, err, tc.category+"/")
		}
	}
}

// TestActionInstallCache: install.sh's cache key names what is built
// (the source's content, or a release tag or commit), not a moving ref;
// and a cached binary is used without Go being run at all.
func TestActionInstallCache(t *testing.T) {
	script := filepath.Join(repoRoot, ".github", "action", "install.sh")
	action := t.TempDir()
	writeFile(t, filepath.Join(action, "cmd", "tokenvet", "main.go"), "package main\n")
	writeFile(t, filepath.Join(action, "testdata", "x.go"), "package x\n")
	runInstall := func(mode string, env ...string) (int, string, map[string]string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "output")
		writeFile(t, out, "")
		cmd := exec.Command("bash", script, mode)
		cmd.Env = append(os.Environ(), append([]string{"GITHUB_OUTPUT=" + out, "GITHUB_ACTION_PATH=" + action, "RUNNER_OS=Linux", "RUNNER_TOOL_CACHE=" + t.TempDir(), "GOFLAGS=-buildvcs=false"}, env...)...)
		log, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				outputs[k] = v
			}
		}
		return code, string(log), outputs
	}
	key := func(env ...string) string {
		t.Helper()
		code, log, out := runInstall("key", env...)
		if code != 0 {
			t.Fatalf("key: exit %d\n%s", code, log)
		}
		if (out["key"] == "") != (out["dir"] == "") || out["key"] != "" && filepath.Base(out["dir"]) != out["key"] {
			t.Errorf("key %q and dir %q: the directory is the key's own", out["key"], out["dir"])
		}
		return out["key"]
	}
	src := key()
	if !strings.HasPrefix(src, "tokenvet-Linux-") || !strings.Contains(src, "-src-") || key() != src {
		t.Errorf("source key %q: not stable or not named", src)
	}
	writeFile(t, filepath.Join(action, "testdata", "x.go"), "package y\n")
	if key() != src {
		t.Error("test data changed the key")
	}
	writeFile(t, filepath.Join(action, "cmd", "tokenvet", "main.go"), "package main // changed\n")
	if changed := key(); changed == src {
		t.Error("a source change kept the key")
	}
	if k := key("INPUT_VERSION=v1.4.0"); !strings.HasSuffix(k, "-v1.4.0") {
		t.Errorf("release tag key %q", k)
	}
	for _, moving := range []string{"latest", "main"} {
		if k := key("INPUT_VERSION=" + moving); k != "" {
			t.Errorf("version %s is cached as %q; what it names changes", moving, k)
		}
	}

	// A restored binary is used as it is: a go that fails proves Go
	// never runs.
	cached := t.TempDir()
	writeFile(t, filepath.Join(cached, "tokenvet"), "#!/bin/sh\necho cached\n")
	if err := os.Chmod(filepath.Join(cached, "tokenvet"), 0o755); err != nil {
		t.Fatal(err)
	}
	fakeGo := t.TempDir()
	writeFile(t, filepath.Join(fakeGo, "go"), "#!/bin/sh\necho go was run >&2\nexit 1\n")
	if err := os.Chmod(filepath.Join(fakeGo, "go"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, log, out := runInstall("build", "TOKENVET_BIN_DIR="+cached, "PATH="+fakeGo+string(os.PathListSeparator)+os.Getenv("PATH"))
	if code != 0 || out["tokenvet"] != filepath.Join(cached, "tokenvet") || !strings.Contains(log, "using the cached build") || strings.Contains(log, "go was run") {
		t.Errorf("cached build: exit %d, outputs %v\n%s", code, out, log)
	}
	// A cold cache: the action's real source is built into the
	// directory actions/cache saves.
	cold := filepath.Join(t.TempDir(), "cache", "dir")
	action = repoRoot
	code, log, out = runInstall("build", "TOKENVET_BIN_DIR="+cold)
	if code != 0 || out["tokenvet"] != filepath.Join(cold, "tokenvet") {
		t.Fatalf("cold build: exit %d, outputs %v\n%s", code, out, log)
	}
	if v := run(t, cold, out["tokenvet"], "version"); v.code != 0 || !strings.HasPrefix(v.stdout, "tokenvet ") {
		t.Errorf("the built binary: %+v", v)
	}
}
