package walk

import (
	"io/fs"
	"os"
	"path/filepath"
)

// fileSystem is the subset of OS operations Walk uses. Tests substitute it
// to simulate failures (permission denied) that cannot be produced for
// real when running as root.
type fileSystem interface {
	// ReadDir lists a directory without following a symlink named by
	// the entries; order does not matter.
	ReadDir(name string) ([]fs.DirEntry, error)
	// Stat follows symlinks.
	Stat(name string) (fs.FileInfo, error)
	EvalSymlinks(name string) (string, error)
	Open(name string) (fs.File, error)
}

type osFS struct{}

func (osFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// (*os.File).ReadDir does not sort, unlike os.ReadDir; Walk sorts
	// with its own key anyway.
	return f.ReadDir(-1)
}

func (osFS) Stat(name string) (fs.FileInfo, error)    { return os.Stat(name) }
func (osFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }
func (osFS) Open(name string) (fs.File, error)        { return os.Open(name) }
