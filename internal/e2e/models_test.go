package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// A module with its own logger, which no embedded model describes.
const (
	acmeGoMod = "module example.com/app\n\ngo 1.22\n"
	acmeLog   = `// Package acmelog is the team's own logger.
package acmelog

// Say writes its arguments to the audit log.
func Say(args ...any) {}
`
	acmeMain = `package main

import (
	"os"

	"example.com/app/acmelog"
)

func main() {
	apiToken := os.Getenv("ACME_API_TOKEN")
	acmelog.Say("calling the billing API with", apiToken)
	acmelog.Say("calling the billing API")
}
`
	acmeModel = `# The team's audit logger: every argument is written to the log.
language: go
module: example.com/app
doc: The team's audit logger.
checked: [v0.0.0]
packages: [example.com/app/acmelog]
sinks:
  - name: Say
    input: Argument[0..]
    kind: log
`
)

func acmeModule(t *testing.T) (app, models string) {
	t.Helper()
	dir := t.TempDir()
	app, models = filepath.Join(dir, "app"), filepath.Join(dir, "models")
	writeFile(t, filepath.Join(app, "go.mod"), acmeGoMod)
	writeFile(t, filepath.Join(app, "acmelog", "acmelog.go"), acmeLog)
	writeFile(t, filepath.Join(app, "main.go"), acmeMain)
	writeFile(t, filepath.Join(models, "acmelog.yml"), acmeModel)
	return app, models
}

func tokenLogged(rep jsonReport) []int {
	var lines []int
	for _, f := range rep.Findings {
		if f.Rule == "token-logged" {
			lines = append(lines, f.Line)
		}
	}
	return lines
}

// TestUserModels: a model file given with --models, or with models: in
// .tokenvet.yml, teaches every way of running tokenvet a library it does
// not know; go vet -vettool gets it through the analyzers' -models flag.
func TestUserModels(t *testing.T) {
	app, models := acmeModule(t)
	if rep, _ := scanJSON(t, app, "./..."); len(tokenLogged(rep)) != 0 {
		t.Fatalf("token-logged without the model: %v", tokenLogged(rep))
	}
	rep, r := scanJSON(t, app, "--models", models, "./...")
	if got := tokenLogged(rep); len(got) != 1 || got[0] != 11 || r.code != 1 {
		t.Fatalf("--models: token-logged at %v, exit %d; want line 11 only\n%s", got, r.code, r.stderr)
	}

	writeFile(t, filepath.Join(app, ".tokenvet.yml"), "models: [../models]\n")
	if rep, _ := scanJSON(t, app, "./..."); len(tokenLogged(rep)) != 1 {
		t.Errorf("models: in .tokenvet.yml: token-logged at %v", tokenLogged(rep))
	}
	// The config's directory and --models naming the same one: read once.
	if rep, r := scanJSON(t, app, "--models", models, "./..."); len(tokenLogged(rep)) != 1 {
		t.Errorf("the same directory twice: %v\n%s", tokenLogged(rep), r.stderr)
	}

	v := run(t, app, "go", "vet", "-vettool="+tokenvet, "-tokenlogged.models="+models, "./...")
	if v.code != 1 || !strings.Contains(v.stderr, "main.go:11:46: token value apiToken written to a log") {
		t.Errorf("go vet -tokenlogged.models: exit %d\n%s", v.code, v.stderr)
	}
}

// TestBadUserModel: a model file with a mistake stops the scan (exit 2)
// with a message naming the file and the line.
func TestBadUserModel(t *testing.T) {
	app, models := acmeModule(t)
	writeFile(t, filepath.Join(models, "acmelog.yml"), strings.Replace(acmeModel, "kind: log", "kind: logs", 1))
	r := scan(t, app, "-q", "--models", models, "./...")
	want := filepath.Join(models, "acmelog.yml") + `:8: sink: kind "logs"`
	if r.code != 2 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", r.code, r.stderr, want)
	}
	writeFile(t, filepath.Join(models, "acmelog.yml"), acmeModel+"    sink: yes\n")
	r = scan(t, app, "-q", "--models", models, "./...")
	if r.code != 2 || !strings.Contains(r.stderr, filepath.Join(models, "acmelog.yml")+": line 11: field sink not found") {
		t.Errorf("unknown key: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r = scan(t, app, "-q", "--models", filepath.Join(models, "missing"), "./...")
	if r.code != 2 || !strings.Contains(r.stderr, "models directory") {
		t.Errorf("missing directory: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
