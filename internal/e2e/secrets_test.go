package e2e

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// Made-up credentials, in no provider's format.
const (
	plantedBearer = "6e1b9d4f2a8c7e3b5d0f9a2c4e6b8d1f"
	plantedSecret = "Rt5wY8qN3kZ7mB2xV9cL4pJ6hS1dF0gA"
	plantedGo     = "2c8f5a1d9e4b7c3f6a0d8e2b5f9c1a7e"
	plantedTest   = "9a4c7e2f5b8d1a3c6e9f2b5d8a1c4e7f"
)

func secretsTree(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/leaky\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "client.go"), `package leaky

import "net/http"

func Call(req *http.Request) {
	req.Header.Set("Authorization", "Bearer `+plantedGo+`")
}
`)
	writeFile(t, filepath.Join(dir, "client_test.go"), `package leaky

const fakeToken = "Bearer `+plantedTest+`"
`)
	writeFile(t, filepath.Join(dir, "deploy", "values.yaml"), "oauth:\n  clientSecret: "+plantedSecret+"\n")
	writeFile(t, filepath.Join(dir, "api.http"), "GET https://api.example.org/me\nAuthorization: Bearer "+plantedBearer+"\n")
	return dir
}

// TestSecretsRedacted: no output format prints a planted secret whole
// unless --no-redact is given, and each secret is found once (the Go
// file is not also scanned by the file engine).
func TestSecretsRedacted(t *testing.T) {
	dir := secretsTree(t)
	all := []string{plantedBearer, plantedSecret, plantedGo}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := scan(t, dir, "--format", format, "-v", ".")
		if r.code != 1 {
			t.Fatalf("%s: exit %d\n%s", format, r.code, r.stderr)
		}
		for _, s := range all {
			if strings.Contains(r.stdout+r.stderr, s) {
				t.Errorf("%s output contains secret %s", format, s)
			}
			// text and github print no snippet; the others show it redacted.
			if (format == "json" || format == "sarif") && !strings.Contains(r.stdout, s[:4]+"…(") {
				t.Errorf("%s output lacks the redacted form of %s…", format, s[:4])
			}
		}
	}
	r := scan(t, dir, "--no-redact", "--format", "json", ".")
	for _, s := range all {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("--no-redact output lacks %s:\n%s", s, r.stdout)
		}
	}

	rep, _ := scanJSON(t, dir, ".")
	got := map[string]int{}
	for _, f := range rep.Findings {
		if f.Rule == "hardcoded-token" {
			got[f.File]++
		}
	}
	want := map[string]int{"client.go": 1, "deploy/values.yaml": 1, "api.http": 1}
	for f, n := range want {
		if got[f] != n {
			t.Errorf("%s: %d hardcoded-token findings, want %d (all: %v)", f, got[f], n, got)
		}
	}
	if got["client_test.go"] != 0 {
		t.Errorf("a _test.go fake token was reported without --tests")
	}
	rep, _ = scanJSON(t, dir, "--tests", ".")
	n := 0
	for _, f := range rep.Findings {
		if f.File == "client_test.go" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("with --tests, %d findings in client_test.go, want 1", n)
	}

	// go vet output is not post-processed: the message must not carry it.
	v := run(t, dir, "go", "vet", "-vettool="+tokenvet, ".")
	if v.code != 1 || !strings.Contains(v.stderr, "hard-coded opaque bearer token") {
		t.Fatalf("go vet: exit %d\n%s", v.code, v.stderr)
	}
	if strings.Contains(v.stderr, plantedGo) {
		t.Errorf("go vet output contains the secret:\n%s", v.stderr)
	}
}

