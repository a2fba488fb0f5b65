package secrets

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tokenvet/tokenvet/internal/tools/secretsbench/corpus"
	"github.com/tokenvet/tokenvet/internal/walk"
)

// Fake credentials: random-looking, in no provider's format.
const (
	opaque  = "7hQmZ2pX9vKc4TnR8sWb3LyF6dGj1Ea5"
	secret2 = "Qm9vS2lkZHk4Nz8xMjM0NTZhYmNkZWZnaGlq"
	// {"alg":"none","typ":"JWT"}.{"sub":"1234567890","name":"John Doe"}.
	jwtNone = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0."
	// {"alg":"HS256","typ":"JWT"}.{"sub":"1234567890","exp":1900000000}.sig
	jwtHS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZXhwIjoxOTAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdC1yZWFsLTEyMzQ1Ng"
)

func mustDefault(t testing.TB) *Scanner {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Provider-format values of tokenvet's own rules, assembled at run time.
var (
	braintree    = "access_token$" + "production$" + "q8zr2vlk9xwpnt4s$" + "3f9a2c7d1e8b4a6f0c5d9e2b7a1f4c8d"
	mws          = "amzn.mws." + "4e0b2a7c-9d1f-4c3a-8b6e-2f7d9a1c5e3b"
	appsync      = "da2-" + "q8zr2vlk9xwpnt4syb7hcj1mfd"
	sessionToken = "FwoGZXIvYXdz" + strings.Repeat("EJr/8kQ2mZ7vLp3xT9wY4nB6cH1dF5gA0sK", 4)
	kolide       = "k2sk_v1_" + "K2UYhW7OPt2jKKLqmFacGNK7"
	mailchimp    = "3f9a2c7d1e8b4a6f" + "0c5d9e2b7a1f4c8d" + "-us8"
	telegram     = "123456789:" + "AA" + "Fq8Zr2vLk9XwPnT4sYb7HcJ1mFd6gRa0E"
	o365         = "https://outlook.office.com/webhook/" + "9e10b0f2-b994-4bff-b106-473c37cdc555@" + "6f4d2a1b-8c3e-4f5a-9b7d-1e2c3a4b5c6d" +
		"/IncomingWebhook/" + "3f9a2c7d1e8b4a6f0c5d9e2b7a1f4c8d/" + "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
)

func TestRules(t *testing.T) {
	s := mustDefault(t)
	cases := []struct {
		name, path, text string
		want             string // the secret expected, "" for no finding
		rule             string // expected rule id, when it matters
	}{
		// Bearer tokens.
		{"header literal", "req.http", "GET /v1\nAuthorization: Bearer " + opaque + "\n", opaque, "tokenvet-bearer-token"},
		{"curl", "run.sh", `curl -H "Authorization: Bearer ` + opaque + `" https://api.example.org`, opaque, ""},
		{"httpie", "run.sh", `http GET api.example.org 'Authorization:Bearer ` + opaque + `'`, opaque, ""},
		{"fetch headers", "app.ts", "fetch(u, { headers: { Authorization: 'Bearer " + opaque + "' } })", opaque, ""},
		{"axios template placeholder", "app.js", "axios.get(u, { headers: { Authorization: `Bearer ${token}` } })", "", ""},
		{"YOUR_TOKEN", "README.md", "Authorization: Bearer YOUR_TOKEN_HERE_1", "", ""},
		{"angle placeholder", "README.md", "Authorization: Bearer <token>", "", ""},
		{"xxxx", "README.md", "Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx1", "", ""},
		{"changeme", "README.md", "Authorization: Bearer changeme-changeme-1234", "", ""},
		{"example", "README.md", "Authorization: Bearer example-token-0123456789", "", ""},
		{"prose", "README.md", "Use Bearer authentication for every request to the service.", "", ""},
		{"env var", ".env.example", "AUTH_HEADER=Bearer ${API_TOKEN}", "", ""},
		{"token scheme", "run.sh", `curl -H "Authorization: token ` + opaque + `" u`, opaque, ""},
		{"postman", "c.postman_collection.json", `"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "` + opaque + `", "type": "string"}]}`, opaque, ""},
		{"insomnia", "insomnia.json", `"authentication": {"type": "bearer", "token": "` + opaque + `"}`, opaque, ""},
		// OAuth credentials in configuration.
		{"yaml", "values.yaml", "oauth:\n  clientSecret: " + secret2 + "\n", secret2, ""},
		{"json", "config.json", `{"client_secret": "` + secret2 + `"}`, secret2, ""},
		{"toml", "config.toml", `refresh_token = "` + secret2 + `"`, secret2, ""},
		{"env", ".env", "OAUTH_CLIENT_SECRET=" + secret2 + "\n", secret2, ""},
		{"properties", "app.properties", "spring.security.oauth2.client.registration.app.client-secret=" + secret2, secret2, ""},
		{"terraform", "main.tf", `  client_secret = "` + secret2 + `"`, secret2, ""},
		{"compose", "docker-compose.yml", "    environment:\n      - REFRESH_TOKEN=" + secret2 + "\n", secret2, ""},
		{"in a URL's query", "notes.txt", "https://graph.example.com/oauth/access_token?client_id=5716&client_secret=" + secret2 + "&grant_type=client_credentials\n", secret2, "tokenvet-oauth-credential"},
		{"helm template", "values.yaml", "clientSecret: {{ .Values.oauth.secret }}", "", ""},
		{"yaml env ref", "values.yaml", "client_secret: ${CLIENT_SECRET}", "", ""},
		{"low entropy", "values.yaml", "client_secret: aaaaaaaaaaaaaaaaaaaa1", "", ""},
		// JWTs.
		{"jwt", "fixture.json", `{"token": "` + jwtHS + `"}`, jwtHS, "jwt"},
		// Provider formats of tokenvet's own (dev set: semgrep's fixtures).
		{"braintree", "config.txt", "BT=" + braintree + "\n", braintree, "tokenvet-braintree-access-token"},
		{"braintree, other environment", "config.txt", "BT=" + strings.Replace(braintree, "production", "staging", 1) + "\n", "", ""},
		{"mws", "keys.txt", "token " + mws + "\n", mws, "tokenvet-amazon-mws-auth-token"},
		{"appsync", "aws-exports.js", "const k = '" + appsync + "';\n", appsync, "tokenvet-aws-appsync-api-key"},
		{"appsync, too short", "aws-exports.js", "const k = '" + appsync[:20] + "';\n", "", ""},
		{"session token", "env.sh", "export AWS_SESSION_TOKEN=" + sessionToken + "\n", sessionToken, "tokenvet-aws-session-token"},
		{"kolide", "k.txt", kolide + "\n", kolide, "tokenvet-kolide-api-key"},
		{"mailchimp", "mc.txt", "key: " + mailchimp + "\n", mailchimp, "tokenvet-mailchimp-api-key"},
		{"locale is no mailchimp key", "i18n.txt", "lang: en-us\n", "", ""},
		{"telegram", "bot.php", "define('BOT_TOKEN', '" + telegram + "');\n", telegram, "tokenvet-telegram-bot-token"},
		{"telegram, longer", "bot.php", "define('X', '" + telegram + "Zq');\n", "", ""},
		{"office 365 webhook", "notify.yml", "url: " + o365 + "\n", o365, "tokenvet-office365-webhook"},
		// Escapes.
		{"gitleaks:allow", "req.http", "Authorization: Bearer " + opaque + " # gitleaks:allow", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := s.Scan(c.path, c.text)
			if c.want == "" {
				for _, m := range ms {
					t.Errorf("unexpected finding %s: %q", m.RuleID, c.text[m.Start:m.End])
				}
				return
			}
			if len(ms) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(ms), ms)
			}
			if got := c.text[ms[0].Start:ms[0].End]; got != c.want {
				t.Errorf("secret %q, want %q (rule %s)", got, c.want, ms[0].RuleID)
			}
			if c.rule != "" && ms[0].RuleID != c.rule {
				t.Errorf("rule %s, want %s", ms[0].RuleID, c.rule)
			}
		})
	}
}

