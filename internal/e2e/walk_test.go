package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 16: the walk never silently drops a file the repository ships.

const (
	plantedPAT      = "ghp_R7kYq2Lw9ZxN4bTc8VmD3pHs6FjA1eGu5QoX" // in the tracked .env.example
	plantedLocalPAT = "ghp_Z9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8c" // in the untracked, ignored .env
)

// walkReport is the part of the JSON output these tests read beyond
// jsonReport: what was read, skipped, and read but not analysed.
type walkReport struct {
	NotAnalysed []struct {
		File, Engine, Reason string
	} `json:"notAnalysed"`
	Stats struct {
		FilesScanned int            `json:"filesScanned"`
		Skipped      map[string]int `json:"skipped"`
	} `json:"stats"`
}

func scanWalkJSON(t *testing.T, dir string, args ...string) (jsonReport, walkReport, result) {
	t.Helper()
	rep, r := scanJSON(t, dir, args...)
	var w walkReport
	if err := json.Unmarshal([]byte(r.stdout), &w); err != nil {
		t.Fatal(err)
	}
	return rep, w, r
}

func findingsIn(rep jsonReport, file, rule string) int {
	n := 0
	for _, f := range rep.Findings {
		if f.File == file && f.Rule == rule {
			n++
		}
	}
	return n
}

// TestTrackedIgnoredFileRead is acceptance test 1: a tracked file that
// .gitignore lists is read and its token reported; an untracked file
// .gitignore lists is not read.
func TestTrackedIgnoredFileRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".gitignore"), ".env*\n")
	writeFile(t, filepath.Join(dir, ".env.example"), "SESSION_SECRET=changeme\nGITHUB_TOKEN="+plantedPAT+"\n")
	writeFile(t, filepath.Join(dir, ".env"), "GITHUB_TOKEN="+plantedLocalPAT+"\n")
	writeFile(t, filepath.Join(dir, "app.js"), "require('dotenv').config({ path: '.env.example' });\n")
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".gitignore", "app.js")
	git(t, dir, "add", "-f", ".env.example")
	git(t, dir, "commit", "-q", "-m", "app")

	rep, w, r := scanWalkJSON(t, dir, ".")
	if findingsIn(rep, ".env.example", "hardcoded-token") != 1 || r.code != 1 {
		t.Errorf("want the token of the tracked .env.example (exit 1), got exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, f := range rep.Findings {
		if f.File == ".env" {
			t.Errorf("the untracked, ignored .env was read: %+v", f)
		}
	}
	if strings.Contains(r.stdout+r.stderr, plantedLocalPAT[:12]) {
		t.Error("output mentions the .env token")
	}
	if w.Stats.FilesScanned != 3 {
		t.Errorf("files read = %d, want 3 (.gitignore, .env.example, app.js)", w.Stats.FilesScanned)
	}

	// Once .env is committed too, it is part of the repository.
	git(t, dir, "add", "-f", ".env")
	git(t, dir, "commit", "-q", "-m", "oops")
	if rep, _, _ := scanWalkJSON(t, dir, "."); findingsIn(rep, ".env", "hardcoded-token") != 1 {
		t.Errorf("committed .env not read: %+v", rep.Findings)
	}
}

// webBundle is the walk's committed synthetic bundle with a token write
// added, as a minifier would leave it.
func webBundle(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "internal", "walk", "testdata", "minified", "session.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b)) + `acmeSession.s=function(t){localStorage.setItem("token",t)};` + "\n"
}

