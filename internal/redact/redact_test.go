package redact

import (
	"strings"
	"testing"
)

func TestSecret(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ghp_1234567890abcdefghijklmnopqrstuvwxyzAB", "ghp_…(42 chars)"},
		{"abcdef", "abc…(6 chars)"},
		{"ab", "a…(2 chars)"},
		{"a", "…(1 chars)"},
		{"ééééééééé", "éééé…(9 chars)"},
	} {
		if got := Secret(tc.in); got != tc.want {
			t.Errorf("Secret(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIn(t *testing.T) {
	secret := "sk_live_0123456789abcdef"
	got := In(`key := "`+secret+`" // and again `+secret, secret)
	if strings.Contains(got, secret) {
		t.Fatalf("secret still present: %s", got)
	}
	if strings.Count(got, "sk_l…(24 chars)") != 2 {
		t.Fatalf("want both occurrences redacted: %s", got)
	}
	if In("plain", "") != "plain" {
		t.Fatal("empty secret changed text")
	}
}
