package cli

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/tokenvet/tokenvet/internal/diffscope"
)

// staged is the snapshot a --staged scan reads: the index of the
// repository, exported to a temporary directory, so that unstaged edits
// in the work tree neither hide nor add findings.
type staged struct {
	top   string   // the repository's work tree
	dir   string   // the exported index
	files []string // the files counted, repository-relative
	dirs  []string // their directories, as scan arguments
}

// stagedTree exports the index of the repository containing wd. Every
// engine and the Go analyzers then run on the counted files' directories
// (so a staged Go file is analysed with its package) and the scope
// counts findings in those files only: the staged files, or the files
// named (relative to wd), which pre-commit passes: the staged files on
// a commit, every file with `pre-commit run --all-files`.
func stagedTree(ctx context.Context, wd string, named []string) (*staged, error) {
	top, err := diffscope.TopLevel(ctx, wd)
	if err != nil {
		return nil, err
	}
	var files []string
	if len(named) == 0 {
		if files, err = diffscope.StagedFiles(ctx, top); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, n := range named {
		f, err := repoRelative(top, wd, n)
		if err != nil {
			return nil, err
		}
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	s := &staged{top: top, files: files}
	if len(files) == 0 {
		return s, nil
	}
	if s.dir, err = os.MkdirTemp("", "tokenvet-staged-"); err != nil {
		return nil, err
	}
	if err := diffscope.ExportIndex(ctx, top, s.dir); err != nil {
		s.cleanup()
		return nil, err
	}
	// A named file the index lacks would otherwise pass unscanned, a
	// typo looking like a clean file. (A staged link or submodule is not
	// exported and has nothing to scan.)
	for _, f := range files {
		if len(named) == 0 {
			break
		}
		if st, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(f))); err != nil || !st.Mode().IsRegular() {
			s.cleanup()
			return nil, fmt.Errorf("--staged: %s is not a regular file in the index, so the next commit does not hold it; git add it or leave it out", f)
		}
	}
	// pre-commit run --all-files names every file: keep this linear.
	dirs := map[string]bool{}
	for _, f := range files {
		d := "./" + path.Dir(f)
		if !dirs[d] {
			dirs[d] = true
			s.dirs = append(s.dirs, d)
		}
	}
	return s, nil
}

func (s *staged) cleanup() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// repoRelative turns a path named relative to wd into a slash-separated
// path relative to the work tree top.
func repoRelative(top, wd, name string) (string, error) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(wd, p)
	}
	// top comes from git, which resolves symbolic links in the path.
	if resolved, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(resolved, filepath.Base(p))
	}
	rel, err := filepath.Rel(top, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("--staged: %s is outside the repository at %s", name, top)
	}
	return filepath.ToSlash(rel), nil
}
