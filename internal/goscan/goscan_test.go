package goscan

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func mkfiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	mkfiles(t, root, map[string]string{
		"svc/go.mod":                "module example.com/svc\n",
		"svc/main.go":               "package main\n",
		"svc/tools/go.mod":          "module example.com/svc/tools\n",
		"svc/tools/t.go":            "package tools\n",
		"lib/go.mod":                "module example.com/lib\n",
		"lib/testdata/x/x.go":       "package x\n", // not a package for ./...
		"loose/a.go":                "package loose\n",
		"node_modules/m/go.mod":     "module m\n",
		".hidden/h.go":              "package h\n",
		"_skip/s.go":                "package s\n",
		"vendor/example.com/v/v.go": "package v\n",
	})
	lay, problems := discover([]string{root}, nil, "")
	if len(problems) != 0 {
		t.Fatalf("problems: %+v", problems)
	}
	wantMods := []string{filepath.Join(root, "lib"), filepath.Join(root, "svc"), filepath.Join(root, "svc", "tools")}
	if got := lay.sortedModules(); !reflect.DeepEqual(got, wantMods) {
		t.Errorf("modules = %v, want %v", got, wantMods)
	}
	wantDirs := []string{filepath.Join(root, "loose"), filepath.Join(root, "svc"), filepath.Join(root, "svc", "tools")}
	if !reflect.DeepEqual(lay.goDirs, wantDirs) {
		t.Errorf("goDirs = %v, want %v", lay.goDirs, wantDirs)
	}
}

func TestDiscoverInsideModule(t *testing.T) {
	root := t.TempDir()
	mkfiles(t, root, map[string]string{
		"go.mod":     "module example.com/m\n",
		"pkg/a/a.go": "package a\n",
	})
	lay, _ := discover([]string{filepath.Join(root, "pkg")}, nil, "")
	if got := lay.modules[root]; !reflect.DeepEqual(got, []string{"./pkg/..."}) {
		t.Errorf("patterns for the enclosing module = %v, want [./pkg/...]", got)
	}
}

func TestSplitPos(t *testing.T) {
	for _, tc := range []struct {
		in        string
		file      string
		line, col int
	}{
		{"/a/b.go:3:7", "/a/b.go", 3, 7},
		{"/a/b.go:3", "/a/b.go", 3, 0},
		{"C:/x/b.go:10:2", "C:/x/b.go", 10, 2},
		{"", "", 0, 0},
		{"-", "", 0, 0},
	} {
		f, l, c := splitPos(tc.in)
		if f != tc.file || l != tc.line || c != tc.col {
			t.Errorf("splitPos(%q) = %q %d %d", tc.in, f, l, c)
		}
	}
}

func TestLoadLooseSyntaxError(t *testing.T) {
	dir := t.TempDir()
	mkfiles(t, dir, map[string]string{
		"good.go":   "package p\n\nimport \"example.com/missing\"\n\nvar X = missing.Y\n",
		"bad.go":    "package p\n\nfunc broken( {\n",
		"x_test.go": "package p\n",
	})
	pkgs, problems := loadLoose([]looseUnit{{dir: dir, files: []string{filepath.Join(dir, "bad.go"), filepath.Join(dir, "good.go")}}},
		newParseLog(), func(string) bool { return true })
	if len(pkgs) != 1 || len(pkgs[0].Syntax) != 2 {
		t.Fatalf("want one package of two files, got %d packages", len(pkgs))
	}
	if !pkgs[0].IllTyped || pkgs[0].Types == nil || pkgs[0].TypesInfo == nil {
		t.Error("loose package must carry (partial) type information and be marked ill-typed")
	}
	if len(problems) == 0 || problems[0].Kind != KindSyntax || filepath.Base(problems[0].File) != "bad.go" || problems[0].Line != 3 {
		t.Errorf("problems = %+v, want the syntax error in bad.go:3", problems)
	}
}

func TestOneSyntaxErrorPerFile(t *testing.T) {
	r := &Result{Problems: []Problem{
		{Kind: KindSyntax, File: "/a.go", Line: 5, Message: "second"},
		{Kind: KindSyntax, File: "/a.go", Line: 3, Message: "first"},
		{Kind: KindSyntax, File: "/a.go", Line: 3, Message: "first"},
		{Kind: KindSyntax, File: "/b.go", Line: 1, Message: "other file"},
	}}
	r.sort()
	if len(r.Problems) != 2 || r.Problems[0].Line != 3 || r.Problems[0].Message != "first (and 1 more syntax error in this file)" {
		t.Errorf("problems = %+v", r.Problems)
	}
}

// TestConvertFlow: an analyzer's related information becomes the
// diagnostic's flow, in order, with absolute positions; one without a
// position is dropped.
func TestConvertFlow(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/a.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	d := analysis.Diagnostic{Pos: f.Pos(25), End: f.Pos(28), Category: "jwt-hardcoded-key", Message: "m",
		Related: []analysis.RelatedInformation{
			{Pos: f.Pos(3), Message: `literal "…" for key`},
			{Message: "nowhere"},
			{Pos: f.Pos(25), Message: "passed to SignedString"},
		}}
	got := convert(fset, &analysis.Analyzer{Name: "jwthardcodedkey"}, d, false).Flow
	want := []Step{
		{Pos: token.Position{Filename: "/src/a.go", Offset: 3, Line: 1, Column: 4}, Message: `literal "…" for key`},
		{Pos: token.Position{Filename: "/src/a.go", Offset: 25, Line: 3, Column: 6}, Message: "passed to SignedString"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("flow = %+v, want %+v", got, want)
	}
}
