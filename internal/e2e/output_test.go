package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/sarifschema"
)

// TestOutputFailedWriteKeepsReport: -o once truncated its target in
// place, so a write that failed (here a file-size limit) left a corrupt
// report where the previous one had been, and -o wrote through a
// symbolic link at the target.
func TestOutputFailedWriteKeepsReport(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%d.yaml", i)), "oauth:\n  clientSecret: "+plantedSecret+"\n")
	}
	out := t.TempDir()
	report := filepath.Join(out, "report.json")
	const previous = "{\"previous\": \"complete report\"}\n"
	writeFile(t, report, previous)
	// ulimit -f counts 512-byte blocks in sh: 8 KiB, less than the report.
	r := run(t, dir, "/bin/sh", "-c", `ulimit -f 16 && exec "$0" scan -q --format json -o "$1" .`, tokenvet, report)
	if r.code != 2 || !strings.Contains(r.stderr, "writing the report") {
		t.Errorf("exit %d, want 2 and the write error\n%s", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(report); string(got) != previous {
		t.Errorf("after a failed write the previous report is gone: %.200q", got)
	}
	// Without the limit, the same command replaces it whole.
	if r := scan(t, dir, "-q", "--format", "json", "-o", report, "."); r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var doc struct{ Findings []json.RawMessage }
	if b, _ := os.ReadFile(report); json.Unmarshal(b, &doc) != nil || len(doc.Findings) != 60 {
		t.Errorf("report not replaced whole: %d findings", len(doc.Findings))
	}

	// A link at the target is replaced, never written through.
	precious := filepath.Join(out, "precious.txt")
	writeFile(t, precious, "precious\n")
	link := filepath.Join(out, "link.sarif")
	if err := os.Symlink(precious, link); err != nil {
		t.Fatal(err)
	}
	r = scan(t, dir, "-q", "--format", "sarif", "-o", link, "--also", "json="+link+".json", ".")
	if got, _ := os.ReadFile(precious); string(got) != "precious\n" {
		t.Errorf("-o wrote through the symbolic link: the target now starts %.40q", got)
	}
	if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() || !strings.Contains(r.stderr, "was a symbolic link") {
		t.Errorf("the link was not replaced by the report, or not said so: %v\n%s", err, r.stderr)
	}
}

// pat is a token-shaped random value (not a real token) the secret
// rules recognise as a GitHub personal access token.
const pat = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw"

// allOutputs scans dir once per format and returns everything printed
// and written: stdout, stderr, and the --also and -o files.
func allOutputs(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var b strings.Builder
	out := t.TempDir()
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := scan(t, dir, append([]string{"-v", "--format", format}, args...)...)
		b.WriteString(r.stdout + r.stderr)
	}
	r := scan(t, dir, append([]string{"--format", "sarif", "-o", filepath.Join(out, "r.sarif"), "--also", "text=" + filepath.Join(out, "r.txt"),
		"--write-baseline", filepath.Join(out, "base.json")}, args...)...)
	b.WriteString(r.stdout + r.stderr)
	for _, f := range []string{"r.sarif", "r.txt", "base.json"} {
		c, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, r.stderr)
		}
		b.Write(c)
	}
	return b.String()
}

// TestParseErrorsRedacted [echo]: parse errors quote the source text,
// and a secret on the line once went out whole in every format, in
// SARIF's toolExecutionNotifications and in the stderr list.
func TestParseErrorsRedacted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/r\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "bad.go"), "package r\n\nvar x = \"a\" \""+pat+"\"\n")
	writeFile(t, filepath.Join(dir, "bad.js"), "const t = 1 \""+pat+"\";\n")
	writeFile(t, filepath.Join(dir, "bad.ts"), "let y: number = 1 \""+pat+"\";\n")
	all := allOutputs(t, dir, ".")
	if strings.Contains(all, pat) {
		t.Errorf("the token is printed whole:\n%s", all)
	}
	// The problems are still there, quoting the redacted form.
	for _, want := range []string{`bad.go:3:13: syntax: expected ';', found "ghp_…(40 chars)"`, "bad.js:1:13: syntax:", "bad.ts:1:19: syntax:"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q:\n%s", want, all)
		}
	}

	// [21] In SARIF each file that did not parse is an error-level
	// notification (results may be incomplete); the run completed, so
	// executionSuccessful stays true and code scanning keeps the results.
	r := scan(t, dir, "--format", "sarif", ".")
	sarifschema.Validate(t, []byte(r.stdout))
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string                `json:"level"`
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
		t.Fatalf("SARIF: %v\n%.500s", err, r.stdout)
	}
	inv := log.Runs[0].Invocations[0]
	errs := 0
	for _, n := range inv.ToolExecutionNotifications {
		if n.Level == "error" && strings.HasPrefix(n.Message.Text, "syntax: ") {
			errs++
		}
	}
	if !inv.ExecutionSuccessful || errs != 3 {
		t.Errorf("executionSuccessful %v, %d error-level syntax notifications (want true, 3): %+v", inv.ExecutionSuccessful, errs, inv.ToolExecutionNotifications)
	}
}

