// Package e2e tests the built tokenvet binary the way users run it: on
// the bundled demo, through go vet, on broken and odd trees.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/sarifschema"
	"github.com/tokenvet/tokenvet/rules"
)

var (
	tokenvet string // path of the binary built for the tests
	repoRoot string
	demoDir  string
)

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e setup:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	wd, err := os.Getwd()
	if err != nil {
		return 0, err
	}
	repoRoot = filepath.Join(wd, "..", "..")
	demoDir = filepath.Join(repoRoot, "testdata", "demo")
	dir, err := os.MkdirTemp("", "tokenvet-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	tokenvet = filepath.Join(dir, "tokenvet")
	if runtime.GOOS == "windows" {
		tokenvet += ".exe"
	}
	build := exec.Command("go", "build", "-o", tokenvet, "./cmd/tokenvet")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, out)
	}
	return m.Run(), nil
}

// result is one run of a command.
type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		code = ee.ExitCode()
	}
	return result{out.String(), errb.String(), code}
}

func scan(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, tokenvet, append([]string{"scan"}, args...)...)
}

// jsonReport is the part of tokenvet's JSON output the tests read.
type jsonReport struct {
	Version  int `json:"version"`
	Findings []struct {
		Rule        string          `json:"rule"`
		SecretType  string          `json:"secretType"`
		Confidence  string          `json:"confidence"`
		FileClass   string          `json:"fileClass"`
		Severity    string          `json:"severity"`
		Message     string          `json:"message"`
		File        string          `json:"file"`
		Line        int             `json:"line"`
		Column      int             `json:"column"`
		Engine      string          `json:"engine"`
		Fingerprint string          `json:"fingerprint"`
		Suppression json.RawMessage `json:"suppression"`
		// BaselineState is set with --new-from-rev and --baseline.
		BaselineState string `json:"baselineState"`
	} `json:"findings"`
	Problems []struct {
		Kind    string `json:"kind"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"problems"`
	PartialPackages []struct {
		Package string `json:"package"`
	} `json:"partialPackages"`
}

func scanJSON(t *testing.T, dir string, args ...string) (jsonReport, result) {
	t.Helper()
	r := scan(t, dir, append([]string{"--format", "json"}, args...)...)
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("JSON output does not parse: %v\nstdout:\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return rep, r
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			fmt.Fprintf(&b, "-%s\n", l)
			count[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			fmt.Fprintf(&b, "+%s\n", l)
			count[l]++
		}
	}
	return b.String()
}

// key identifies a finding across output formats.
func key(file string, line, col int, msg string) string {
	return fmt.Sprintf("%s:%d:%d: %s", file, line, col, msg)
}

func unsuppressedGoFindings(rep jsonReport) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.Suppression == nil && strings.HasSuffix(f.File, ".go") {
			out = append(out, key(f.File, f.Line, f.Column, f.Message))
		}
	}
	sort.Strings(out)
	return out
}

// update rewrites the golden files from the current output:
// go test ./internal/e2e -run TestDemoScan -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// demoGolden lists every finding of the demo, one "file:line: rule" line
// each (suppressed ones marked), in output order.
const demoGolden = "testdata/demo-findings.golden"

