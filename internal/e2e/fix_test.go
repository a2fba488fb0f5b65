package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoFixGolden is the diff `scan --diff` prints on the demo, with the
// opt-in require-exp check on so that one file gets several fixes.
const demoFixGolden = "testdata/demo-fix.golden"

// fixArgs are the flags of every scan in TestDemoFix besides --fix and
// --diff.
var fixArgs = []string{"--jwtmissingexp.require-exp", "./..."}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// treeDiff names the files that differ between two trees.
func treeDiff(a, b map[string]string) []string {
	var out []string
	for p, s := range a {
		if t, ok := b[p]; !ok || s != t {
			out = append(out, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}

// TestDemoFix is issue 14's acceptance test: --diff prints the demo's
// fixes (golden file) and changes nothing; --fix makes the files what
// that diff applied by git makes them, reports what it fixed and what
// is left; a second --fix finds nothing to do.
func TestDemoFix(t *testing.T) {
	dir, want := t.TempDir(), t.TempDir()
	copyTree(t, demoDir, dir)
	copyTree(t, demoDir, want)
	orig := readTree(t, dir)

	r := scan(t, dir, append([]string{"--diff"}, fixArgs...)...)
	if r.code != 1 {
		t.Fatalf("--diff: exit %d, want 1 (the findings are still there)\n%s", r.code, r.stderr)
	}
	if *update {
		writeFile(t, demoFixGolden, r.stdout)
	}
	golden, err := os.ReadFile(demoFixGolden)
	if err != nil {
		t.Fatalf("%v (write it with go test ./internal/e2e -run TestDemoFix -update)", err)
	}
	if r.stdout != string(golden) {
		t.Errorf("--diff output differs from %s (-want +got):\n%s", demoFixGolden, lineDiff(string(golden), r.stdout))
	}
	if changed := treeDiff(orig, readTree(t, dir)); len(changed) > 0 {
		t.Fatalf("--diff changed %v", changed)
	}
	// Each fix of the demo is in the diff: a change to the analyzers
	// that drops one shows up here as well as in the golden file.
	for _, s := range []string{"--- a/oldauth/oldauth.go\n", `+import "github.com/golang-jwt/jwt/v4"` + "\n",
		"--- a/auth/verify.go\n", "--- a/session/session.go\n"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("--diff output lacks %q", s)
		}
	}
	if n := strings.Count(r.stdout, "\n+") - strings.Count(r.stdout, "\n+++ "); n != 5 {
		t.Errorf("--diff adds %d lines, want the demo's 5 fixes", n)
	}

	// What the diff says, applied by another program.
	patch := filepath.Join(t.TempDir(), "fixes.patch")
	writeFile(t, patch, string(golden))
	if g := run(t, want, "git", "apply", "--verbose", patch); g.code != 0 {
		t.Fatalf("git apply of the golden diff: exit %d\n%s%s", g.code, g.stdout, g.stderr)
	}
	wantTree := readTree(t, want)
	if len(treeDiff(orig, wantTree)) == 0 {
		t.Fatal("the golden diff changes nothing")
	}

	r = scan(t, dir, append([]string{"--fix"}, fixArgs...)...)
	if r.code != 1 {
		t.Fatalf("--fix: exit %d, want 1 (the demo has findings without fixes)\n%s", r.code, r.stderr)
	}
	if changed := treeDiff(wantTree, readTree(t, dir)); len(changed) > 0 {
		t.Errorf("after --fix, %v differ from the golden diff applied", changed)
	}
	for _, s := range []string{"tokenvet: fixed auth/verify.go: 3 fixes\n", "tokenvet: fixed oldauth/oldauth.go: 1 fix\n", "tokenvet: fixed session/session.go: 1 fix\n"} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("--fix stderr lacks %q:\n%s", s, r.stderr)
		}
	}
	// The report is about what is left: not the fixed findings, still
	// the others (session.go:28 has no fix).
	if strings.Contains(r.stdout, "oldauth/oldauth.go:4:8: jwt-deprecated-library") || strings.Contains(r.stdout, "auth/verify.go:11:9: jwt-missing-exp") {
		t.Errorf("--fix reports a finding it fixed:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "session/session.go:28:") {
		t.Errorf("--fix dropped a finding it did not fix:\n%s", r.stdout)
	}
	for p, s := range readTree(t, dir) {
		if strings.Contains(p, ".tokenvet-fix-") {
			t.Errorf("--fix left %s behind (%d bytes)", p, len(s))
		}
	}

	// Nothing left to fix: a second run changes nothing, prints no diff.
	fixed := readTree(t, dir)
	r = scan(t, dir, append([]string{"--fix", "--diff"}, fixArgs...)...)
	if r.stdout != "" || !strings.Contains(r.stderr, "no finding has a suggested fix") {
		t.Errorf("second --fix --diff: stdout %q, stderr:\n%s", r.stdout, r.stderr)
	}
	if changed := treeDiff(fixed, readTree(t, dir)); len(changed) > 0 {
		t.Errorf("the second --fix changed %v", changed)
	}
}

// TestFixHonoursRulesAndSuppressions: --fix applies only the fixes of
// counted findings of enabled rules.
func TestFixHonoursRulesAndSuppressions(t *testing.T) {
	const imp = `import "github.com/dgrijalva/jwt-go"`
	for _, tc := range []struct {
		name   string
		edit   func(string) string // of oldauth/oldauth.go
		args   []string
		change bool // whether oldauth.go is fixed
	}{
		{"fixed by default", nil, nil, true},
		{"rule disabled", nil, []string{"--disable", "jwt-deprecated-library"}, false},
		{"other rules enabled", nil, []string{"--enable", "jwt-missing-exp"}, false},
		{"suppressed", func(s string) string {
			return strings.Replace(s, imp, "//tokenvet:ignore jwt-deprecated-library moving in issue 7\n"+imp, 1)
		}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, demoDir, dir)
			file := filepath.Join(dir, "oldauth", "oldauth.go")
			if tc.edit != nil {
				b, _ := os.ReadFile(file)
				writeFile(t, file, tc.edit(string(b)))
			}
			before, _ := os.ReadFile(file)
			r := scan(t, dir, append([]string{"--fix", "./..."}, tc.args...)...)
			after, _ := os.ReadFile(file)
			if changed := string(after) != string(before); changed != tc.change {
				t.Errorf("oldauth.go changed: %v, want %v\nstderr:\n%s", changed, tc.change, r.stderr)
			}
		})
	}
}

