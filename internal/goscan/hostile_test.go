package goscan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/analyzers"
)

// pat is a random token in GitHub's format, not a real one.
const pat = "ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw"

const goMod = "module example.com/r\n\ngo 1.22\n"

// run runs goscan with every analyzer on dir, bounded so that a hang
// fails the test instead of the test binary.
func run(t *testing.T, opts Options) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	if opts.Analyzers == nil {
		opts.Analyzers = analyzers.All()
	}
	if opts.Env == nil {
		opts.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	}
	res, err := Run(ctx, opts)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatal("goscan.Run did not return: something blocked it")
	}
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// findings lists "file:line rule" for each diagnostic, file relative to dir.
func findings(dir string, res *Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		rel, _ := filepath.Rel(dir, d.Start.Filename)
		out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), d.Start.Line, d.Category))
	}
	return out
}

func problemsOf(res *Result, kind string) []Problem {
	var out []Problem
	for _, p := range res.Problems {
		if kind == "" || p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

func secretFile(pkg string) string {
	return "package " + pkg + "\n\nconst T = \"" + pat + "\"\n"
}

// TestSymlinkOutsideRootNotRead is issue 10 #4: a .go symlink to a file
// outside the scan root used to be read by go list, analysed and
// reported as if it were in the repository.
func TestSymlinkOutsideRootNotRead(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	dir := filepath.Join(base, "repo")
	mkfiles(t, outside, map[string]string{
		"secret.go": secretFile("r"),
		"passwd":    "root:x:0:0:found root:/root:/bin/bash\n",
	})
	mkfiles(t, dir, map[string]string{
		"go.mod":       goMod,
		"a.go":         "package r\n\nfunc A() {}\n",
		"inside/in.go": secretFile("inside"),
	})
	for target, link := range map[string]string{
		filepath.Join(outside, "secret.go"): "leak.go",
		filepath.Join(outside, "passwd"):    "passwd.go",
		"inside/in.go":                      "same.go", // inside the root: read
		filepath.Join(outside, "nothing"):   "dangling.go",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, Options{Dirs: []string{dir}})
	got := findings(dir, res)
	if want := []string{"inside/in.go:3 hardcoded-token", "same.go:3 hardcoded-token"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v (nothing from the files outside)", got, want)
	}
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "found root") || strings.Contains(p.Message, "passwd") {
			t.Errorf("a problem quotes the file outside the root: %+v", p)
		}
	}
	var skipped []string
	for _, s := range res.Skipped {
		skipped = append(skipped, filepath.Base(s.File)+" "+s.Reason)
	}
	if want := []string{"dangling.go unreadable", "leak.go symlink-outside-root", "passwd.go symlink-outside-root"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %v, want %v", skipped, want)
	}
	for _, u := range res.Unanalysed {
		if b := filepath.Base(u.File); b == "leak.go" || b == "passwd.go" {
			t.Errorf("%s must never be read, not even as text: %+v", b, u)
		}
	}
}