// TestSnippetsRedacted [snippet]: redaction was per finding, so another
// rule's snippet on the token's line carried it whole; a
// jwt-hardcoded-key finding with a variable key redacted the variable's
// name.
func TestSnippetsRedacted(t *testing.T) {
	dir := t.TempDir()
	signingModule(t, dir, "snip", true)
	writeFile(t, filepath.Join(dir, "c.go"), "package snip\n\nimport (\n\t\"net/http\"\n\n\t\"github.com/golang-jwt/jwt/v5\"\n)\n\n"+
		"func H(w http.ResponseWriter) {\n\thttp.SetCookie(w, &http.Cookie{Name: \"token\", Value: \""+pat+"\"})\n}\n\n"+
		"var signingKey = []byte(\"k3y-for-tests-only\")\n\n"+
		"func S(c jwt.MapClaims) (string, error) {\n\treturn jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(signingKey)\n}\n")
	if all := allOutputs(t, dir, "."); strings.Contains(all, pat) {
		t.Errorf("the token is printed whole:\n%s", all)
	}
	rep, _ := scanJSON(t, dir, ".")
	var raw struct {
		Findings []struct{ Rule, File, Snippet string } `json:"findings"`
	}
	r := scan(t, dir, "--format", "json", ".")
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, f := range raw.Findings {
		if f.File == "c.go" {
			rules[f.Rule] = f.Snippet
		}
	}
	cookie := `http.SetCookie(w, &http.Cookie{Name: "token", Value: "ghp_…(40 chars)"})`
	if rules["token-cookie-insecure"] != cookie || rules["hardcoded-token"] != cookie {
		t.Errorf("snippets on the token's line: %q", rules)
	}
	if want := "return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(signingKey)"; rules["jwt-hardcoded-key"] != want {
		t.Errorf("jwt-hardcoded-key with a variable key: snippet %q, want %q (nothing on the line is secret)", rules["jwt-hardcoded-key"], want)
	}
	if len(rep.Findings) == 0 {
		t.Error("no findings")
	}
}

// oldFingerprint is how tokenvet computed fingerprints before version 2
// of the baseline format: from the raw line, secrets included.
func oldFingerprint(rule, file, line string, n int) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + file + "\x00" + strings.Join(strings.Fields(line), " ") + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:8])
}

const keyedSource = "package keyed\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc Sign(c jwt.Claims) (string, error) {\n\treturn jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(\"zq4x\"))\n}\n"

// TestFingerprints [fingerprint]: the fingerprint once was the SHA-256 of
// the raw line, so a 4-character HMAC key was recovered from it in a
// second, and scanning a tree from its parent changed every one.
func TestFingerprints(t *testing.T) {
	prints := func(rep jsonReport) map[string]string {
		m := map[string]string{}
		for _, f := range rep.Findings {
			m[f.Rule+" "+path.Base(f.File)+":"+strconv.Itoa(f.Line)] = f.Fingerprint
		}
		return m
	}
	for _, withGit := range []bool{true, false} {
		parent := t.TempDir()
		dir := filepath.Join(parent, "repo")
		signingModule(t, dir, "keyed", true)
		writeFile(t, filepath.Join(dir, "k.go"), keyedSource)
		if withGit {
			git(t, dir, "init", "-q")
		}
		inside, _ := scanJSON(t, dir, ".")
		fromParent, _ := scanJSON(t, parent, "./repo")
		a, b := prints(inside), prints(fromParent)
		if len(a) == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("git %v: fingerprints from the parent differ:\n%v\n%v", withGit, a, b)
		}
		for _, f := range inside.Findings {
			if f.Rule != "jwt-hardcoded-key" {
				continue
			}
			// Brute force as the repro does: every 4-character key.
			line := strings.Split(keyedSource, "\n")[f.Line-1]
			if oldFingerprint(f.Rule, f.File, line, 1) == f.Fingerprint {
				t.Errorf("the fingerprint is the hash of the raw line, key included")
			}
		}
	}

	// A key differing only in its hidden characters: same fingerprint.
	dir := t.TempDir()
	signingModule(t, dir, "keyed", true)
	writeFile(t, filepath.Join(dir, "k.go"), keyedSource)
	one, _ := scanJSON(t, dir, ".")
	writeFile(t, filepath.Join(dir, "k.go"), strings.Replace(keyedSource, "zq4x", "zq9y", 1))
	two, _ := scanJSON(t, dir, ".")
	if fmt.Sprint(prints(one)) != fmt.Sprint(prints(two)) {
		t.Errorf("fingerprints depend on the hidden part of the key:\n%v\n%v", prints(one), prints(two))
	}
}

