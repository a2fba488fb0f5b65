package rules

import "testing"

func TestVariantURL(t *testing.T) {
	for _, s := range []Severity{SeverityNote, SeverityWarning, SeverityError} {
		u := VariantURL(JWTMissingExp, s)
		got, ok := SeverityFromURL(u)
		if !ok || got != s {
			t.Errorf("SeverityFromURL(%q) = %v, %v; want %v", u, got, ok, s)
		}
	}
	for _, u := range []string{"", MustLookup(JWTNoneAlg).HelpURI(), "https://example.com/?severity=error", DocsURL + "?severity=bogus#x", DocsURL + "?severity=none#x"} {
		if s, ok := SeverityFromURL(u); ok {
			t.Errorf("SeverityFromURL(%q) = %v, want none", u, s)
		}
	}
}