func TestDemoScan(t *testing.T) {
	rep, r := scanJSON(t, demoDir, "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1 (findings)\n%s", r.code, r.stderr)
	}
	// The demo's findings, all of them: a rule that starts or stops
	// firing anywhere in the demo changes this list. Review the diff,
	// then go test ./internal/e2e -run TestDemoScan -update.
	var got strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&got, "%s:%d: %s", f.File, f.Line, f.Rule)
		if f.Suppression != nil {
			got.WriteString(" (suppressed)")
		}
		got.WriteByte('\n')
	}
	if *update {
		writeFile(t, demoGolden, got.String())
	}
	want, err := os.ReadFile(demoGolden)
	if err != nil {
		t.Fatalf("%v (write it with -update)", err)
	}
	if got.String() != string(want) {
		t.Errorf("the demo's findings differ from %s (-want +got):\n%s", demoGolden, lineDiff(string(want), got.String()))
	}
	if rep.Version != 1 {
		t.Errorf("JSON version = %d, want 1", rep.Version)
	}
	byFile := map[string]int{}
	suppressed := 0
	for _, f := range rep.Findings {
		if f.Rule != "jwt-none-alg" {
			continue
		}
		if f.Suppression != nil {
			suppressed++
			continue
		}
		byFile[f.File]++
		wantEngine := "go"
		if strings.HasPrefix(f.File, "web/") {
			wantEngine = "web" // the Node jsonwebtoken case in web/server.js
		}
		if f.Severity != "error" || f.Fingerprint == "" || f.Engine != wantEngine {
			t.Errorf("finding %+v: want severity error, a fingerprint and engine %s", f, wantEngine)
		}
	}
	// web/server.js accepts 'none' in jwt.verify's algorithms: exactly one.
	if byFile["web/server.js"] != 1 {
		t.Errorf("web/server.js: %d jwt-none-alg findings, want 1; all: %v", byFile["web/server.js"], byFile)
	}
	// Planted: none-signing and its key in issue.go, a none-returning
	// keyfunc and "none" in WithValidMethods in verify.go, jwt.NONE in
	// legacy/partner.go. One more in verify.go is suppressed.
	for file, min := range map[string]int{"auth/issue.go": 2, "auth/verify.go": 2, "legacy/partner.go": 1} {
		if byFile[file] < min {
			t.Errorf("%s: %d jwt-none-alg findings, want at least %d; all: %v", file, byFile[file], min, byFile)
		}
	}
	if suppressed != 1 {
		t.Errorf("suppressed findings = %d, want 1 (the //tokenvet:ignore in auth/verify.go)", suppressed)
	}
	if len(rep.Problems) != 0 {
		t.Errorf("the demo type-checks, but problems were reported: %+v", rep.Problems)
	}
}

func TestDemoText(t *testing.T) {
	r := scan(t, demoDir)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	line := regexp.MustCompile(`(?m)^auth/issue\.go:\d+:\d+: jwt-none-alg: .+$`)
	if !line.MatchString(r.stdout) {
		t.Errorf("text output lacks go vet style lines for auth/issue.go:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes in output that is not a terminal")
	}
	if !strings.Contains(r.stdout, "tokenvet: ") {
		t.Errorf("no summary line:\n%s", r.stdout)
	}
}