// TestSecretsConfigInvalid: a user TOML with a bad regex is a usage
// error (exit 2) naming the file, the rule and the regex error.
func TestSecretsConfigInvalid(t *testing.T) {
	dir := secretsTree(t)
	writeFile(t, filepath.Join(dir, "rules.toml"), "[[rules]]\nid = \"acme-key\"\nregex = '''acme_([a-z0-9]{20}'''\n")
	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "secrets:\n  config: rules.toml\n")
	r := scan(t, dir, ".")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"rules.toml", "rule acme-key", "error parsing regexp: missing closing )"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("error lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("a bad regex panicked:\n%s", r.stderr)
	}

	// A valid file adds a rule, reported by both engines.
	writeFile(t, filepath.Join(dir, "rules.toml"), "[[rules]]\nid = \"acme-key\"\nregex = '''\\bacme_[a-z0-9]{20}\\b'''\nkeywords = [\"acme_\"]\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "key acme_q8zr2vlk9xwpnt4syb7h\n")
	writeFile(t, filepath.Join(dir, "acme.go"), "package leaky\n\nvar k = \"acme_h7cj1mfd6gra0eq8zr2v\"\n")
	rep, r := scanJSON(t, dir, ".")
	found := map[string]bool{}
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "acme-key") {
			found[f.File] = true
		}
	}
	if !found["notes.txt"] || !found["acme.go"] {
		t.Errorf("user rule findings: %v\n%s", found, r.stderr)
	}
}

// TestMinifiedSkipped: a minified bundle is skipped and counted unless
// --include-minified is given, which makes both engines scan it: the
// secret rules and the web engine's (issue 10, defect 16, which a
// secret alone could not show).
func TestMinifiedSkipped(t *testing.T) {
	dir := t.TempDir()
	line := "var a=1;" + strings.Repeat("b(),", 1000) + `h={Authorization:"Bearer ` + plantedBearer + `"};localStorage.setItem("token",t);`
	writeFile(t, filepath.Join(dir, "dist", "app.min.js"), line+"\n")
	r := scan(t, dir, "-v", ".")
	if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "skipped 1 minified") {
		t.Errorf("exit %d, want 0 and the skip counted:\n%s%s", r.code, r.stdout, r.stderr)
	}
	rep, r := scanJSON(t, dir, "--include-minified", ".")
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		rules[f.Rule] = true
	}
	if r.code != 1 || !rules["hardcoded-token"] || !rules["token-in-web-storage"] {
		t.Errorf("--include-minified: exit %d, rules %v; want 1 and both engines' findings\n%s", r.code, rules, r.stderr)
	}
}

// TestSecretsColumns: CRLF line endings and non-ASCII text before the
// secret, in a Go file (analyzer) and a YAML file (engine). JSON columns
// are 1-based bytes; SARIF's are UTF-16 units (checked by the reporter's
// own tests).
func TestSecretsColumns(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/cols\n\ngo 1.22\n")
	goLine := "\treq.Header.Set(\"Authorization\", \"Bearer " + plantedGo + "\") // café ñ"
	goSrc := strings.Join([]string{"package cols", "", "import \"net/http\"", "", "// Ünïcödé: «comment»", "func Call(req *http.Request) {", "\t_ = \"日本語\"; " + goLine[1:], "}", ""}, "\r\n")
	writeFile(t, filepath.Join(dir, "cols.go"), goSrc)
	yamlLine := "  clé: «x» client_secret: " + plantedSecret
	writeFile(t, filepath.Join(dir, "app.yml"), "# configuración\r\noauth:\r\n"+yamlLine+"\r\n")

	rep, r := scanJSON(t, dir, ".")
	want := map[string][2]int{
		"cols.go": {7, strings.Index("\t_ = \"日本語\"; "+goLine[1:], plantedGo) + 1},
		"app.yml": {3, strings.Index(yamlLine, plantedSecret) + 1},
	}
	seen := 0
	for _, f := range rep.Findings {
		w, ok := want[f.File]
		if !ok || f.Rule != "hardcoded-token" {
			continue
		}
		seen++
		if f.Line != w[0] || f.Column != w[1] {
			t.Errorf("%s: finding at %d:%d, want %d:%d", f.File, f.Line, f.Column, w[0], w[1])
		}
	}
	if seen != 2 {
		t.Errorf("%d findings, want 2\n%s%s", seen, r.stdout, r.stderr)
	}
}

