package model

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tokenvet/tokenvet/models"
)

// Set is a collection of model files, indexed for the questions the
// analyzers ask. It is read-only once built and safe for concurrent use.
type Set struct {
	files []*File
	// byPackage maps a Go import path or JS module specifier to the file
	// that describes it.
	byPackage map[pkgKey]*File
	// goRows maps a Go package and identifier to its rows.
	goRows map[goKey][]*Row
	// jsRows maps a JS module specifier to its rows.
	jsRows map[string][]*Row
}

type pkgKey struct {
	lang Language
	pkg  string
}

type goKey struct{ pkg, name string }

// NewSet indexes files. A package described by two files is an error:
// knowledge of a library lives in one place. The later file in files is
// the one the error blames, so a user's file is named, not the embedded
// one it repeats.
func NewSet(files []*File) (*Set, error) {
	s := &Set{byPackage: map[pkgKey]*File{}, goRows: map[goKey][]*Row{}, jsRows: map[string][]*Row{}}
	var errs []error
	for _, f := range files {
		for _, p := range f.PackageList() {
			k := pkgKey{f.Language, p}
			if other := s.byPackage[k]; other != nil {
				errs = append(errs, fmt.Errorf("%s: package %s is already described by %s", f.Path, p, other.Path))
				continue
			}
			s.byPackage[k] = f
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.files = slices.Clone(files)
	sortFiles(s.files)
	for _, f := range s.files {
		for _, r := range f.Rows() {
			switch f.Language {
			case Go:
				rows := []*Row{r}
				if f.Family != "" {
					rows = append(rows, keySinks(r)...)
				}
				for _, r := range rows {
					for _, id := range r.Identifiers() {
						k := goKey{r.Package, id}
						s.goRows[k] = append(s.goRows[k], r)
					}
				}
			case JS:
				s.jsRows[r.Package] = append(s.jsRows[r.Package], r)
			}
		}
	}
	return s, nil
}

// Files returns the set's files, ordered by language and module.
func (s *Set) Files() []*File { return slices.Clone(s.files) }

// FileOf returns the file describing a Go import path or JS module.
func (s *Set) FileOf(lang Language, pkg string) (*File, bool) {
	f, ok := s.byPackage[pkgKey{lang, pkg}]
	return f, ok
}

// GoFunc returns the rows of section for the package-level Go element
// name of package pkg: a function, variable, constant or type.
func (s *Set) GoFunc(section Section, pkg, name string) []*Row {
	var out []*Row
	for _, r := range s.goRows[goKey{pkg, name}] {
		if o := r.GoObject(); r.Section == section && o != Method && o != Field {
			out = append(out, r)
		}
	}
	return out
}

// GoMember returns the rows of section for the method or field name of
// type typ in package pkg. A row with an empty Type describes a method of
// that name on any type of the package, and an empty typ (the receiver is
// unknown, as in the syntactic fallback) matches rows of every type.
// Rows with Subtypes are returned for their own type only: a caller that
// knows a concrete type implements the interface asks with the
// interface's name, or uses GoNamed.
func (s *Set) GoMember(section Section, pkg, typ, name string) []*Row {
	var out []*Row
	for _, r := range s.goRows[goKey{pkg, name}] {
		if o := r.GoObject(); r.Section == section && (o == Method || o == Field) &&
			(r.Type == "" || typ == "" || r.Type == typ) {
			out = append(out, r)
		}
	}
	return out
}

// GoNamed returns every row, of any section and type, for the Go element
// name of package pkg.
func (s *Set) GoNamed(pkg, name string) []*Row { return slices.Clone(s.goRows[goKey{pkg, name}]) }

// JS returns the rows of section for the JS module spec.
func (s *Set) JS(section Section, spec string) []*Row {
	var out []*Row
	for _, r := range s.jsRows[spec] {
		if r.Section == section {
			out = append(out, r)
		}
	}
	return out
}

// Rows returns every row of section in the set, for one language.
func (s *Set) Rows(lang Language, section Section) []*Row {
	var out []*Row
	for _, f := range s.files {
		if f.Language != lang {
			continue
		}
		for _, r := range f.Rows() {
			if r.Section == section {
				out = append(out, r)
			}
		}
	}
	return out
}

// builtin is the set of embedded model files, read once.
var builtin = sync.OnceValues(func() ([]*File, error) {
	return LoadFS(models.FS, ".")
})

// Builtin returns the embedded models (models/go, models/js).
func Builtin() (*Set, error) {
	files, err := builtin()
	if err != nil {
		return nil, fmt.Errorf("tokenvet's embedded models: %w", err)
	}
	return NewSet(files)
}

// WithUser returns the embedded models plus the user's model files in
// dirs. A user file may describe a library tokenvet has no model of; one
// that describes a package an embedded file already covers is an error
// that says which.
func WithUser(dirs []string) (*Set, error) {
	files, err := builtin()
	if err != nil {
		return nil, fmt.Errorf("tokenvet's embedded models: %w", err)
	}
	files = slices.Clone(files)
	for _, d := range dirs {
		user, err := LoadDir(d)
		if err != nil {
			return nil, err
		}
		files = append(files, user...)
	}
	return NewSet(files)
}

var current atomic.Pointer[Set]

// Current returns the set the analyzers use: the one passed to Use, or
// the embedded models.
func Current() *Set {
	if s := current.Load(); s != nil {
		return s
	}
	s, err := Builtin()
	if err != nil {
		// The embedded files are checked by this package's tests; a
		// failure here is a build of tokenvet that must not ship.
		panic(err)
	}
	current.CompareAndSwap(nil, s)
	return current.Load()
}

// Use makes s the set Current returns, for the rest of the process (the
// CLI calls it once, before any analysis, with the user's --models).
func Use(s *Set) { current.Store(s) }
