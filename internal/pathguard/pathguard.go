// Package pathguard decides whether a directory entry of a scanned tree
// may be read: it must stay inside the tree once symlinks are resolved,
// and it must be a regular file, which can be read without blocking.
//
// A repository chooses its own symlinks (git commits them), so a file
// named leak.go may resolve to /etc/passwd or to a FIFO. The file walk
// and the Go loader both ask this package, so that no engine ever reads,
// analyses or reports a file the other one refused.
package pathguard

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Within reports whether path is root itself or lies below it. Both must
// be absolute and clean; the answer is lexical, so for a decision about
// the file system both must also be free of symlinks (see Root.Check).
func Within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Kind classifies a directory entry.
type Kind int

// Kinds of entries. Their names are the skip reasons the walk reports.
const (
	// Regular is a regular file inside the root, or a symlink to one.
	Regular Kind = iota
	// Outside is a symlink that resolves outside the root.
	Outside
	// NotRegular is a FIFO, socket or device (or a symlink to one inside
	// the root): opening it can block for ever.
	NotRegular
	// Unresolvable is a dangling symlink, a symlink loop, or an entry
	// that cannot be examined.
	Unresolvable
	// Dir is a directory (a symlink to one is Outside or Dir).
	Dir
)

// String returns the skip reason of k, as the walk spells it.
func (k Kind) String() string {
	switch k {
	case Regular:
		return "regular"
	case Outside:
		return "symlink-outside-root"
	case NotRegular:
		return "not-regular"
	case Unresolvable:
		return "unreadable"
	case Dir:
		return "directory"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Verdict is what Check found about one entry.
type Verdict struct {
	Kind Kind
	// Target is the resolved path of a symlink (empty otherwise).
	Target string
	// Detail says why, for people: "-> /etc/passwd", "named pipe".
	Detail string
}

// OK reports whether the entry is a regular file that may be read.
func (v Verdict) OK() bool { return v.Kind == Regular }

// Root is a directory whose real (symlink-free) path is known.
type Root struct {
	// Dir is the absolute, clean path as named.
	Dir string
	// Real is Dir with every symlink resolved.
	Real string
}

// NewRoot resolves dir.
func NewRoot(dir string) (Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Root{}, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return Root{}, err
	}
	return Root{Dir: abs, Real: real}, nil
}

// Contains reports whether path, an absolute path below r.Dir or r.Real,
// resolves to a place inside the root. A path that does not exist counts
// as inside when its lexical location is.
func (r Root) Contains(path string) bool {
	if !Within(r.Dir, path) && !Within(r.Real, path) {
		return false
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return true
	}
	return Within(r.Real, real)
}

// Check classifies path, an absolute path below r.Dir, without opening
// it: the entry itself is examined with Lstat, a symlink is resolved and
// its target must lie inside r.Real.
func (r Root) Check(path string) Verdict {
	fi, err := os.Lstat(path)
	if err != nil {
		return Verdict{Kind: Unresolvable, Detail: err.Error()}
	}
	return r.classify(path, fi)
}

// CheckEntry is Check for an entry already listed by fs.WalkDir or
// os.ReadDir, which saves the Lstat of a plain file.
func (r Root) CheckEntry(path string, d fs.DirEntry) Verdict {
	switch t := d.Type(); {
	case t.IsRegular():
		return Verdict{Kind: Regular}
	case t.IsDir():
		return Verdict{Kind: Dir}
	case t&fs.ModeSymlink == 0:
		return Verdict{Kind: NotRegular, Detail: describe(t)}
	}
	return r.Check(path)
}

func (r Root) classify(path string, fi fs.FileInfo) Verdict {
	mode := fi.Mode()
	switch {
	case mode.IsRegular():
		return Verdict{Kind: Regular}
	case mode.IsDir():
		return Verdict{Kind: Dir}
	case mode&fs.ModeSymlink == 0:
		return Verdict{Kind: NotRegular, Detail: describe(mode.Type())}
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		what := "unresolvable symlink"
		if os.IsNotExist(err) {
			what = "dangling symlink"
		}
		return Verdict{Kind: Unresolvable, Detail: what + ": " + err.Error()}
	}
	if !Within(r.Real, target) {
		return Verdict{Kind: Outside, Target: target, Detail: "-> " + target}
	}
	st, err := os.Stat(target)
	if err != nil {
		return Verdict{Kind: Unresolvable, Target: target, Detail: err.Error()}
	}
	switch m := st.Mode(); {
	case m.IsRegular():
		return Verdict{Kind: Regular, Target: target}
	case m.IsDir():
		return Verdict{Kind: Dir, Target: target}
	default:
		return Verdict{Kind: NotRegular, Target: target, Detail: "-> " + describe(m.Type())}
	}
}

// describe names a file type for people.
func describe(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "socket"
	case t&fs.ModeCharDevice != 0:
		return "character device"
	case t&fs.ModeDevice != 0:
		return "device"
	case t&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return t.String()
}
