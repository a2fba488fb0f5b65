package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// pat is a random token in GitHub's format, not a real one.
const pat = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw"

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scanTree runs the whole pipeline with the Go analyzers and the secrets
// engine, bounded so that a hang fails the test.
func scanTree(t *testing.T, root string, cfg *config.Config) *report.Report {
	t.Helper()
	sc, err := secrets.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	rep, err := Run(ctx, Options{Root: root, Analyzers: analyzers.All(), Engines: []FileEngine{secrets.NewEngine(sc)},
		Config: cfg, Jobs: 2, Redact: true, GoEnv: append(os.Environ(), "GOPROXY=off")})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// located lists "file:line rule engine", sorted.
func located(rep *report.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.File+":"+strconv.Itoa(f.StartLine)+" "+f.RuleID+" "+f.Engine)
	}
	sort.Strings(out)
	return out
}

// TestGoFilesNotAnalysedAreScannedAsText: the secret rules read the Go
// files the analyzers could not see whole (a syntax error, UTF-16), and a
// token the analyzer already reported is not reported again.
func TestGoFilesNotAnalysedAreScannedAsText(t *testing.T) {
	root := t.TempDir()
	utf16 := []byte{0xff, 0xfe}
	for _, c := range []byte("package r\n\nconst U = \"" + pat + "\"\n") {
		utf16 = append(utf16, c, 0)
	}
	writeTree(t, root, map[string]string{
		"go.mod":  "module example.com/r\n\ngo 1.22\n",
		"good.go": "package r\n\nconst T = \"" + pat + "\"\n",
		// The parser gives up at the package clause: the token on
		// line 5 is in no syntax tree.
		"bad.go": "packge r\n\nvar x = 1\n\nconst K = \"" + pat + "\"\n",
		"u.go":   string(utf16),
		// Both read these tokens: the analyzer (recovered parse, bad
		// byte read as a space) and the secret rules; reported once.
		"recovered.go": "package r\n\nvar y = \"a\" \"b\"\n\nconst R = \"" + pat + "\"\n",
		"latin1.go":    "// caf\xe9\npackage r\n\nconst L = \"" + pat + "\"\n",
	})
	rep := scanTree(t, root, nil)
	want := []string{
		"bad.go:5 hardcoded-token secrets",
		"good.go:3 hardcoded-token go-fallback", // its package has bad.go
		"latin1.go:4 hardcoded-token go-fallback",
		"recovered.go:5 hardcoded-token go-fallback",
		"u.go:3 hardcoded-token secrets",
	}
	if got := located(rep); !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

// TestGoFindingsFollowExclusion is issue 10 #18: `exclude:` in the
// config, .gitignore and .tokenvetignore applied to the file walk only,
// and Go findings in excluded directories were still reported.
func TestGoFindingsFollowExclusion(t *testing.T) {
	root := t.TempDir()
	secret := func(pkg string) string { return "package " + pkg + "\n\nconst T = \"" + pat + "\"\n" }
	writeTree(t, root, map[string]string{
		"go.mod":          "module example.com/r\n\ngo 1.22\n",
		".gitignore":      "gen/\n",
		".tokenvetignore": "fixtures/\n",
		"keep/k.go":       secret("keep"),
		"gen/g.go":        secret("gen"),
		"fixtures/f.go":   secret("fixtures"),
		"third/p.go":      secret("third"),
		"third/bad.go":    "package third\n\nfunc (\n",
		"one/skip.go":     secret("one"),
		"one/keep.go":     "package one\n\nconst U = \"" + pat + "\"\n",
	})
	rep := scanTree(t, root, &config.Config{Exclude: []string{"third/", "one/skip.go"}})
	if got, want := located(rep), []string{"keep/k.go:3 hardcoded-token go", "one/keep.go:3 hardcoded-token go"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for _, p := range rep.Problems {
		if p.File == "third/bad.go" {
			t.Errorf("problem in an excluded file reported: %+v", p)
		}
	}
}
