package report

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Read is another file an engine read to judge the file it scanned (the
// web engine: a project module a key is exported from), with a digest of
// its content. Path is relative to the scan's root, with forward
// slashes.
type Read struct {
	Path string
	Sum  string
}

// Reads records the Reads of one file's scan, so that a cached result
// is used only while those files are unchanged. It is safe for
// concurrent use; a nil *Reads records nothing.
type Reads struct {
	mu   sync.Mutex
	list []Read
}

// Add records that path, with digest sum, was read.
func (r *Reads) Add(path, sum string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, Read{Path: path, Sum: sum})
}

// List returns the reads recorded, sorted, each once.
func (r *Reads) List() []Read {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.list)
	slices.SortFunc(out, func(a, b Read) int { return strings.Compare(a.Path+"\x00"+a.Sum, b.Path+"\x00"+b.Sum) })
	return slices.Compact(out)
}

type readsKey struct{}

// WithReads returns ctx carrying r, for the engines of one file's scan.
func WithReads(ctx context.Context, r *Reads) context.Context {
	return context.WithValue(ctx, readsKey{}, r)
}

// ReadsFrom returns the recorder ctx carries, or nil (Add on nil is a
// no-op).
func ReadsFrom(ctx context.Context) *Reads {
	r, _ := ctx.Value(readsKey{}).(*Reads)
	return r
}