func TestJWTDecoded(t *testing.T) {
	s := mustDefault(t)
	for _, c := range []struct {
		tok, alg string
		exp      bool
		msg      string
	}{
		{jwtNone, "none", false, "JWT with alg none (unsigned: anyone can forge one), no exp (never expires)"},
		{jwtHS, "HS256", true, "JWT signed with HS256, exp set"},
	} {
		ms := s.Scan("a.txt", "token: "+c.tok+"\n")
		if len(ms) != 1 || ms[0].JWT == nil {
			t.Fatalf("%s: got %+v", c.alg, ms)
		}
		if ms[0].JWT.Alg != c.alg || ms[0].JWT.HasExp != c.exp {
			t.Errorf("decoded %+v, want alg %s exp %v", *ms[0].JWT, c.alg, c.exp)
		}
		msg := Describe(ms[0])
		if !strings.Contains(msg, c.msg) {
			t.Errorf("message %q does not say %q", msg, c.msg)
		}
		if strings.Contains(msg, c.tok[:20]) {
			t.Errorf("message contains the token: %q", msg)
		}
	}
}

// TestPositions: a CRLF file with non-ASCII text before the secret on the
// same line and on earlier lines; columns are 1-based bytes.
func TestPositions(t *testing.T) {
	s := mustDefault(t)
	text := "# configuración ñ\r\noauth:\r\n  café: x\r\n  client_secret: \"" + secret2 + "\" # clé\r\n  Authorization: Bearer " + opaque + "\r\n"
	fs, _ := NewEngine(s).Scan(context.Background(), walk.File{Rel: "app.yml", Content: []byte(text)})
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2", len(fs))
	}
	lines := strings.Split(text, "\n")
	for i, want := range []struct {
		line   int
		secret string
	}{{4, secret2}, {5, opaque}} {
		f := fs[i]
		if f.StartLine != want.line || f.EndLine != want.line {
			t.Errorf("finding %d on lines %d-%d, want %d", i, f.StartLine, f.EndLine, want.line)
			continue
		}
		line := lines[want.line-1]
		if got := line[f.StartCol-1 : f.EndCol-1]; got != want.secret {
			t.Errorf("finding %d: columns %d-%d cover %q, want %q", i, f.StartCol, f.EndCol, got, want.secret)
		}
		if f.Secret != want.secret {
			t.Errorf("finding %d: Secret %q", i, f.Secret)
		}
	}
	// Non-ASCII before the secret on its own line.
	text = "description: «clé» client_secret=" + secret2 + "\n"
	fs, _ = NewEngine(s).Scan(context.Background(), walk.File{Rel: "a.properties", Content: []byte(text)})
	if len(fs) != 1 || text[fs[0].StartCol-1:fs[0].EndCol-1] != secret2 {
		t.Fatalf("got %+v", fs)
	}
}

