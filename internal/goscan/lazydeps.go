package goscan

// Reading only the imports each scanned package writes.
//
// A types cache entry is deep export data: it holds every declaration
// of other packages that its own declarations mention. So when every
// dependency of the graph has an entry, each scanned (root) package can
// be type-checked against its direct imports alone, and the rest of the
// graph is never read: an indirect dependency exists only as the
// objects the direct ones mention. On prometheus 267 of 1,439
// dependencies are imported by a scanned package.
//
// Roots are checked in universes (below), as go vet units are: each
// reads its imports' export data into a map of its own, and a root
// imported by roots of another universe leaves its types as export data
// for them. Reading all 267 into one map that every root shared kept
// 105 MB of types alive to the end of a prometheus scan, most of them
// fields and parameters of Kubernetes, AWS and Azure APIs that one or
// two packages import. Facts cross from one root to the next by object
// path (driver.go), as under go vet.
//
// Only when it is exact: a dependency that imports a scanned package
// (its entry would name a second copy of that package), two
// dependencies with one path, or a missing or damaged entry, and the
// graph is loaded as before, every dependency in dependency order.

import (
	"bytes"
	"context"
	"fmt"
	"go/types"
	"os"

	"golang.org/x/tools/go/gcexportdata"
)

// isolateRoots reports whether every dependency of the graph has a
// cache entry and none imports a root, so that each root can be
// type-checked against its own reading of its direct imports (a
// universe); it also counts, for each package, the roots that import
// it. It changes nothing else.
func isolateRoots(ctx context.Context, order []*srcNode, sizes types.Sizes, c loadConfig, slots chan struct{}) bool {
	if !computeKeys(ctx, order, sizes, c.overlay, slots) {
		return false
	}
	paths := map[string]bool{}
	deps := 0
	for _, n := range order {
		if n.root || n.pkg.PkgPath == "unsafe" {
			continue
		}
		if n.key == "" || paths[n.pkg.PkgPath] || !c.types.has(n.key) {
			return false
		}
		paths[n.pkg.PkgPath] = true
		deps++
		for _, d := range n.deps {
			if d.root {
				return false
			}
		}
	}
	read := map[*srcNode]bool{}
	for _, n := range order {
		if !n.root {
			continue
		}
		for _, d := range n.deps {
			d.importers.Add(1)
			if !d.root {
				read[d] = true
			}
		}
	}
	c.types.unneeded.Add(int64(deps - len(read)))
	return true
}

// A universe is the packages one worker has read from export data or
// type-checked, by path: the map gcexportdata.Read completes and the
// type checker's importer resolves from. Each root is checked in one
// universe, whose packages only the worker holding it touches. Roots
// taken in turn by a worker share its universe, so a dependency many of
// them import is read once per universe, not once per root. A universe
// is let go once most of what it read is imported by no root still to
// be checked, so that the types of a large import (a cloud SDK one
// package uses) do not stay to the end of the scan.
type universe struct {
	pkgs map[string]*types.Package
	// whole holds the packages read from their own export data or
	// checked here: complete, so never read again in this universe.
	whole map[*srcNode]*types.Package
	// owners is the root each root path of pkgs stands for: a root and
	// its test variant share a path and cannot share a universe.
	owners map[string]*srcNode
	// sizes is the export data read for each import, read their sum.
	sizes map[*srcNode]int
	read  int
}

func newUniverse() *universe {
	return &universe{pkgs: map[string]*types.Package{}, whole: map[*srcNode]*types.Package{},
		owners: map[string]*srcNode{}, sizes: map[*srcNode]int{}}
}

// useful is the export data u read for imports that roots not yet done
// import too.
func (u *universe) useful() int {
	n := 0
	for d, size := range u.sizes {
		if d.importers.Load() > 0 {
			n += size
		}
	}
	return n
}

// universes is a loader's pool of universes, one per worker at most.
type universes struct{ pool chan *universe }

func newUniverses(jobs int) *universes { return &universes{pool: make(chan *universe, max(jobs, 1))} }

// take gives a universe root n can be checked in.
func (us *universes) take(n *srcNode) *universe {
	select {
	case u := <-us.pool:
		if u.fits(n) {
			return u
		}
	default:
	}
	return newUniverse()
}

// give returns u to the pool, unless less than half of what it read is
// still to be imported: the rest would only hold memory.
func (us *universes) give(u *universe) {
	if 2*u.useful() < u.read {
		return
	}
	select {
	case us.pool <- u:
	default:
	}
}

