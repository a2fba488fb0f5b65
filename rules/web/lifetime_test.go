package web

import (
	"testing"
	"time"
)

// TestParseSpan: the time spans of the ms package and jose, and what is
// not one.
func TestParseSpan(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"60d": 60 * 24 * time.Hour, "2 hours": 2 * time.Hour, "2.5 hrs": 150 * time.Minute,
		"15m": 15 * time.Minute, "1w": 7 * 24 * time.Hour, "90 days": 90 * 24 * time.Hour,
		"1y": 365*24*time.Hour + 6*time.Hour, " 10 S ": 10 * time.Second, "500ms": 500 * time.Millisecond,
	} {
		if got, ok := parseSpan(in); !ok || got != want {
			t.Errorf("parseSpan(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "d", "60", "soon", "-5d", "0d", "1 fortnight", "1e400d"} {
		if got, ok := parseSpan(in); ok {
			t.Errorf("parseSpan(%q) = %v, want no span", in, got)
		}
	}
}