func TestEngineSkipsGo(t *testing.T) {
	e := NewEngine(mustDefault(t))
	if e.Wants("cmd/main.go") || !e.Wants("config/app.yml") || !e.Wants("web/app.js") {
		t.Error("Wants: Go files go to the analyzer, everything else to the engine")
	}
}

func TestRepeatedSecretOnOneLine(t *testing.T) {
	s := mustDefault(t)
	text := "a: Bearer " + opaque + " b: Bearer " + opaque + "\n"
	ms := s.Scan("x.txt", text)
	if len(ms) != 2 || ms[0].Start == ms[1].Start {
		t.Fatalf("want two findings at different places, got %+v", ms)
	}
}

func TestUserConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// A new rule, and a default rule turned off.
	p := write("extra.toml", `
[extend]
useDefault = true
disabledRules = ["tokenvet-bearer-token"]

[[rules]]
id = "acme-internal-key"
description = "ACME internal key"
regex = '''\bacme_[a-z0-9]{20}\b'''
keywords = ["acme_"]
`)
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if ms := s.Scan("a.txt", "k acme_q8zr2vlk9xwpnt4syb7h\n"); len(ms) != 1 || ms[0].RuleID != "acme-internal-key" {
		t.Errorf("user rule: got %+v", ms)
	}
	if ms := s.Scan("a.http", "Authorization: Bearer "+opaque+"\n"); len(ms) != 0 {
		t.Errorf("disabled rule still reports: %+v", ms)
	}
	if s.Rules() < 200 {
		t.Errorf("only %d rules: the defaults were lost", s.Rules())
	}
	// The default scanner is unchanged, and loading again gives the
	// defaults again (gitleaks' own extend loses them on the third load).
	if ms := mustDefault(t).Scan("a.http", "Authorization: Bearer "+opaque+"\n"); len(ms) != 1 {
		t.Errorf("default scanner changed: %+v", ms)
	}
	for range 3 {
		s2, err := Parse("again.toml", "[extend]\nuseDefault = true\n")
		if err != nil || s2.Rules() != mustDefault(t).Rules() {
			t.Fatalf("reload: %v, %d rules", err, s2.Rules())
		}
	}

	for _, c := range []struct{ name, text, want string }{
		{"bad-regex.toml", "[[rules]]\nid = \"broken-rule\"\nregex = '''(unclosed'''\n", "bad-regex.toml: rule broken-rule: regex: error parsing regexp: missing closing )"},
		{"bad-path.toml", "[[rules]]\nid = \"p\"\npath = '''[z-a]'''\nregex = 'x'\n", "bad-path.toml: rule p: path: error parsing regexp"},
		{"bad-allow.toml", "[[rules]]\nid = \"q\"\nregex = 'x'\n[[rules.allowlists]]\nregexes = ['''(?P<''']\n", "bad-allow.toml: rule q: allowlist:"},
		{"bad-toml.toml", "[[rules]\nid=", "bad-toml.toml: invalid TOML"},
		{"no-id.toml", "[[rules]]\nregex = 'x'\n", "no-id.toml: rule 1 has no id"},
	} {
		_, err := Load(write(c.name, c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.toml")); err == nil {
		t.Error("a missing file is an error")
	}
}

// TestConcurrent runs one scanner on many goroutines (go test -race).
func TestConcurrent(t *testing.T) {
	s := mustDefault(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if ms := s.Scan("a.http", strings.Repeat("x\n", i)+"Authorization: Bearer "+opaque+"\n"); len(ms) != 1 {
					t.Errorf("got %d findings", len(ms))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestWindowsMatchWholeText: running windowed rules only around their
// keywords finds exactly what running every rule over the whole text
// finds, on the benchmark corpus plus multi-line cases where the keyword
// comes late in the match.
func TestWindowsMatchWholeText(t *testing.T) {
	s := mustDefault(t)
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 1<<20, 7); err != nil {
		t.Fatal(err)
	}
	var texts []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			texts = append(texts, string(b))
		}
		return nil
	})
	filler := strings.Repeat("x: y\n", 1000)
	texts = append(texts,
		filler+"data:\n  token.txt: "+secret2+"\nmetadata:\n  name: app\nkind: Secret\n"+filler,
		filler+"-----BEGIN RSA PRIVATE KEY-----\n"+strings.Repeat("MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n", 20)+"-----END RSA PRIVATE KEY-----\n"+filler,
	)
	total := 0
	for i, text := range texts {
		got := s.Scan("a.yaml", text)
		want := dedupe(s.scan(s.d, "a.yaml", text, 0))
		total += len(want)
		if len(got) != len(want) {
			t.Errorf("text %d: windowed %d findings, whole text %d", i, len(got), len(want))
			continue
		}
		for j := range got {
			if got[j].Start != want[j].Start || got[j].End != want[j].End {
				t.Errorf("text %d: finding %d at %d-%d, whole text %d-%d", i, j, got[j].Start, got[j].End, want[j].Start, want[j].End)
			}
		}
	}
	// Short texts (Go literals) go through the keyword prefilter instead.
	for _, text := range texts[:5] {
		for i, line := range strings.SplitN(text, "\n", 300)[:299] {
			got, want := s.Scan("a.yaml", line), dedupe(s.scan(s.d, "a.yaml", line, 0))
			if len(got) != len(want) {
				t.Errorf("line %d %q: prefiltered %d findings, unfiltered %d", i, line, len(got), len(want))
			}
			total += len(want)
		}
	}
	if total < 40 {
		t.Errorf("only %d findings in the corpus: the test proves little", total)
	}
}

