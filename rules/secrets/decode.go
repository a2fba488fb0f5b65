package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Encoded secrets. A token written base64- or hex-encoded, percent- or
// \u-escaped is as usable as the plain one, and committed that way often
// (Kubernetes Secret data, escaped JSON, URLs). The rules match plain
// text, so the Scanner decodes what looks encoded and runs the rules over
// the decoded text in its line's context (generic rules need the key
// name before the value). The cost follows what decodes, not the file's
// size: each decoded segment is matched with at most decodeContext bytes
// of its line on either side.

const (
	// maxDecodeDepth bounds nested encodings (base64 of base64 of …), as
	// gitleaks' command bounds them by default.
	maxDecodeDepth = 5
	// decodeContext is how much of the line around an encoded segment
	// the rules see with its decoded text.
	decodeContext = 160
	// minEncodedRun is the shortest base64 or hex run worth decoding
	// (shorter ones cannot hold a token).
	minEncodedRun = 16
)

// encodedSegment is a span of text that decodes to printable text.
type encodedSegment struct {
	start, end int    // the encoded text's span
	decoded    string // what it decodes to
	kind       string // "base64", "hex", "percent" or "unicode"
}

// findEncoded returns the spans of text that decode, in order. Base64
// runs count only when they hold a digit or one of +/-_ (long
// identifiers are letters only) and decode to printable text; hex runs
// need 32 digits; a percent-encoded run needs one escape, a unicode one
// a \uXXXX or U+XXXX sequence.
func findEncoded(text string) []encodedSegment {
	var out []encodedSegment
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '%' && isHexPair(text, i+1):
			start, end := percentRun(text, i)
			if d, ok := decodePercent(text[start:end]); ok {
				out = append(out, encodedSegment{start, end, d, "percent"})
			}
			i = end
		case c == '\\' && unicodeEscapeAt(text, i) > 0 || c == 'U' && codePointAt(text, i) > 0:
			end := unicodeRun(text, i)
			if d, ok := decodeUnicode(text[i:end]); ok {
				out = append(out, encodedSegment{i, end, d, "unicode"})
			}
			i = end
		case isBase64Byte(c):
			end := i
			for end < len(text) && isBase64Byte(text[end]) {
				end++
			}
			// A run that continues a word (ghp_… inside a longer name) is
			// still a candidate: decoding decides.
			run := end
			for n := 0; n < 2 && run < len(text) && text[run] == '='; n++ {
				run++
			}
			if end-i >= minEncodedRun {
				if d, kind, ok := decodeRun(text[i:run]); ok {
					out = append(out, encodedSegment{i, run, d, kind})
				}
			}
			i = run
		default:
			i++
		}
	}
	return out
}

func isBase64Byte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isHexPair(s string, i int) bool {
	return i+1 < len(s) && isHexByte(s[i]) && isHexByte(s[i+1])
}

// decodeRun decodes a base64 or hex run to printable text.
func decodeRun(v string) (string, string, bool) {
	if len(v) >= 2*minEncodedRun && len(v)%2 == 0 && allHex(v) {
		if b, err := hex.DecodeString(v); err == nil && printable(b) {
			return string(b), "hex", true
		}
		return "", "", false
	}
	if !strings.ContainsAny(v, "0123456789+/-_") {
		return "", "", false
	}
	trimmed := strings.TrimRight(v, "=")
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(trimmed); err == nil && printable(b) {
			return string(b), "base64", true
		}
	}
	return "", "", false
}

func allHex(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isHexByte(v[i]) {
			return false
		}
	}
	return true
}

// printable: decoded secrets are text; binary data (hashes, images,
// compressed blobs) is not decoded further.
func printable(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c > 0x7e {
			return false
		}
	}
	return true
}

// percentRun is the run of URL characters around the escape at i: the
// value or URL an escaped token sits in.
func percentRun(text string, i int) (int, int) {
	urlByte := func(c byte) bool {
		return c > ' ' && c < 0x7f && !strings.ContainsRune("\"'`<>()[]{},;\\", rune(c))
	}
	start := i
	for start > 0 && urlByte(text[start-1]) {
		start--
	}
	end := i
	for end < len(text) && urlByte(text[end]) {
		end++
	}
	return start, end
}

// decodePercent replaces every %XX escape; a run whose decoding is not
// printable text is left alone.
func decodePercent(v string) (string, bool) {
	var b []byte
	for i := 0; i < len(v); i++ {
		if v[i] == '%' && isHexPair(v, i+1) {
			n, _ := strconv.ParseUint(v[i+1:i+3], 16, 8)
			b = append(b, byte(n))
			i += 2
			continue
		}
		b = append(b, v[i])
	}
	return string(b), printable(b)
}

