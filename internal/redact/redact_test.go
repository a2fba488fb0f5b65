package redact

import (
	"fmt"
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

func TestRanges(t *testing.T) {
	text := `a "sk_live_0123456789abcdef" b "ghp_x" ü`
	i := strings.Index(text, "sk_live")
	for _, tc := range []struct {
		ranges [][2]int
		want   string
	}{
		{nil, text},
		{[][2]int{{i, i + 24}}, `a "sk_l…(24 chars)" b "ghp_x" ü`},
		// Overlapping and touching ranges are one secret; order does not
		// matter.
		{[][2]int{{i + 10, i + 24}, {i, i + 12}}, `a "sk_l…(24 chars)" b "ghp_x" ü`},
		// Clipped to the text; cut inside a rune, widened to whole runes.
		{[][2]int{{len(text) - 1, len(text) + 5}}, `a "sk_live_0123456789abcdef" b "ghp_x" …(1 chars)`},
		{[][2]int{{-3, 1}}, `…(1 chars) "sk_live_0123456789abcdef" b "ghp_x" ü`},
		{[][2]int{{5, 5}}, text},
	} {
		if got := Ranges(text, tc.ranges); got != tc.want {
			t.Errorf("Ranges(%v) = %q, want %q", tc.ranges, got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	text := `key "zq4x" and the word zq4x; token sk_live_0123456789abcdef, again sk_live_0123456789abcdef`
	got := Ranges(text, Find(text, []string{"sk_live_0123456789abcdef", "zq4x", ""}))
	want := `key "zq…(4 chars)" and the word zq4x; token sk_l…(24 chars), again sk_l…(24 chars)`
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A short secret is not hunted for in ordinary words.
	if rs := Find("a secret store", []string{"secret"}); len(rs) != 0 {
		t.Errorf("Find matched a word: %v", rs)
	}
	// Nor a secret of words only, however long, in a message's own
	// words; quoted, as a message quoting source has it, it is found.
	msg := `load the key from a secret store (createHmac('sha256', 'a secret'))`
	if got, want := Ranges(msg, Find(msg, []string{"a secret"})), `load the key from a secret store (createHmac('sha256', 'a se…(8 chars)'))`; got != want {
		t.Errorf("words-only secret:\n got %q\nwant %q", got, want)
	}
	if got := Ranges("use keyboard-cat_2 here", Find("use keyboard-cat_2 here", []string{"keyboard-cat_2"})); got != "use keyb…(14 chars) here" {
		t.Errorf("a secret with other characters is found anywhere: %q", got)
	}
}

// TestMatcherSharedPrefix: thousands of secrets with one prefix (a
// keyword-dense file of ghp_ tokens) are each found, and only where they
// occur.
func TestMatcherSharedPrefix(t *testing.T) {
	var secrets []string
	var b strings.Builder
	for i := range 5000 {
		s := fmt.Sprintf("ghp_%036d", i*7919)
		secrets = append(secrets, s)
		if i%2 == 0 {
			fmt.Fprintf(&b, "token: %s\n", s)
		}
	}
	text := b.String()
	rs := NewMatcher(secrets).Find(text)
	if len(rs) != 2500 {
		t.Fatalf("found %d occurrences, want 2500", len(rs))
	}
	for _, r := range rs {
		if !strings.HasPrefix(text[r[0]:r[1]], "ghp_") || r[1]-r[0] != 40 {
			t.Fatalf("bad range %v: %q", r, text[r[0]:r[1]])
		}
	}
	if out := Ranges(text, rs); strings.Contains(out, "ghp_0") {
		t.Errorf("a secret survived: %.200s", out)
	}
	if !NewMatcher(nil).Empty() || NewMatcher([]string{""}).Find("x") != nil {
		t.Error("an empty matcher matched")
	}
}

func BenchmarkMatcher(b *testing.B) {
	var secrets []string
	var sb strings.Builder
	for i := range 50000 {
		s := fmt.Sprintf("ghp_%036d", i*7919)
		secrets = append(secrets, s)
		fmt.Fprintf(&sb, "token: %s\n", s)
	}
	m, text := NewMatcher(secrets), sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Find(text)
	}
}
