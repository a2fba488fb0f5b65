package goscan

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestUniverseFits checks that a root and its test variant, which share
// an import path, are never checked in one universe, while roots of one
// graph are.
func TestUniverseFits(t *testing.T) {
	node := func(id, path string, root bool, deps ...*srcNode) *srcNode {
		return &srcNode{root: root, deps: deps, pkg: &packages.Package{ID: id, PkgPath: path}}
	}
	fmtDep := node("fmt", "fmt", false)
	foo := node("example.com/foo", "example.com/foo", true, fmtDep)
	fooTest := node("example.com/foo [example.com/foo.test]", "example.com/foo", true, fmtDep)
	bar := node("example.com/bar", "example.com/bar", true, foo)
	barTest := node("example.com/bar [example.com/foo.test]", "example.com/bar", true, fooTest)
	baz := node("example.com/baz", "example.com/baz", true, fmtDep)

	u := newUniverse()
	u.checked(foo)
	if !u.fits(bar) || !u.fits(baz) {
		t.Fatal("roots of foo's graph do not fit the universe foo was checked in")
	}
	if u.fits(fooTest) {
		t.Error("foo's test variant fits the universe foo was checked in")
	}
	if u.fits(barTest) {
		t.Error("a root importing foo's test variant fits the universe foo was checked in")
	}
	v := newUniverse()
	v.own(barTest) // as reading barTest's export data does
	if v.fits(foo) || v.fits(bar) {
		t.Error("foo fits a universe that holds its test variant")
	}
	if !v.fits(baz) {
		t.Error("a root of neither graph does not fit")
	}
}