// TestLongLineIsNotMinified is acceptance test 2: a hand-written file
// with one 5 KB data-URI line keeps every engine; a minified bundle is
// skipped and counted (the React DOM production build is checked by
// BenchmarkMinifiedReactDOM in internal/walk, which needs npm).
func TestLongLineIsNotMinified(t *testing.T) {
	dir := t.TempDir()
	logo := "const LOGO = 'data:image/png;base64," + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ", 115) + "';"
	src := strings.Join([]string{
		"// Header with the company logo, and sign-in.",
		"import { api } from './api.js';",
		"",
		logo,
		"",
		"export function renderHeader(container) {",
		"  const img = document.createElement('img');",
		"  img.src = LOGO;",
		"  container.appendChild(img);",
		"}",
		"",
		"export async function signIn(form) {",
		"  const t = await api.post('/session', form);",
		"  localStorage.setItem('token', t);",
		"}",
		"",
	}, "\n")
	if len(logo) < 5000 {
		t.Fatalf("data-URI line of %d bytes, want 5 KB", len(logo))
	}
	writeFile(t, filepath.Join(dir, "src", "header.js"), src)
	writeFile(t, filepath.Join(dir, "public", "vendor.min.js"), webBundle(t))

	rep, w, r := scanWalkJSON(t, dir, ".")
	if findingsIn(rep, "src/header.js", "token-in-web-storage") != 1 {
		t.Errorf("hand-written file with a long line: want its token-in-web-storage finding:\n%s%s", r.stdout, r.stderr)
	}
	if findingsIn(rep, "public/vendor.min.js", "token-in-web-storage") != 0 || w.Stats.Skipped["minified"] != 1 {
		t.Errorf("bundle: want skipped and counted as minified, got skips %v, findings %+v", w.Stats.Skipped, rep.Findings)
	}
	v := scan(t, dir, "-v", ".")
	if !strings.Contains(v.stdout, "public/vendor.min.js: minified: ") || strings.Contains(v.stdout, "src/header.js (") {
		t.Errorf("-v listing:\n%s", v.stdout)
	}
}

// TestIncludeMinifiedEverywhere is issue 10's defect 16: the flag alone
// makes every engine scan minified files, and so does each config key.
func TestIncludeMinifiedEverywhere(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		args         []string
	}{
		{"flag", "", []string{"--include-minified"}},
		{"include-minified", "include-minified: true\n", nil},
		{"web.include-minified", "web:\n  include-minified: true\n", nil},
		{"secrets.include-minified", "secrets:\n  include-minified: true\n", nil},
		{"flag over the config", "include-minified: false\n", []string{"--include-minified"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "dist", "app.min.js"), webBundle(t))
			if tc.config != "" {
				writeFile(t, filepath.Join(dir, ".tokenvet.yml"), tc.config)
			}
			rep, w, r := scanWalkJSON(t, dir, append(tc.args, ".")...)
			if findingsIn(rep, "dist/app.min.js", "token-in-web-storage") != 1 || w.Stats.Skipped["minified"] != 0 || len(w.NotAnalysed) != 0 {
				t.Errorf("want the bundle's web finding, no skip: skips %v, not analysed %v\n%s%s", w.Stats.Skipped, w.NotAnalysed, r.stdout, r.stderr)
			}
		})
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "dist", "app.min.js"), webBundle(t))
	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "web:\n  include-minified: true\n")
	if rep, w, _ := scanWalkJSON(t, dir, "--include-minified=false", "."); len(rep.Findings) != 0 || w.Stats.Skipped["minified"] != 1 {
		t.Errorf("--include-minified=false over the config: findings %+v, skips %v", rep.Findings, w.Stats.Skipped)
	}
}

// TestTemplateScriptsListed is acceptance test 3: a page template's
// inline scripts are analysed when the engine knows its tags (EJS here:
// the token stored in localStorage is found on its line), and a template
// whose grammar it does not read (Pug) is read (secret rules run on it)
// and listed as "read, scripts not analysed" in -v, the summary, JSON
// and SARIF.
func TestTemplateScriptsListed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "views", "index.ejs"), "<h1><%= title %></h1>\n<script>\n  localStorage.setItem('token', '<%= token %>');\n</script>\n")
	writeFile(t, filepath.Join(dir, "views", "partial.ejs"), "<p><%= user.name %></p>\n")
	writeFile(t, filepath.Join(dir, "views", "index.pug"), "html\n  body\n    script.\n      localStorage.setItem('token', t)\n      const gh = '"+plantedPAT+"'\n")
	writeFile(t, filepath.Join(dir, "views", "list.pug"), "ul\n  each item in items\n    li= item.description\n")
	writeFile(t, filepath.Join(dir, "views", "page.html"), "<script>localStorage.setItem('token', t)</script>\n")

	rep, w, r := scanWalkJSON(t, dir, ".")
	if findingsIn(rep, "views/index.pug", "hardcoded-token") != 1 {
		t.Errorf("the Pug template's secret was not reported: %+v", rep.Findings)
	}
	if findingsIn(rep, "views/index.ejs", "token-in-web-storage") != 1 || findingsIn(rep, "views/page.html", "token-in-web-storage") != 1 {
		t.Errorf("the EJS and HTML pages' scripts are not analysed: %+v", rep.Findings)
	}
	if len(w.NotAnalysed) != 1 || w.NotAnalysed[0].File != "views/index.pug" || w.NotAnalysed[0].Engine != "web" ||
		!strings.HasPrefix(w.NotAnalysed[0].Reason, "scripts not analysed") {
		t.Errorf("notAnalysed = %+v, want views/index.pug only", w.NotAnalysed)
	}
	if !strings.Contains(r.stderr, "1 file read but not analysed") {
		t.Errorf("summary does not count it:\n%s", r.stderr)
	}
	v := scan(t, dir, "-v", ".")
	if !strings.Contains(v.stdout, "read, not analysed:\n  views/index.pug: read, scripts not analysed") || strings.Contains(v.stdout, "list.pug") {
		t.Errorf("-v listing:\n%s", v.stdout)
	}
	s := scan(t, dir, "--format", "sarif", ".")
	if !strings.Contains(s.stdout, `"text": "read, scripts not analysed`) || !strings.Contains(s.stdout, `"uri": "views/index.pug"`) {
		t.Errorf("SARIF notifications do not carry it:\n%s", s.stdout)
	}
}

