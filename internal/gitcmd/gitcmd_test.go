package gitcmd

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestFilters(t *testing.T) {
	out := []byte("filter.lfs.clean\ngit-lfs clean -- %f\x00filter.lfs.smudge\ngit-lfs smudge -- %f\x00filter.a.b.process\nevil\x00filter.lfs.required\ntrue\x00")
	got := Filters(out)
	want := []string{
		"-c", "filter.lfs.clean=", "-c", "filter.lfs.smudge=", "-c", "filter.lfs.process=", "-c", "filter.lfs.required=false",
		"-c", "filter.a.b.clean=", "-c", "filter.a.b.smudge=", "-c", "filter.a.b.process=", "-c", "filter.a.b.required=false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Filters:\n got %q\nwant %q", got, want)
	}
	if Filters(nil) != nil {
		t.Error("no filters: want no settings")
	}
}

// TestCommand: the fixed settings come before the subcommand, where git
// reads them, and the environment pins what the user's could change.
func TestCommand(t *testing.T) {
	cmd := Command(context.Background(), t.TempDir(), "diff", "HEAD")
	args := strings.Join(cmd.Args, " ")
	for _, want := range []string{"git --no-pager -c core.fsmonitor=false", "-c diff.mnemonicPrefix=false", "-c safe.bareRepository=explicit"} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	if !strings.HasSuffix(args, " diff HEAD") {
		t.Errorf("subcommand not last: %q", args)
	}
	env := strings.Join(cmd.Env, "\n")
	for _, want := range []string{"\nGIT_EXTERNAL_DIFF=\n", "\nGIT_OPTIONAL_LOCKS=0\n", "\nLC_ALL=C"} {
		if !strings.Contains("\n"+env, want) {
			t.Errorf("environment lacks %q", want)
		}
	}
}
