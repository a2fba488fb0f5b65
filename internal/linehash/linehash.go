// Package linehash computes GitHub code scanning's primaryLocationLineHash
// for every line of a file, the value github/codeql-action's upload-sarif
// step would add to a SARIF result that does not carry one.
//
// Computing it ourselves keeps alerts stable when SARIF is uploaded through
// the REST API, which does not fill it in.
//
// The algorithm (codeql-action src/fingerprints.ts) reads the file as UTF-8
// into UTF-16 code units, drops spaces and tabs, turns CR, LF and CRLF into
// LF, and appends an end-of-file marker (0xFFFF). The hash of a line is a
// base-37 polynomial over the 100 code units starting with the line's first
// kept unit (padded with zeros past the end), in wrapping 64-bit arithmetic,
// written as unsigned lowercase hex without leading zeros. A line's value is
// "hex:n" where n counts the lines up to and including it with that hash.
package linehash

import (
	"strconv"
)

const (
	window = 100    // code units covered by one line's hash
	base   = 37     // polynomial base
	eof    = 0xFFFF // marker appended after the last character
)

// baseToWindow is base**window in wrapping 64-bit arithmetic: the weight a
// unit has when it leaves the window.
var baseToWindow = func() uint64 {
	p := uint64(1)
	for range window {
		p *= base
	}
	return p
}()

// Compute returns the primaryLocationLineHash of every line of content:
// element i belongs to line i+1. Lines are separated by LF, CRLF or CR; a
// file ending in a line break has an empty last line, and an empty file has
// one line, as GitHub counts them.
func Compute(content []byte) []string {
	units, starts := normalize(content)

	hashes := make([]string, len(starts))
	seen := make(map[uint64]int, len(starts))
	var h uint64
	next := 0 // index into starts of the next line to emit
	for n := 0; next < len(starts); n++ {
		var in, out uint64
		if n < len(units) {
			in = uint64(units[n])
		}
		if n >= window && n-window < len(units) {
			out = uint64(units[n-window])
		}
		h = h*base + in - baseToWindow*out
		// h now covers units[n-window+1 .. n]; emit the line starting there.
		for next < len(starts) && starts[next] == n-window+1 {
			seen[h]++
			hashes[next] = strconv.FormatUint(h, 16) + ":" + strconv.Itoa(seen[h])
			next++
		}
	}
	return hashes
}

// ForLine returns the primaryLocationLineHash of the 1-based line of
// content, or "" if content has no such line. To hash several lines of one
// file, call Compute once instead.
func ForLine(content []byte, line int) string {
	hs := Compute(content)
	if line < 1 || line > len(hs) {
		return ""
	}
	return hs[line-1]
}

// normalize returns the code units that enter the hash, end-of-file marker
// included, and the index in it where each line starts.
func normalize(content []byte) (units []uint16, starts []int) {
	units = make([]uint16, 0, len(content)+1)
	lineStart, prevCR := true, false
	add := func(c uint16) {
		if c == ' ' || c == '\t' || (prevCR && c == '\n') {
			prevCR = false
			return
		}
		prevCR = c == '\r'
		if prevCR {
			c = '\n'
		}
		if lineStart {
			starts = append(starts, len(units))
			lineStart = false
		}
		if c == '\n' {
			lineStart = true
		}
		units = append(units, c)
	}
	decodeUTF16(content, add)
	add(eof)
	return units, starts
}

// decodeUTF16 calls emit with each UTF-16 code unit of the UTF-8 text b.
// Ill-formed sequences become U+FFFD, one per maximal subpart (WHATWG
// Encoding Standard), which is how Node.js decodes the file upload-sarif
// reads. A byte order mark is kept, as Node keeps it.
func decodeUTF16(b []byte, emit func(uint16)) {
	const replacement = 0xFFFD
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			emit(uint16(c))
			i++
			continue
		}
		var need int
		var cp rune
		lo, hi := byte(0x80), byte(0xBF) // allowed range of the next byte
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lo = 0xA0 // no overlong forms
			} else if c == 0xED {
				hi = 0x9F // no surrogates
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lo = 0x90 // no overlong forms
			} else if c == 0xF4 {
				hi = 0x8F // nothing above U+10FFFF
			}
		default:
			emit(replacement)
			i++
			continue
		}
		j := i + 1
		for ; need > 0; need-- {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lo, hi = 0x80, 0xBF
			j++
		}
		if need > 0 {
			// b[i:j] is a maximal subpart; b[j] starts the next sequence.
			emit(replacement)
			i = j
			continue
		}
		i = j
		if cp >= 0x10000 {
			cp -= 0x10000
			emit(uint16(0xD800 + cp>>10))
			emit(uint16(0xDC00 + cp&0x3FF))
		} else {
			emit(uint16(cp))
		}
	}
}
