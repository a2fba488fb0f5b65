package finding

import (
	"strconv"
	"testing"
)

func TestSortAndDedupe(t *testing.T) {
	mk := func(file string, line, col int, rule, msg string) *Finding {
		return &Finding{File: file, StartLine: line, StartCol: col, RuleID: rule, Message: msg}
	}
	fs := []*Finding{
		mk("b.go", 1, 1, "r", "m"),
		mk("a.go", 2, 5, "r", "m"),
		mk("a.go", 2, 1, "z", "m"),
		mk("a.go", 2, 1, "a", "m"),
		mk("a.go", 2, 1, "a", "m"), // duplicate
		mk("a.go", 10, 1, "a", "m"),
	}
	Sort(fs)
	fs = Dedupe(fs)
	want := []string{"a.go:2:1:a", "a.go:2:1:z", "a.go:2:5:r", "a.go:10:1:a", "b.go:1:1:r"}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings, want %d", len(fs), len(want))
	}
	for i, f := range fs {
		got := f.File + ":" + itoa(f.StartLine) + ":" + itoa(f.StartCol) + ":" + f.RuleID
		if got != want[i] {
			t.Errorf("position %d: got %s, want %s", i, got, want[i])
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