// fits reports whether no root of n's graph has its path taken in u by
// another root.
func (u *universe) fits(n *srcNode) bool {
	seen := map[*srcNode]bool{}
	var walk func(*srcNode) bool
	walk = func(r *srcNode) bool {
		if seen[r] || !r.root {
			return true // dependencies never import roots
		}
		seen[r] = true
		if o := u.owners[r.pkg.PkgPath]; o != nil && o != r {
			return false
		}
		for _, d := range r.deps {
			if !walk(d) {
				return false
			}
		}
		return true
	}
	return walk(n)
}

// own records that the roots of n's graph stand for their paths in u.
func (u *universe) own(n *srcNode) {
	if !n.root || u.owners[n.pkg.PkgPath] == n {
		return
	}
	u.owners[n.pkg.PkgPath] = n
	for _, d := range n.deps {
		u.own(d)
	}
}

// importer reads root n's direct imports into u, dependencies from the
// types cache and roots from the export data they left when they were
// done (exportForImporters), and resolves n's imports from u.
func (u *universe) importer(n *srcNode, c loadConfig) (types.Importer, error) {
	bySource := map[string]*types.Package{}
	for src, dp := range n.pkg.Imports {
		var d *srcNode
		for _, dd := range n.deps {
			if dd.pkg == dp {
				d = dd
				break
			}
		}
		if d == nil {
			return nil, fmt.Errorf("%s: import %s is not in the graph", n.pkg.PkgPath, src)
		}
		pkg, err := u.readWhole(d, c)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", n.pkg.PkgPath, err)
		}
		bySource[src] = pkg
	}
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if pkg := bySource[path]; pkg != nil {
			return pkg, nil
		}
		return nil, fmt.Errorf("no metadata for %s", path)
	}), nil
}

// readWhole gives d's package in u, read from its export data unless u
// holds it whole already.
func (u *universe) readWhole(d *srcNode, c loadConfig) (*types.Package, error) {
	if d.pkg.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	if pkg := u.whole[d]; pkg != nil {
		return pkg, nil
	}
	var data []byte
	if d.root {
		if data = d.export; data == nil {
			return nil, fmt.Errorf("no types for %s: %v", d.pkg.PkgPath, d.exportErr)
		}
		u.own(d)
	} else {
		var err error
		if data, err = os.ReadFile(c.types.path(d.key)); err != nil {
			return nil, fmt.Errorf("the types cache entry of %s could not be read: %v", d.pkg.PkgPath, err)
		}
		if d.readFromCache.CompareAndSwap(false, true) {
			c.types.hits.Add(1) // dependencies read, not readings
		}
	}
	pkg, err := gcexportdata.Read(bytes.NewReader(data), d.pkg.Fset, u.pkgs, d.pkg.PkgPath)
	if err != nil || pkg.Name() != d.pkg.Name {
		return nil, fmt.Errorf("reading the types of %s: %v", d.pkg.PkgPath, err)
	}
	u.read += len(data)
	u.sizes[d] = len(data)
	u.whole[d] = pkg
	return pkg, nil
}

// checked adds root n, just type-checked in u, to u.
func (u *universe) checked(n *srcNode) {
	u.pkgs[n.pkg.PkgPath] = n.pkg.Types
	u.whole[n] = n.pkg.Types
	u.own(n)
}

// exportForImporters writes root n's types as export data for the roots
// that import it, when any does: those checked in another universe read
// it. n's package then lives on only in the universe it was checked in.
func exportForImporters(n *srcNode) {
	if n.importers.Load() > 0 {
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, n.pkg.Fset, n.pkg.Types); err != nil {
			n.exportErr = err // its importers report it as a type error
		} else {
			n.export = buf.Bytes()
		}
	}
	n.pkg.Types = nil
}

// releaseImports counts root n, done, off its imports' importers, and
// lets go of the export data of root imports no other root still reads.
func releaseImports(n *srcNode) {
	for _, d := range n.deps {
		if d.importers.Add(-1) == 0 && d.root {
			d.export = nil
		}
	}
}

// computeKeys sets the cache key of every dependency, bottom-up and as
// parallel as the graph allows; it reports false when ctx is done.
// Roots get none: nothing here reads or writes an entry for them.
func computeKeys(ctx context.Context, order []*srcNode, sizes types.Sizes, overlay map[string][]byte, slots chan struct{}) bool {
	bottomUp(ctx, order, slots, func(n *srcNode) bool { return n.root }, func(n *srcNode) {
		n.key, _ = nodeKey(n, sizes, overlay) // a root import or unreadable file: no key
	})
	return ctx.Err() == nil
}

// has reports whether the cache holds an entry for key.
func (c *typesCache) has(key string) bool {
	_, err := os.Stat(c.path(key))
	return err == nil
}
