package diffscope

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
	"strings"

	"github.com/tokenvet/tokenvet/internal/gitcmd"
)

// repo runs git in one directory, always through gitcmd.Command.
type repo struct{ dir string }

// run runs git with stdin (may be nil) and returns its standard output.
// Errors carry git's own message, which says what was wrong (not a
// repository, unknown revision).
func (r *repo) run(ctx context.Context, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := gitcmd.Command(ctx, r.dir, args...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(errb.String())
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i]
			}
			return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		return nil, fmt.Errorf("running git: %w", err)
	}
	return out.Bytes(), nil
}

// stream runs git with stdin and hands its standard output to read as
// it comes; git's error, if any, wins over read's.
func (r *repo) stream(ctx context.Context, stdin io.Reader, read func(io.Reader) error, args ...string) error {
	cmd := gitcmd.Command(ctx, r.dir, args...)
	cmd.Stdin = stdin
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("running git: %w", err)
	}
	rerr := read(out)
	io.Copy(io.Discard, out) // let git finish writing before Wait closes the pipe
	if err := cmd.Wait(); err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(errb.String()), "\n")
		return fmt.Errorf("git %s: %v %s", strings.Join(args, " "), err, msg)
	}
	return rerr
}

// TopLevel returns the root of the git work tree containing dir, or an
// error saying dir is not in one.
func TopLevel(ctx context.Context, dir string) (string, error) {
	r := &repo{dir: dir}
	return r.topLevel(ctx)
}

func (r *repo) topLevel(ctx context.Context) (string, error) {
	out, err := r.run(ctx, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("%s is not inside a git work tree (%v)", r.dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// FromRev returns the lines changed in dir since the merge base of rev
// and HEAD: committed changes on this branch, uncommitted changes, and
// untracked files (every line of them), as a pull request would show
// them once committed. Paths are relative to dir, which is the scan root.
func FromRev(ctx context.Context, dir, rev string) (*Scope, error) {
	r := &repo{dir: dir}
	if _, err := r.topLevel(ctx); err != nil {
		return nil, err
	}
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q: a revision cannot start with '-'", rev)
	}
	if _, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("unknown revision %q: not a commit in this repository (in a shallow CI checkout, fetch it first: actions/checkout with fetch-depth: 0)", rev)
	}
	base, err := r.run(ctx, nil, "merge-base", "--end-of-options", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("no merge base between %q and HEAD (%v); fetch more history (fetch-depth: 0)", rev, err)
	}
	// --relative limits the diff to dir and makes paths relative to it;
	// -U0 keeps only changed lines; renames keep a moved file's
	// unchanged lines out of scope.
	args := append([]string{"diff"}, gitcmd.DiffFlags...)
	args = append(args, "-U0", "-M", "--relative", strings.TrimSpace(string(base)), "--")
	patch, err := r.run(ctx, nil, args...)
	if err != nil {
		return nil, err
	}
	s, err := ParsePatch(bytes.NewReader(patch))
	if err != nil {
		return nil, err
	}
	untracked, err := r.run(ctx, nil, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(string(untracked), "\x00") {
		if f != "" {
			if s.whole == nil {
				s.whole = map[string]bool{}
			}
			s.whole[filepath.ToSlash(f)] = true
		}
	}
	return s, nil
}

// StagedFiles lists the files added, copied, modified or renamed in the
// index of the repository at top, relative to top.
func StagedFiles(ctx context.Context, top string) ([]string, error) {
	r := &repo{dir: top}
	args := append([]string{"diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR"}, gitcmd.DiffFlags...)
	out, err := r.run(ctx, nil, args...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range strings.Split(string(out), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// ExportIndex writes the staged content of every regular file in the
// index of the repository at top into dst, which must be an empty
// directory, so a scan sees exactly what the next commit will hold and
// not the work tree's unstaged edits.
//
// The blobs are read as they are stored (git cat-file, no filters): what
// the commit holds, and no smudge filter or line-ending conversion runs.
// Symbolic links and submodules are not written: a link's target is not
// the commit's content, and creating no links means no file written
// later can land outside dst. Unmerged entries are left out, as git
// checkout-index --all leaves them.
func ExportIndex(ctx context.Context, top, dst string) error {
	r := &repo{dir: top}
	list, err := r.run(ctx, nil, "ls-files", "--stage", "-z")
	if err != nil {
		return err
	}
	type entry struct{ mode, path string }
	var entries []entry
	var ids bytes.Buffer
	for _, rec := range strings.Split(string(list), "\x00") {
		// "<mode> <object> <stage>\t<path>"
		meta, path, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 || f[2] != "0" || (f[0] != "100644" && f[0] != "100755") {
			continue
		}
		if !localPath(path) {
			return fmt.Errorf("git index entry %q: not a path inside the repository", path)
		}
		entries = append(entries, entry{f[0], path})
		ids.WriteString(f[1] + "\n")
	}
	if len(entries) == 0 {
		return nil
	}
	// Streamed: the index can hold the whole repository.
	return r.stream(ctx, &ids, func(out io.Reader) error {
		br := bufio.NewReader(out)
		for _, e := range entries {
			header, err := br.ReadString('\n')
			if err != nil {
				return fmt.Errorf("git cat-file: %v", err)
			}
			// "<object> blob <size>"
			var id, kind string
			var size int64
			if _, err := fmt.Sscanf(header, "%s %s %d", &id, &kind, &size); err != nil || kind != "blob" {
				return fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), e.path)
			}
			mode := os.FileMode(0o644)
			if e.mode == "100755" {
				mode = 0o755
			}
			if err := writeNew(filepath.Join(dst, filepath.FromSlash(e.path)), io.LimitReader(br, size), mode); err != nil {
				return err
			}
			if _, err := br.Discard(1); err != nil { // the newline after the content
				return fmt.Errorf("git cat-file: %v", err)
			}
		}
		return nil
	}, "cat-file", "--batch")
}

// localPath reports whether p, a slash-separated index path, names a
// file below the repository root.
func localPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return filepath.IsLocal(filepath.FromSlash(p))
}

// writeNew creates path, which must not exist, with the content of r.
func writeNew(path string, r io.Reader, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = io.Copy(fh, r)
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	return err
}