// TestSecretsSuppressed: tokenvet:ignore (in YAML and Go) and
// gitleaks:allow both silence a secret.
func TestSecretsSuppressed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/sup\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "sup.go"), `package sup

import "net/http"

func Call(req *http.Request) {
	//tokenvet:ignore hardcoded-token sandbox token of the mock server
	req.Header.Set("Authorization", "Bearer `+plantedGo+`")
	req.Header.Set("Authorization", "Bearer `+plantedTest+`") // gitleaks:allow
}
`)
	writeFile(t, filepath.Join(dir, "app.yml"), "oauth:\n  # tokenvet:ignore hardcoded-token fixture for the login test\n  client_secret: "+plantedSecret+"\n  refresh_token: "+plantedBearer+" # gitleaks:allow\n")
	rep, r := scanJSON(t, dir, ".")
	if r.code != 0 {
		t.Errorf("exit %d, want 0 (everything suppressed)\n%s", r.code, r.stderr)
	}
	suppressed := 0
	for _, f := range rep.Findings {
		if f.Suppression == nil {
			t.Errorf("unsuppressed: %s:%d %s", f.File, f.Line, f.Message)
		} else {
			suppressed++
		}
	}
	if suppressed != 2 {
		t.Errorf("%d suppressed findings, want 2 (the tokenvet:ignore ones; gitleaks:allow drops the match)", suppressed)
	}
}

// TestJWTKeyRedacted: a literal HMAC key is secret material too. Its
// jwt-hardcoded-key finding once printed the key whole in the JSON and
// SARIF snippets.
func TestJWTKeyRedacted(t *testing.T) {
	const key = "s3cr3t-signing-key-2026"
	dir := t.TempDir()
	signingModule(t, dir, "keyed", true)
	writeFile(t, filepath.Join(dir, "key.go"), "package keyed\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\n"+
		"func SignHS(c jwt.MapClaims) (string, error) {\n\treturn jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(\""+key+"\"))\n}\n")
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := scan(t, dir, "--enable", "jwt-hardcoded-key", "--format", format, ".")
		if r.code != 1 {
			t.Fatalf("%s: exit %d, want 1 (the hard-coded key)\n%s", format, r.code, r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, key) {
			t.Errorf("%s output contains the JWT key:\n%s", format, r.stdout)
		}
	}
	if r := scan(t, dir, "--enable", "jwt-hardcoded-key", "--no-redact", "--format", "json", "."); !strings.Contains(r.stdout, key) {
		t.Errorf("--no-redact output lacks the key:\n%s", r.stdout)
	}
}

// TestSecretVerdictInReports: the context layer's verdict on a secret —
// its confidence and the kind of file — is in the JSON report and in
// each SARIF result (properties, a file:<class> tag, rank), for a
// provider token in configuration and for one in a test fixture under
// --tests; other rules' findings carry none.
func TestSecretVerdictInReports(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config", "app.yml"), "github:\n  token: "+plantedPAT+"\n")
	writeFile(t, filepath.Join(dir, "testdata", "fixture.yml"), "token: "+plantedLocalPAT+"\n")
	writeFile(t, filepath.Join(dir, "web", "app.js"), "localStorage.setItem('token', t);\n")

	rep, _ := scanJSON(t, dir, "--tests", ".")
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[f.File+" "+f.Rule] = f.Confidence + "/" + f.FileClass
	}
	want := map[string]string{
		"config/app.yml hardcoded-token":       "high/config",
		"testdata/fixture.yml hardcoded-token": "high/test",
		"web/app.js token-in-web-storage":      "/",
	}
	if !maps.Equal(got, want) {
		t.Errorf("confidence/fileClass per finding = %v, want %v", got, want)
	}

	var doc struct {
		Runs []struct {
			Results []struct {
				Rank       *float64       `json:"rank"`
				Properties map[string]any `json:"properties"`
				Locations  []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	r := scan(t, dir, "--tests", "--format", "sarif", ".")
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("SARIF: %v\n%s", err, r.stdout)
	}
	seen := 0
	for _, res := range doc.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if uri == "web/app.js" {
			if res.Rank != nil || res.Properties["confidence"] != nil {
				t.Errorf("%s: a web-storage finding carries a secret's verdict: %v", uri, res.Properties)
			}
			continue
		}
		seen++
		class := strings.Split(want[uri+" hardcoded-token"], "/")[1]
		tags, _ := res.Properties["tags"].([]any)
		if res.Rank == nil || *res.Rank != 90 || res.Properties["precision"] != "high" || res.Properties["fileClass"] != class ||
			len(tags) != 1 || tags[0] != "file:"+class {
			t.Errorf("%s: rank %v, properties %v; want rank 90, precision high, fileClass and tag %s", uri, res.Rank, res.Properties, class)
		}
	}
	if seen != 2 {
		t.Errorf("SARIF has %d secret results, want 2", seen)
	}
}

