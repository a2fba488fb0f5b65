package goflow_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/flow/goflow/internal/flowreport"
	"github.com/tokenvet/tokenvet/internal/goscan"
)

// TestScanAndVetAgree writes the fact test's two packages into a module
// of their own and runs the reporter twice: through tokenvet scan's
// loader (goscan: each module in one go/packages load, dependencies from
// export data without syntax, one checker.Analyze) and through go vet
// -vettool (unitchecker: every package, dependencies included, in its own
// process, facts in .vetx files). The findings must be the same, the
// flows into the other package among them.
func TestScanAndVetAgree(t *testing.T) {
	mod := t.TempDir()
	src := filepath.Join("testdata", "src")
	copyFile(t, filepath.Join(src, "example.com", "sink", "sink.go"), filepath.Join(mod, "sink", "sink.go"), nil)
	rename := strings.NewReplacer(`"flowtest/facts/conf"`, `"example.com/conf"`)
	copyFile(t, filepath.Join(src, "flowtest", "facts", "conf", "conf.go"), filepath.Join(mod, "conf", "conf.go"), rename)
	copyFile(t, filepath.Join(src, "flowtest", "facts", "app", "app.go"), filepath.Join(mod, "app", "app.go"), rename)
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com\n\ngo 1.22\n")

	res, err := goscan.Run(context.Background(), goscan.Options{Dirs: []string{mod}, Analyzers: []*analysis.Analyzer{flowreport.Analyzer}, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		t.Errorf("scan problem: %+v", p)
	}
	var scan []string
	for _, d := range res.Diagnostics {
		scan = append(scan, fmt.Sprintf("%s:%d:%d: %s", d.Start.Filename, d.Start.Line, d.Start.Column, d.Message))
	}
	sort.Strings(scan)

	tool := filepath.Join(t.TempDir(), "vettool")
	build := exec.Command("go", "build", "-o", tool, "./testdata/vettool")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the vet tool: %v\n%s", err, out)
	}
	models, _ := filepath.Abs(filepath.Join("testdata", "models"))
	vet := exec.Command("go", "vet", "-vettool="+tool, "./...")
	vet.Dir = mod
	vet.Env = append(os.Environ(), "GOFLOW_TEST_MODELS="+models, "GOFLAGS=", "GOWORK=off")
	var stderr bytes.Buffer
	vet.Stderr = &stderr
	_ = vet.Run() // exits 1: the reporter reports
	var vetted []string
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if !filepath.IsAbs(line) {
			line = filepath.Join(mod, line)
		}
		vetted = append(vetted, line)
	}
	sort.Strings(vetted)

	t.Logf("%d findings, each the same under both", len(scan))
	if strings.Join(scan, "\n") != strings.Join(vetted, "\n") {
		t.Errorf("tokenvet's loader and go vet disagree\nscan:\n%s\n\nvet:\n%s", strings.Join(scan, "\n"), strings.Join(vetted, "\n"))
	}
	// The flows the facts carry are among them.
	for _, want := range []string{`literal "conf-secret"`, `jwt-key via Sign: literal "signed"`, `literal 7200000000000`, `literal "var-key"`} {
		found := false
		for _, d := range scan {
			found = found || (strings.Contains(d, filepath.Join("app", "app.go")) && strings.Contains(d, want))
		}
		if !found {
			t.Errorf("no finding in app.go with %s (facts did not flow under tokenvet's loader)", want)
		}
	}
}

func copyFile(t *testing.T, from, to string, r *strings.Replacer) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if r != nil {
		s = r.Replace(s)
	}
	writeFile(t, to, s)
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
