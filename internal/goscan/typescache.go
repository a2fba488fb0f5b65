package goscan

// The dependency types cache: why the source loader keeps one.
//
// Type-checking the dependencies from source costs no compile, but it is
// done again on every scan, where go/packages on a warm build cache reads
// the compiler's export data: on pocketbase the source loader's warm
// scan took twice the CPU of the export-data one. So each dependency the
// source loader type-checks is written, as export data
// (golang.org/x/tools/go/gcexportdata), to Options.CacheDir, under a key
// of everything its types depend on: its import path and variant, its
// files' names and bytes, its module's Go version, the target's sizes,
// the Go and tokenvet versions, and the keys of its imports. A later
// scan reads it back instead of parsing and checking the source. The
// entry is the same kind of data go/packages' path reads, and a changed
// file (or go.mod bringing another version of a module, whose files are
// other files) changes the key of its package and of every package that
// imports it, nothing else.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/tokenvet/tokenvet/internal/resultcache"
	"github.com/tokenvet/tokenvet/internal/version"
)

// typesCacheFormat changes whenever what an entry holds or how its key
// is computed changes, so that no older entry is ever read.
const typesCacheFormat = "tokenvet-types-1"

// typesCache is the on-disk cache of dependencies' types; a nil
// *typesCache caches nothing.
type typesCache struct {
	dir          string // <CacheDir>/types
	hits, misses atomic.Int64
	// unneeded counts the dependencies left unread (lazydeps.go).
	unneeded atomic.Int64
}

// newTypesCache returns the cache under dir, or nil when dir is "".
func newTypesCache(dir string) *typesCache {
	if dir == "" {
		return nil
	}
	return &typesCache{dir: filepath.Join(dir, "types")}
}

// nodeKey is the cache key of n, whose imports have their keys: a hash
// of everything n's types depend on: n's files (their bytes when the
// overlay has them, else their size and modification time), its
// imports' keys and the tool's version. A file it cannot stat gives no
// key.
func nodeKey(n *srcNode, sizes types.Sizes, overlay map[string][]byte) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00", typesCacheFormat, version.Version(), version.Commit(), version.Build(), runtime.Version(), n.pkg.ID)
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00", n.pkg.PkgPath, n.pkg.Name, sizes.Sizeof(types.Typ[types.Int]), sizes.Alignof(types.Typ[types.Int64]))
	if m := n.pkg.Module; m != nil {
		fmt.Fprintf(h, "go%s\x00", m.GoVersion)
	}
	for _, name := range n.pkg.CompiledGoFiles {
		if src, ok := overlay[name]; ok {
			fmt.Fprintf(h, "file\x00%s\x00%x\x00", name, sha256.Sum256(src))
			continue
		}
		// A file on disk is known by its size and modification time, as
		// make and the go command's file hash cache know it: reading
		// every file of every dependency to hash it cost a warm
		// prometheus scan 0.5 s of CPU (1,439 packages), and an edit
		// that keeps both is not one a dependency gets.
		fi, err := os.Stat(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "stat\x00%s\x00%d\x00%d\x00", name, fi.Size(), fi.ModTime().UnixNano())
	}
	paths := make([]string, 0, len(n.pkg.Imports))
	for path := range n.pkg.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		dep := n.pkg.Imports[path]
		fmt.Fprintf(h, "import\x00%s\x00%s\x00", path, dep.ID)
	}
	for _, d := range n.deps {
		if d.key == "" {
			return "", fmt.Errorf("import %s has no key", d.pkg.ID)
		}
		fmt.Fprintf(h, "dep\x00%s\x00%s\x00", d.pkg.ID, d.key)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c *typesCache) path(key string) string { return filepath.Join(c.dir, key[:2], key) }

// load returns n's types from the cache, or nil. The entry's references
// to other packages resolve to n's transitive imports, loaded already.
func (c *typesCache) load(n *srcNode, fset *token.FileSet) *types.Package {
	data, err := os.ReadFile(c.path(n.key))
	if err != nil {
		c.misses.Add(1)
		return nil
	}
	imports := map[string]*types.Package{}
	var walk func(*srcNode)
	seen := map[*srcNode]bool{}
	walk = func(d *srcNode) {
		for _, dd := range d.deps {
			if !seen[dd] {
				seen[dd] = true
				if dd.pkg.Types != nil {
					imports[dd.pkg.PkgPath] = dd.pkg.Types
				}
				walk(dd)
			}
		}
	}
	walk(n)
	pkg, err := gcexportdata.Read(bytes.NewReader(data), fset, imports, n.pkg.PkgPath)
	if err != nil || pkg.Name() != n.pkg.Name {
		c.misses.Add(1)
		return nil // a damaged entry: check the source, and overwrite it
	}
	c.hits.Add(1)
	return pkg
}

// store writes n's types; a failure only costs the next scan time.
func (c *typesCache) store(n *srcNode, fset *token.FileSet) {
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, n.pkg.Types); err != nil {
		return
	}
	_ = resultcache.WriteEntry(c.path(n.key), buf.Bytes(), 0o755)
}

// summary is the cache's counts for -v output.
func (c *typesCache) summary() string {
	if c == nil {
		return "no types cache"
	}
	return strings.TrimSpace(fmt.Sprintf("types cache: %d dependencies read, %d type-checked, %d not needed", c.hits.Load(), c.misses.Load(), c.unneeded.Load()))
}

// hitCount is the number of entries read; 0 for a nil cache.
func (c *typesCache) hitCount() int64 {
	if c == nil {
		return 0
	}
	return c.hits.Load()
}

// unneededCount is the number of dependencies with an entry that no
// scanned package imports, left unread; 0 for a nil cache.
func (c *typesCache) unneededCount() int64 {
	if c == nil {
		return 0
	}
	return c.unneeded.Load()
}

// missCount is the number of dependencies type-checked; 0 for a nil cache.
func (c *typesCache) missCount() int64 {
	if c == nil {
		return 0
	}
	return c.misses.Load()
}
