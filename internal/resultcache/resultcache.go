// Package resultcache keeps what a scan's engines found, between scans,
// so that a second scan of an unchanged tree (and a pre-commit run that
// changed one file) redoes only the work whose inputs changed.
//
// An entry is addressed by a key that hashes everything its value
// depends on; the caller decides what that is (internal/scan: a file's
// bytes and path, the engines' configuration; for the Go analyzers, every
// Go file, go.mod and go.sum of the scan, the analyzers' flags and the Go
// environment; a file's entry also lists the other files its engines
// read, which internal/scan checks before using it, calling Stale when
// one has changed). Every key also holds this package's format and the
// tokenvet version and commit, so a new build never reads an old build's
// results. Values are gob-encoded. Entries hold engines' raw findings,
// secrets included, so the directory is private to its user (0700, files
// 0600). A read failure or a damaged entry is a miss, a write failure
// costs only the next scan time; neither is an error. Entries unused for
// a month are removed.
package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tokenvet/tokenvet/internal/version"
)

// format changes whenever an entry's encoding or a key's meaning does.
const format = "tokenvet-results-1"

// maxAge is how long an entry nobody reads is kept.
const maxAge = 30 * 24 * time.Hour

// Cache is the result cache in one directory; a nil *Cache caches
// nothing. It is safe for concurrent use.
type Cache struct {
	dir          string
	hits, misses atomic.Int64
	prune        sync.Once
}

// Open returns the cache under cacheDir/results, or nil when cacheDir is
// "".
func Open(cacheDir string) *Cache {
	if cacheDir == "" {
		return nil
	}
	return &Cache{dir: filepath.Join(cacheDir, "results")}
}

// Key hashes parts, with the format, the tool version and the build (a
// rebuilt checkout must not read its predecessor's results), into a key.
// Parts are length-prefixed, so no two lists of parts share a key.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range append([]string{format, version.Version(), version.Commit(), version.Build()}, parts...) {
		var n [8]byte
		for i, l := 0, uint64(len(p)); i < 8; i++ {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string { return filepath.Join(c.dir, key[:2], key) }

// Get decodes the entry of the first of keys that has one into v and
// reports whether there was one: one hit or one miss, however many keys.
func (c *Cache) Get(v any, keys ...string) bool {
	if c == nil {
		return false
	}
	for _, key := range keys {
		data, err := os.ReadFile(c.path(key))
		if err == nil {
			err = gob.NewDecoder(bytes.NewReader(data)).Decode(v)
		}
		if err != nil {
			continue
		}
		c.hits.Add(1)
		now := time.Now()
		_ = os.Chtimes(c.path(key), now, now) // used: kept by the next prune
		return true
	}
	c.misses.Add(1)
	return false
}

// Stale counts the entry Get last returned to the caller as a miss: one
// the caller found out of date (a file it depends on has changed) and
// computes again.
func (c *Cache) Stale() {
	if c == nil {
		return
	}
	c.hits.Add(-1)
	c.misses.Add(1)
}

// Put stores v under key.
func (c *Cache) Put(key string, v any) {
	if data, err := Encode(v); err == nil {
		c.PutEncoded(key, data)
	}
}

// Encode is v as Put stores it, for a caller that must look at the
// bytes (internal/scan: does the entry name the scan's root?) before it
// chooses the key.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

// PutEncoded stores data, from Encode, under key.
func (c *Cache) PutEncoded(key string, data []byte) {
	if c == nil {
		return
	}
	c.prune.Do(c.prepare)
	_ = WriteEntry(c.path(key), data, 0o700) // a failure costs the next scan time only
}

// prepare runs before a process's first write: the directory made
// private (MkdirAll leaves an existing directory's mode as it is), and
// old entries removed.
func (c *Cache) prepare() {
	if err := os.MkdirAll(c.dir, 0o700); err == nil {
		_ = os.Chmod(c.dir, 0o700)
	}
	c.removeOld()
}

// WriteEntry writes a cache entry at path, creating its directories with
// dirPerm and the file 0600, so that a concurrent reader sees the whole
// entry or none: a temporary file renamed into place. The types cache
// (internal/goscan) writes its entries with it too.
func WriteEntry(path string, data []byte, dirPerm fs.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-") // 0600
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Hits and Misses count the Gets that found an entry and those that did
// not; 0 for a nil cache.
func (c *Cache) Hits() int {
	if c == nil {
		return 0
	}
	return int(c.hits.Load())
}

// Misses: see Hits.
func (c *Cache) Misses() int {
	if c == nil {
		return 0
	}
	return int(c.misses.Load())
}

// removeOld deletes entries (and abandoned temporary files) not used for
// maxAge.
func (c *Cache) removeOld() {
	cutoff := time.Now().Add(-maxAge)
	_ = filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(path)
		}
		return nil
	})
}
