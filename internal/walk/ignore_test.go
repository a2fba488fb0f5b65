package walk

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

type matchCase struct {
	path  string
	isDir bool
	want  bool
}

// patternCases are single-ignore-file semantics. Every case is also
// checked against git itself by TestPatternsAgainstGit when git is
// installed.
var patternCases = []struct {
	name     string
	patterns []string
	checks   []matchCase
}{
	{
		name:     "bare name matches at any depth",
		patterns: []string{"foo"},
		checks: []matchCase{
			{"foo", false, true}, {"a/foo", false, true}, {"a/b/foo", true, true},
			{"foo/x", false, true}, // parent directory is ignored
			{"foobar", false, false}, {"a/xfoo", false, false},
		},
	},
	{
		name:     "star does not cross slashes",
		patterns: []string{"*.log"},
		checks: []matchCase{
			{"x.log", false, true}, {"a/b/x.log", false, true}, {".log", false, true},
			{"x.log.txt", false, false}, {"x.lo", false, false},
		},
	},
	{
		name:     "trailing slash matches directories only",
		patterns: []string{"build/"},
		checks: []matchCase{
			{"build", true, true}, {"a/build", true, true}, {"build/x.go", false, true},
			{"build", false, false}, {"a/build", false, false},
		},
	},
	{
		name:     "leading slash anchors",
		patterns: []string{"/foo"},
		checks: []matchCase{
			{"foo", false, true}, {"foo", true, true}, {"foo/bar", false, true},
			{"a/foo", false, false},
		},
	},
	{
		name:     "middle slash anchors",
		patterns: []string{"a/b"},
		checks: []matchCase{
			{"a/b", false, true}, {"a/b/c", false, true},
			{"x/a/b", false, false}, {"a/x/b", false, false},
		},
	},
	{
		name:     "anchored glob stays in one directory",
		patterns: []string{"doc/*.txt"},
		checks: []matchCase{
			{"doc/x.txt", false, true},
			{"doc/sub/x.txt", false, false}, {"y/doc/x.txt", false, false},
		},
	},
	{
		name:     "question mark is one non-slash character",
		patterns: []string{"a?c", "/d?/e"},
		checks: []matchCase{
			{"abc", false, true}, {"x/a.c", false, true}, {"dx/e", false, true},
			{"ac", false, false}, {"abbc", false, false}, {"d/e", false, false},
		},
	},
	{
		name:     "bracket classes",
		patterns: []string{"[a-c].txt", "[!a-m]x", "[[:digit:]]y", "[]]z", `[\]]w`},
		checks: []matchCase{
			{"a.txt", false, true}, {"c.txt", false, true}, {"nx", false, true},
			{"5y", false, true}, {"]z", false, true}, {"]w", false, true},
			{"d.txt", false, false}, {"bx", false, false}, {"ay", false, false},
			{"A.txt", false, false},
		},
	},
	{
		name:     "caret negates a class too",
		patterns: []string{"[^a]q"},
		checks: []matchCase{
			{"bq", false, true}, {"aq", false, false},
		},
	},
	{
		name:     "leading globstar",
		patterns: []string{"**/foo/bar"},
		checks: []matchCase{
			{"foo/bar", false, true}, {"x/foo/bar", false, true}, {"x/y/foo/bar", true, true},
			{"x/foo/z/bar", false, false}, {"foo/barx", false, false},
		},
	},
	{
		name:     "trailing globstar matches contents only",
		patterns: []string{"abc/**"},
		checks: []matchCase{
			{"abc/x", false, true}, {"abc/x/y", false, true},
			{"abc", true, false}, {"abc", false, false}, {"x/abc/y", false, false},
		},
	},
	{
		name:     "middle globstar matches zero or more directories",
		patterns: []string{"a/**/b"},
		checks: []matchCase{
			{"a/b", false, true}, {"a/x/b", false, true}, {"a/x/y/b", false, true},
			{"a/x/c", false, false}, {"x/a/b", false, false},
		},
	},
	{
		name:     "other double stars are plain stars",
		patterns: []string{"foo**bar"},
		checks: []matchCase{
			{"fooxbar", false, true}, {"foobar", false, true}, {"d/fooxxbar", false, true},
			{"foo/bar", false, false},
		},
	},
	{
		name:     "comments and escaped hash",
		patterns: []string{"#comment", `\#lit`, "", "   "},
		checks: []matchCase{
			{"#lit", false, true},
			{"#comment", false, false}, {"comment", false, false}, {"lit", false, false},
		},
	},
	{
		name:     "escaped bang is literal",
		patterns: []string{`\!important`},
		checks: []matchCase{
			{"!important", false, true}, {"important", false, false},
		},
	},
	{
		name:     "trailing spaces trimmed unless escaped",
		patterns: []string{"foo   ", `bar\ `, `baz\  `},
		checks: []matchCase{
			{"foo", false, true}, {"bar ", false, true}, {"baz ", false, true},
			{"foo ", false, false}, {"bar", false, false}, {"baz", false, false},
			{"baz  ", false, false},
		},
	},
	{
		name:     "escaped wildcard is literal",
		patterns: []string{`a\*b`, `q\?`},
		checks: []matchCase{
			{"a*b", false, true}, {"q?", false, true},
			{"axb", false, false}, {"qx", false, false},
		},
	},
	{
		name:     "negation re-includes",
		patterns: []string{"*.log", "!keep.log"},
		checks: []matchCase{
			{"x.log", false, true}, {"keep.log", false, false}, {"d/keep.log", false, false},
		},
	},
	{
		name:     "later patterns override earlier",
		patterns: []string{"!a.txt", "*.txt"},
		checks: []matchCase{
			{"a.txt", false, true}, {"b.txt", false, true},
		},
	},
	{
		name:     "no re-include below an excluded directory",
		patterns: []string{"logs/", "!logs/keep.log", "!keep2.log"},
		checks: []matchCase{
			{"logs/keep.log", false, true}, {"logs/keep2.log", false, true},
			{"logs", true, true},
		},
	},
	{
		name:     "re-include works when only the contents are excluded",
		patterns: []string{"logs/*", "!logs/keep.log"},
		checks: []matchCase{
			{"logs/keep.log", false, false}, {"logs/other.log", false, true},
			{"logs", true, false},
		},
	},
	{
		name:     "negated directory pattern re-includes a directory",
		patterns: []string{"/*", "!/src/", "!README"},
		checks: []matchCase{
			{"src/main.js", false, false}, {"README", false, false},
			{"lib/x.js", false, true}, {"src", false, true}, {"other", false, true},
		},
	},
	{
		name:     "malformed class never matches",
		patterns: []string{"[abc", "ok"},
		checks: []matchCase{
			{"[abc", false, false}, {"a", false, false}, {"ok", false, true},
		},
	},
	{
		name:     "lone slash and lone bang match nothing",
		patterns: []string{"/", "!"},
		checks: []matchCase{
			{"a", false, false}, {"a", true, false},
		},
	},
}