// unicodeEscapeAt returns the length of a \uXXXX or \\uXXXX escape at i.
func unicodeEscapeAt(s string, i int) int {
	j := i
	for j < len(s) && j-i < 2 && s[j] == '\\' {
		j++
	}
	if j == i || j+5 > len(s) || s[j] != 'u' && s[j] != 'U' {
		return 0
	}
	for k := j + 1; k < j+5; k++ {
		if !isHexByte(s[k]) {
			return 0
		}
	}
	return j + 5 - i
}

// codePointAt returns the length of a U+XXXX code point at i.
func codePointAt(s string, i int) int {
	if i+6 > len(s) || s[i] != 'U' || s[i+1] != '+' {
		return 0
	}
	for k := i + 2; k < i+6; k++ {
		if !isHexByte(s[k]) {
			return 0
		}
	}
	return 6
}

// unicodeRun is the end of the run of escapes and code points starting
// at i (code points separated by single spaces), with plain text between
// escapes allowed: "\u0067hp_…".
func unicodeRun(text string, i int) int {
	end := i
	for j := i; j < len(text); {
		if n := unicodeEscapeAt(text, j); n > 0 {
			j += n
			end = j
			continue
		}
		if n := codePointAt(text, j); n > 0 {
			j += n
			end = j
			if j < len(text) && text[j] == ' ' {
				j++
			}
			continue
		}
		if isBase64Byte(text[j]) {
			j++
			continue
		}
		break
	}
	// Plain characters after the last escape belong to the token too.
	for end < len(text) && isBase64Byte(text[end]) {
		end++
	}
	return end
}

// decodeUnicode decodes the escapes and code points of a run.
func decodeUnicode(v string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(v); {
		n := unicodeEscapeAt(v, i)
		if n == 0 {
			n = codePointAt(v, i)
		}
		if n == 0 {
			if v[i] != ' ' {
				b.WriteByte(v[i])
			}
			i++
			continue
		}
		cp, _ := strconv.ParseUint(v[i+n-4:i+n], 16, 32)
		b.WriteRune(rune(cp))
		i += n
	}
	d := b.String()
	return d, d != v && utf8.ValidString(d) && printable([]byte(d))
}

// scanDecoded returns the secrets that only decoding shows in text
// (which starts at byte base of the file): each encoded segment is
// decoded, up to maxDecodeDepth times, and the rules run over its line
// with the decoded text in place. A match overlapping the decoded text
// is reported at the encoded segment's span.
func (s *Scanner) scanDecoded(path, text string, base int) []Match {
	var out []Match
	for _, seg := range findEncoded(text) {
		out = append(out, s.scanSegment(path, text, seg, seg.kind, 1)...)
	}
	for i := range out {
		out[i].Start += base
		out[i].End += base
		out[i].MatchStart += base
	}
	return out
}

// scanSegment matches one decoded segment in its context and decodes
// what it decoded to, until depth runs out; matches carry the span of the
// outermost segment.
func (s *Scanner) scanSegment(path, text string, seg encodedSegment, kinds string, depth int) []Match {
	from := max(seg.start-decodeContext, 0)
	if i := strings.LastIndexByte(text[from:seg.start], '\n'); i >= 0 {
		from += i + 1
	}
	to := min(seg.end+decodeContext, len(text))
	if i := strings.IndexByte(text[seg.end:to], '\n'); i >= 0 {
		to = seg.end + i
	}
	window := text[from:seg.start] + seg.decoded + text[seg.end:to]
	lo, hi := seg.start-from, seg.start-from+len(seg.decoded)
	var out []Match
	for _, m := range s.scan(s.d, path, window, 0) {
		if m.End <= lo || m.Start >= hi {
			continue // plain text around the segment: found without decoding
		}
		m.Start, m.End, m.MatchStart, m.Encoding = seg.start, seg.end, seg.start, kinds
		out = append(out, m)
	}
	if depth < maxDecodeDepth {
		for _, inner := range findEncoded(seg.decoded) {
			// The inner segment's context is the decoded text; its matches
			// are reported at the outer segment.
			for _, m := range s.scanSegment(path, seg.decoded, inner, kinds+"+"+inner.kind, depth+1) {
				m.Start, m.End, m.MatchStart = seg.start, seg.end, seg.start
				out = append(out, m)
			}
		}
	}
	return out
}
