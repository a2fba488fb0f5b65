package e2e

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
)

// jwtModule is a module whose JWT library is not downloaded: the
// findings below come through the syntactic fallback, as for a user who
// scans before `go mod download`.
const jwtModule = `package svc

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var publicKeyPEM []byte

func Claims() map[string]any {
	return map[string]any{"exp": time.Now().Add(2 * time.Hour).Unix()}
}

func Parse(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(*jwt.Token) (any, error) { return publicKeyPEM, nil })
}

func Parse2(s string, key any) (*jwt.Token, error) {
	return jwt.Parse(s, func(*jwt.Token) (any, error) { return key, nil })
}

func Subject(s string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

func Mint(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "svc"}).SignedString(key)
}
`

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
}

func jwtScan(t *testing.T, dir string, args ...string) []jsonFinding {
	t.Helper()
	r := run(t, dir, tokenvet, append([]string{"scan", "-q", "--format", "json"}, args...)...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("tokenvet exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	return doc.Findings
}

func countRule(fs []jsonFinding, rule, severity string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == rule && (severity == "" || f.Severity == severity) {
			n++
		}
	}
	return n
}

// TestJWTConfigAndSeverities: the jwt: config section reaches the
// analyzers, the command line wins over it, and variant severities reach
// the report.
func TestJWTConfigAndSeverities(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/svc\n\ngo 1.24\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.1\n")
	writeFile(t, filepath.Join(dir, "svc.go"), jwtModule)

	fs := jwtScan(t, dir, "./...")
	// The module is not downloaded: these come from the syntactic fallback.
	r := run(t, dir, tokenvet, "scan", "-q", "--format", "json", "./...")
	var doc struct {
		Partial []json.RawMessage `json:"partialPackages"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Partial) == 0 {
		t.Fatalf("the package should be reported as partly analysed (err %v):\n%s", err, r.stdout)
	}
	for _, rule := range []string{"jwt-unverified-parse", "jwt-missing-exp"} {
		if countRule(fs, rule, "") != 1 {
			t.Errorf("want one %s finding from the fallback: %+v", rule, fs)
		}
	}
	if n := countRule(fs, "jwt-long-lifetime", ""); n != 0 {
		t.Errorf("2h lifetime reported under the 24h default: %+v", fs)
	}
	if countRule(fs, "jwt-alg-not-pinned", "error") != 1 || countRule(fs, "jwt-alg-not-pinned", "warning") != 1 {
		t.Errorf("want one error (public-key bytes) and one warning of jwt-alg-not-pinned: %+v", fs)
	}

	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "jwt:\n  max-lifetime: 1h\n")
	if n := countRule(jwtScan(t, dir, "./..."), "jwt-long-lifetime", "warning"); n != 1 {
		t.Errorf("jwt.max-lifetime: 1h gave %d jwt-long-lifetime findings, want 1", n)
	}
	if n := countRule(jwtScan(t, dir, "--jwtlonglifetime.max-lifetime=3h", "./..."), "jwt-long-lifetime", ""); n != 0 {
		t.Errorf("the command-line flag did not override the config: %d findings", n)
	}

	writeFile(t, filepath.Join(dir, ".tokenvet.yml"), "jwt:\n  max-lifetime: soon\n")
	if r := run(t, dir, tokenvet, "scan", "-q", "./..."); r.code != 2 {
		t.Errorf("a bad duration: exit %d, want 2\n%s", r.code, r.stderr)
	}
}

// TestJSLifetimeLimits: JS lifetimes are judged by the limits the Go rule
// has, from the command line and from the configuration; a cached result
// of one limit is not replayed for another.
func TestJSLifetimeLimits(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "auth.js"), `const jwt = require('jsonwebtoken');
exports.week = (u) => jwt.sign({ sub: u }, process.env.K, { expiresIn: '7d' });
exports.month = (u) => jwt.sign({ sub: u }, process.env.K, { expiresIn: 30 * 24 * 3600 });
exports.hours = (u) => jwt.sign({ sub: u }, process.env.K, { expiresIn: '2h' });
`)
	lines := func(args ...string) []int {
		rep, _ := scanJSON(t, dir, append(args, "./...")...)
		var got []int
		for _, f := range rep.Findings {
			if f.Rule == "jwt-long-lifetime" {
				got = append(got, f.Line)
			}
		}
		slices.Sort(got)
		return got
	}
	for _, tc := range []struct {
		args   []string
		config string
		want   []int
	}{
		{nil, "", []int{2, 3}},
		{[]string{"--jwtlonglifetime.max-lifetime", "200h"}, "", []int{3}},
		{nil, "jwt:\n  max-lifetime: 1h\n", []int{2, 3, 4}},
	} {
		writeFile(t, filepath.Join(dir, ".tokenvet.yml"), tc.config)
		if got := lines(tc.args...); !slices.Equal(got, tc.want) {
			t.Errorf("scan %v (config %q): jwt-long-lifetime on lines %v, want %v", tc.args, tc.config, got, tc.want)
		}
	}
}
