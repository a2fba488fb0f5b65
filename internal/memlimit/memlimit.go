// Package memlimit keeps a small scan's memory small without slowing
// down a large one.
//
// With the Go runtime's default (GOGC=100) a program's heap grows to
// twice what survived the last collection before the next one: a scan
// whose live data peaks at 150 MB asks the system for 300 MB and more.
// A memory limit (GOMEMLIMIT) caps that by collecting more often, which
// costs little while the live heap is well below the limit; but a scan
// whose live heap nears or passes a fixed limit collects again and
// again. So the limit here is Floor while the live heap is at most Lift,
// and no limit above that, where GOGC alone decides as it did before:
// checked after every collection.
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

const (
	// Floor is the memory limit of a small scan: 240 MiB of Go memory
	// keeps a warm scan of a prometheus-sized module (113 packages, live
	// heap up to 160 MB) under 300 MB resident, binary and non-Go memory
	// included.
	Floor = 240 << 20
	// Lift is the live heap above which there is no limit. Up to it a
	// collection frees at least 75 MiB; at 150 MiB prometheus's peak
	// went over the limit, and at 180 MiB a scan whose live heap grows
	// slowly through that range (casdoor) took a third longer.
	Lift = 165 << 20
)

// Limit is the memory limit for a live heap of live bytes: Floor up to
// Lift, none (math.MaxInt64) above. (A limit of 1.5× or 1.6× the live
// heap, raised after each collection, made a scan with 450 MB live 40 %
// slower: the heap outgrows the limit between two collections.)
func Limit(live uint64) int64 {
	if live <= Lift {
		return Floor
	}
	return math.MaxInt64
}

// Start sets the limit and keeps it in step with the live heap until
// stop is called. It does nothing when the user chose a memory limit
// (GOMEMLIMIT) or turned the collector off (GOGC=off): their settings
// win. stop restores the limit found at Start.
func Start() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") == "off" {
		return func() {}
	}
	before := debug.SetMemoryLimit(-1)
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var rearm func()
	// A finalizer runs after the collection that found its object
	// unreachable: one on a fresh object each time is a hook after
	// every collection.
	rearm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(Limit(sample[0].Value.Uint64()))
			}
			rearm()
		})
	}
	debug.SetMemoryLimit(Floor)
	rearm()
	return func() {
		stopped.Store(true)
		debug.SetMemoryLimit(before)
	}
}
