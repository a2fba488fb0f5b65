package goscan

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// goEnv is the environment tokenvet runs the go command with: the
// caller's (or the process's), with the settings that keep the scanned
// repository from choosing what runs.
//
//   - GOTOOLCHAIN=local: a go.mod's go or toolchain line must never make
//     the go command download and run another toolchain. A GOTOOLCHAIN
//     that names one toolchain (local, go1.26.1) without letting go.mod
//     pick (no auto, path or +suffix) is the user's own choice and kept.
//   - CGO_ENABLED=0: cgo would run the C compiler on the repository's C
//     code (which can #include any file on the machine) and hand the
//     analyzers generated files in the build cache. Files that import "C"
//     are then excluded by the go command and analysed syntactically at
//     their real paths.
func goEnv(env []string) []string {
	base := env
	if base == nil {
		base = os.Environ()
	}
	out := append([]string(nil), base...)
	return append(out, "GOTOOLCHAIN="+pinnedToolchain(lookupEnv(base, "GOTOOLCHAIN")), "CGO_ENABLED=0")
}

// pinnedToolchain returns the GOTOOLCHAIN to use given the user's value.
func pinnedToolchain(user string) string {
	v := strings.TrimSpace(user)
	if v == "local" || (strings.HasPrefix(v, "go1") && !strings.ContainsAny(v, "+ ")) {
		return v
	}
	return "local"
}

// lookupEnv returns the last value of key in env, as exec does.
func lookupEnv(env []string, key string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == key {
			v = val
		}
	}
	return v
}

// envWith returns env with key=value added last (which wins).
func envWith(env []string, key, value string) []string {
	return append(append([]string(nil), env...), key+"="+value)
}

var (
	// go: go.mod requires go >= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)
	needsGoRe = regexp.MustCompile(`^(\S+) requires go >= (\S+) \(running go ([^;)]+)`)
	// /abs/go.mod:4: unknown directive: foo
	posRe = regexp.MustCompile(`^(\S+?):(\d+)(?::(\d+))?: (.+)$`)
)

// goCommandProblems turns a failed go command's error (go/packages wraps
// its stderr as "err: exit status 1: stderr: go: …", often over several
// lines) into one clean problem per line: a header such as "errors
// parsing go.work:" is joined to each line it introduces, positions
// become the problem's file and line, and a go.mod or go.work that needs
// a newer Go says so plainly. dir is the module the command ran in.
func goCommandProblems(dir string, err error) []Problem {
	text := err.Error()
	if _, after, ok := strings.Cut(text, "stderr: "); ok {
		text = after
	}
	var out []Problem
	header := ""
	headerUsed := false
	flush := func() {
		if header != "" && !headerUsed {
			out = append(out, Problem{Kind: KindLoad, File: filepath.Join(dir, "go.mod"), Message: strings.TrimSuffix(header, ":")})
		}
		header, headerUsed = "", false
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "go: "))
		if line == "" {
			continue
		}
		if m := posRe.FindStringSubmatch(line); m != nil && looksLikeFile(m[1]) {
			p := Problem{Kind: KindLoad, File: m[1], Message: m[4]}
			if !filepath.IsAbs(p.File) {
				p.File = filepath.Join(dir, p.File)
			}
			p.Line, _ = strconv.Atoi(m[2])
			p.Col, _ = strconv.Atoi(m[3])
			if header != "" {
				p.Message = strings.TrimSuffix(header, ":") + ": " + p.Message
				headerUsed = true
			}
			out = append(out, p)
			continue
		}
		flush()
		if strings.HasSuffix(line, ":") {
			header = line
			continue
		}
		p := Problem{Kind: KindLoad, File: filepath.Join(dir, "go.mod"), Message: line}
		if m := needsGoRe.FindStringSubmatch(line); m != nil {
			if m[1] == "go.work" {
				p.File = ""
			}
			p.Message = m[1] + " requires go" + m[2] + "; this Go is go" + strings.TrimSpace(m[3]) + "; analysed without type information" +
				" (tokenvet never lets a go.mod choose the toolchain: install a newer Go, or set GOTOOLCHAIN=go" + m[2] + " yourself)"
		}
		out = append(out, p)
	}
	flush()
	if len(out) == 0 {
		out = append(out, Problem{Kind: KindLoad, File: filepath.Join(dir, "go.mod"), Message: strings.TrimSpace(text)})
	}
	return out
}

// looksLikeFile tells a position ("go.mod:4", "/a/b.go:3:1") from a
// message that merely contains colons.
func looksLikeFile(s string) bool {
	base := filepath.Base(s)
	return strings.HasSuffix(base, ".go") || base == "go.mod" || base == "go.work" || base == "go.sum" || base == "modules.txt"
}
