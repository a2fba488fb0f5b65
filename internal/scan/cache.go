package scan

// The result cache's keys: what a file engine's findings in one file, and
// the Go analyzers' findings in the whole scan, depend on. A key that
// leaves an input out would serve stale findings, so each one holds more
// than strictly needed (the whole configuration, every Go file under
// the scanned directories): an extra input costs a miss, never a wrong
// report. See internal/resultcache.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/goscan"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/resultcache"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/model"
)

// CacheKeyer is implemented by a FileEngine whose results may be cached:
// CacheKey says everything the engine's output depends on besides the
// file and the scan's configuration (a rules file's bytes, say). An
// engine without it is never cached, nor the files it scans.
type CacheKeyer interface {
	CacheKey() string
}

// fileEntry is the cached outcome of every engine on one file.
type fileEntry struct {
	Findings    []*finding.Finding
	Problems    []report.Problem
	NotAnalysed []report.NotAnalysed
	// Dropped counts the secret candidates the engines' context layer
	// dropped in the file: replayed into the report on a hit.
	Dropped map[string]int
	// Reads are the other files the engines read to judge this one (a
	// config module a key is exported from): the entry holds only while
	// each is unchanged (readsUnchanged).
	Reads []report.Read
}

// readsUnchanged reports whether every file an entry's engines read
// still has the content they read.
func readsUnchanged(root string, reads []report.Read) bool {
	for _, r := range reads {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(r.Path)))
		if err != nil {
			return false
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != r.Sum {
			return false
		}
	}
	return true
}

// goEntry is the cached outcome of the Go analyzers: their result, and
// what goscope left out of it on the way, which the report counts.
type goEntry struct {
	Result           goscan.Result
	GeneratedLeftOut int
}

// modelsKey digests the user's library model files in use (--models,
// models: in the config), which the Go analyzers and the web engine read.
func modelsKey() string {
	var b strings.Builder
	for _, dir := range model.UserDirs() {
		abs, _ := filepath.Abs(dir)
		fmt.Fprintf(&b, "models\x00%s\x00%s\x00", abs, pathDigest(abs))
	}
	return b.String()
}

// fileKeyer returns the function giving a file's keys for these
// engines, or nil when one of them cannot be cached. A file has two: the
// shared key holds its path relative to the root but not the root, so
// that an unchanged file hits under another root too (a --staged scan
// exports the index to a new temporary directory each time); the rooted
// key holds the root and the file's absolute path, for an entry whose
// text names the root (see putFileEntry).
func fileKeyer(o Options, engines []FileEngine) func(f walk.File) (shared, rooted string) {
	parts := []string{"files", configJSON(o), modelsKey(), fmt.Sprint(o.Tests, o.MinConfidence, o.IndexSnapshot, o.MaxFileSize)}
	for _, e := range engines {
		k, ok := e.(CacheKeyer)
		if !ok {
			return nil
		}
		parts = append(parts, e.Name(), k.CacheKey())
	}
	base := resultcache.Key(parts...)
	return func(f walk.File) (string, string) {
		sum := sha256.Sum256(f.Content)
		shared := resultcache.Key(base, f.Rel, fmt.Sprint(f.Size, f.IsUTF8, f.NotMinified), hex.EncodeToString(sum[:]))
		return shared, resultcache.Key(shared, o.Root, f.Abs)
	}
}

// getFileEntry reads a file's entry under either key.
func getFileEntry(c *resultcache.Cache, shared, rooted string, e *fileEntry) bool {
	return c.Get(e, shared, rooted)
}

// putFileEntry stores e under the shared key unless its text names the
// scan's root, which another root must not be shown.
func putFileEntry(c *resultcache.Cache, root, shared, rooted string, e fileEntry) {
	data, err := resultcache.Encode(e)
	if err != nil {
		return
	}
	key := shared
	if bytes.Contains(data, []byte(root)) { // gob writes strings as they are
		key = rooted
	}
	c.PutEncoded(key, data)
}

// configJSON is the scan's configuration as text for a key.
func configJSON(o Options) string {
	b, err := json.Marshal(o.Config)
	if err != nil {
		return fmt.Sprintf("%#v", o.Config)
	}
	return string(b)
}