func TestDemoSARIF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.sarif")
	r := scan(t, demoDir, "--format", "sarif", "-o", out, "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sarifschema.Validate(t, data)
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string            `json:"ruleId"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Suppressions []json.RawMessage `json:"suppressions"`
				Locations    []sarifLocation   `json:"locations"`
				CodeFlows    []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location sarifLocation `json:"location"`
						} `json:"locations"`
					} `json:"threadFlows"`
				} `json:"codeFlows"`
			} `json:"results"`
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	run0 := doc.Runs[0]
	if run0.Tool.Driver.Name != "tokenvet" || len(run0.Tool.Driver.Rules) == 0 {
		t.Errorf("driver %+v", run0.Tool.Driver)
	}
	if run0.AutomationDetails.ID != "tokenvet/" {
		t.Errorf("automationDetails.id = %q, want tokenvet/", run0.AutomationDetails.ID)
	}
	suppressed := 0
	for _, res := range run0.Results {
		if res.Fingerprints["primaryLocationLineHash"] == "" {
			t.Errorf("result %s without primaryLocationLineHash", res.RuleID)
		}
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if strings.Contains(uri, "\\") || filepath.IsAbs(uri) || strings.HasPrefix(uri, "file:") {
			t.Errorf("URI %q is not repo-relative with forward slashes", uri)
		}
		if len(res.Suppressions) > 0 {
			suppressed++
		}
	}
	if suppressed != 1 {
		t.Errorf("SARIF results with suppressions = %d, want 1", suppressed)
	}

	// The hard-coded key's result shows its flow: from the constant's
	// literal (line 13) to the key, where the result is.
	var flow []string
	for _, res := range run0.Results {
		if res.RuleID != rules.JWTHardcodedKey || res.Locations[0].PhysicalLocation.ArtifactLocation.URI != "session/session.go" {
			continue
		}
		if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
			t.Fatalf("jwt-hardcoded-key result has code flows %+v, want one thread flow", res.CodeFlows)
		}
		locs := res.CodeFlows[0].ThreadFlows[0].Locations
		for _, l := range locs {
			flow = append(flow, fmt.Sprintf("%s:%d %s", l.Location.PhysicalLocation.ArtifactLocation.URI, l.Location.PhysicalLocation.Region.StartLine, l.Location.Message.Text))
		}
		first, last := locs[0].Location.PhysicalLocation, locs[len(locs)-1].Location.PhysicalLocation
		if first.Region.StartLine != 13 {
			t.Errorf("flow starts on line %d, want the literal's, 13:\n%s", first.Region.StartLine, strings.Join(flow, "\n"))
		}
		if own := res.Locations[0].PhysicalLocation; last.Region.StartLine != own.Region.StartLine || last.Region.StartColumn != own.Region.StartColumn {
			t.Errorf("flow ends at %+v, want the result's location %+v", last.Region, own.Region)
		}
		for _, step := range flow {
			if strings.Contains(step, "change-me") {
				t.Errorf("a step quotes the key: %s", step)
			}
		}
	}
	if flow == nil {
		t.Error("no jwt-hardcoded-key result on session/session.go")
	}
}

// sarifLocation is the part of a SARIF location the tests read.
type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// TestVetParity is acceptance test 3: go vet -vettool reports exactly the
// Go findings tokenvet scan reports.
func TestVetParity(t *testing.T) {
	rep, _ := scanJSON(t, demoDir, "./...")
	want := unsuppressedGoFindings(rep)

	got, steps, r := vetFindings(t, demoDir)
	if r.code != 1 {
		t.Fatalf("go vet exit code %d, want 1\n%s", r.code, r.stderr)
	}
	if len(want) == 0 {
		t.Fatal("scan reported no Go findings on the demo")
	}
	if steps == 0 {
		t.Errorf("go vet printed no flow steps under its diagnostics:\n%s", r.stderr)
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet and scan disagree\ngo vet:\n  %s\nscan:\n  %s\ngo vet output:\n%s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "), r.stderr)
	}

	// go vet -json: exit 0, categories are rule ids.
	r = run(t, demoDir, "go", "vet", "-vettool="+tokenvet, "-json", "./...")
	if r.code != 0 {
		t.Fatalf("go vet -json exit code %d\n%s", r.code, r.stderr)
	}
	// go vet -json writes one JSON object per package:
	// {"pkg": {"analyzer": [{"category": …, "posn": …, "message": …}]}}.
	dec := json.NewDecoder(strings.NewReader(r.stdout + r.stderr))
	categories := 0
	for {
		var obj map[string]map[string][]struct {
			Category string `json:"category"`
		}
		if err := dec.Decode(&obj); err != nil {
			break
		}
		for _, byAnalyzer := range obj {
			for analyzer, ds := range byAnalyzer {
				for _, d := range ds {
					// The category is the id of the rule this analyzer implements.
					if r, ok := rules.Lookup(d.Category); !ok || path.Base(r.Implementation) != analyzer {
						t.Errorf("go vet -json: analyzer %s reported category %q, want its rule id", analyzer, d.Category)
					}
					categories++
				}
			}
		}
	}
	if categories != len(want) {
		t.Errorf("go vet -json reported %d diagnostics, scan %d:\n%s%s", categories, len(want), r.stdout, r.stderr)
	}
}

// vetFindings runs go vet -vettool=tokenvet with args before ./... in
// dir and returns its diagnostics as key() strings, sorted, and how many
// flow steps (related information, printed indented under their
// diagnostic) it printed.
func vetFindings(t *testing.T, dir string, args ...string) ([]string, int, result) {
	t.Helper()
	r := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + tokenvet}, args...), "./...")...)
	diag := regexp.MustCompile(`^(?:\./)?([^:#][^:]*\.go):(\d+):(\d+): (.*)$`)
	var got []string
	steps := 0
	for _, line := range strings.Split(r.stderr, "\n") {
		m := diag.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if strings.HasPrefix(m[4], "\t") {
			steps++ // a step of the diagnostic before it (its related information)
			continue
		}
		var l, c int
		fmt.Sscan(m[2], &l)
		fmt.Sscan(m[3], &c)
		got = append(got, key(filepath.ToSlash(m[1]), l, c, m[4]))
	}
	sort.Strings(got)
	return got, steps, r
}

// copyTree copies src to dst (regular files only).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenPackages is acceptance test 4.
func TestBrokenPackages(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, demoDir, dir)
	// A type error in auth, a syntax error in legacy.
	writeFile(t, filepath.Join(dir, "auth", "broken.go"), "package auth\n\nvar retries int = \"three\"\n")
	writeFile(t, filepath.Join(dir, "legacy", "bad.go"), "package legacy\n\nfunc unfinished( {\n")

	rep, r := scanJSON(t, dir, "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\nstderr:\n%s", r.code, r.stderr)
	}
	var authFindings int
	for _, f := range rep.Findings {
		if f.Rule == "jwt-none-alg" && strings.HasPrefix(f.File, "auth/") && f.Suppression == nil {
			authFindings++
		}
	}
	if authFindings < 4 {
		t.Errorf("jwt-none-alg findings in the broken auth package = %d, want the 4 planted", authFindings)
	}
	var sawType, sawSyntax bool
	for _, p := range rep.Problems {
		if p.File == "auth/broken.go" && p.Kind == "type" {
			sawType = true
		}
		if p.File == "legacy/bad.go" && p.Kind == "syntax" && p.Line == 3 {
			sawSyntax = true
		}
	}
	if !sawType || !sawSyntax {
		t.Errorf("problems must name auth/broken.go (type) and legacy/bad.go:3 (syntax): %+v", rep.Problems)
	}
	syntaxReports := 0
	for _, p := range rep.Problems {
		if p.File == "legacy/bad.go" {
			syntaxReports++
		}
	}
	if syntaxReports != 1 {
		t.Errorf("the syntax error is reported %d times, want once: %+v", syntaxReports, rep.Problems)
	}
	if len(rep.PartialPackages) < 2 {
		t.Errorf("partially analysed packages = %+v, want auth and legacy", rep.PartialPackages)
	}

	// The text report says the same to a person.
	tr := scan(t, dir, "./...")
	if !strings.Contains(tr.stdout, "partly analysed:") || !strings.Contains(tr.stdout, "auth/broken.go:3") || !strings.Contains(tr.stdout, "legacy/bad.go:3") {
		t.Errorf("text output does not name both problems:\n%s", tr.stdout)
	}
}