// TestGoSecretsDroppedCounted: secret candidates the Go literal analyzer
// matched and its context layer dropped (a generic rule in a comment,
// which is documentation) are counted with the file engines' in -v and
// JSON stats.secretsDropped, once each even when --tests analyses the
// package a second time as its test variant.
func TestGoSecretsDroppedCounted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/dropped\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "doc.go"), "package dropped\n\n// Configure it like this: api_key = \"Zx8u2Lq9Rt5Wv3Ny7Kp1Hd4\"\nvar Example = 1\n")
	writeFile(t, filepath.Join(dir, "doc_test.go"), "package dropped\n\nimport \"testing\"\n\nfunc TestExample(t *testing.T) {}\n")
	for _, args := range [][]string{{"."}, {"--tests", "."}} {
		var stats struct {
			Findings []json.RawMessage `json:"findings"`
			Stats    struct {
				SecretsDropped map[string]int `json:"secretsDropped"`
			} `json:"stats"`
		}
		r := scan(t, dir, append([]string{"--format", "json"}, args...)...)
		if err := json.Unmarshal([]byte(r.stdout), &stats); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, r.stdout)
		}
		if len(stats.Findings) != 0 || stats.Stats.SecretsDropped["generic rule in docs"] != 1 {
			t.Errorf("scan %v: findings %d, secretsDropped %v; want none and the comment's candidate counted once", args, len(stats.Findings), stats.Stats.SecretsDropped)
		}
	}
	if v := scan(t, dir, "-v", "."); !strings.Contains(v.stdout, "secret candidates not reported:\n  1 generic rule in docs") {
		t.Errorf("-v does not list the Go candidate:\n%s", v.stdout)
	}
}

// TestWordSecretKeepsMessages: a key made of plain words ('a secret') is
// hidden in the snippet, but the messages of the file's findings keep
// their own words ("… a secret store"), which the key's text also spells.
func TestWordSecretKeepsMessages(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "mac.js"), "const crypto = require('crypto');\nconst h = crypto.createHmac('sha256', 'a secret');\n")
	rep, _ := scanJSON(t, dir, ".")
	if len(rep.Findings) != 1 {
		t.Fatalf("findings %+v, want the hard-coded HMAC key", rep.Findings)
	}
	f := rep.Findings[0]
	if !strings.HasSuffix(f.Message, "load the key from configuration or a secret store") || strings.Contains(f.Message, "…(8 chars)") {
		t.Errorf("message garbled by redaction: %q", f.Message)
	}
	if r := scan(t, dir, "--format", "json", "."); strings.Contains(r.stdout, "'a secret'") {
		t.Errorf("the key is printed whole:\n%s", r.stdout)
	}
}

// TestLoadedEnvTemplate: a config template keeps only provider-format
// secrets, unless the scanned code loads it as its environment
// (process.loadEnvFile('.env.example')), when its values are the running
// configuration and are judged as a config file's; with or without the
// result cache, and the dropped counts say the same.
func TestLoadedEnvTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".env.example"), "SESSION_SECRET="+plantedSecret+"\nAPI_TOKEN="+plantedBearer+"\n")
	writeFile(t, filepath.Join(dir, "README.md"), "Copy .env.example to .env.\n")
	count := func(args ...string) (n int, class string, dropped map[string]int) {
		rep, r := scanJSON(t, dir, append(args, "./...")...)
		for _, f := range rep.Findings {
			if f.Rule == "hardcoded-token" && f.File == ".env.example" {
				n++
				class = f.FileClass
			}
		}
		var raw struct {
			Stats struct {
				SecretsDropped map[string]int `json:"secretsDropped"`
			} `json:"stats"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
			t.Fatal(err)
		}
		return n, class, raw.Stats.SecretsDropped
	}
	if n, _, dropped := count(); n != 0 || dropped["generic rule in example"] != 2 {
		t.Errorf("template nobody loads: %d findings, dropped %v; want none reported, two dropped", n, dropped)
	}
	writeFile(t, filepath.Join(dir, "app.js"), "process.loadEnvFile('.env.example');\nconsole.log(process.env.PORT);\n")
	for _, args := range [][]string{nil, {"--no-cache"}, nil} {
		n, class, dropped := count(args...)
		if n != 2 || class != "config" || dropped["generic rule in example"] != 0 {
			t.Errorf("scan %v, template the app loads: %d findings of class %q, dropped %v; want 2 of class config, none dropped", args, n, class, dropped)
		}
	}
}
