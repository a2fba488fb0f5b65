package modelcheck

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/testdatadir"
	"github.com/tokenvet/tokenvet/model"
)

// TestEmbeddedModelsResolve: every row of every embedded Go model names
// a real object of the standard library, or of the stub package that
// mirrors its library in testdata/src, with the shape the row claims.
func TestEmbeddedModelsResolve(t *testing.T) {
	s, err := model.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	imp := NewImporter(filepath.Join(testdatadir.Shared(t), "src"))
	for _, err := range Check(s, imp) {
		t.Error(err)
	}
}

// TestCheckCatchesMistakes: rows naming nothing, the wrong kind, too many
// parameters or a parameter of the wrong type are reported.
func TestCheckCatchesMistakes(t *testing.T) {
	f, err := model.Parse("bad.yml", []byte(`language: go
module: net/http
checked: [go1.26]
sinks:
  - name: NoSuchFunc
    input: Argument[0]
    kind: log
  - name: Header
    input: Argument[0]
    kind: log
  - type: Header
    name: Set
    input: Argument[2]
    kind: request-header
  - type: Request
    name: FormValue
    input: Argument[receiver]
    kind: log
  - type: Cookie
    name: Secure
    object: field
    input: Argument[0]
    kind: set-cookie
api:
  - name: NewRequest
    traits: [builds-request]
    params: [other, other, other, url]
  - type: Cookie
    name: HttpOnly
    object: field
    value: cookie-name
  - type: Client
    name: Get
    traits: [sends-request]
    params: [url]
`))
	if err != nil {
		t.Fatal(err)
	}
	errs := CheckFile(f, NewImporter(t.TempDir()))
	want := []string{
		"bad.yml:5: net/http.NoSuchFunc: no such object",
		"bad.yml:8: net/http.Header: the row says func",
		"bad.yml:11: (net/http.Header).Set: Argument[2], the signature has 2 parameters",
		"bad.yml:19: (net/http.Cookie).Secure: access path Argument[0] on something that is not called",
		"bad.yml:25: net/http.NewRequest: 4 params, the signature has 3",
		"bad.yml:28: (net/http.Cookie).HttpOnly: the value of type bool holds a string (cookie-name)",
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no error %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

// TestEveryModelTested: each embedded Go model is exercised by the rules'
// test data: some test package outside the stubs imports one of its
// packages and expects a finding there (a `// want` comment); the same
// files hold the non-findings next to them.
func TestEveryModelTested(t *testing.T) {
	s, err := model.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tested := testedPackages(t)
	for _, f := range s.Files() {
		if f.Language != model.Go {
			continue
		}
		ok := false
		for _, p := range f.PackageList() {
			ok = ok || tested[p]
		}
		if !ok {
			t.Errorf("%s: no test data with a finding imports %v", f.Path, f.PackageList())
		}
	}
}

// testedPackages returns the import paths imported by a test-data file
// that expects a finding: the shared tree's rule packages (not the stubs,
// whose paths have a dot) and the analyzers' own testdata.
func testedPackages(t *testing.T) map[string]bool {
	t.Helper()
	roots := []string{filepath.Join(testdatadir.Shared(t), "src")}
	dirs, _ := filepath.Glob(filepath.Join(testdatadir.Shared(t), "..", "analyzers", "*", "testdata", "src"))
	roots = append(roots, dirs...)
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() && rel != "." && strings.Contains(strings.Split(filepath.ToSlash(rel), "/")[0], ".") {
				return filepath.SkipDir // a stub
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !strings.Contains(string(data), "// want") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, data, parser.ImportsOnly)
			if err != nil {
				return nil // test data that does not parse on purpose
			}
			for _, imp := range f.Imports {
				if p, err := strconv.Unquote(imp.Path.Value); err == nil {
					out[p] = true
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// jsTestdata are the web engine's annotated test data of the JS models
// (`// ruleid: <rule>` before a finding, `// ok: <rule>` before a line
// that must have none; rules/web checks them): the key sinks' and the
// JWT API rows', the cookie API rows' and the log sinks'.
var jsTestdata = []string{"rules/web/testdata/keys", "rules/web/testdata/jwt", "rules/web/testdata/cookies", "rules/web/testdata/logs", "rules/web/testdata/lifetimes", "rules/web/testdata/storage"}

var jsModule = regexp.MustCompile(`(?:require\(\s*|from\s+|import\s+)['"]([^'"]+)['"]`)

// TestEveryJSModelTested: each embedded JS model is exercised by the web
// engine's annotated test data: a file that requires or imports one of
// its packages and holds both an expected finding and a non-finding.
func TestEveryJSModelTested(t *testing.T) {
	s, err := model.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tested := map[string]bool{}
	for _, d := range jsTestdata {
		dir := filepath.Join(testdatadir.Shared(t), "..", filepath.FromSlash(d))
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			if !strings.Contains(src, "// ruleid: ") || !strings.Contains(src, "// ok: ") {
				continue
			}
			for _, m := range jsModule.FindAllStringSubmatch(src, -1) {
				tested[strings.TrimPrefix(m[1], "node:")] = true
			}
		}
	}
	n := 0
	for _, f := range s.Files() {
		if f.Language != model.JS {
			continue
		}
		n++
		ok := false
		for _, p := range f.PackageList() {
			ok = ok || tested[p]
		}
		if !ok {
			t.Errorf("%s: no file in %s with findings and non-findings requires or imports %v", f.Path, jsTestdata, f.PackageList())
		}
	}
	if n == 0 {
		t.Error("no JS model files: the check checks nothing")
	}
}
