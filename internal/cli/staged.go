package cli

import (
	"context"
	"os"
	"path"
	"slices"

	"github.com/tokenvet/tokenvet/internal/diffscope"
)

// staged is the snapshot a --staged scan reads: the index of the
// repository, exported to a temporary directory, so that unstaged edits
// in the work tree neither hide nor add findings.
type staged struct {
	top   string   // the repository's work tree
	dir   string   // the exported index
	files []string // staged files, repository-relative
	dirs  []string // their directories, as scan arguments
}

// stagedTree exports the index of the repository containing wd. Every
// engine and the Go analyzers then run on the staged files' directories
// (so a staged Go file is analysed with its package) and the scope
// counts findings in the staged files only.
func stagedTree(ctx context.Context, wd string) (*staged, error) {
	top, err := diffscope.TopLevel(ctx, wd)
	if err != nil {
		return nil, err
	}
	files, err := diffscope.StagedFiles(ctx, top)
	if err != nil {
		return nil, err
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
	for _, f := range files {
		d := "./" + path.Dir(f)
		if !slices.Contains(s.dirs, d) {
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
