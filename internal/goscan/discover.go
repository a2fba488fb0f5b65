package goscan

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tokenvet/tokenvet/internal/goscope"
	"github.com/tokenvet/tokenvet/internal/pathguard"
)

// layout is what module discovery finds below the scanned directories.
type layout struct {
	// modules maps a module root to the patterns to load in it.
	modules map[string][]string
	// goFiles lists every .go file that `./...` would match (sorted),
	// whether or not a module covers it, and that may be read; goDirs
	// are their directories.
	goFiles []string
	goDirs  []string
	// testOnly are the Go files looseUnits left out as test code for
	// their build constraint (without --tests), so that they are not
	// read as text either.
	testOnly map[string]bool
	// overlay replaces, for the go command, the files it must not read:
	// entries that are not regular files inside the tree become an
	// ignored stub, and assembly files become empty (the assembler
	// would follow their #include lines anywhere on the machine).
	overlay map[string][]byte
	// skipped lists the entries kept from the go command and from
	// tokenvet's own reading, by absolute path.
	skipped map[string]SkippedFile
	// badModules maps a directory whose go.mod, go.sum or
	// vendor/modules.txt the go command must not read to the reason; the
	// go command is not run there.
	badModules map[string]string
	// badWork maps a directory whose go.work or go.work.sum the go
	// command must not read to the reason; modules below it load with
	// GOWORK=off.
	badWork map[string]string
	// roots are the scanned directories; bounds are those and, when
	// packages are named by import path, the directory they are loaded
	// from. Nothing outside bounds is read, analysed or reported.
	roots  []pathguard.Root
	bounds []pathguard.Root
}

// SkippedFile is a file tokenvet kept from the go command and did not read.
type SkippedFile struct {
	File   string // absolute
	Reason string // a pathguard kind name: symlink-outside-root, not-regular, unreadable
	Detail string
}

// ignoredStub is what the go command sees instead of a file it must not
// read: a file its build constraints always exclude.
var ignoredStub = []byte("//go:build ignore\n\npackage ignored\n")