// TestJobsDeterminism is acceptance test 5.
func TestJobsDeterminism(t *testing.T) {
	tmp := t.TempDir()
	var outs [][]byte
	for _, jobs := range []string{"1", "8", "8"} {
		out := filepath.Join(tmp, "jobs"+jobs+".sarif")
		r := scan(t, demoDir, "-q", "--format", "sarif", "-o", out, "--jobs", jobs, "./...")
		if r.code != 1 {
			t.Fatalf("--jobs %s: exit code %d\n%s", jobs, r.code, r.stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, data)
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Fatalf("SARIF differs between runs (--jobs 1 vs 8)")
		}
	}
}

const looseSource = `package loose

import "github.com/golang-jwt/jwt/v5"

func Sign(claims jwt.MapClaims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType)
}
`

// TestLooseFilesAndModules is acceptance test 6.
func TestLooseFilesAndModules(t *testing.T) {
	t.Run("no go.mod", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "sign.go"), looseSource)
		writeFile(t, filepath.Join(dir, "sub", "other.go"), strings.Replace(looseSource, "package loose", "package sub", 1))
		rep, r := scanJSON(t, dir)
		if r.code != 1 {
			t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
		}
		files := map[string]int{}
		for _, f := range rep.Findings {
			if f.Rule == "jwt-none-alg" {
				files[f.File]++
			}
		}
		if files["sign.go"] != 2 || files["sub/other.go"] != 2 {
			t.Errorf("findings per file = %v, want 2 in sign.go and in sub/other.go", files)
		}
	})
	t.Run("two modules", func(t *testing.T) {
		dir := t.TempDir()
		for _, m := range []string{"alpha", "beta"} {
			signingModule(t, filepath.Join(dir, m), m, true)
		}
		rep, r := scanJSON(t, dir, "./...")
		if r.code != 1 {
			t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
		}
		files := map[string]int{}
		for _, f := range rep.Findings {
			if f.Rule == "jwt-none-alg" {
				files[f.File]++
				if f.Engine != "go" {
					t.Errorf("%s: engine %s, want go (both modules load and type-check)", f.File, f.Engine)
				}
			}
		}
		if files["alpha/sign.go"] != 2 || files["beta/sign.go"] != 2 {
			t.Errorf("findings per file = %v, want 2 in each module", files)
		}
	})
}

