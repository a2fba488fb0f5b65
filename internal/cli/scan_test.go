package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/report/sarif"
)

func TestScanRoot(t *testing.T) {
	base := t.TempDir()
	wd := filepath.Join(base, "repo")
	for _, d := range []string{"repo/svc", "other"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"repo/svc/a.go", "other/b.go"} {
		if err := os.WriteFile(filepath.Join(base, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args     []string
		root     string
		wantArgs []string
	}{
		{nil, wd, nil},
		{[]string{"./..."}, wd, []string{"./..."}},
		{[]string{"./svc"}, wd, []string{"./svc"}}, // inside: paths stay repo-relative
		{[]string{"../other"}, filepath.Join(base, "other"), nil},
		{[]string{filepath.Join(base, "other") + "/..."}, filepath.Join(base, "other"), nil},
		{[]string{"./svc", "../other"}, wd, []string{"./svc", "../other"}},
		{[]string{"example.com/x/..."}, wd, []string{"example.com/x/..."}},
		{[]string{"./svc/a.go"}, wd, []string{"./svc/a.go"}},
		{[]string{"../other/b.go"}, filepath.Join(base, "other"), []string{filepath.Join(base, "other", "b.go")}},
	} {
		root, args, err := scanRoot(wd, tc.args)
		if err != nil || root != tc.root || !reflect.DeepEqual(args, tc.wantArgs) {
			t.Errorf("scanRoot(%q) = %q, %q, %v; want %q, %q", tc.args, root, args, err, tc.root, tc.wantArgs)
		}
	}
}

// TestNotifications: SARIF notifications carry the problems at their
// levels (sarif.ProblemNotifications: a file that did not parse is an
// error, its results may be incomplete), and the files read but not
// analysed and the walk's notes, as notes: a gap in the analysis is not
// a failure of the run.
func TestNotifications(t *testing.T) {
	rep := &report.Report{
		Problems:    []report.Problem{{Kind: "syntax", File: "a.js", Line: 2, Message: "bad"}},
		NotAnalysed: []report.NotAnalysed{{File: "views/index.ejs", Engine: "web", Reason: "scripts not analysed (x)"}},
		Stats:       report.Stats{Notes: []string{"git is not installed"}},
	}
	want := []sarif.Notification{
		{Level: "error", Message: "syntax: bad", File: "a.js", Line: 2},
		{Level: "note", Message: "read, scripts not analysed (x)", File: "views/index.ejs"},
		{Level: "note", Message: "git is not installed"},
	}
	if got := notifications(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("notifications = %+v,\nwant %+v", got, want)
	}
}
