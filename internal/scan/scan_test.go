package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/walk"
)

func TestUTF16Col(t *testing.T) {
	line := `x := "héllo😀" + tok`
	for _, tc := range []struct{ byteCol, want int }{
		{1, 1},
		{6, 6},                             // before any multi-byte rune
		{strings.Index(line, "+") + 1, 16}, // é is 2 bytes/1 unit, 😀 4 bytes/2 units
		{len(line) + 1, 21},                // just past the end of the line
	} {
		if got := utf16Col(line, tc.byteCol); got != tc.want {
			t.Errorf("utf16Col(byte %d) = %d, want %d", tc.byteCol, got, tc.want)
		}
	}
}

func TestLineText(t *testing.T) {
	content := []byte("one\r\ntwo\nthree")
	for n, want := range map[int]string{1: "one", 2: "two", 3: "three", 4: ""} {
		if got := lineText(content, n); got != want {
			t.Errorf("lineText(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestFingerprintStableUnderLineMoves: baselines match findings by
// fingerprint, which must survive unrelated edits above the finding.
func TestFingerprintStableUnderLineMoves(t *testing.T) {
	dir := t.TempDir()
	write := func(content string) {
		if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fp := func(line int) (string, string) {
		f := &finding.Finding{RuleID: "jwt-none-alg", File: "a.go", StartLine: line, StartCol: 1, EndLine: line, EndCol: 2}
		src := newSources(dir)
		enrich([]*finding.Finding{f}, src, newRedactor(src, nil), enrichOptions{redact: true})
		return f.Fingerprint, f.LineHash
	}
	write("package a\n\nvar m = jwt.SigningMethodNone\n")
	before, hashBefore := fp(3)
	write("package a\n\n// a comment\n// and another\nvar m = jwt.SigningMethodNone\n")
	after, hashAfter := fp(5)
	if before != after {
		t.Errorf("fingerprint changed when the line moved: %s → %s", before, after)
	}
	if hashBefore == "" || hashAfter == "" {
		t.Error("line hash not computed")
	}
	write("package a\n\n// a comment\n// and another\nvar m = jwt.SigningMethodNone // changed\n")
	if changed, _ := fp(5); changed == before {
		t.Error("fingerprint did not change when the line itself changed")
	}
}

func TestEnrichRedacts(t *testing.T) {
	dir := t.TempDir()
	secret := "ghp_" + "R8dJ3kL9mN2pQ5sT7vW1xY4zA6bC0eF8gH2j"
	if err := os.WriteFile(filepath.Join(dir, "c.yml"), []byte("token: "+secret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mk := func() *finding.Finding {
		return &finding.Finding{RuleID: "hardcoded-token", File: "c.yml", StartLine: 1, StartCol: 8, EndLine: 1, EndCol: 48,
			Message: "GitHub token " + secret, Secret: secret}
	}
	run := func(f *finding.Finding, redact bool) {
		src := newSources(dir)
		red := newRedactor(src, nil)
		red.addFinding(f)
		enrich([]*finding.Finding{f}, src, red, enrichOptions{redact: redact})
	}
	f := mk()
	run(f, true)
	if strings.Contains(f.Snippet, secret) || strings.Contains(f.Message, secret) || f.Secret != "" {
		t.Errorf("secret not redacted: %+v", f)
	}
	g := mk()
	run(g, false)
	if !strings.Contains(g.Snippet, secret) || g.Secret != "" {
		t.Errorf("with redaction off the snippet should show the secret and Secret be cleared: %+v", g)
	}
}

func TestResolveArgs(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"a/b", "c"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dirs, pats, _, err := resolveArgs(root, []string{"./a/...", "./a/b", "c", "example.com/x/..."})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 2 || dirs[0] != filepath.Join(root, "a") || dirs[1] != filepath.Join(root, "c") {
		t.Errorf("dirs = %v", dirs)
	}
	if len(pats) != 1 || pats[0] != "example.com/x/..." {
		t.Errorf("patterns = %v", pats)
	}
	if _, _, _, err := resolveArgs(root, []string{"./missing"}); err == nil || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("missing dir: %v", err)
	}

	// A file scans its directory, limited to the file; a file inside a
	// directory also named is covered by it and limits nothing.
	for _, f := range []string{"a/b/x.go", "c/y.env", "c/z.js"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("package b\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs, _, lim, err := resolveArgs(root, []string{"a/b/x.go", "./c/y.env"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(root, "a", "b"), filepath.Join(root, "c")}; !slices.Equal(dirs, want) || !slices.Equal(lim.dirs, want) {
		t.Errorf("dirs = %v, limited %v; want %v", dirs, lim.dirs, want)
	}
	for rel, excluded := range map[string]bool{"a/b/x.go": false, "c/y.env": false, "c/z.js": true, "a/b/deeper/w.go": true, "a/other.go": false, "": false} {
		if got := lim.excludes(root, rel); got != excluded {
			t.Errorf("excludes(%q) = %v, want %v", rel, got, excluded)
		}
	}
	skip := lim.skipWalk(filepath.Join(root, "c"))
	if skip == nil || skip("y.env", false) || !skip("z.js", false) || !skip("sub", true) {
		t.Error("the walk of c/ should visit y.env alone")
	}
	if lim.skipWalk(filepath.Join(root, "a")) != nil {
		t.Error("a/ is not limited")
	}
	if dirs, _, lim, err := resolveArgs(root, []string{"c/z.js", "./c"}); err != nil || len(lim.files) != 0 || !slices.Equal(dirs, []string{filepath.Join(root, "c")}) {
		t.Errorf("a file inside a named directory: dirs %v, limit %v, %v", dirs, lim, err)
	}
	if _, _, _, err := resolveArgs(root, []string{"c/z.js/..."}); err == nil {
		t.Error("file/... should be an error")
	}
}

// BenchmarkScanDemo measures the whole pipeline — go list, type-checking,
// analyzers, file walk, enrichment — on the bundled demo project.
func BenchmarkScanDemo(b *testing.B) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := Run(context.Background(), Options{Root: root, Analyzers: analyzers.All(), Jobs: 2, Redact: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Findings) == 0 {
			b.Fatal("no findings on the demo")
		}
	}
}

// TestWalkFeedsSummary checks the file branch of the pipeline: ignored,
// vendored, binary and oversized files are not read, and the report
// counts each kind of skip; directives in other files are collected.
func TestWalkFeedsSummary(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		".gitignore":          "build/\n",
		"build/out.txt":       "generated",
		"vendor/x/x.txt":      "vendored",
		"node_modules/p/i.js": "module",
		"img.bin":             "\x00\x01\x02",
		"big.txt":             strings.Repeat("a", 2048),
		"conf.yml":            "# tokenvet:ignore no-such-rule because\nkey: value\n",
		"web/app.js":          "console.log(1)\n",
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Run(context.Background(), Options{Root: root, Jobs: 3, MaxFileSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	// .gitignore, conf.yml and web/app.js are read.
	if rep.Stats.FilesScanned != 3 {
		t.Errorf("files read = %d, want 3", rep.Stats.FilesScanned)
	}
	for reason, want := range map[string]int{"binary": 1, "too-large": 1, "vendor": 2} {
		if got := rep.Stats.Skipped[reason]; got != want {
			t.Errorf("skipped %s = %d, want %d (all: %v)", reason, got, want, rep.Stats.Skipped)
		}
	}
	if len(rep.Findings) != 1 || rep.Findings[0].RuleID != "invalid-suppression" || rep.Findings[0].File != "conf.yml" {
		t.Errorf("findings = %+v, want the invalid suppression in conf.yml", rep.Findings)
	}
}

// skippingEngine declines files whose content starts with "skip" (with
// a reason) or "quiet" (without), and reports one jwt-none-alg finding
// in each file it scans.
type skippingEngine struct{}

func (skippingEngine) Name() string          { return "fake" }
func (skippingEngine) Rules() []string       { return []string{"jwt-none-alg"} }
func (skippingEngine) Wants(rel string) bool { return strings.HasSuffix(rel, ".js") }
func (skippingEngine) Scan(_ context.Context, f walk.File) ([]*finding.Finding, []report.Problem) {
	return []*finding.Finding{{RuleID: "jwt-none-alg", Message: "m", StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 2}}, nil
}
func (skippingEngine) SkipFile(f walk.File) (string, bool) {
	switch {
	case strings.HasPrefix(string(f.Content), "skip"):
		return "scripts not analysed (a test)", true
	case strings.HasPrefix(string(f.Content), "quiet"):
		return "", true
	}
	return "", false
}

// TestEngineDeclinesListed: a file an engine declines (FileSkipper) is
// not scanned by it, but it was read: it is listed as read but not
// analysed, with the engine's reason, and not counted as skipped. A
// silent decline is not listed.
func TestEngineDeclinesListed(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{"a.js": "skip me\n", "b.js": "scan me\n", "sub/c.js": "skip too\n", "d.js": "quiet\n"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Run(context.Background(), Options{Root: root, Jobs: 2, Engines: []FileEngine{skippingEngine{}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].File != "b.js" {
		t.Errorf("findings = %+v, want one in b.js", rep.Findings)
	}
	if len(rep.Stats.Skipped) != 0 || rep.Stats.FilesScanned != 4 {
		t.Errorf("skipped = %v, read %d; want nothing skipped, 4 read", rep.Stats.Skipped, rep.Stats.FilesScanned)
	}
	var listed []string
	for _, n := range rep.NotAnalysed {
		listed = append(listed, n.String()+" ["+n.Engine+"]")
	}
	want := "a.js: read, scripts not analysed (a test) [fake]|sub/c.js: read, scripts not analysed (a test) [fake]"
	if strings.Join(listed, "|") != want {
		t.Errorf("not analysed = %q, want %q", listed, want)
	}
}

// TestEnrichFlow: a flow's steps get UTF-16 columns from their own
// file's lines, and their messages are redacted like the finding's.
func TestEnrichFlow(t *testing.T) {
	dir := t.TempDir()
	secret := "ghp_" + "R8dJ3kL9mN2pQ5sT7vW1xY4zA6bC0eF8gH2j"
	writeTree(t, dir, map[string]string{
		"c.yml": "token: " + secret + "\n",
		"k.go":  "package k\n\nvar s = \"ключ\" + key\n",
	})
	mk := func() []*finding.Finding {
		keyCol := strings.Index("var s = \"ключ\" + key", "key") + 1
		return []*finding.Finding{
			{RuleID: "hardcoded-token", File: "c.yml", StartLine: 1, StartCol: 8, EndLine: 1, EndCol: 48, Secret: secret},
			{RuleID: "token-logged", File: "c.yml", StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 6, Flow: []finding.Step{
				{File: "k.go", Line: 3, Column: keyCol, Message: "read from key"},
				{File: "c.yml", Line: 1, Column: 8, Message: "quoted " + secret},
			}},
		}
	}
	run := func(fs []*finding.Finding, redact bool) {
		src := newSources(dir)
		red := newRedactor(src, nil)
		for _, f := range fs {
			red.addFinding(f)
		}
		enrich(fs, src, red, enrichOptions{redact: redact})
	}
	fs := mk()
	run(fs, true)
	flow := fs[1].Flow
	// "ключ" is 8 bytes and 4 UTF-16 code units.
	if want := flow[0].Column - 4; flow[0].ColumnUTF16 != want {
		t.Errorf("step column %d (bytes %d), want UTF-16 column %d", flow[0].ColumnUTF16, flow[0].Column, want)
	}
	if flow[1].ColumnUTF16 != 8 {
		t.Errorf("ASCII step column %d, want 8", flow[1].ColumnUTF16)
	}
	if strings.Contains(flow[1].Message, secret) || flow[0].Message != "read from key" {
		t.Errorf("step messages after redaction: %q, %q", flow[0].Message, flow[1].Message)
	}
	fs = mk()
	run(fs, false)
	if !strings.Contains(fs[1].Flow[1].Message, secret) {
		t.Errorf("with redaction off a step keeps its text: %q", fs[1].Flow[1].Message)
	}
}