// TestNonRegularFilesNeverBlock is issue 10 #7: a FIFO named *.go made go
// list block in open for ever. FIFOs in the package, in vendor/, and
// named as a C header are all kept from the go command.
func TestNonRegularFilesNeverBlock(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod":                  goMod,
		"a.go":                    secretFile("r"),
		"vendor/modules.txt":      "",
		"vendor/example.com/v/.k": "",
		"sub/s.go":                "package sub\n",
	})
	for _, fifo := range []string{"p.go", "vendor/example.com/v/v.go", "sub/x.h", "sub/y.s"} {
		if err := syscall.Mkfifo(filepath.Join(dir, fifo), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, Options{Dirs: []string{dir}})
	if got, want := findings(dir, res), []string{"a.go:3 hardcoded-token"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	var skipped []string
	for _, s := range res.Skipped {
		rel, _ := filepath.Rel(dir, s.File)
		skipped = append(skipped, filepath.ToSlash(rel)+" "+s.Reason)
	}
	want := []string{"p.go not-regular", "sub/x.h not-regular", "sub/y.s not-regular", "vendor/example.com/v/v.go not-regular"}
	if !slices.Equal(skipped, want) {
		t.Errorf("skipped %v, want %v", skipped, want)
	}
	if ps := problemsOf(res, ""); len(ps) != 0 {
		t.Errorf("problems %+v, want none: the FIFOs are skipped, not errors", ps)
	}
}

// TestModuleFilesNotRegular: a go.sum the go command would block on, or a
// go.mod leading outside the root, keeps the go command out of the
// module; its files are still analysed without it.
func TestModuleFilesNotRegular(t *testing.T) {
	base := t.TempDir()
	fifoSum := filepath.Join(base, "fifosum")
	linkMod := filepath.Join(base, "linkmod")
	mkfiles(t, fifoSum, map[string]string{"go.mod": goMod, "a.go": secretFile("r")})
	mkfiles(t, linkMod, map[string]string{"a.go": secretFile("r")})
	mkfiles(t, base, map[string]string{"elsewhere/go.mod": "module evil\n\ngo 1.22\nfound root\n"})
	if err := syscall.Mkfifo(filepath.Join(fifoSum, "go.sum"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, "elsewhere", "go.mod"), filepath.Join(linkMod, "go.mod")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{fifoSum, linkMod} {
		res := run(t, Options{Dirs: []string{dir}})
		if got, want := findings(dir, res), []string{"a.go:3 hardcoded-token"}; !slices.Equal(got, want) {
			t.Errorf("%s: findings %v, want %v", filepath.Base(dir), got, want)
		}
		ps := problemsOf(res, KindLoad)
		if len(ps) != 1 || !strings.Contains(ps[0].Message, "the go command was not run on this module") {
			t.Errorf("%s: problems %+v, want one saying the go command was not run", filepath.Base(dir), res.Problems)
		}
		for _, p := range res.Problems {
			if strings.Contains(p.Message, "found root") {
				t.Errorf("%s: a problem quotes the go.mod outside the root: %+v", filepath.Base(dir), p)
			}
		}
	}
}

// TestBuildConstrainedFilesAnalysed is issue 10 #5: files excluded by
// build constraints were never analysed, and nothing said so.
func TestBuildConstrainedFilesAnalysed(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod":              goMod,
		"a.go":                "package r\n\nfunc A() {}\n",
		"a_windows.go":        secretFile("r"),
		"b.go":                "//go:build enterprise\n\npackage r\n\nconst U = \"" + pat + "\"\n",
		"seed.go":             "//go:build e2etest\n\npackage r\n\nconst S = \"" + pat + "\"\n",
		"gen.go":              "//go:build ignore\n\npackage main\n\nconst V = \"" + pat + "\"\n",
		"only/o_plan9_arm.go": secretFile("only"),
	})
	res := run(t, Options{Dirs: []string{dir}, Env: append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "GOPROXY=off")})
	want := []string{"a_windows.go:3 hardcoded-token", "b.go:5 hardcoded-token", "gen.go:5 hardcoded-token", "only/o_plan9_arm.go:3 hardcoded-token"}
	if got := findings(dir, res); !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for _, d := range res.Diagnostics {
		if !d.Partial {
			t.Errorf("%s: excluded files are analysed without type information, so Partial", d.Start)
		}
	}
	reasons := map[string]string{}
	for _, p := range problemsOf(res, KindExcluded) {
		reasons[filepath.Base(p.File)] = p.Message
	}
	for file, want := range map[string]string{
		"a_windows.go":   "analysed without type information: excluded by build constraints: its name (_windows) is for another platform than GOOS=linux GOARCH=amd64",
		"b.go":           "//go:build enterprise is not satisfied (GOOS=linux GOARCH=amd64, build tags: none; --build-tags enterprise type-checks it)",
		"gen.go":         "//go:build ignore is not satisfied",
		"o_plan9_arm.go": "its name (_plan9_arm) is for another platform",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: problem %q, want it to contain %q", file, reasons[file], want)
		}
	}
	if len(reasons) != 4 || len(res.Problems) != 4 {
		t.Errorf("problems %+v, want one per excluded file and nothing else (no \"no go.mod covers\")", res.Problems)
	}

	// seed.go is built only for a test suite (e2etest): test code, left
	// out without --tests, as _test.go files are, and not read as text;
	// with --tests it is analysed like the others.
	res = run(t, Options{Dirs: []string{dir}, Tests: true, Env: append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "GOPROXY=off")})
	if got := findings(dir, res); !slices.Contains(got, "seed.go:5 hardcoded-token") {
		t.Errorf("with --tests: findings %v, want seed.go's", got)
	}

	// --build-tags enterprise: b.go is type-checked with a.go.
	res = run(t, Options{Dirs: []string{dir}, BuildTags: []string{"enterprise"}, Env: append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "GOPROXY=off")})
	for _, d := range res.Diagnostics {
		if filepath.Base(d.Start.Filename) == "b.go" && d.Partial {
			t.Error("b.go with --build-tags enterprise must be type-checked")
		}
	}
	for _, p := range res.Problems {
		if filepath.Base(p.File) == "b.go" {
			t.Errorf("b.go is no longer excluded: %+v", p)
		}
	}
}