// TestFixDiffRedactsSecrets: a secret on a line the diff shows as
// context is redacted like everywhere else, also when its rule is off,
// and shown whole only with --no-redact.
func TestFixDiffRedactsSecrets(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, demoDir, dir)
	file := filepath.Join(dir, "oldauth", "oldauth.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const imp = `import "github.com/dgrijalva/jwt-go"` + "\n"
	src := strings.Replace(string(b), imp, imp+"\nvar partnerAuth = \"Bearer "+plantedGo+"\"\n", 1)
	if src == string(b) {
		t.Fatal("the demo's oldauth.go no longer has the import this test edits next to")
	}
	writeFile(t, file, src)
	for _, args := range [][]string{{}, {"--disable", "hardcoded-token"}} {
		r := scan(t, dir, append([]string{"--diff", "./..."}, args...)...)
		if !strings.Contains(r.stdout, `+import "github.com/golang-jwt/jwt/v4"`) {
			t.Fatalf("%v: no fix in the diff:\n%s\n%s", args, r.stdout, r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, plantedGo) {
			t.Errorf("%v: the diff prints the secret:\n%s", args, r.stdout)
		}
		if want := " var partnerAuth = \"Bearer " + plantedGo[:4] + "…("; !strings.Contains(r.stdout, want) {
			t.Errorf("%v: the diff lacks the redacted context line %q:\n%s", args, want, r.stdout)
		}
	}
	r := scan(t, dir, "--diff", "--no-redact", "./...")
	if !strings.Contains(r.stdout, " var partnerAuth = \"Bearer "+plantedGo+"\"\n") {
		t.Errorf("--no-redact: the diff lacks the line as it is:\n%s", r.stdout)
	}
}

// TestFixUsageErrors: combinations that cannot mean anything.
func TestFixUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--fix", "--staged"}, "--fix: --staged"},
		{[]string{"--diff", "--write-baseline", "b.json"}, "--write-baseline"},
		{[]string{"--diff", "--format", "json"}, "--diff prints the diff on standard output"},
	} {
		r := scan(t, demoDir, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.msg)
		}
	}
}
