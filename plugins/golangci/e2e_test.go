package golangci

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/rules"
)

// golangciVersion is the golangci-lint release the end-to-end test
// builds; the Makefile's GOLANGCI_LINT_VERSION overrides it so that the
// pin lives in one place for `make golangci-e2e`.
const golangciVersion = "v2.15.0"

// customMain is what `golangci-lint custom` compiles: golangci-lint's
// own main package with one extra file blank-importing the plugins
// (pkg/commands/internal/imports.go). Its main only calls
// commands.Execute, so this test writes an equivalent main instead of
// cloning golangci-lint from GitHub, which this machine cannot reach;
// the module proxy serves the same source.
const customMain = `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/tokenvet/tokenvet/plugins/golangci"
)

func main() {
	info := commands.BuildInfo{Version: "%s-custom", Commit: "tokenvet-e2e", Date: "(unknown)", GoVersion: "go"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %%v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`

const golangciConfig = `version: "2"
linters:
  default: none
  enable:
    - tokenvet
  settings:
    custom:
      tokenvet:
        type: module
        description: bearer-token misuse
        settings:
          disable: [invalid-suppression]
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  # tokenvet can report two rules on one line (an unpinned keyfunc whose
  # parse error is also discarded); golangci-lint keeps one per line unless told.
  uniq-by-line: false
`

// TestGolangciPlugin is acceptance test 3 (issue 14, item 4): golangci-lint
// built with the plugin reports the demo's Go findings exactly as tokenvet
// scan does, less hardcoded-token, each message starting with its rule id.
// It needs the module proxy (or a warm module cache) and about a minute
// and a half on two cores with a cold build cache, 5 s warm.
func TestGolangciPlugin(t *testing.T) {
	// It always runs in CI; elsewhere it waits to be asked, as building
	// golangci-lint takes over a minute with a cold build cache.
	if os.Getenv("TOKENVET_GOLANGCI_E2E") == "" && os.Getenv("CI") == "" {
		t.Skip("builds golangci-lint; run `make golangci-e2e`, or set CI=true")
	}
	version := cmpOr(os.Getenv("GOLANGCI_LINT_VERSION"), golangciVersion)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(wd, "..", "..")
	tmp := t.TempDir()

	start := time.Now()
	mod := filepath.Join(tmp, "gcl")
	write(t, filepath.Join(mod, "go.mod"), fmt.Sprintf(
		"module tokenvet.example/golangci-custom\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/golangci/golangci-lint/v2 %s\n\tgithub.com/tokenvet/tokenvet v0.0.0\n)\n\nreplace github.com/tokenvet/tokenvet => %s\n",
		version, repo))
	write(t, filepath.Join(mod, "main.go"), fmt.Sprintf(customMain, version))
	gcl := filepath.Join(tmp, "golangci-lint")
	goCmd(t, mod, "mod", "tidy")
	goCmd(t, mod, "build", "-o", gcl, ".")
	t.Logf("built golangci-lint %s with the tokenvet plugin in %s", version, time.Since(start).Round(time.Second))

	demo := filepath.Join(tmp, "demo")
	copyDir(t, filepath.Join(repo, "testdata", "demo"), demo)
	write(t, filepath.Join(demo, ".golangci.yml"), golangciConfig)

	cmd := exec.Command(gcl, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	cmd.Dir = demo
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "cache"))
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("golangci-lint run: %v (want exit status 1, for issues)\n%s", err, errOutput(err))
	}
	var gres struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(out, &gres); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
	}
	var got []string
	for _, is := range gres.Issues {
		if is.FromLinter != "tokenvet" {
			t.Errorf("issue from linter %q", is.FromLinter)
		}
		// The message must start with the rule id, which exclusion
		// rules match on; comparing ids with tokenvet scan's checks it
		// is the right one.
		id, msg, _ := strings.Cut(is.Text, ": ")
		if _, ok := rules.Lookup(id); !ok {
			t.Errorf("message does not start with a rule id: %q", is.Text)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, id, msg))
	}
	slices.Sort(got)

	tv := filepath.Join(tmp, "tokenvet")
	goCmd(t, repo, "build", "-o", tv, "./cmd/tokenvet")
	cmd = exec.Command(tv, "scan", "--format", "json", "./...")
	cmd.Dir = demo
	out, err = cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("tokenvet scan: %v\n%s", err, errOutput(err))
	}
	var tres struct {
		Findings []struct {
			Rule, File, Message string
			Line, Column        int
			Suppression         json.RawMessage
		}
	}
	if err := json.Unmarshal(out, &tres); err != nil {
		t.Fatal(err)
	}
	var want []string
	secrets := 0
	for _, f := range tres.Findings {
		if !strings.HasSuffix(f.File, ".go") || f.Suppression != nil {
			continue
		}
		// The plugin leaves the secret rules to tokenvet scan.
		if f.Rule == rules.HardcodedToken {
			secrets++
			continue
		}
		want = append(want, fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Rule, f.Message))
	}
	slices.Sort(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("golangci-lint and tokenvet scan differ on the demo.\ngolangci-lint:\n  %s\ntokenvet scan:\n  %s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	for _, g := range got[:min(len(got), 4)] {
		t.Logf("golangci-lint: %s", g)
	}
	t.Logf("%d findings agree, each message starting with its rule id (%d %s findings left to tokenvet scan); total %s",
		len(got), secrets, rules.HardcodedToken, time.Since(start).Round(time.Second))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
}

func errOutput(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
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

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