// TestBadEncoding is issue 10 #6: a Latin-1 byte in the package comment
// left the whole file unanalysed with only "illegal UTF-8 encoding".
func TestBadEncoding(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod": goMod,
		"a.go":   "package r\n\nfunc A() {}\n",
		"r.go":   "// Package r: caf\xe9\npackage r\n\nconst T = \"" + pat + "\"\n",
		"nul.go": strings.Repeat("\x00", 64),
		"u.go":   "\xff\xfe" + utf16le(secretFile("r")),
	})
	res := run(t, Options{Dirs: []string{dir}})
	if got, want := findings(dir, res), []string{"r.go:4 hardcoded-token"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v: the Latin-1 file is analysed with its bad byte read as a space", got, want)
	}
	msgs := map[string]string{}
	for _, p := range res.Problems {
		if p.Kind != KindEncoding {
			t.Errorf("problem %+v: the encoding problem alone must describe each file", p)
		}
		msgs[filepath.Base(p.File)] = fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Message)
	}
	for file, want := range map[string]string{
		"r.go":   "1:18 not valid UTF-8 (byte 0xE9",
		"nul.go": "1:1 binary content (NUL bytes)",
		"u.go":   "1:1 UTF-16 text (byte-order mark)",
	} {
		if !strings.HasPrefix(msgs[file], want) {
			t.Errorf("%s: problem %q, want it to start with %q", file, msgs[file], want)
		}
	}
	if !strings.Contains(msgs["r.go"], "iconv") || !strings.Contains(msgs["u.go"], "iconv") {
		t.Errorf("the messages must say how to fix the file: %v", msgs)
	}
	var unanalysed []string
	for _, u := range res.Unanalysed {
		unanalysed = append(unanalysed, filepath.Base(u.File))
	}
	if want := []string{"nul.go", "r.go", "u.go"}; !slices.Equal(unanalysed, want) {
		t.Errorf("unanalysed %v, want %v (a.go was analysed whole)", unanalysed, want)
	}
}

func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s { // ASCII only
		b.WriteByte(byte(r))
		b.WriteByte(0)
	}
	return b.String()
}

// TestSyntaxErrorUnanalysed: a file that does not parse is listed for
// the secret rules; a clean one is not.
func TestSyntaxErrorUnanalysed(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod":     goMod,
		"good.go":    secretFile("r"),
		"bad.go":     "package r\n\nvar x = \"a\" \"" + pat + "\"\n",
		"loose/l.go": "package loose\n\nfunc (\n",
	})
	res := run(t, Options{Dirs: []string{dir}})
	var got []string
	for _, u := range res.Unanalysed {
		rel, _ := filepath.Rel(dir, u.File)
		got = append(got, filepath.ToSlash(rel)+": "+u.Reason)
	}
	if want := []string{"bad.go: syntax error", "loose/l.go: syntax error"}; !slices.Equal(got, want) {
		t.Errorf("unanalysed %v, want %v", got, want)
	}
}

// TestToolchainPinned is issue 10 #10: the scanned go.mod must never make
// the go command download and run another toolchain, even with
// GOTOOLCHAIN=auto in tokenvet's environment; a module that needs a newer
// Go is analysed without type information and says so.
func TestToolchainPinned(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod": "module example.com/r\n\ngo 1.99.0\n",
		"a.go":   secretFile("r"),
	})
	res := run(t, Options{Dirs: []string{dir}, Env: append(os.Environ(), "GOTOOLCHAIN=auto", "GOPROXY=off")})
	if got, want := findings(dir, res), []string{"a.go:3 hardcoded-token"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	ps := problemsOf(res, "")
	if len(ps) != 1 || !strings.HasPrefix(ps[0].Message, "go.mod requires go1.99.0; this Go is go1.") ||
		!strings.Contains(ps[0].Message, "; analysed without type information") || filepath.Base(ps[0].File) != "go.mod" {
		t.Errorf("problems %+v, want one saying go.mod requires go1.99.0 (a download attempt would say something else)", ps)
	}
	if len(res.Partial) != 1 || !strings.Contains(res.Partial[0].Reason, "requires go1.99.0") {
		t.Errorf("partial %+v, want the reason to be the Go version", res.Partial)
	}
}

