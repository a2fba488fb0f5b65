package report

import (
	"context"
	"maps"
	"slices"
	"sync"
)

// Dropped counts the candidates an engine matched and then decided not
// to report, per reason ("test fixture (see --tests)", "generic rule in
// docs"), so that no decision is silent: text -v lists them, JSON
// carries them in stats.
type Dropped struct {
	mu sync.Mutex
	n  map[string]int
}

// Add counts one candidate dropped for reason.
func (d *Dropped) Add(reason string) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.n == nil {
		d.n = map[string]int{}
	}
	d.n[reason]++
}

// Counts returns a copy of the counts (nil when nothing was dropped).
func (d *Dropped) Counts() map[string]int {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.n) == 0 {
		return nil
	}
	return maps.Clone(d.n)
}

type droppedKey struct{}

// WithDropped returns ctx carrying d: engines count into the scan's own
// counter, so that concurrent scans sharing an engine do not mix.
func WithDropped(ctx context.Context, d *Dropped) context.Context {
	return context.WithValue(ctx, droppedKey{}, d)
}

// DroppedFrom returns the counter ctx carries, or nil (Add on nil is a
// no-op).
func DroppedFrom(ctx context.Context) *Dropped {
	d, _ := ctx.Value(droppedKey{}).(*Dropped)
	return d
}

// sortedReasons lists the reasons of counts in order.
func sortedReasons(counts map[string]int) []string {
	return slices.Sorted(maps.Keys(counts))
}

// AddCounts adds counts, as many calls of Add would.
func (d *Dropped) AddCounts(counts map[string]int) {
	if d == nil || len(counts) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.n == nil {
		d.n = map[string]int{}
	}
	for reason, n := range counts {
		d.n[reason] += n
		if d.n[reason] == 0 {
			delete(d.n, reason) // a count taken back (a file scanned again)
		}
	}
}
