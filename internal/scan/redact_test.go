package scan

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules"
)

var patRE = regexp.MustCompile(`ghp_[A-Za-z0-9]{36}`)

// patEngine stands in for the secrets engine: it reports GitHub tokens
// in .yml files and lends the same rule to the redaction pass.
// Everything else the test needs comes from its fixed results: a
// finding of another rule on the token's line, and problems quoting it.
type patEngine struct {
	findings map[string][]*finding.Finding
	problems map[string][]report.Problem
}

func (patEngine) Name() string          { return "fake" }
func (patEngine) Rules() []string       { return []string{rules.HardcodedToken, rules.TokenCookieInsecure} }
func (patEngine) Wants(rel string) bool { return true }
func (e patEngine) Scan(_ context.Context, f walk.File) ([]*finding.Finding, []report.Problem) {
	var out []*finding.Finding
	if strings.HasSuffix(f.Rel, ".yml") {
		line, lineStart := 1, 0
		for _, loc := range patRE.FindAllIndex(f.Content, -1) {
			for i := lineStart; i < loc[0]; i++ {
				if f.Content[i] == '\n' {
					line, lineStart = line+1, i+1
				}
			}
			out = append(out, &finding.Finding{RuleID: rules.HardcodedToken, Message: "token", StartLine: line, StartCol: loc[0] - lineStart + 1,
				EndLine: line, EndCol: loc[1] - lineStart + 1, Secret: string(f.Content[loc[0]:loc[1]])})
		}
	}
	return append(out, e.findings[f.Rel]...), e.problems[f.Rel]
}
func (patEngine) FindSecrets(_, text string) [][2]int {
	var out [][2]int
	for _, loc := range patRE.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{loc[0], loc[1]})
	}
	return out
}

// TestRedactionPass: a secret is hidden wherever a scan prints it, not
// only in its own finding: another rule's snippet on its line, problem
// messages quoting it (also where no finding reports it: the file did
// not parse), the partly analysed packages' reasons. With --no-redact
// the text is left alone, but fingerprints do not change.
func TestRedactionPass(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"c.yml":   "token: " + pat + "\n",
		"bad.js":  "const t = 1 \"" + pat + "\";\n",
		"page.js": "document.cookie = 'token=" + pat + "'\n",
	})
	cookieCol := strings.Index("document.cookie = 'token="+pat, "document") + 1
	eng := patEngine{
		findings: map[string][]*finding.Finding{
			"page.js": {{RuleID: rules.TokenCookieInsecure, Message: "cookie", StartLine: 1, StartCol: cookieCol, EndLine: 1, EndCol: cookieCol + 5}},
		},
		problems: map[string][]report.Problem{
			"bad.js": {{Kind: "syntax", File: "bad.js", Line: 1, Column: 13, Message: `unexpected "` + pat + `" in const declaration`}},
			"c.yml":  {{Kind: "read", File: "c.yml", Message: "quoted elsewhere: " + pat}},
		},
	}
	run := func(redact bool) *report.Report {
		rep, err := Run(context.Background(), Options{Root: root, Jobs: 2, Engines: []FileEngine{eng}, Redact: redact})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := run(true)
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), pat) {
		t.Errorf("the token is printed whole:\n%s", out)
	}
	var cookie *finding.Finding
	for _, f := range rep.Findings {
		if f.RuleID == rules.TokenCookieInsecure {
			cookie = f
		}
	}
	if cookie == nil || cookie.Snippet != "document.cookie = 'token=ghp_…(40 chars)'" {
		t.Errorf("the other rule's snippet on the token's line: %+v", cookie)
	}
	if len(rep.Problems) != 2 || rep.Problems[0].Message != `unexpected "ghp_…(40 chars)" in const declaration` {
		t.Errorf("problems: %+v", rep.Problems)
	}

	// Non-findings: the message text around the secret stays as it was,
	// and --no-redact prints the token but keeps every fingerprint.
	plain := run(false)
	if b, _ := json.Marshal(plain); !strings.Contains(string(b), pat) {
		t.Errorf("--no-redact hid the token:\n%s", b)
	}
	for i, f := range plain.Findings {
		if f.Fingerprint != rep.Findings[i].Fingerprint || f.LineHash != rep.Findings[i].LineHash {
			t.Errorf("%s: fingerprint %s/%s with --no-redact, %s/%s without", f.File, f.Fingerprint, f.LineHash, rep.Findings[i].Fingerprint, rep.Findings[i].LineHash)
		}
	}
}

