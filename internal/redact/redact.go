// Package redact hides secrets in everything tokenvet prints.
package redact

import (
	"cmp"
	"fmt"
	"slices"
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

// Ranges returns text with each byte range [r[0], r[1]) replaced by the
// redacted form of its content. Ranges may overlap, touch and come in
// any order: overlapping ones are redacted as one secret, so no part of
// either survives. Ranges outside text are clipped.
func Ranges(text string, ranges [][2]int) string {
	if len(ranges) == 0 {
		return text
	}
	rs := make([][2]int, 0, len(ranges))
	for _, r := range ranges {
		r[0], r[1] = max(r[0], 0), min(r[1], len(text))
		if r[0] < r[1] {
			rs = append(rs, r)
		}
	}
	slices.SortFunc(rs, func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) })
	var b strings.Builder
	last := 0
	for i := 0; i < len(rs); {
		start, end := rs[i][0], rs[i][1]
		for i++; i < len(rs) && rs[i][0] < end; i++ {
			end = max(end, rs[i][1])
		}
		// A range cut inside a UTF-8 sequence is widened to whole runes,
		// so the output stays valid UTF-8 and hides the whole character.
		for start > last && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		start = max(start, last)
		b.WriteString(text[last:start])
		b.WriteString(Secret(text[start:end]))
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// Find returns the byte ranges of every occurrence of each secret in
// text, for Ranges: NewMatcher(secrets).Find(text).
func Find(text string, secrets []string) [][2]int {
	return NewMatcher(secrets).Find(text)
}

// Matcher finds occurrences of a fixed set of secrets in texts, in time
// linear in the text times the number of distinct secret lengths,
// however many secrets there are (a keyword-dense file can hold tens of
// thousands, most with one prefix): a Rabin-Karp rolling hash per
// length.
//
// Secrets shorter than MinLoose, and secrets made only of letters and
// spaces whatever their length ("a secret", "keyboard cat"), are only
// found as a whole quoted literal ("k", 'k', `k`): such a key is a common
// word or phrase as often as not, and replacing "a secret" wherever a
// message says "a secret store" would garble the message without hiding
// anything; where a message quotes source, the literal keeps its quotes.
type Matcher struct {
	lengths []int                // distinct secret lengths, ascending
	byHash  map[lenHash][]string // secrets by length and hash
	seen    map[string]struct{}  // for Empty and deduplication
	prose   map[string]bool      // secrets found only quoted (see above)
}

// proseLike reports a secret of letters and spaces only: words.
func proseLike(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == ' ' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

type lenHash struct {
	n int
	h uint64
}

// hashBase is the rolling hash's base (FNV's 64-bit prime); arithmetic
// wraps modulo 2^64.
const hashBase = 1099511628211

// NewMatcher returns a Matcher for secrets; empty strings are ignored.
func NewMatcher(secrets []string) *Matcher {
	m := &Matcher{byHash: map[lenHash][]string{}, seen: map[string]struct{}{}, prose: map[string]bool{}}
	for _, s := range secrets {
		if _, dup := m.seen[s]; s == "" || dup {
			continue
		}
		m.seen[s] = struct{}{}
		if proseLike(s) {
			m.prose[s] = true
		}
		var h uint64
		for k := 0; k < len(s); k++ {
			h = h*hashBase + uint64(s[k])
		}
		key := lenHash{len(s), h}
		if len(m.byHash[key]) == 0 && !slices.Contains(m.lengths, len(s)) {
			m.lengths = append(m.lengths, len(s))
		}
		m.byHash[key] = append(m.byHash[key], s)
	}
	slices.Sort(m.lengths)
	return m
}

// Empty reports whether m finds nothing.
func (m *Matcher) Empty() bool { return len(m.seen) == 0 }

// Find returns the byte ranges of every occurrence of m's secrets in
// text, overlapping ones included.
func (m *Matcher) Find(text string) [][2]int {
	var out [][2]int
	for _, n := range m.lengths {
		if n > len(text) {
			break
		}
		var h, pow uint64 = 0, 1
		for k := 0; k < n; k++ {
			h = h*hashBase + uint64(text[k])
			if k > 0 {
				pow *= hashBase
			}
		}
		for i := 0; ; i++ {
			for _, s := range m.byHash[lenHash{n, h}] {
				if text[i:i+n] == s && ((n >= MinLoose && !m.prose[s]) || quotedAt(text, i, i+n)) {
					out = append(out, [2]int{i, i + n})
				}
			}
			if i+n >= len(text) {
				break
			}
			h = (h-uint64(text[i])*pow)*hashBase + uint64(text[i+n])
		}
	}
	return out
}

// MinLoose is the shortest secret Find finds anywhere in a text (unless
// it is made of words only).
const MinLoose = 8

func quotedAt(text string, i, j int) bool {
	if i == 0 || j >= len(text) {
		return false
	}
	q := text[i-1]
	return (q == '"' || q == '\'' || q == '`') && text[j] == q
}