// TestLegacyBaseline: a version 1 baseline (old fingerprints) still
// accepts its findings, and the user is told to write it again.
func TestLegacyBaseline(t *testing.T) {
	dir := t.TempDir()
	signingModule(t, dir, "keyed", true)
	writeFile(t, filepath.Join(dir, "k.go"), keyedSource)
	rep, r := scanJSON(t, dir, ".")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	type entry struct{ Fingerprint, Rule, File, Message string }
	var entries []entry
	lines := map[string][]string{}
	occ := map[string]int{}
	for _, f := range rep.Findings {
		if lines[f.File] == nil {
			b, err := os.ReadFile(filepath.Join(dir, f.File))
			if err != nil {
				t.Fatal(err)
			}
			lines[f.File] = strings.Split(string(b), "\n")
		}
		line := lines[f.File][f.Line-1]
		k := f.Rule + f.File + strings.Join(strings.Fields(line), " ")
		occ[k]++
		entries = append(entries, entry{oldFingerprint(f.Rule, f.File, line, occ[k]), f.Rule, f.File, f.Message})
	}
	doc, _ := json.Marshal(map[string]any{"version": 1, "tool": "tokenvet", "findings": entries})
	bl := filepath.Join(t.TempDir(), "old.json")
	writeFile(t, bl, string(doc))
	got, r := scanJSON(t, dir, "--baseline", bl, ".")
	if r.code != 0 || len(countedFindings(got)) != 0 {
		t.Errorf("a version 1 baseline no longer accepts its findings: exit %d, counted %v\n%s", r.code, countedFindings(got), r.stderr)
	}
	if !strings.Contains(r.stderr, "version 1 baseline") || !strings.Contains(r.stderr, "--write-baseline "+bl) {
		t.Errorf("no advice to rewrite the old baseline:\n%s", r.stderr)
	}
	// Rewritten, it is version 2 and works without the note.
	if r := scan(t, dir, "-q", "--write-baseline", bl, "."); r.code != 0 {
		t.Fatalf("--write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	_, r = scanJSON(t, dir, "--baseline", bl, ".")
	if b, _ := os.ReadFile(bl); r.code != 0 || strings.Contains(r.stderr, "version 1") || !strings.Contains(string(b), `"version": 2`) {
		t.Errorf("rewritten baseline: exit %d\n%s\n%s", r.code, r.stderr, b)
	}
}

// TestNoInjectedCommands [inject]: a Go raw string holding
// "\n::error file=…" once became a workflow command through the stderr
// list of partly analysed files, and text output printed file names
// with line breaks raw. The GitHub Actions runner takes any line of
// stdout or stderr starting with "::" (after blanks) as a command.
func TestNoInjectedCommands(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/r\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "inj.go"), "package r\n\nvar x = \"a\" `\n::error file=README.md,line=1,title=forged::injected by the scanned code\n`\n")
	store := "export function save(t) { localStorage.setItem('token', t) }\n"
	writeFile(t, filepath.Join(dir, "x\n::error file=README.md::forged.js"), store)
	writeFile(t, filepath.Join(dir, "::add-mask::y.js"), store)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := scan(t, dir, "-v", "--format", format, ".")
		if r.code != 1 {
			t.Fatalf("%s: exit %d, want 1 (the storage findings)\n%s", format, r.code, r.stderr)
		}
		for stream, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			for _, l := range strings.Split(out, "\n") {
				l = strings.TrimLeft(l, " \t")
				ours := format == "github" && stream == "stdout" && strings.Contains(l, ",title=tokenvet ") &&
					(strings.HasPrefix(l, "::error file=") || strings.HasPrefix(l, "::warning file=") || strings.HasPrefix(l, "::notice file="))
				if strings.HasPrefix(l, "::") && !ours {
					t.Errorf("%s %s: a line is a workflow command: %q", format, stream, l)
				}
			}
		}
		if format == "text" && !strings.Contains(r.stdout, `x\n::error file=README.md::forged.js:1:`) {
			t.Errorf("text output does not show the escaped file name:\n%s", r.stdout)
		}
	}
}