// TestMaxFileSize: a file over the limit is skipped with a message that
// names the flag; the flag and the config key raise the limit.
func TestMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "dump.yaml"), "x: "+strings.Repeat("a", 6<<20)+"\ntoken: "+plantedPAT+"\n")
	r := scan(t, dir, "-v", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "dump.yaml: too-large: 6.0 MiB, over the 5 MiB limit; --max-file-size") ||
		!strings.Contains(r.stdout, "skipped 1 too-large (--max-file-size raises the size limit)") {
		t.Errorf("default limit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if rep, _, _ := scanWalkJSON(t, dir, "--max-file-size", "8MiB", "."); findingsIn(rep, "dump.yaml", "hardcoded-token") != 1 {
		t.Errorf("--max-file-size 8MiB: %+v", rep.Findings)
	}
	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "max-file-size: 7MB\n")
	if rep, _, _ := scanWalkJSON(t, dir, "."); findingsIn(rep, "dump.yaml", "hardcoded-token") != 1 {
		t.Errorf("max-file-size: 7MB: %+v", rep.Findings)
	}
	if r := scan(t, dir, "--max-file-size", "10M", "."); r.code != 2 || !strings.Contains(r.stderr, "MiB") {
		t.Errorf("--max-file-size 10M: exit %d, %s", r.code, r.stderr)
	}
}

// TestStagedIgnoredFile: --staged reads the index, all of it tracked: a
// staged file that .gitignore lists is scanned.
func TestStagedIgnoredFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".gitignore"), ".env*\n")
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".gitignore")
	git(t, dir, "commit", "-q", "-m", "init")
	writeFile(t, filepath.Join(dir, ".env.example"), "GITHUB_TOKEN="+plantedPAT+"\n")
	writeFile(t, filepath.Join(dir, ".env"), "GITHUB_TOKEN="+plantedLocalPAT+"\n")
	git(t, dir, "add", "-f", ".env.example")
	rep, _, r := scanWalkJSON(t, dir, "--staged")
	if findingsIn(rep, ".env.example", "hardcoded-token") != 1 || findingsIn(rep, ".env", "hardcoded-token") != 0 {
		t.Errorf("--staged: %+v\n%s", rep.Findings, r.stderr)
	}
}

// TestGitMissingNote: without git the scan falls back to .gitignore
// files and -v says so.
func TestGitMissingNote(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".gitignore"), ".env*\n")
	writeFile(t, filepath.Join(dir, ".env.example"), "GITHUB_TOKEN="+plantedPAT+"\n")
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "add", "-f", ".env.example")
	git(t, dir, "commit", "-q", "-m", "init")
	cmd := []string{"env", "PATH=" + t.TempDir(), tokenvet, "scan", "-v", "."}
	r := run(t, dir, cmd[0], cmd[1:]...)
	if !strings.Contains(r.stdout, "notes:\n  git is not installed") {
		t.Errorf("no note about git:\n%s%s", r.stdout, r.stderr)
	}
}
