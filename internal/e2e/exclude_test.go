package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExcludeFlag: --exclude PATTERN leaves out matching paths for every
// engine, Go findings included, adds to the config's exclude: rather
// than replacing it, and leaves the rest of the tree alone.
func TestExcludeFlag(t *testing.T) {
	dir := t.TempDir()
	const pat = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw" // random, GitHub's format
	for name, body := range map[string]string{
		"go.mod":          "module example.com/r\n\ngo 1.22\n",
		"gen/a.pb.go":     "package gen\n\nconst T = \"" + pat + "\"\n",
		"gen/c.yaml":      "token: " + pat + "\n",
		"keep/c.yaml":     "token: " + pat + "\n",
		"keep/k.go":       "package keep\n\nconst T = \"" + pat + "\"\n",
		"vendored/x.yaml": "token: " + pat + "\n",
		".tokenvet.yml":   "exclude:\n  - vendored/\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := func(args ...string) []string {
		t.Helper()
		rep, r := scanJSON(t, dir, append(args, ".")...)
		if r.code != 1 {
			t.Fatalf("exit %d, want 1 (findings)\n%s", r.code, r.stderr)
		}
		var out []string
		for _, f := range rep.Findings {
			out = append(out, f.File)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"gen/a.pb.go", "gen/c.yaml", "keep/c.yaml", "keep/k.go"}},
		{[]string{"--exclude", "gen/"}, []string{"keep/c.yaml", "keep/k.go"}},
		{[]string{"--exclude", "*.pb.go"}, []string{"gen/c.yaml", "keep/c.yaml", "keep/k.go"}},
		{[]string{"--exclude", "*.pb.go", "--exclude", "*.yaml"}, []string{"keep/k.go"}},
	} {
		if got := files(c.args...); !slices.Equal(got, c.want) {
			t.Errorf("scan %v: findings in %v, want %v", c.args, got, c.want)
		}
	}
}
