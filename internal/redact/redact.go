// Package redact hides secrets in everything tokenvet prints.
package redact

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// keep is how many leading characters of a secret stay visible: enough to
// recognise a token's kind (ghp_, xoxb, eyJh) and no more.
const keep = 4

// Secret returns the redacted form of s: at most its first four
// characters (fewer for short secrets, so that at least half stays
// hidden) and its length, e.g. "ghp_…(40 chars)".
func Secret(s string) string {
	n := utf8.RuneCountInString(s)
	show := min(keep, n/2)
	var b strings.Builder
	for _, r := range s {
		if show == 0 {
			break
		}
		b.WriteRune(r)
		show--
	}
	fmt.Fprintf(&b, "…(%d chars)", n)
	return b.String()
}

// In replaces every occurrence of secret in text with its redacted form.
// An empty secret leaves text unchanged.
func In(text, secret string) string {
	if secret == "" {
		return text
	}
	return strings.ReplaceAll(text, secret, Secret(secret))
}
