package resultcache

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

type entry struct {
	Name  string
	Lines []int
}

func TestRoundTripAndMisses(t *testing.T) {
	c := Open(t.TempDir())
	k := Key("a", "b")
	if k == Key("ab") || k == Key("a", "b", "") {
		t.Fatal("keys of different parts collide")
	}
	var got entry
	if c.Get(&got, k) {
		t.Fatal("hit in an empty cache")
	}
	c.Put(k, entry{"x", []int{1, 2}})
	if !c.Get(&got, k) || got.Name != "x" || len(got.Lines) != 2 {
		t.Fatalf("round trip: %+v", got)
	}
	// A damaged entry is a miss, not an error.
	if err := os.WriteFile(c.path(k), []byte("not gob"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c.Get(&got, k) {
		t.Error("a damaged entry was read")
	}
	if c.Hits() != 1 || c.Misses() != 2 {
		t.Errorf("hits %d misses %d, want 1 and 2", c.Hits(), c.Misses())
	}
	var nilCache *Cache
	nilCache.Put(k, entry{})
	if nilCache.Get(&got, k) || nilCache.Hits() != 0 {
		t.Error("a nil cache cached")
	}
}

func TestConcurrentWriters(t *testing.T) {
	c := Open(t.TempDir())
	k := Key("same")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Put(k, entry{Name: "w", Lines: []int{i}})
		}()
	}
	wg.Wait()
	var got entry
	if !c.Get(&got, k) || got.Name != "w" {
		t.Fatalf("after concurrent writes: %+v", got)
	}
	left, _ := filepath.Glob(filepath.Join(c.dir, k[:2], "tmp-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestOldEntriesRemoved(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir)
	old, fresh := Key("old"), Key("fresh")
	c.Put(old, entry{Name: "old"})
	long := time.Now().Add(-maxAge - time.Hour)
	if err := os.Chtimes(c.path(old), long, long); err != nil {
		t.Fatal(err)
	}
	c2 := Open(dir) // a later scan: its first write prunes
	c2.Put(fresh, entry{Name: "fresh"})
	var got entry
	if c2.Get(&got, old) {
		t.Error("an entry unused for longer than maxAge was kept")
	}
	if !c2.Get(&got, fresh) {
		t.Error("the fresh entry is gone")
	}
}