func TestExitCodes(t *testing.T) {
	clean := t.TempDir()
	writeFile(t, filepath.Join(clean, "ok.go"), "package ok\n\nfunc Hello() string { return \"none\" }\n")
	for _, tc := range []struct {
		name string
		dir  string
		args []string
		code int
		msg  string
	}{
		{"clean tree", clean, nil, 0, ""},
		{"findings below fail-on", demoDir, []string{"--fail-on", "none"}, 0, ""},
		{"unknown format", clean, []string{"--format", "xml"}, 2, "--format"},
		{"unknown rule", clean, []string{"--disable", "jwt-nonealg"}, 2, `unknown rule id "jwt-nonealg"`},
		{"missing dir", clean, []string{"./nope/..."}, 2, "no such file or directory"},
		{"bad config", clean, []string{"--config", filepath.Join(clean, "missing.yml")}, 2, "missing.yml"},
		{"unknown flag", clean, []string{"--formt", "json"}, 2, "unknown flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := scan(t, tc.dir, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, tc.code, tc.msg)
			}
		})
	}
}

// TestSuppressionInVetMode: go vet -vettool honours //tokenvet:ignore.
// It once asserted lines 33 and 34 of a 32-line file, so it could not
// fail; now it finds the suppressed line in the demo, checks go vet
// reports the demo's other jwt-none-alg findings in the same file, and
// checks that the same tree without the comment reports that line.
func TestSuppressionInVetMode(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, demoDir, dir)
	path := filepath.Join(dir, "auth", "verify.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	covered := 0 // the line the comment suppresses: the one below it
	for i, l := range lines {
		if strings.Contains(l, "//tokenvet:ignore jwt-none-alg") {
			covered = i + 2
		}
	}
	if covered == 0 || covered > len(lines) || !strings.Contains(lines[covered-1], "UnsafeAllowNoneSignatureType") {
		t.Fatalf("the demo's auth/verify.go no longer has a suppressed jwt-none-alg finding below a //tokenvet:ignore line")
	}
	at := fmt.Sprintf("verify.go:%d:", covered)
	vet := func() string {
		r := run(t, dir, "go", "vet", "-vettool="+tokenvet, "./auth")
		if r.code != 1 {
			t.Fatalf("go vet: exit %d, want 1 (the demo's findings)\n%s", r.code, r.stderr)
		}
		return r.stderr
	}
	out := vet()
	if strings.Contains(out, at) {
		t.Errorf("go vet reported the finding suppressed by //tokenvet:ignore at %s\n%s", at, out)
	}
	for i, l := range lines {
		unsuppressed := strings.Contains(l, "return jwt.UnsafeAllowNoneSignatureType") || strings.Contains(l, `"none"`)
		if at := fmt.Sprintf("verify.go:%d:", i+1); unsuppressed && i+1 != covered && !strings.Contains(out, at) {
			t.Errorf("go vet lacks the unsuppressed jwt-none-alg finding at %s\n%s", at, out)
		}
	}
	// The control: without the comment, go vet reports that very line.
	writeFile(t, path, strings.Replace(string(src), "//tokenvet:ignore jwt-none-alg", "// no longer ignored:", 1))
	if out := vet(); !strings.Contains(out, at) {
		t.Errorf("without the suppression go vet does not report %s, so the test cannot see a suppression fail:\n%s", at, out)
	}
}

