package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, Floor},
		{100 << 20, Floor},
		{Lift, Floor},
		{Lift + 1, math.MaxInt64},
		{500 << 20, math.MaxInt64}, // a large scan: GOGC decides
	} {
		if got := Limit(c.live); got != c.want {
			t.Errorf("Limit(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// TestStartFollowsLiveHeap checks that the limit is Floor at Start, is
// lifted once the live heap passes Lift, and is
// restored by stop.
func TestStartFollowsLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before := debug.SetMemoryLimit(-1)
	stop := Start()
	if got := debug.SetMemoryLimit(-1); got != Floor {
		t.Fatalf("limit after Start = %d, want Floor %d", got, Floor)
	}
	live := make([][]byte, 0, 200)
	for range 200 {
		live = append(live, make([]byte, 1<<20)) // 200 MiB live: no limit
	}
	for range 3 {
		runtime.GC()
		runtime.Gosched()
	}
	// The hook runs on the finalizer goroutine; wait for it.
	raised := false
	for range 100 {
		if debug.SetMemoryLimit(-1) > Floor {
			raised = true
			break
		}
		runtime.GC()
	}
	runtime.KeepAlive(live)
	if !raised {
		t.Errorf("limit stayed at %d with 200 MiB live, want above Floor", debug.SetMemoryLimit(-1))
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop = %d, want %d", got, before)
	}
}

func TestStartLeavesUserSettings(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := debug.SetMemoryLimit(-1)
	stop := Start()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("GOMEMLIMIT set: Start changed the limit to %d", got)
	}
	stop()
}
