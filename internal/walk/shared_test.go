package walk

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/tokenvet/tokenvet/internal/pathguard"
)

// TestSkipReasonsArePathguardKinds: the Go loader reports the files it
// keeps from the go command with pathguard's names; they must be the
// walk's, so that one file skipped by both is counted once.
func TestSkipReasonsArePathguardKinds(t *testing.T) {
	for reason, kind := range map[SkipReason]pathguard.Kind{
		SkipSymlinkOutsideRoot: pathguard.Outside,
		SkipNotRegular:         pathguard.NotRegular,
		SkipUnreadable:         pathguard.Unresolvable,
	} {
		if string(reason) != kind.String() {
			t.Errorf("walk reason %q, pathguard kind %q", reason, kind)
		}
	}
}

func utf16File(bom []byte, le bool, s string) []byte {
	out := append([]byte(nil), bom...)
	for _, u := range utf16.Encode([]rune(s)) {
		if le {
			out = append(out, byte(u), byte(u>>8))
		} else {
			out = append(out, byte(u>>8), byte(u))
		}
	}
	return out
}

// TestUTF16Decoded: a UTF-16 file with a byte-order mark is text, and its
// content reaches the engines as UTF-8 (it used to be skipped as binary,
// secrets and all).
func TestUTF16Decoded(t *testing.T) {
	root := t.TempDir()
	const text = "token: ghp_abc\r\ncafé ☕ 😀\n"
	writeFile(t, filepath.Join(root, "le.yml"), string(utf16File([]byte{0xff, 0xfe}, true, text)))
	writeFile(t, filepath.Join(root, "be.yml"), string(utf16File([]byte{0xfe, 0xff}, false, text)))
	writeFile(t, filepath.Join(root, "odd.bin"), "\xff\xfea\x00b") // odd length: not UTF-16
	writeFile(t, filepath.Join(root, "nul.bin"), "\xff\xfe\x00\x00")
	got := map[string]string{}
	st, err := Walk(t.Context(), Options{Root: root}, func(f File) error {
		got[f.Rel] = string(f.Content)
		if !f.IsUTF8 {
			t.Errorf("%s: decoded content must be UTF-8", f.Rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"le.yml", "be.yml"} {
		if got[name] != text {
			t.Errorf("%s: content %q, want %q", name, got[name], text)
		}
	}
	if _, ok := got["odd.bin"]; ok || st.Skips[SkipBinary] != 2 {
		t.Errorf("odd-length and NUL-holding files must stay binary: visited %v, skips %v", slices.Sorted(maps.Keys(got)), st.Skips)
	}
	if _, ok := DecodeUTF16([]byte("plain")); ok {
		t.Error("text without a byte-order mark is not UTF-16")
	}
}

// TestIgnoredHook: every path the walk skips as ignored or excluded is
// told to the caller once, a directory without its contents.
func TestIgnoredHook(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, map[string]string{
		".gitignore":       "gen/\n*.log\n",
		".tokenvetignore":  "fixtures/\n",
		"gen/a.go":         "package gen\n",
		"x.log":            "log\n",
		"fixtures/f.go":    "package f\n",
		"third/party.go":   "package third\n",
		"keep/k.go":        "package keep\n",
		"keep/sub/skip.go": "package sub\n",
	})
	type hit struct {
		rel   string
		isDir bool
	}
	var hits []hit
	_, err := Walk(t.Context(), Options{Root: root, Exclude: []string{"third/", "keep/sub/skip.go"}, Ignored: func(rel string, isDir bool) {
		hits = append(hits, hit{rel, isDir})
	}}, func(File) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	want := []hit{{"fixtures", true}, {"gen", true}, {"keep/sub/skip.go", false}, {"third", true}, {"x.log", false}}
	if !slices.Equal(hits, want) {
		t.Errorf("ignored paths %v, want %v", hits, want)
	}
}