// TestKubernetesSecrets: evaluation false positives (traefik fixtures)
// are non-findings, real key material is found.
func TestKubernetesSecrets(t *testing.T) {
	s := mustDefault(t)
	manifest := func(key, value string) string {
		return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  " + key + ": " + value + "\n"
	}
	cert := "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUNJakNDQVl1Z0F3SUJBZ0lRS1F6S1hWV0duODRNNzk2QmhGUzV0VEFOQmdrcWhraUc5dzBCQVFzRkFEQVMK"
	key := "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUNlQUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQW1Jd2dnSmVBZ0VBQW9HQkFPWFN5QytjWW1zM1FxN20K"
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"certificate", manifest("tls.crt", cert), false},
		{"ca", manifest("ca.crt", "VEVTVFJPT1RDQVMz"), false},
		{"base64 of password", manifest("password", "cGFzc3dvcmQ="), false},
		{"base64 of secret_data", manifest("key2", "c2VjcmV0X2RhdGEy"), false},
		{"private key", manifest("tls.key", key), true},
		{"random value", manifest("api-token", base64Of(secret2)), true},
		{"key after certificate", manifest("tls.crt", cert) + "  tls.key: " + key + "\n", true},
	} {
		ms := s.Scan("secret.yaml", c.text)
		if got := len(ms) > 0; got != c.want {
			t.Errorf("%s: found %v, want %v (%+v)", c.name, got, c.want, ms)
		}
	}
}

