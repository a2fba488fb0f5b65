// Package corpus writes the deterministic synthetic tree the secrets
// benchmarks scan: Go, JavaScript, YAML and JSON with planted secrets.
package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Planted is one secret the generator wrote, and where.
type Planted struct {
	File string // slash-separated, relative to the corpus root
	Line int
	Kind string
}

// Write writes a deterministic synthetic tree of about size bytes: Go,
// JavaScript, YAML and JSON files of realistic filler (code, log
// messages, URLs, checksums, base64 blobs) with secrets planted at known
// lines. Secrets are random at generation time and never committed.
func Write(dir string, size int, seed uint64) ([]Planted, error) {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x70ce7e7)), dir: dir}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/corpus\n\ngo 1.22\n"), 0o644); err != nil {
		return nil, err
	}
	written := 0
	for i := 0; written < size; i++ {
		var rel, text string
		switch i % 10 {
		case 0, 1, 2, 3:
			rel, text = g.goFile(i)
		case 4, 5, 6:
			rel, text = g.jsFile(i)
		case 7, 8:
			rel, text = g.yamlFile(i)
		default:
			rel, text = g.jsonFile(i)
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return nil, err
		}
		written += len(text)
	}
	return g.planted, nil
}

type gen struct {
	r       *rand.Rand
	dir     string
	planted []Planted
	lines   []string
	rel     string
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (g *gen) rnd(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

// words is filler vocabulary. A few words hold secret-rule keywords
// (key, token, monkey) at about the rate they appear in prose and code.
var words = strings.Fields(`user account request response handler service client server config value
item order payment invoice customer session cache queue worker job retry timeout limit page cursor
index record field schema table column query result error status message event stream buffer file
path name list map count total size offset length start end begin finish update create delete
read write open close send receive parse format encode decode check verify load store fetch build
run stop wait lock unlock merge split join sort filter reduce apply batch chunk block frame packet
header body trailer route match rule policy role group member owner admin guest visitor tenant
region zone node cluster pod container image volume mount network port address host domain
key token monkey`)

func (g *gen) word() string { return words[g.r.IntN(len(words))] }

func (g *gen) ident() string {
	w := g.word()
	return g.word() + strings.ToUpper(w[:1]) + w[1:]
}

func (g *gen) sentence() string {
	n := 4 + g.r.IntN(8)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	return strings.Join(ws, " ")
}

func (g *gen) add(format string, args ...any) {
	g.lines = append(g.lines, fmt.Sprintf(format, args...))
}

// plant adds a line holding a secret of the given kind.
func (g *gen) plant(kind, format string, args ...any) {
	g.add(format, args...)
	g.planted = append(g.planted, Planted{File: g.rel, Line: len(g.lines), Kind: kind})
}

func (g *gen) jwt() string {
	enc := base64.RawURLEncoding.EncodeToString
	hdr := enc([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body := enc(fmt.Appendf(nil, `{"sub":"%s","name":"%s","iat":%d}`, g.rnd(12, alnum), g.word(), 1700000000+g.r.IntN(1e7)))
	return hdr + "." + body + "." + enc([]byte(g.rnd(32, alnum)))
}

func (g *gen) start(rel string) { g.rel, g.lines = rel, g.lines[:0] }

func (g *gen) done() (string, string) { return g.rel, strings.Join(g.lines, "\n") + "\n" }

// target is the size of one file.
func (g *gen) target() int { return 20000 + g.r.IntN(40000) }

func (g *gen) size() int {
	n := 0
	for _, l := range g.lines {
		n += len(l) + 1
	}
	return n
}

func (g *gen) goFile(i int) (string, string) {
	g.start(fmt.Sprintf("svc/pkg%03d/file%05d.go", i/40, i))
	g.add("package pkg%03d", i/40)
	g.add("")
	g.add(`import (`)
	g.add(`	"fmt"`)
	g.add(`	"net/http"`)
	g.add(`	"os"`)
	g.add(`)`)
	limit := g.target()
	for f := 0; g.size() < limit; f++ {
		name := fmt.Sprintf("%s%d_%d", g.ident(), i, f)
		g.add("")
		g.add("// %s %s.", name, g.sentence())
		g.add("func %s(w http.ResponseWriter, r *http.Request) {", name)
		g.add(`	%s := r.URL.Query().Get(%q)`, g.word()+"Value", g.word())
		g.add(`	if %s == "" {`, g.word()+"Value")
		g.add(`		http.Error(w, %q, http.StatusBadRequest)`, g.sentence())
		g.add(`		return`)
		g.add(`	}`)
		g.add(`	checksum := %q`, g.rnd(64, "0123456789abcdef"))
		g.add(`	fmt.Fprintf(w, "%s: %%s %%s\n", checksum, os.Getenv(%q))`, g.sentence(), strings.ToUpper(g.word())+"_"+strings.ToUpper(g.word()))
		g.add(`	var %sKey = os.Getenv("API_KEY")`, g.word())
		g.add(`	_ = %sKey`, g.word())
		switch g.r.IntN(120) {
		case 0:
			g.plant("go-bearer-header", `	r.Header.Set("Authorization", "Bearer %s")`, g.rnd(40, alnum))
		case 1:
			g.plant("go-api-key-var", `	apiKey := %q`, g.rnd(32, alnum))
			g.add(`	_ = apiKey`)
		case 2:
			g.plant("go-jwt", `	const testToken = %q`, g.jwt())
			g.add(`	_ = testToken`)
		}
		g.add("}")
	}
	return g.done()
}

func (g *gen) jsFile(i int) (string, string) {
	g.start(fmt.Sprintf("web/src/mod%03d/file%05d.js", i/40, i))
	g.add("import { api } from '../api.js';")
	limit := g.target()
	for f := 0; g.size() < limit; f++ {
		g.add("")
		g.add("/** %s */", g.sentence())
		g.add("export async function %s%d(%s) {", g.ident(), f, g.word())
		g.add("  const url = `https://%s.example.com/v1/%s/${%s}`;", g.word(), g.word(), g.word())
		g.add("  const res = await fetch(url, { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${getToken()}` } });")
		g.add("  if (!res.ok) throw new Error('%s');", g.sentence())
		g.add("  const integrity = 'sha384-%s';", base64.StdEncoding.EncodeToString([]byte(g.rnd(48, alnum))))
		switch g.r.IntN(100) {
		case 0:
			g.plant("js-fetch-bearer", "  await fetch(url, { headers: { Authorization: 'Bearer %s' } });", g.rnd(36, alnum))
		case 1:
			g.plant("js-secret-const", "  const clientSecret = '%s';", g.rnd(40, alnum))
		}
		g.add("  return res.json();")
		g.add("}")
	}
	return g.done()
}

func (g *gen) yamlFile(i int) (string, string) {
	g.start(fmt.Sprintf("deploy/env%03d/values%05d.yaml", i/40, i))
	limit := g.target()
	for f := 0; g.size() < limit; f++ {
		g.add("%s%d:", g.word(), f)
		g.add("  image: registry.example.com/%s/%s:%s", g.word(), g.word(), g.rnd(12, "0123456789abcdef"))
		g.add("  digest: sha256:%s", g.rnd(64, "0123456789abcdef"))
		g.add("  description: %s", g.sentence())
		g.add("  env:")
		g.add("    - name: %s_TOKEN", strings.ToUpper(g.word()))
		g.add("      valueFrom: {secretKeyRef: {name: %s, key: token}}", g.word())
		switch g.r.IntN(80) {
		case 0:
			g.plant("yaml-client-secret", "  clientSecret: %s", g.rnd(32, alnum))
		case 1:
			g.plant("yaml-refresh-token", "  refresh_token: \"%s\"", g.rnd(48, alnum))
		}
	}
	return g.done()
}

func (g *gen) jsonFile(i int) (string, string) {
	g.start(fmt.Sprintf("fixtures/set%03d/data%05d.json", i/40, i))
	g.add("[")
	limit := g.target()
	for f := 0; g.size() < limit; f++ {
		g.add(`  {"id": "%s", "name": "%s", "note": "%s", "etag": "%s",`, g.rnd(24, "0123456789abcdef"), g.word(), g.sentence(), g.rnd(32, alnum))
		switch g.r.IntN(100) {
		case 0:
			g.plant("json-jwt", `   "session": "%s",`, g.jwt())
		case 1:
			g.plant("json-access-token", `   "access_token": "%s",`, g.rnd(40, alnum))
		}
		g.add(`   "active": true},`)
	}
	g.add(`  {"id": "end"}`)
	g.add("]")
	return g.done()
}