func TestPatterns(t *testing.T) {
	for _, tc := range patternCases {
		t.Run(tc.name, func(t *testing.T) {
			p := CompilePatterns(tc.patterns)
			for _, c := range tc.checks {
				if got := p.Match(c.path, c.isDir); got != c.want {
					t.Errorf("patterns %q: Match(%q, dir=%v) = %v, want %v", tc.patterns, c.path, c.isDir, got, c.want)
				}
			}
		})
	}
}

func TestPatternsCRLFAndBOM(t *testing.T) {
	var l patternList
	l.addFile([]byte("\xef\xbb\xbffoo\r\n*.tmp\r\n\r\n"), false)
	if len(l.pats) != 2 {
		t.Fatalf("got %d patterns, want 2", len(l.pats))
	}
	for _, path := range []string{"foo", "a.tmp"} {
		if ign, _ := l.decide(strings.Split(path, "/"), false); !ign {
			t.Errorf("%q not ignored", path)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"*", "", true},
		{"*", "abc", true},
		{"a*", "a", true},
		{"*a", "ba", true},
		{"*a", "bab", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"*.*.js", "a.min.js", true},
		{"???", "ab", false},
		{"[a-]", "-", true},
		{"[!]]", "x", true},
		{"[!]]", "]", false},
		{"[[:upper:][:digit:]]", "Q", true},
		{"[[:upper:][:digit:]]", "q", false},
		{"[[:nope:]]", "n", false},
		{`\`, `\`, false},
	}
	for _, tc := range tests {
		if got := matchGlob(tc.pat, tc.s); got != tc.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tc.pat, tc.s, got, tc.want)
		}
	}
}

// TestPatternsAgainstGit checks the expectations of patternCases against
// git check-ignore, so the table cannot drift from git's behaviour. The
// table itself is checked by TestPatterns whether or not git exists.
func TestPatternsAgainstGit(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed; TestPatterns still checks the table")
	}
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("short mode or windows (file names with '*' and '?')")
	}
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, "none"))
	for _, tc := range patternCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range tc.checks {
				// One repository per check: the same name may be a
				// file in one check and a directory in another, and
				// git decides dir-ness from the disk.
				dir := t.TempDir()
				run := func(stdin string, args ...string) (string, error) {
					cmd := exec.Command(gitBin, args...)
					cmd.Dir = dir
					cmd.Env = env
					cmd.Stdin = strings.NewReader(stdin)
					out, err := cmd.Output()
					return string(out), err
				}
				if _, err := run("", "init", "-q"); err != nil {
					t.Fatalf("git init: %v", err)
				}
				writeFile(t, filepath.Join(dir, ".gitignore"), strings.Join(tc.patterns, "\n")+"\n")
				p := filepath.Join(dir, filepath.FromSlash(c.path))
				if c.isDir {
					mkdir(t, p)
				} else {
					mkdir(t, filepath.Dir(p))
					writeFile(t, p, "x")
				}
				// check-ignore matches a path against the patterns
				// but does not apply the parent-directory rule, so
				// every ancestor is asked about too.
				parts := strings.Split(c.path, "/")
				var q []string
				for i := 1; i <= len(parts); i++ {
					q = append(q, strings.Join(parts[:i], "/"))
				}
				out, err := run(strings.Join(q, "\n")+"\n", "check-ignore", "--no-index", "-v", "-n", "--stdin")
				if err != nil && out == "" {
					t.Fatalf("git check-ignore: %v", err)
				}
				got := false
				for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
					// source:line:pattern<TAB>path, or "::<TAB>path" when unmatched
					src, _, _ := strings.Cut(line, "\t")
					fields := strings.SplitN(src, ":", 3)
					if len(fields) == 3 && fields[0] != "" && !strings.HasPrefix(fields[2], "!") {
						got = true
					}
				}
				if got != c.want {
					t.Errorf("git disagrees with table: patterns %q, path %q dir=%v: git says ignored=%v, table says %v\n%s",
						tc.patterns, c.path, c.isDir, got, c.want, out)
				}
			}
		})
	}
}

func TestTrimTrailingSpaces(t *testing.T) {
	tests := map[string]string{
		"a  ":     "a",
		`a\ `:     `a\ `,
		`a\  `:    `a\ `,
		`a \ b  `: `a \ b`,
		`a\`:      `a\`,
		"":        "",
	}
	for in, want := range tests {
		if got := trimTrailingSpaces(in); got != want {
			t.Errorf("trimTrailingSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}
