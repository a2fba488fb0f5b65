package web

import (
	"encoding/json"
	"sort"
)

// sourceMap maps generated positions (0-based line, UTF-16 column) to
// original ones, decoded from a version-3 source map's mappings.
type sourceMap struct {
	lines [][]mapping // by generated line, sorted by generated column
}

type mapping struct {
	genCol, srcLine, srcCol int
}

func parseSourceMap(data []byte) (*sourceMap, bool) {
	var raw struct {
		Mappings string `json:"mappings"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, false
	}
	sm := &sourceMap{}
	var line []mapping
	genCol, srcLine, srcCol := 0, 0, 0
	s := raw.Mappings
	for i := 0; i < len(s); {
		switch s[i] {
		case ';':
			sm.lines = append(sm.lines, line)
			line, genCol = nil, 0
			i++
			continue
		case ',':
			i++
			continue
		}
		var fields [5]int
		n := 0
		for i < len(s) && s[i] != ',' && s[i] != ';' {
			v, next, ok := decodeVLQ(s, i)
			if !ok {
				return nil, false
			}
			if n < len(fields) {
				fields[n] = v
			}
			n++
			i = next
		}
		genCol += fields[0]
		if n >= 4 {
			srcLine += fields[2]
			srcCol += fields[3]
			line = append(line, mapping{genCol, srcLine, srcCol})
		}
	}
	sm.lines = append(sm.lines, line)
	for _, l := range sm.lines {
		sort.SliceStable(l, func(a, b int) bool { return l[a].genCol < l[b].genCol })
	}
	return sm, true
}

const base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var base64Value = func() [256]int {
	var t [256]int
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base64Chars); i++ {
		t[base64Chars[i]] = i
	}
	return t
}()

func decodeVLQ(s string, i int) (value, next int, ok bool) {
	shift, result := 0, 0
	for {
		if i >= len(s) || shift > 60 {
			return 0, i, false
		}
		d := base64Value[s[i]]
		if d < 0 {
			return 0, i, false
		}
		i++
		result |= (d & 31) << shift
		shift += 5
		if d&32 == 0 {
			break
		}
	}
	if result&1 != 0 {
		return -(result >> 1), i, true
	}
	return result >> 1, i, true
}

// lookup returns the original line and column of a generated position:
// the mapping at or before it on its line, shifted by the distance from
// it (esbuild maps tokens, and text between two mapped tokens of one line
// is copied unchanged in the cases this engine reports).
func (sm *sourceMap) lookup(line, col int) (srcLine, srcCol int, ok bool) {
	if line < 0 || line >= len(sm.lines) {
		return 0, 0, false
	}
	l := sm.lines[line]
	i := sort.Search(len(l), func(i int) bool { return l[i].genCol > col }) - 1
	if i < 0 {
		return 0, 0, false
	}
	return l[i].srcLine, l[i].srcCol + col - l[i].genCol, true
}