// TestGoSecrets: what of a Go diagnostic's range is secret.
func TestGoSecrets(t *testing.T) {
	for _, c := range []struct {
		rule, src string
		want      []string
	}{
		// jwt-hardcoded-key: only literals; a variable's name is not a
		// secret (it once was redacted in its place).
		{rules.JWTHardcodedKey, `[]byte("zq4x")`, []string{"zq4x"}},
		{rules.JWTHardcodedKey, `key`, nil},
		{rules.JWTHardcodedKey, `[]byte(key)`, nil},
		{rules.JWTHardcodedKey, `[]byte("ab" + "cd")`, []string{"ab", "cd"}},
		{rules.JWTHardcodedKey, "[]byte(`raw`)", []string{"raw"}},
		// hardcoded-token: the range is the secret, quotes dropped.
		{rules.HardcodedToken, pat, []string{pat}},
		{rules.HardcodedToken, `"` + pat + `"`, []string{pat}},
	} {
		content := []byte("x := " + c.src + "\n")
		var got []string
		for _, r := range goSecrets(c.rule, content, 5, 5+len(c.src)) {
			got = append(got, string(content[r[0]:r[1]]))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("goSecrets(%s, %s) = %q, want %q", c.rule, c.src, got, c.want)
		}
	}
}

// TestJWTKeyVariableSnippet: a jwt-hardcoded-key finding whose key is a
// variable redacts nothing on its line; one with a literal key hides the
// key, in its own snippet and in another rule's on the same line.
func TestJWTKeyVariableSnippet(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"k.go": "package k\n\nfunc a() { sign(key) }\nfunc b() { sign([]byte(\"zq4x\")) }\n",
	})
	mk := func(rule string, line, col, end int) *finding.Finding {
		return &finding.Finding{RuleID: rule, File: "k.go", Engine: "go", StartLine: line, StartCol: col, EndLine: line, EndCol: end}
	}
	fs := []*finding.Finding{
		mk(rules.JWTHardcodedKey, 3, 17, 20),
		mk(rules.JWTHardcodedKey, 4, 17, 31),
		mk(rules.JWTMissingExp, 4, 12, 16),
	}
	src := newSources(root)
	red := newRedactor(src, nil)
	for _, f := range fs {
		red.addFinding(f)
	}
	enrich(fs, src, red, enrichOptions{redact: true})
	for i, want := range []string{
		"func a() { sign(key) }",
		`func b() { sign([]byte("zq…(4 chars)")) }`,
		`func b() { sign([]byte("zq…(4 chars)")) }`,
	} {
		if fs[i].Snippet != want {
			t.Errorf("%s line %d: snippet %q, want %q", fs[i].RuleID, fs[i].StartLine, fs[i].Snippet, want)
		}
	}
}

// TestFingerprintCarriesNoSecret: two files that differ only in the
// hidden part of a secret get the same fingerprint and line hash, so
// neither can be searched for the secret (a 4-character key was once
// recovered from the fingerprint in a second). A change to the visible
// part of the line still changes both.
func TestFingerprintCarriesNoSecret(t *testing.T) {
	prints := func(key, comment string) (string, string) {
		root := t.TempDir()
		writeTree(t, root, map[string]string{"k.go": "package k\n\nfunc b() { sign([]byte(\"" + key + "\")) }" + comment + "\n"})
		f := &finding.Finding{RuleID: rules.JWTHardcodedKey, File: "k.go", Engine: "go", StartLine: 3, StartCol: 17, EndLine: 3, EndCol: 31}
		src := newSources(root)
		red := newRedactor(src, nil)
		red.addFinding(f)
		enrich([]*finding.Finding{f}, src, red, enrichOptions{redact: false})
		return f.Fingerprint, f.LineHash
	}
	fp1, lh1 := prints("zq4x", "")
	fp2, lh2 := prints("zq9y", "")
	if fp1 != fp2 || lh1 != lh2 {
		t.Errorf("the fingerprint depends on the hidden characters of the key: %s/%s vs %s/%s", fp1, lh1, fp2, lh2)
	}
	if fp3, lh3 := prints("zq4x", " // changed"); fp3 == fp1 || lh3 == lh1 {
		t.Error("fingerprint or line hash did not change with the visible text of the line")
	}
}

// TestFingerprintPaths: fingerprints hash paths from the top of the git
// work tree, wherever the scan starts; outside a repository, from the
// directory scanned.
func TestFingerprintPaths(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	plain := filepath.Join(base, "plain")
	writeTree(t, base, map[string]string{"repo/.git/HEAD": "ref: refs/heads/main\n", "repo/svc/a.go": "", "plain/svc/a.go": ""})
	for _, c := range []struct {
		root string
		dirs []string
		file string
		want string
	}{
		{repo, []string{repo}, "svc/a.go", "svc/a.go"},
		{base, []string{repo}, "repo/svc/a.go", "svc/a.go"},   // started from the parent
		{filepath.Join(repo, "svc"), nil, "a.go", "svc/a.go"}, // from a subdirectory
		{repo, []string{filepath.Join(repo, "svc")}, "svc/a.go", "svc/a.go"},
		{plain, []string{plain}, "svc/a.go", "svc/a.go"},
		{base, []string{plain}, "plain/svc/a.go", "svc/a.go"},
	} {
		if got := fingerprintPaths(c.root, "", c.dirs)(c.file); got != c.want {
			t.Errorf("root %s, dirs %v: %s hashed as %s, want %s", c.root, c.dirs, c.file, got, c.want)
		}
	}
	if got := fingerprintPaths(plain, repo, nil)("svc/a.go"); got != "../plain/svc/a.go" {
		t.Errorf("an explicit base: %s", got)
	}
}