func base64Of(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestTargetedAllowlist: a user's [[allowlists]] may target a default
// rule.
func TestTargetedAllowlist(t *testing.T) {
	s, err := Parse("user.toml", `
[[allowlists]]
targetRules = ["tokenvet-bearer-token"]
regexes = ['''^7hQm''']
`)
	if err != nil {
		t.Fatal(err)
	}
	if ms := s.Scan("a.http", "Authorization: Bearer "+opaque+"\n"); len(ms) != 0 {
		t.Errorf("allowlisted token reported: %+v", ms)
	}
	if ms := s.Scan("a.http", "Authorization: Bearer 4c2f9a1e7b3d8f6a0e5c2b9d7f1a3e8c\n"); len(ms) != 1 {
		t.Errorf("other token: %+v", ms)
	}
	if _, err := Parse("user.toml", "[[allowlists]]\ntargetRules = [\"no-such-rule\"]\nregexes = ['x']\n"); err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("unknown target: %v", err)
	}
	// The default scanner is untouched by the user's allowlist.
	if ms := mustDefault(t).Scan("a.http", "Authorization: Bearer "+opaque+"\n"); len(ms) != 1 {
		t.Errorf("default scanner changed: %+v", ms)
	}
}

// TestEvaluationFalsePositives: each false positive of the evaluation on
// traefik, minio and dex (docs/evaluation.md, hard-coded tokens) as a non-finding,
// next to a real-looking value in the same place that is still found.
func TestEvaluationFalsePositives(t *testing.T) {
	s := mustDefault(t)
	for _, c := range []struct {
		name, path, text string
		want             bool
	}{
		// traefik docs/…/ratelimit.md: base64 of "secure-password".
		{"base64 words", "ratelimit.md", "    password: c2VjdXJlLXBhc3N3b3Jk  # base64 encoded \"secure-password\"\n", false},
		{"base64 random", "ratelimit.md", "    password: " + base64Of(secret2) + "\n", true},
		// traefik distributed-ratelimit.md: an example password.
		{"mysecret", "ratelimit.md", "  password: mysecret12345678\n", false},
		// traefik crd fixtures: Secret data of placeholder words.
		{"secret data words", "fixture.yml", "apiVersion: v1\nkind: Secret\ndata:\n  key: " + base64Of("this_is_the_very_deep_secret") + "\n", false},
		{"secret data admin_password", "fixture.yml", "apiVersion: v1\nkind: Secret\ndata:\n  key1: " + base64Of("admin_password") + "\n  key2: " + base64Of("user_password") + "\n", false},
		// minio docs/sts/keycloak.md: a JWT cut short with "...".
		{"truncated jwt", "keycloak.md", "curl -X POST https://minio.example/ -H \"Authorization: Bearer eyJhbGciOiJSUz...\" \\\n", false},
		{"whole jwt", "keycloak.md", "curl -H \"Authorization: Bearer " + jwtHS + "\" https://minio.example/\n", true},
		// minio run-sse-kms-object-replication.sh: base64 of 0123456789….
		{"sequential key", "run.sh", "TEST_MINIO_ENC_KEY=\"" + base64Of("01234567890123456789012345678901") + "\"\n", false},
		// traefik ingress-nginx fixtures: basic-auth Secret with an htpasswd entry.
		{"htpasswd sha", "ingress.yml", "apiVersion: v1\nkind: Secret\ndata:\n  auth: " + base64Of("User:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=") + "\n", false},
		{"htpasswd apr1", "ingress.yml", "apiVersion: v1\nkind: Secret\ndata:\n  auth: " + base64Of("foo:$apr1$OFG3Xybp$ckL0FHDAkoXYIlH9.cysT0") + "\n", false},
		{"basic auth password", "ingress.yml", "apiVersion: v1\nkind: Secret\ndata:\n  auth: " + base64Of("foo:"+secret2) + "\n", true},
		// minio docs/bucket/versioning/DESIGN.md: sealed object keys.
		{"sealed key", "DESIGN.md", `  "X-Minio-Internal-Server-Side-Encryption-S3-Sealed-Key": "` + base64Of(secret2+secret2) + `",` + "\n", false},
		{"unsealed key", "DESIGN.md", `  "X-Minio-Internal-Server-Side-Encryption-S3-Key": "` + base64Of(secret2+secret2) + `",` + "\n", true},
	} {
		ms := s.Scan(c.path, c.text)
		if got := len(ms) > 0; got != c.want {
			t.Errorf("%s: found %v, want %v (%+v)", c.name, got, c.want, ms)
		}
	}
}

