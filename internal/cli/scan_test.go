package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestScanRoot(t *testing.T) {
	base := t.TempDir()
	wd := filepath.Join(base, "repo")
	for _, d := range []string{"repo/svc", "other"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
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
	} {
		root, args, err := scanRoot(wd, tc.args)
		if err != nil || root != tc.root || !reflect.DeepEqual(args, tc.wantArgs) {
			t.Errorf("scanRoot(%q) = %q, %q, %v; want %q, %q", tc.args, root, args, err, tc.root, tc.wantArgs)
		}
	}
}