func TestPinnedToolchain(t *testing.T) {
	for user, want := range map[string]string{
		"": "local", "auto": "local", "path": "local", "local": "local", "go1.26.1": "go1.26.1",
		"go1.26.1+auto": "local", "local+path": "local", "go1.25 ": "go1.25", "bogus": "local",
	} {
		if got := pinnedToolchain(user); got != want {
			t.Errorf("pinnedToolchain(%q) = %q, want %q", user, got, want)
		}
	}
	env := goEnv([]string{"GOTOOLCHAIN=auto", "CGO_ENABLED=1", "HOME=/h"})
	if lookupEnv(env, "GOTOOLCHAIN") != "local" || lookupEnv(env, "CGO_ENABLED") != "0" || lookupEnv(env, "HOME") != "/h" {
		t.Errorf("goEnv = %v", env)
	}
}

// TestCgoNotCompiled is issue 10 #11: go list -compiled ran the C
// compiler on the repository's C code (which read an #include of
// /etc/passwd), and findings in cgo files were reported at a build-cache
// path. A CC that records being run proves no C compiler starts, even
// with CGO_ENABLED=1 in the environment; assembly is not assembled
// either.
func TestCgoNotCompiled(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(t.TempDir(), "cc-ran")
	cc := filepath.Join(t.TempDir(), "cc")
	if err := os.WriteFile(cc, []byte("#!/bin/sh\ntouch "+marker+"\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	mkfiles(t, dir, map[string]string{
		"go.mod":      goMod,
		"c.go":        "package r\n\n// #include \"/etc/passwd\"\n// static int f(void) { return 1; }\nimport \"C\"\n\nconst T = \"" + pat + "\"\n\nfunc F() int { return int(C.f()) }\n",
		"b.go":        "package r\n\nfunc B() {}\n",
		"s/s.go":      "package s\n\nfunc F()\n",
		"s/s_amd64.s": "#include \"/etc/passwd\"\n",
	})
	res := run(t, Options{Dirs: []string{dir}, Env: append(os.Environ(), "CGO_ENABLED=1", "CC="+cc, "GOPROXY=off", "GOARCH=amd64")})
	if got, want := findings(dir, res), []string{"c.go:7 hardcoded-token"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v: at the cgo file's real path", got, want)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the C compiler ran")
	}
	ps := problemsOf(res, "")
	if len(ps) != 1 || ps[0].Kind != KindExcluded || !strings.Contains(ps[0].Message, `it uses cgo (import "C")`) {
		t.Errorf("problems %+v, want only c.go's: analysed without type information because of cgo", ps)
	}
}

func TestGoCommandProblems(t *testing.T) {
	for _, tc := range []struct {
		stderr string
		want   []string
	}{
		{"err: exit status 1: stderr: go: errors parsing go.work:\n/m/go.work:5: unknown directive: foo\n",
			[]string{"/m/go.work:5 errors parsing go.work: unknown directive: foo"}},
		{"err: exit status 1: stderr: go: errors parsing go.mod:\ngo.mod:4: unknown directive: foo\ngo.mod:5: unknown directive: bar\n",
			[]string{"/m/go.mod:4 errors parsing go.mod: unknown directive: foo", "/m/go.mod:5 errors parsing go.mod: unknown directive: bar"}},
		{"err: exit status 1: stderr: go: go.mod requires go >= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)\n",
			[]string{"/m/go.mod:0 go.mod requires go1.99.0; this Go is go1.26.8; analysed without type information (tokenvet never lets a go.mod choose the toolchain: install a newer Go, or set GOTOOLCHAIN=go1.99.0 yourself)"}},
		{"err: exit status 1: stderr: go: cannot load module missing listed in go.work file: open missing/go.mod: no such file or directory\n",
			[]string{"/m/go.mod:0 cannot load module missing listed in go.work file: open missing/go.mod: no such file or directory"}},
		{"err: exit status 1: stderr: go: something failed:\n", []string{"/m/go.mod:0 something failed"}},
	} {
		var got []string
		for _, p := range goCommandProblems("/m", errors.New(tc.stderr)) {
			if p.Kind != KindLoad || strings.Contains(p.Message, "\n") {
				t.Errorf("problem %+v: want one line of kind load", p)
			}
			got = append(got, fmt.Sprintf("%s:%d %s", p.File, p.Line, p.Message))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("goCommandProblems(%q) =\n%q\nwant\n%q", tc.stderr, got, tc.want)
		}
	}
}

