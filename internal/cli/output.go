package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeOutput puts data at path, the way -o, --also and --write-baseline
// promise: the file at path ends up holding the whole report, or, if
// anything fails, keeps what it held before.
//
//   - A regular file (or none) is replaced by renaming a temporary file
//     written next to it, so a full disk or a file-size limit leaves the
//     previous report intact instead of a truncated one. Its permission
//     bits are kept.
//   - A symbolic link is replaced by the report; the file it points to is
//     never opened. A checkout can carry a link named like the report
//     (tokenvet.sarif -> ~/.bashrc), and writing through it would let the
//     scanned repository choose what tokenvet overwrites. replacedLink
//     says so, for a note to the user.
//   - A device or named pipe (/dev/null, a FIFO another step reads) is
//     written in place: there is nothing to truncate and nowhere to
//     rename.
//   - A directory is an error.
func writeOutput(path string, data []byte) (replacedLink bool, err error) {
	mode := fs.FileMode(0o644)
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return false, err
	case st.Mode()&fs.ModeSymlink != 0:
		replacedLink = true
	case st.IsDir():
		return false, fmt.Errorf("%s is a directory", path)
	case st.Mode().IsRegular():
		mode = st.Mode().Perm()
	default:
		return false, writeInPlace(path, st, data)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return false, err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return false, err
	}
	if err := tmp.Chmod(mode); err != nil {
		return false, err
	}
	// Synced before the rename: after a crash the name holds the old
	// report or the new one, never an empty file.
	if err := tmp.Sync(); err != nil {
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, err
	}
	done = true
	return replacedLink, nil
}

// writeInPlace writes to the existing device or pipe st, refusing a
// file swapped in since it was checked (a link to somewhere else).
func writeInPlace(path string, st fs.FileInfo, data []byte) error {
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer fh.Close()
	if now, err := fh.Stat(); err != nil || !os.SameFile(st, now) {
		return fmt.Errorf("%s changed while it was being opened", path)
	}
	if _, err := fh.Write(data); err != nil {
		return err
	}
	return fh.Close()
}
