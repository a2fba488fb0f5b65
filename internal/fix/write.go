package fix

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tokenvet/tokenvet/internal/pathguard"
)

// ErrChanged is the error of a file whose content on disk is no longer
// what the scan read: the edits were computed against the old content,
// and applying them to the new one would put them in the wrong place.
var ErrChanged = errors.New("changed on disk since it was scanned; scan again")

// Result is what Write did with one file of the plan.
type Result struct {
	File *File
	// Err says why the file was left as it was; nil when it was written.
	Err error
}

// Write puts each file of p under root in its new content, and returns
// one result per file, in the plan's order. A file is written whole or
// not at all: the new content goes to a temporary file in the same
// directory, which is then renamed over it, keeping its permission bits
// (a hard link to the old file keeps the old content, as with any
// editor that saves by renaming). A file is left untouched, with an
// error in its result, when
//
//   - its path is outside root, lexically or once symbolic links are
//     resolved: the scanned repository must not choose what is written;
//   - it is a symbolic link, a FIFO or anything but a regular file:
//     renaming would replace the link, and writing through it would
//     write where the link points;
//   - its content is no longer f.Old (ErrChanged): someone edited it
//     since the scan.
func (p *Plan) Write(root string) []Result {
	out := make([]Result, len(p.Files))
	guard, err := pathguard.NewRoot(root)
	for i, f := range p.Files {
		out[i].File = f
		if err != nil {
			out[i].Err = err
			continue
		}
		out[i].Err = write(guard, f)
	}
	return out
}

func write(root pathguard.Root, f *File) error {
	if !Local(f.Path) {
		return errors.New("outside the scan root")
	}
	abs := filepath.Join(root.Dir, filepath.FromSlash(f.Path))
	if !root.Contains(abs) {
		return errors.New("outside the scan root (through a symbolic link)")
	}
	switch v := root.Check(abs); {
	case !v.OK():
		return fmt.Errorf("not a regular file (%s)", v.Kind)
	case v.Target != "":
		return fmt.Errorf("a symbolic link (%s); not written through", v.Detail)
	}
	before, err := os.Lstat(abs)
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(abs)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, f.Old) {
		return ErrChanged
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tokenvet-fix-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(f.New); err != nil {
		return err
	}
	if err := tmp.Chmod(before.Mode().Perm()); err != nil {
		return err
	}
	// Synced before the rename: after a crash the name holds the old
	// content or the new, never a truncated file.
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// The file may have been edited while the new content was written;
	// a change after this check and before the rename is lost, as with
	// any editor, but the window is as small as it can be made.
	if now, err := os.Lstat(abs); err != nil || !os.SameFile(before, now) || now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime()) {
		return ErrChanged
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return err
	}
	done = true
	return nil
}