// skipDir follows the go command's `./...` rules (testdata, vendor, and
// names starting with . or _ are not packages), plus node_modules, which
// can hold thousands of directories and never holds the user's Go code.
func skipDir(name string) bool {
	return name == "testdata" || name == "vendor" || name == "node_modules" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// goReads reports whether the go command opens a file of this name when
// it loads the package or module of its directory: go/build reads the
// header of every source file it knows the extension of, whatever the
// build constraints, and the module files are read whole.
func goReads(name string) bool {
	switch name {
	case "go.mod", "go.sum", "go.work", "go.work.sum", "modules.txt":
		return true
	}
	switch filepath.Ext(name) {
	case ".go", ".c", ".cc", ".cxx", ".cpp", ".m", ".h", ".hh", ".hpp", ".hxx",
		".f", ".F", ".for", ".f90", ".s", ".S", ".sx", ".swig", ".swigcxx", ".syso":
		return true
	}
	return false
}

func isAsm(name string) bool {
	switch filepath.Ext(name) {
	case ".s", ".S", ".sx":
		return true
	}
	return false
}

// discover walks dirs for go.mod files, Go source files and the entries
// the go command must not read. A go.mod above a scanned directory covers
// it too, as it would for `go list`; that module's whole tree is examined
// (not analysed), because the go command reads the packages the scanned
// ones import.
//
// With import-path patterns, the tree of workDir (or of its module) is
// examined too, for the go command loads them from there.
func discover(dirs, patterns []string, workDir string) (*layout, []Problem) {
	l := &layout{
		modules: map[string][]string{}, overlay: map[string][]byte{}, skipped: map[string]SkippedFile{},
		badModules: map[string]string{}, badWork: map[string]string{},
	}
	var problems []Problem
	var tops []pathguard.Root
	all := dirs
	if len(patterns) > 0 && workDir != "" {
		all = append(append([]string(nil), dirs...), workDir)
	}
	for i, dir := range all {
		r, err := pathguard.NewRoot(dir)
		if err != nil {
			problems = append(problems, Problem{Kind: KindLoad, File: dir, Message: err.Error()})
			continue
		}
		l.bounds = append(l.bounds, r)
		top := r
		if i >= len(dirs) {
			if mod := l.enclosingModule(r.Dir); mod != "" {
				if mr, err := pathguard.NewRoot(mod); err == nil {
					top = mr
				}
			}
			tops = append(tops, top)
			continue
		}
		l.roots = append(l.roots, r)
		if mod := l.enclosingModule(r.Dir); mod != "" {
			pattern := "./..."
			if rel, err := filepath.Rel(mod, r.Dir); err == nil && rel != "." {
				pattern = "./" + filepath.ToSlash(rel) + "/..."
			}
			if _, bad := l.badModules[mod]; !bad {
				l.addPattern(mod, pattern)
			}
			if mr, err := pathguard.NewRoot(mod); err == nil {
				top = mr
			}
		}
		tops = append(tops, top)
	}
	sort.Slice(tops, func(i, j int) bool { return tops[i].Dir < tops[j].Dir })
	var walked []string
	for _, top := range tops {
		if len(walked) > 0 && pathguard.Within(walked[len(walked)-1], top.Dir) {
			continue // inside a tree already walked
		}
		walked = append(walked, top.Dir)
		problems = append(problems, l.walk(top)...)
	}
	for mod := range l.modules {
		if _, bad := l.badModules[mod]; bad {
			delete(l.modules, mod) // the go command is not run there
		}
	}
	sort.Strings(l.goFiles)
	for _, f := range l.goFiles {
		if d := filepath.Dir(f); len(l.goDirs) == 0 || l.goDirs[len(l.goDirs)-1] != d {
			l.goDirs = append(l.goDirs, d)
		}
	}
	sort.Strings(l.goDirs)
	l.goDirs = compactStrings(l.goDirs)
	return l, problems
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// walk examines the tree below top.
func (l *layout) walk(top pathguard.Root) []Problem {
	var problems []Problem
	err := filepath.WalkDir(top.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Kind: KindLoad, File: path, Message: err.Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != top.Dir && (name == ".git" || name == ".hg" || name == ".svn") {
				return fs.SkipDir // the go command never reads version-control metadata
			}
			return nil
		}
		if !goReads(name) {
			return nil
		}
		root := l.rootFor(path, top)
		dir := filepath.Dir(path)
		if v := root.CheckEntry(path, d); !v.OK() {
			l.refuse(path, name, v)
			return nil
		}
		inPkgs := l.inPackageTree(path)
		switch {
		case isAsm(name):
			l.overlay[path] = []byte{}
		case name == "go.mod" && inPkgs:
			l.addPattern(dir, "./...")
		case strings.HasSuffix(name, ".go") && inPkgs:
			l.goFiles = append(l.goFiles, path)
		}
		return nil
	})
	if err != nil {
		problems = append(problems, Problem{Kind: KindLoad, File: top.Dir, Message: err.Error()})
	}
	return problems
}

// refuse records an entry the go command must not read.
func (l *layout) refuse(path, name string, v pathguard.Verdict) {
	dir := filepath.Dir(path)
	reason := name + " is "
	switch v.Kind {
	case pathguard.Outside:
		reason += "a symlink outside the scan root"
	case pathguard.NotRegular:
		reason += "not a regular file (" + v.Detail + ")"
	case pathguard.Dir:
		reason += "a symlink to a directory"
	default:
		reason += "unreadable (" + v.Detail + ")"
	}
	reason += ": the go command was not run on this module"
	switch name {
	case "go.mod", "go.sum":
		l.badModules[dir] = reason
		return
	case "modules.txt":
		if filepath.Base(dir) == "vendor" {
			l.badModules[filepath.Dir(dir)] = reason
			return
		}
	case "go.work", "go.work.sum":
		l.badWork[dir] = strings.TrimSuffix(reason, ": the go command was not run on this module")
		return
	}
	l.overlay[path] = ignoredStub
	kind := v.Kind
	if kind == pathguard.Dir {
		kind = pathguard.NotRegular
	}
	l.skipped[path] = SkippedFile{File: path, Reason: kind.String(), Detail: v.Detail}
}

// rootFor returns the scanned directory holding path, or top when path
// lies outside every scanned directory (in the module above it).
func (l *layout) rootFor(path string, top pathguard.Root) pathguard.Root {
	best := top
	for _, r := range l.bounds {
		if pathguard.Within(r.Dir, path) && len(r.Dir) >= len(best.Dir) {
			best = r
		}
	}
	return best
}