// TestFragmentBoundaries: a large text is scanned in overlapping
// fragments (for linear time); a secret on a line, or a PEM block over
// many lines, that a fragment's end cuts is found once, at its place,
// exactly as a scan of the whole text finds it.
func TestFragmentBoundaries(t *testing.T) {
	s := mustDefault(t)
	pem := "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Repeat("MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n", 40) + "-----END RSA PRIVATE KEY-----\n"
	token := "github_token: " + secret2 + "\n"
	line := "x: y\n"
	found := 0
	for _, secret := range []string{pem, token} {
		// Start the secret at every line offset around the first
		// fragment's end and around the second's.
		for _, around := range []int{fragmentMax, 2*fragmentMax - fragmentOverlap} {
			// Wholly before the cut, cut in its middle, cut one line in,
			// starting on the cut's line, and wholly after it.
			for _, shift := range []int{-len(secret) - 2*len(line), -len(secret) / 2, -len(secret) + len(line), -len(line), 0, len(line)} {
				before := strings.Repeat(line, (around+shift)/len(line))
				text := before + secret + strings.Repeat(line, fragmentMax/len(line))
				got := s.Scan("a.yaml", text)
				want := dedupe(s.scan(s.d, "a.yaml", text, 0))
				if len(want) != 1 {
					t.Fatalf("whole-text scan found %d secrets, want 1", len(want))
				}
				if len(got) != 1 || got[0].Start != want[0].Start || got[0].End != want[0].End {
					t.Errorf("secret at byte %d: fragments found %+v, whole text %+v", len(before), got, want)
					continue
				}
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no case ran")
	}
}

// TestLongLineFragment: a line longer than a fragment is scanned whole,
// and the scan still moves on to the lines after it.
func TestLongLineFragment(t *testing.T) {
	s := mustDefault(t)
	long := strings.Repeat("a", 3*fragmentMax)
	text := "github_token: " + secret2 + "\n" + long + "\n" + "other_token: " + secret2 + "\n"
	if got := s.Scan("a.yaml", text); len(got) != 2 {
		t.Fatalf("found %d secrets around a %d-byte line, want 2", len(got), len(long))
	}
}

// ghPAT is a random string in GitHub's token format (not a real token).
const ghPAT = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw"

// TestEncodedSecrets: a provider token written base64-, hex- or
// percent-encoded is found, its span is the encoded text (what redaction
// must hide), and the message says how it was encoded; encoded text that
// decodes to no secret is not a finding.
func TestEncodedSecrets(t *testing.T) {
	s := mustDefault(t)
	hexOf := func(v string) string { return fmt.Sprintf("%x", v) }
	pct := func(v string) string {
		var b strings.Builder
		for _, c := range []byte(v) {
			fmt.Fprintf(&b, "%%%02X", c)
		}
		return b.String()
	}
	filler := strings.Repeat("name: value\n", 400) // past the short-text path
	for _, c := range []struct {
		name, encoded, encoding string
	}{
		{"base64", base64.StdEncoding.EncodeToString([]byte(ghPAT)), "base64"},
		{"base64 twice", base64.StdEncoding.EncodeToString([]byte(base64.StdEncoding.EncodeToString([]byte(ghPAT)))), "base64"},
		{"hex", hexOf(ghPAT), "hex"},
		{"percent", pct(ghPAT), "percent"},
		{"unicode escapes", `\u0067\u0068\u0070\u005f` + ghPAT[4:], "unicode"},
	} {
		for _, text := range []string{"config: " + c.encoded + "\n", filler + "config: " + c.encoded + "\n" + filler} {
			ms := s.Scan("a.yaml", text)
			if len(ms) != 1 {
				t.Errorf("%s (%d bytes): %d findings, want 1: %+v", c.name, len(text), len(ms), ms)
				continue
			}
			m := ms[0]
			if got := text[m.Start:m.End]; got != c.encoded {
				t.Errorf("%s: span %q, want the encoded text %q", c.name, got, c.encoded)
			}
			if m.RuleID != "github-pat" || !strings.Contains(m.Encoding, c.encoding) {
				t.Errorf("%s: rule %s encoding %q, want github-pat %s", c.name, m.RuleID, m.Encoding, c.encoding)
			}
			if msg := Describe(m); !strings.Contains(msg, c.encoding+"-encoded") {
				t.Errorf("%s: message %q does not say the token was %s-encoded", c.name, msg, c.encoding)
			}
		}
	}
	for _, text := range []string{
		"data: " + base64.StdEncoding.EncodeToString([]byte("just some ordinary configuration text")) + "\n",
		"id: " + hexOf("not a token, only a sentence in hex") + "\n",
		"url: https://example.com/search?q=hello%20world\n",
	} {
		if ms := s.Scan("a.yaml", text); len(ms) != 0 {
			t.Errorf("%q: %d findings, want none: %+v", text, len(ms), ms)
		}
	}
}

// TestDescribeKeepsNames: a description's first word is lower-cased
// only when it is an ordinary word, never a name with inner capitals.
func TestDescribeKeepsNames(t *testing.T) {
	for desc, want := range map[string]string{
		"GitHub Personal Access Token": "hard-coded GitHub Personal Access Token",
		"JWT":                          "hard-coded JWT",
		"Slack bot token":              "hard-coded slack bot token",
		"OpenAI API Key":               "hard-coded OpenAI API Key",
	} {
		if got := Describe(Match{RuleID: "r", Description: desc}); !strings.HasPrefix(got, want+" (rule r)") {
			t.Errorf("Describe(%q) = %q, want it to start %q", desc, got, want)
		}
	}
}

// TestPEMWithoutEnd: a private key whose END line is missing (cut short,
// or pasted in part) does not swallow the next key's BEGIN line (dev set:
// semgrep's private-key fixtures); each key is found once, at its BEGIN
// line, and a whole block is still one match.
func TestPEMWithoutEnd(t *testing.T) {
	s := mustDefault(t)
	body := "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
	whole := "-----BEGIN EC PRIVATE KEY-----\n" + body + body + "-----END EC PRIVATE KEY-----\n"
	text := "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + whole
	var starts []int
	for _, m := range s.Scan("keys.txt", text) {
		if m.RuleID == "private-key" {
			starts = append(starts, m.Start)
			if strings.Contains(text[m.Start+1:m.End], "-----BEGIN") {
				t.Errorf("match at %d runs into the next key", m.Start)
			}
		}
	}
	want := []int{0, strings.Index(text, "-----BEGIN RSA"), strings.Index(text, "-----BEGIN EC")}
	if fmt.Sprint(starts) != fmt.Sprint(want) {
		t.Errorf("private keys at %v, want %v", starts, want)
	}
}
