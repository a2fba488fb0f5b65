package walk

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/tokenvet/tokenvet/internal/gitcmd"
)

// In a git work tree the walk reads what the repository holds: the files
// git tracks, whatever .gitignore says about them (a force-added
// .env.example is read), and the untracked files .gitignore does not
// exclude. git itself decides, so its own rules (core.excludesFile,
// .git/info/exclude, negations, case folding) apply exactly; one
// `git ls-files` per repository lists them, never one call per file.

// gitArgs runs ls-files with the settings every git command tokenvet
// runs gets (internal/gitcmd: core.fsmonitor off, no pager,
// safe.bareRepository=explicit, …), which no configuration of the
// scanned repository can override. ls-files reads no file contents, so
// no filter driver runs.
var gitArgs = append(gitcmd.Args(), "--no-optional-locks", "ls-files", "-z", "--cached", "--others", "--exclude-standard")

// gitScope is the listing of one repository, or of the part of it below
// the walk's root.
type gitScope struct {
	prefix string   // Rel of the listed directory with a trailing slash; "" for the root
	paths  []string // sorted, relative to the listed directory, slash-separated
}

// rel returns the path of a walk Rel inside the scope.
func (s *gitScope) rel(rel string) string { return strings.TrimPrefix(rel, s.prefix) }

// has reports whether git lists the file rel, or the directory rel as a
// submodule or nested repository.
func (s *gitScope) has(rel string) bool {
	r := s.rel(rel)
	i := sort.SearchStrings(s.paths, r)
	return i < len(s.paths) && s.paths[i] == r
}

// hasUnder reports whether git lists anything below the directory rel.
func (s *gitScope) hasUnder(rel string) bool {
	dir := s.rel(rel) + "/"
	i := sort.SearchStrings(s.paths, dir)
	return i < len(s.paths) && strings.HasPrefix(s.paths[i], dir)
}

// errNotRepo says a directory is in no git work tree.
var errNotRepo = errors.New("not in a git work tree")

// gitEnv is the environment git runs with: the scan's, less every GIT_
// variable, which could point git at another repository, index or work
// tree than the directory walked (a hook's GIT_DIR, say) or add config
// (GIT_CONFIG_*), and in the C locale so that its messages can be read.
func gitEnv() []string {
	env := make([]string, 0, len(os.Environ())+3)
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "LC_ALL=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
}

// listGit lists the files of the git work tree around dir that lie below
// dir: tracked, and untracked but not ignored. It returns errNotRepo if
// dir is in no work tree, and another error if git failed otherwise.
// The output is streamed: a large repository costs memory for its paths
// only.
func listGit(ctx context.Context, git, dir string) ([]string, error) {
	cmd := exec.CommandContext(ctx, git, gitArgs...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{buf: &stderr, max: 4096}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var paths []string
	r := bufio.NewReaderSize(out, 64<<10)
	var readErr error
	for {
		b, err := r.ReadSlice(0)
		if errors.Is(err, bufio.ErrBufferFull) {
			// A path longer than the buffer: gather it whole.
			long := append([]byte(nil), b...)
			for errors.Is(err, bufio.ErrBufferFull) {
				b, err = r.ReadSlice(0)
				long = append(long, b...)
			}
			b = long
		}
		if len(b) > 0 && b[len(b)-1] == 0 {
			b = b[:len(b)-1]
		}
		if p, ok := cleanListed(b); ok {
			paths = append(paths, p)
		}
		if err != nil {
			if err != io.EOF {
				readErr = err
			}
			break
		}
	}
	waitErr := cmd.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if waitErr != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "not a git repository") {
			return nil, errNotRepo
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = waitErr.Error()
		}
		return nil, errors.New(msg)
	}
	if readErr != nil {
		return nil, readErr
	}
	slices.Sort(paths)
	// An unmerged file is listed once per stage.
	return slices.Compact(paths), nil
}

// cleanListed turns one path of ls-files' output into a scope path. An
// untracked nested repository is listed as "dir/"; the slash is dropped,
// as for a submodule. Paths that leave the directory (a repository whose
// core.worktree points elsewhere) are dropped: the walk only reads what
// lies below its root anyway.
func cleanListed(b []byte) (string, bool) {
	p := strings.TrimSuffix(string(b), "/")
	if p == "" || strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// limitedBuffer keeps the first max bytes written to it: git's error
// message, not an unbounded stream.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// gitScopeFor lists the repository at or around absDir (Rel relDir) for
// the walk. nil means the walk decides with .gitignore files there, as
// outside git; a note says why when git was expected but could not
// answer.
func (w *walker) gitScopeFor(absDir, relDir string) (*gitScope, error) {
	if w.opts.NoGitignore {
		return nil, nil
	}
	where := relDir
	if where == "" {
		where = "."
	}
	if w.gitPath == "" {
		path, err := exec.LookPath("git")
		if err != nil {
			w.gitPath = "-"
		} else {
			w.gitPath = path
		}
	}
	if w.gitPath == "-" {
		if relDir != "" || w.underGit(absDir) {
			w.noteOnce("git-missing", "git is not installed (not on PATH): .gitignore files decide which files are read, and files git tracks but ignores are skipped")
		}
		return nil, nil
	}
	paths, err := listGit(w.ctx, w.gitPath, absDir)
	switch {
	case err == nil:
	case errors.Is(err, errNotRepo):
		return nil, nil
	case w.ctx.Err() != nil:
		return nil, w.ctx.Err()
	default:
		w.note(fmt.Sprintf("%s: git ls-files failed (%v): .gitignore files decide which files are read", where, err))
		return nil, nil
	}
	if len(paths) == 0 {
		// A directory named for the scan that git ignores as a whole (a
		// build output, say): git lists nothing, but the user asked for it.
		if relDir == "" {
			w.note(fmt.Sprintf("%s: git lists no file here (ignored, or nothing tracked): .gitignore files decide which files are read", where))
			return nil, nil
		}
	}
	s := &gitScope{paths: paths}
	if relDir != "" {
		s.prefix = relDir + "/"
	}
	return s, nil
}

// underGit reports whether absDir or a parent holds a .git entry: a
// sign that git would have had something to say.
func (w *walker) underGit(absDir string) bool {
	for dir := absDir; ; {
		if _, err := w.fsys.Stat(filepath.Join(dir, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

func (w *walker) note(msg string) { w.stats.Notes = append(w.stats.Notes, msg) }

func (w *walker) noteOnce(key, msg string) {
	if w.noted == nil {
		w.noted = map[string]bool{}
	}
	if !w.noted[key] {
		w.noted[key] = true
		w.note(msg)
	}
}

// hasDotGit reports whether a directory's entries include .git (a
// directory, or the file a submodule or linked work tree has).
func hasDotGit(entries []os.DirEntry) bool {
	for _, d := range entries {
		if d.Name() == ".git" {
			return true
		}
	}
	return false
}
