package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runAction runs the action's script as a runner runs the composite
// step: inputs as INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, in the workspace dir. It returns the exit
// status, the log and the outputs.
func runAction(t *testing.T, dir string, inputs map[string]string) (int, string, map[string]string, string) {
	t.Helper()
	return runActionEnv(t, dir, inputs, nil)
}

// runActionEnv is runAction with extra environment variables, such as
// TOKENVET (the binary to use instead of building the action's).
func runActionEnv(t *testing.T, dir string, inputs map[string]string, extra []string) (int, string, map[string]string, string) {
	t.Helper()
	tmp := t.TempDir()
	outFile, summary := filepath.Join(tmp, "output"), filepath.Join(tmp, "summary.md")
	for _, f := range []string{outFile, summary} {
		writeFile(t, f, "")
	}
	cmd := exec.Command("bash", filepath.Join(repoRoot, ".github", "action", "tokenvet.sh"))
	cmd.Dir = dir
	env := append(os.Environ(), gitEnv...)
	env = append(env,
		"GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_ACTION_PATH="+repoRoot,
		"GITHUB_ACTIONS=true", "RUNNER_TEMP="+tmp, "GITHUB_EVENT_NAME=pull_request",
		// The install step builds the action's source with the runner's
		// Go into a bin directory of the test's own.
		"GOBIN="+filepath.Join(tmp, "bin"), "GOFLAGS=-buildvcs=false")
	for k, v := range inputs {
		env = append(env, "INPUT_"+k+"="+v) // dashes kept, as runners do
	}
	env = append(env, extra...)
	cmd.Env = env
	log, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	outputs := map[string]string{}
	fh, err := os.Open(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			if _, dup := outputs[k]; dup {
				t.Errorf("output %s written twice", k)
			}
			outputs[k] = v
		}
	}
	sum, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	return code, string(log), outputs, string(sum)
}

// TestActionNewOnly is acceptance test 4: the action's script with
// new-only on the repository of TestNewFromRev fails on the one new
// finding and says so in its outputs, summary and annotations.
func TestActionNewOnly(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Fatal("jq is needed to run the action's script (GitHub runners have it)")
	}
	dir := demoRepo(t)
	before, _ := scanJSON(t, dir)
	line := leakCommit(t, dir)
	code, log, out, summary := runAction(t, dir, map[string]string{
		"NEW-ONLY": "true", "BASE": "HEAD~1", "SARIF": "results.sarif", "FAIL-ON": "error",
	})
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, log)
	}
	want := map[string]string{
		"findings": "1", "error": "1", "warning": "0", "note": "0", "suppressed": itoa(suppressedCount(before)),
		"unchanged": itoa(len(countedFindings(before))), "exit-code": "1", "sarif": "results.sarif",
		"category": "tokenvet",
	}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("output %s = %q, want %q (all: %v)", k, out[k], v, out)
		}
	}
	if len(out) != len(want) {
		t.Errorf("outputs %v, want exactly %v", out, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "results.sarif")); err != nil {
		t.Errorf("SARIF not written: %v", err)
	}
	annotation := "::error file=auth/issue.go,line=" + itoa(line) + ","
	if !strings.Contains(log, annotation) || strings.Count(log, "::error file=") != 1 {
		t.Errorf("log should hold exactly one annotation, %s...:\n%s", annotation, log)
	}
	for _, s := range []string{
		"### tokenvet", "lines changed since `HEAD~1`; " + itoa(len(countedFindings(before))) + " older finding(s) not counted",
		"| error | 1 |", "| warning | 0 |", "| suppressed | 1 |",
		"| `jwt-none-alg` | error | `auth/issue.go:" + itoa(line) + "` |",
	} {
		if !strings.Contains(summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, summary)
		}
	}
}

// TestActionClean: on an unchanged tree the new-only gate passes, and a
// merge commit's first parent is found without a base input.
func TestActionClean(t *testing.T) {
	dir := demoRepo(t)
	before, _ := scanJSON(t, dir)
	git(t, dir, "checkout", "-q", "-b", "feature")
	writeFile(t, filepath.Join(dir, "NOTES.md"), "notes\n")
	git(t, dir, "add", "NOTES.md")
	git(t, dir, "commit", "-q", "-m", "notes")
	git(t, dir, "checkout", "-q", "main")
	git(t, dir, "merge", "-q", "--no-ff", "-m", "merge", "feature")
	code, log, out, summary := runAction(t, dir, map[string]string{"NEW-ONLY": "true", "SARIF": ""})
	if code != 0 || out["findings"] != "0" || out["unchanged"] != itoa(len(countedFindings(before))) || out["sarif"] != "" {
		t.Fatalf("exit %d, outputs %v\n%s", code, out, log)
	}
	if !strings.Contains(summary, "since `HEAD^1`") || !strings.Contains(summary, "No findings.") {
		t.Errorf("summary:\n%s", summary)
	}
}

// TestActionBadInput: bad input is an error (exit 2) with an annotation.
func TestActionBadInput(t *testing.T) {
	dir := demoRepo(t)
	code, log, _, _ := runAction(t, dir, map[string]string{"NEW-ONLY": "maybe"})
	if code != 2 || !strings.Contains(log, "::error title=tokenvet::input new-only must be true or false") {
		t.Errorf("exit %d\n%s", code, log)
	}
	// Not a merge commit and no base: new-only cannot guess.
	code, log, _, _ = runAction(t, dir, map[string]string{"NEW-ONLY": "true"})
	if code != 2 || !strings.Contains(log, "set the base input") {
		t.Errorf("exit %d\n%s", code, log)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func suppressedCount(rep jsonReport) int {
	n := 0
	for _, f := range rep.Findings {
		if f.Suppression != nil {
			n++
		}
	}
	return n
}
