package modelcheck

import (
	"path/filepath"
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
