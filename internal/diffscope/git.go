package diffscope

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs git in dir and returns its standard output. Errors carry
// git's own message, which says what was wrong (not a repository,
// unknown revision).
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "core.quotePath=true"}, args...)...)
	cmd.Dir = dir
	// A user's diff configuration (external tools, colour, renames off)
	// must not change what counts as changed.
	cmd.Env = append(os.Environ(), "GIT_EXTERNAL_DIFF=", "GIT_PAGER=cat", "LC_ALL=C")
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

// TopLevel returns the root of the git work tree containing dir, or an
// error saying dir is not in one.
func TopLevel(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("%s is not inside a git work tree (%v)", dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// FromRev returns the lines changed in dir since the merge base of rev
// and HEAD: committed changes on this branch, uncommitted changes, and
// untracked files (every line of them), as a pull request would show
// them once committed. Paths are relative to dir, which is the scan root.
func FromRev(ctx context.Context, dir, rev string) (*Scope, error) {
	if _, err := TopLevel(ctx, dir); err != nil {
		return nil, err
	}
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q: a revision cannot start with '-'", rev)
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("unknown revision %q: not a commit in this repository (in a shallow CI checkout, fetch it first: actions/checkout with fetch-depth: 0)", rev)
	}
	base, err := git(ctx, dir, "merge-base", "--end-of-options", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("no merge base between %q and HEAD (%v); fetch more history (fetch-depth: 0)", rev, err)
	}
	// --relative limits the diff to dir and makes paths relative to it;
	// -U0 keeps only changed lines; renames keep a moved file's
	// unchanged lines out of scope.
	patch, err := git(ctx, dir, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", "-M", "--relative",
		strings.TrimSpace(string(base)), "--")
	if err != nil {
		return nil, err
	}
	s, err := ParsePatch(bytes.NewReader(patch))
	if err != nil {
		return nil, err
	}
	untracked, err := git(ctx, dir, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
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
	out, err := git(ctx, top, "diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR")
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

// ExportIndex writes the staged content of every file in the index of
// the repository at top into dst, so a scan sees exactly what the next
// commit will hold and not the work tree's unstaged edits.
func ExportIndex(ctx context.Context, top, dst string) error {
	prefix := filepath.Clean(dst) + string(filepath.Separator)
	_, err := git(ctx, top, "checkout-index", "--all", "--force", "--prefix="+prefix)
	return err
}