func TestRulesAndVersion(t *testing.T) {
	r := run(t, repoRoot, tokenvet, "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "jwt-none-alg") {
		t.Errorf("tokenvet rules: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, repoRoot, tokenvet, "rules", "--format", "json")
	var rs []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &rs); err != nil || len(rs) == 0 {
		t.Errorf("rules --format json: %v\n%s", err, r.stdout)
	}
	r = run(t, repoRoot, tokenvet, "version")
	if r.code != 0 || !regexp.MustCompile(`^tokenvet \d+\.\d+\.\d+`).MatchString(r.stdout) {
		t.Errorf("tokenvet version: %q", r.stdout)
	}
}

// signingModule writes a module named name into dir that requires
// golang-jwt v5 and signs with none (looseSource); withSum adds the
// demo's go.sum, so the dependency resolves.
func signingModule(t *testing.T, dir, name string, withSum bool) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/"+name+"\n\ngo 1.24\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.1\n")
	writeFile(t, filepath.Join(dir, "sign.go"), strings.Replace(looseSource, "package loose", "package "+name, 1))
	if withSum {
		sum, err := os.ReadFile(filepath.Join(demoDir, "go.sum"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "go.sum"), string(sum))
	}
}

// countFindings counts findings of rule produced by engine.
func countFindings(rep jsonReport, rule, engine string) int {
	n := 0
	for _, f := range rep.Findings {
		if f.Rule == rule && f.Engine == engine {
			n++
		}
	}
	return n
}

// TestMissingDependency: a module whose dependency is not in go.sum still
// gets its findings (through the fallback), and the problem says what to
// run.
func TestMissingDependency(t *testing.T) {
	dir := t.TempDir()
	signingModule(t, dir, "m", false)
	rep, r := scanJSON(t, dir)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	if n := countFindings(rep, "jwt-none-alg", "go-fallback"); n != 2 {
		t.Errorf("fallback findings = %d, want 2: %+v", n, rep.Findings)
	}
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "missing go.sum entry") {
		t.Errorf("problems = %+v, want one naming the missing go.sum entry", rep.Problems)
	}
}

// TestDemoTransportRules pins the planted findings of the transport and
// browser rules: every rule fires where planted, and the safe variants
// beside them (token expiry logged, a hardened cookie, OAuth state, the
// expiry in sessionStorage, a display name) stay quiet.
func TestDemoTransportRules(t *testing.T) {
	rep, r := scanJSON(t, demoDir, "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	got := map[string]int{}
	for _, f := range rep.Findings {
		if f.Suppression == nil && (strings.HasPrefix(f.File, "transport/") || strings.HasPrefix(f.File, "web/")) {
			got[f.File+" "+f.Rule]++
		}
	}
	want := map[string]int{
		"transport/transport.go token-logged":          1,
		"transport/transport.go token-cookie-insecure": 1,
		"transport/transport.go token-in-query":        2, // read in Me, put in SyncPartner
		"transport/transport.go token-over-http":       1,
		"web/app.js token-in-web-storage":              1,
		"web/index.html token-in-web-storage":          1,
		"web/login.gohtml token-in-web-storage":        1,
		"web/api.ts token-in-query":                    1,
		"web/api.ts token-in-web-storage":              1,
		"web/Profile.vue token-in-web-storage":         1,
		"web/server.js jwt-missing-exp":                1,
		"web/server.js jwt-none-alg":                   1,
		"web/server.js jwt-unverified-parse":           1,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d findings, want %d", k, got[k], n)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected findings %s: %d", k, n)
		}
	}
}

// TestBrokenWorkspace: a go.work naming a module the checkout lacks (as
// module zips ship it) must not send the whole module to the fallback;
// it loads with GOWORK=off, and the report says so.
func TestBrokenWorkspace(t *testing.T) {
	dir := t.TempDir()
	signingModule(t, dir, "ws", true)
	writeFile(t, filepath.Join(dir, "go.work"), "go 1.24\n\nuse (\n\t.\n\t./missing\n)\n")
	rep, r := scanJSON(t, dir)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	if n := countFindings(rep, "jwt-none-alg", "go"); n != 2 {
		t.Errorf("type-checked jwt-none-alg findings = %d, want 2: %+v", n, rep.Findings)
	}
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "GOWORK=off") {
		t.Errorf("problems = %+v, want one saying the module loaded with GOWORK=off", rep.Problems)
	}
}