func TestCheckEncoding(t *testing.T) {
	for src, want := range map[string]string{
		"package p\n":                      "",
		"\xef\xbb\xbfpackage p\n":          "", // a UTF-8 byte-order mark is fine
		"package p // caf\xe9\n":           "not valid UTF-8 (byte 0xE9",
		"\xff\xfep\x00":                    "UTF-16 text",
		"package p\n\x00":                  "binary content",
		strings.Repeat("/", 9000) + "\x00": "not valid UTF-8 (a NUL byte",
	} {
		got := checkEncoding([]byte(src)).problem
		if (want == "") != (got == "") || !strings.HasPrefix(got, want) {
			t.Errorf("checkEncoding(%.20q) = %q, want %q", src, got, want)
		}
	}
	if got := string(sanitize([]byte("a\xe9b\x00c☕"))); got != "a b c☕" {
		t.Errorf("sanitize = %q", got)
	}
}

// slowCompiler writes a -toolexec script that runs the go command's
// tools as they are, except that the first real compile records its pid
// in pidFile and sleeps for ever in its place: the go command is then
// sure to be running, with a child, when the test interrupts it.
func slowCompiler(t *testing.T) (script, pidFile string) {
	t.Helper()
	d := t.TempDir()
	script, pidFile = filepath.Join(d, "slow.sh"), filepath.Join(d, "pid")
	body := "#!/bin/sh\ncase \"$*\" in *-V=full*) exec \"$@\";; esac\necho $$ > " + pidFile + ".tmp\nmv " + pidFile + ".tmp " + pidFile + "\nexec sleep 1000\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, pidFile
}

// waitFor polls cond until it holds; ctx bounds the wait and its end
// fails the test.
func waitFor(ctx context.Context, t *testing.T, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// gone reports whether process pid has ended (a zombie has).
func gone(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// pid (comm) state …: comm may hold spaces, the state follows the last ')'.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] == 'Z' || s[i+2] == 'X'
}

func readPid(t *testing.T, pidFile string) int {
	t.Helper()
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	if _, err := fmt.Sscanf(string(b), "%d", &pid); err != nil {
		t.Fatal(err)
	}
	return pid
}

// TestInterruptEndsGoCommand is the Go part of issue 10 #14: when the
// scan is cancelled, Run returns, and by then the go command and the
// compiler it started are gone and its work directory removed.
func TestInterruptEndsGoCommand(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{"go.mod": goMod, "a.go": "package r\n\nfunc A() {}\n"})
	script, pidFile := slowCompiler(t)
	gotmp := t.TempDir()
	env := append(os.Environ(), "GOFLAGS=-toolexec="+script, "GOCACHE="+t.TempDir(), "GOTMPDIR="+gotmp, "GOPROXY=off")

	bound, cancelBound := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancelBound()
	ctx, cancel := context.WithCancel(bound)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		// exportData: only that path runs the compiler.
		_, err := Run(ctx, Options{Dirs: []string{dir}, Analyzers: analyzers.All(), Env: env, exportData: true})
		done <- err
	}()
	waitFor(bound, t, "the compiler to start", func() bool { _, err := os.Stat(pidFile); return err == nil })
	pid := readPid(t, pidFile)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-bound.Done():
		t.Fatal("Run did not return after the cancellation")
	}
	waitFor(bound, t, fmt.Sprintf("the compiler (pid %d) to end", pid), func() bool { return gone(pid) })
	if left, _ := os.ReadDir(gotmp); len(left) != 0 {
		t.Errorf("left behind in GOTMPDIR: %v", left)
	}
}

// TestToolOutputOneLinePerProblem: go list reports a failed compile or
// assembly as one error holding the tool's output; each of its lines
// becomes one problem with its position.
func TestToolOutputOneLinePerProblem(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"go.mod": goMod,
		"s/s.go": "package s\n\nfunc F()\n\nfunc G()\n", // no assembly: the compiler wants bodies
	})
	res := run(t, Options{Dirs: []string{dir}})
	ps := problemsOf(res, "")
	if len(ps) != 1 {
		t.Fatalf("problems %+v, want one for the package", ps)
	}
	p := ps[0]
	if strings.Contains(p.Message, "\n") || p.File != filepath.Join(dir, "s", "s.go") || p.Line != 3 ||
		p.Message != "missing function body (and 1 more)" {
		t.Errorf("problem %+v, want s/s.go:3 \"missing function body (and 1 more)\" on one line", p)
	}
}