// goEnvVars are the variables of the go command's environment that
// change which files are loaded or how.
var goEnvVars = []string{"GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOWORK", "GO111MODULE",
	"GOTOOLCHAIN", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOPPC64", "GORISCV64", "GOPATH", "GOROOT", "GOVCS", "GOINSECURE",
	"GOMODCACHE", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOFIPS140", "GODEBUG"}

// goResultKey is the key of the Go analyzers' result, "" when the result
// must not be cached: the scan reads Go code it does not hash (a local
// replace or go.work use outside the scanned directories, GOPATH mode).
func goResultKey(o Options, opts goscan.Options) (string, string) {
	env := o.GoEnv
	if env == nil {
		env = os.Environ()
	}
	parts := []string{"go", o.Root, opts.WorkDir, strings.Join(opts.Dirs, "\x00"), strings.Join(opts.Patterns, "\x00"),
		fmt.Sprint(opts.Tests, o.IncludeGenerated, opts.BuildTags), configJSON(o), modelsKey()}
	for _, name := range goEnvVars {
		for _, kv := range env {
			if strings.HasPrefix(kv, name+"=") {
				parts = append(parts, kv)
			}
		}
		if name == "GO111MODULE" && slices.Contains(env, "GO111MODULE=off") {
			return "", "GOPATH mode"
		}
	}
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Dir, cmd.Env = o.Root, env
	out, err := cmd.Output()
	if err != nil {
		return "", "go env GOVERSION failed"
	}
	parts = append(parts, string(out))
	for _, a := range opts.Analyzers {
		parts = append(parts, analyzerKey(a))
	}
	roots := slices.Clone(opts.Dirs)
	if len(opts.Patterns) > 0 {
		roots = append(roots, opts.WorkDir)
	}
	h := sha256.New()
	for _, root := range roots {
		why := ""
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable: the loader reports it, a key need not
			}
			if d.IsDir() {
				if d.Name() == ".git" && path != root {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if !d.Type().IsRegular() {
				// Never opened: a FIFO would block the scan. The loader
				// refuses a link that leaves the tree, and one inside it
				// is hashed at its target.
				if d.Type()&fs.ModeSymlink != 0 {
					target, _ := os.Readlink(path)
					fmt.Fprintf(h, "link\x00%s\x00%s\x00", path, target)
				}
				return nil
			}
			if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" && name != "go.work" &&
				name != "go.work.sum" && name != "modules.txt" {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			if name == "go.mod" || name == "go.work" {
				if dir := localOutside(filepath.Dir(path), data, roots); dir != "" {
					why = fmt.Sprintf("%s points to %s, outside the scan", path, dir)
					return filepath.SkipAll
				}
			}
			sum := sha256.Sum256(data)
			fmt.Fprintf(h, "%s\x00%x\x00", path, sum)
			return nil
		})
		if why != "" {
			return "", why
		}
		if err != nil {
			return "", err.Error()
		}
	}
	parts = append(parts, hex.EncodeToString(h.Sum(nil)))
	return resultcache.Key(parts...), ""
}

// analyzerKey is an analyzer's name and flags, with the bytes of every
// file a flag names (a models directory, a rules file).
func analyzerKey(a *analysis.Analyzer) string {
	var b strings.Builder
	b.WriteString(a.Name)
	a.Flags.VisitAll(func(f *flag.Flag) {
		v := f.Value.String()
		fmt.Fprintf(&b, "\x00%s=%s", f.Name, v)
		if v != "" && !strings.ContainsAny(v, "\n") {
			b.WriteString(pathDigest(v))
		}
	})
	for _, r := range a.Requires {
		b.WriteString("\x00" + analyzerKey(r))
	}
	return b.String()
}

// maxFlagFiles bounds what pathDigest reads.
const maxFlagFiles = 1000

// pathDigest hashes the file or directory tree at path, "" when there is
// none.
func pathDigest(path string) string {
	h := sha256.New()
	found := 0
	_ = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if found++; found > maxFlagFiles {
			return filepath.SkipAll
		}
		if data, err := os.ReadFile(p); err == nil {
			fmt.Fprintf(h, "%s\x00%x\x00", p, sha256.Sum256(data))
		}
		return nil
	})
	if found == 0 {
		return ""
	}
	if found > maxFlagFiles {
		// A flag's value that happens to name a large tree: not hashed,
		// and a key no later scan shares, so nothing stale is read.
		return fmt.Sprintf("unhashed %d", time.Now().UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// localOutside returns the first local directory a go.mod's replace
// directives or a go.work's use directives name outside roots, or "".
func localOutside(dir string, data []byte, roots []string) string {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		var target string
		if i := strings.Index(line, "=>"); i >= 0 {
			target = strings.Fields(line[i+2:] + " ")[0]
		} else if f := strings.Fields(strings.TrimPrefix(line, "use")); strings.HasPrefix(line, "use") && len(f) > 0 {
			target = strings.Trim(f[0], "()")
		} else if f := strings.Fields(line); len(f) == 1 && strings.HasPrefix(f[0], ".") {
			target = f[0] // inside a use ( … ) block
		}
		if target == "" || !(strings.HasPrefix(target, ".") || filepath.IsAbs(target)) {
			continue
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, target)
		}
		inside := false
		for _, r := range roots {
			if within(r, target) {
				inside = true
			}
		}
		if !inside {
			return target
		}
	}
	return ""
}
