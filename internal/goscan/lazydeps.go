package goscan

// Reading only the imports the scanned packages write.
//
// A types cache entry is deep export data: it holds every declaration
// of other packages that its own declarations mention. So when every
// dependency of the graph has an entry, the scanned (root) packages can
// be type-checked against their direct imports alone, read into one
// shared map, and the rest of the graph is never read: an indirect
// dependency exists only as the objects the direct ones mention. On
// prometheus that is 267 of 1,439 dependencies, and the types of the
// other 1,172 were most of the scan's live memory.
//
// Only when it is exact: a dependency that imports a scanned package
// (its entry would name a second copy of that package), two
// dependencies with one path, or a missing or damaged entry, and the
// graph is loaded as before, every dependency in dependency order.

import (
	"context"
	"go/types"
	"os"

	"golang.org/x/tools/go/gcexportdata"
)

// readDirectImports gives every root's non-root imports their types from
// the cache and reports true, or changes nothing and reports false.
func readDirectImports(ctx context.Context, order []*srcNode, sizes types.Sizes, c loadConfig, slots chan struct{}) bool {
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
	// One map for every read: a package two entries mention is one
	// *types.Package, completed by whichever entry declares more of it.
	// Reads are sequential: each one adds to packages others share.
	shared := map[string]*types.Package{}
	var read []*srcNode
	undo := func() {
		for _, d := range read {
			d.pkg.Types = nil
		}
	}
	for _, n := range order {
		if !n.root {
			continue
		}
		for _, d := range n.deps {
			if d.root || d.pkg.Types != nil {
				continue
			}
			if d.pkg.PkgPath == "unsafe" {
				d.pkg.Types = types.Unsafe
				continue
			}
			if ctx.Err() != nil {
				undo()
				return false
			}
			if d.pkg.Types = c.types.readShared(d, shared); d.pkg.Types == nil {
				undo()
				return false
			}
			read = append(read, d)
		}
	}
	c.types.hits.Add(int64(len(read)))
	c.types.unneeded.Add(int64(deps - len(read)))
	return true
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

// readShared reads n's entry into shared, or returns nil.
func (c *typesCache) readShared(n *srcNode, shared map[string]*types.Package) *types.Package {
	f, err := os.Open(c.path(n.key))
	if err != nil {
		return nil
	}
	defer f.Close()
	pkg, err := gcexportdata.Read(f, n.pkg.Fset, shared, n.pkg.PkgPath)
	if err != nil || pkg.Name() != n.pkg.Name {
		return nil
	}
	return pkg
}