// inPackageTree reports whether path lies in a scanned directory and
// outside the directories `./...` leaves out.
func (l *layout) inPackageTree(path string) bool {
	for _, r := range l.roots {
		if !pathguard.Within(r.Dir, path) {
			continue
		}
		rel, err := filepath.Rel(r.Dir, filepath.Dir(path))
		if err != nil {
			continue
		}
		ok := true
		if rel != "." {
			for _, part := range strings.Split(rel, string(filepath.Separator)) {
				if skipDir(part) {
					ok = false
					break
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
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
// dir, or "" if there is none. A go.mod that is not a regular file inside
// its own directory makes that directory a bad module.
func (l *layout) enclosingModule(dir string) string {
	for d := dir; ; {
		p := filepath.Join(d, "go.mod")
		if _, err := os.Lstat(p); err == nil {
			if r, err := pathguard.NewRoot(d); err == nil {
				v := r.Check(p)
				if !v.OK() {
					l.refuse(p, "go.mod", v)
				}
			}
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// moduleFor returns the module root (loaded or bad) nearest above dir,
// or "".
func (l *layout) moduleFor(dir string) string {
	for d := dir; ; {
		if _, ok := l.modules[d]; ok {
			return d
		}
		if _, ok := l.badModules[d]; ok {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// workReason returns why a go.work at or above dir must not be read, or "".
func (l *layout) workReason(dir string) string {
	for d := dir; ; {
		if r, ok := l.badWork[d]; ok {
			return r
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// contains reports whether path lies inside the scan once symlinks are
// resolved.
func (l *layout) contains(path string) bool {
	for _, r := range l.bounds {
		if r.Contains(path) {
			return true
		}
	}
	return false
}

// outside returns the first of files that lies outside the scan, or "".
func (l *layout) outside(files []string) string {
	for _, f := range files {
		if !l.contains(f) {
			return f
		}
	}
	return ""
}

// readable reports whether tokenvet may read path itself: a regular file
// inside the scan, examined again now (the tree may have changed since
// discover).
func (l *layout) readable(path string) bool {
	if _, refused := l.skipped[path]; refused {
		return false
	}
	for _, r := range l.bounds {
		if pathguard.Within(r.Dir, path) {
			return l.rootFor(path, r).Check(path).OK()
		}
	}
	return false
}

// looseInput is what the loaded packages tell looseUnits.
type looseInput struct {
	tests bool
	// held are the files some loaded package holds.
	held map[string]bool
	// failed maps a module root to why it did not load; dropped maps a
	// directory to why its package was not analysed with types.
	failed, dropped map[string]string
	build           buildEnv
}

// looseUnits groups by directory the Go files no loaded package holds,
// each with why the go command did not load it.
func (l *layout) looseUnits(in looseInput) []looseUnit {
	var units []looseUnit
	for _, f := range l.goFiles {
		name := filepath.Base(f)
		if in.held[f] || hiddenFromGo(name) || (!in.tests && strings.HasSuffix(name, "_test.go")) {
			continue
		}
		dir := filepath.Dir(f)
		if len(units) == 0 || units[len(units)-1].dir != dir {
			u := looseUnit{dir: dir, reasons: map[string]string{}}
			switch mod := l.moduleFor(dir); {
			case in.dropped[dir] != "":
				u.reason = in.dropped[dir]
			case mod == "":
				u.reason, u.report = "no go.mod covers this directory: imports are resolved by path only", true
			case l.badModules[mod] != "":
				u.reason = l.badModules[mod]
			case in.failed[mod] != "":
				u.reason = in.failed[mod]
			}
			units = append(units, u)
		}
		u := &units[len(units)-1]
		u.files = append(u.files, f)
		if u.reason == "" && l.readable(f) {
			// The module loaded, and the go command left this file out.
			if src, err := os.ReadFile(f); err == nil && checkEncoding(src).problem == "" {
				if _, e := buildLine(src); !in.tests && e != nil && goscope.TestOnlyConstraint(e) {
					// Built only for a test suite (//go:build e2etest): test
					// code, left out without --tests as _test.go files are.
					u.files = u.files[:len(u.files)-1]
					if l.testOnly == nil {
						l.testOnly = map[string]bool{}
					}
					l.testOnly[f] = true
					continue
				}
				u.reasons[f] = in.build.excludedReason(dir, name, src)
			}
		}
	}
	return units
}
