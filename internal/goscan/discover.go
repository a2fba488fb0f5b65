package goscan

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// layout is what module discovery finds below the scanned directories.
type layout struct {
	// modules maps a module root to the patterns to load in it.
	modules map[string][]string
	// goDirs lists every directory holding .go files that `./...` would
	// match (sorted), whether or not a module covers it.
	goDirs []string
}

// skipDir follows the go command's `./...` rules (testdata, vendor, and
// names starting with . or _ are not packages), plus node_modules, which
// can hold thousands of directories and never holds the user's Go code.
func skipDir(name string) bool {
	return name == "testdata" || name == "vendor" || name == "node_modules" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// discover walks dirs for go.mod files and Go source directories. A go.mod
// above a scanned directory covers it too, as it would for `go list`.
func discover(dirs []string) (*layout, []Problem) {
	l := &layout{modules: map[string][]string{}}
	var problems []Problem
	seenDir := map[string]bool{}
	for _, dir := range dirs {
		if mod := enclosingModule(dir); mod != "" {
			pattern := "./..."
			if rel, err := filepath.Rel(mod, dir); err == nil && rel != "." {
				pattern = "./" + filepath.ToSlash(rel) + "/..."
			}
			l.addPattern(mod, pattern)
		}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{Kind: KindLoad, File: path, Message: err.Error()})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != dir && skipDir(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil // symlinks: the go command does not follow them either
			}
			switch {
			case d.Name() == "go.mod":
				l.addPattern(filepath.Dir(path), "./...")
			case strings.HasSuffix(d.Name(), ".go"):
				if p := filepath.Dir(path); !seenDir[p] {
					seenDir[p] = true
					l.goDirs = append(l.goDirs, p)
				}
			}
			return nil
		})
		if err != nil {
			problems = append(problems, Problem{Kind: KindLoad, File: dir, Message: err.Error()})
		}
	}
	sort.Strings(l.goDirs)
	return l, problems
}

func (l *layout) addPattern(mod, pattern string) {
	for _, p := range l.modules[mod] {
		if p == "./..." || p == pattern {
			return
		}
	}
	if pattern == "./..." {
		l.modules[mod] = nil // ./... subsumes narrower patterns
	}
	l.modules[mod] = append(l.modules[mod], pattern)
}

// sortedModules returns the module roots in a fixed order.
func (l *layout) sortedModules() []string {
	mods := make([]string, 0, len(l.modules))
	for m := range l.modules {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	return mods
}

// enclosingModule returns the directory of the nearest go.mod at or above
// dir, or "" if there is none.
func enclosingModule(dir string) string {
	for d := dir; ; {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && st.Mode().IsRegular() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
