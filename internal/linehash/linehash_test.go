package linehash

import (
	"slices"
	"strings"
	"testing"
)

// Expected values are those of github/codeql-action's src/fingerprints.test.ts
// ("hash" test) and of its end-to-end fixture: src/testdata/testFile1.js and
// testFile2.js with the hashes in fingerprinting.expected.sarif.
func TestComputeCodeQLCases(t *testing.T) {
	greetings := []string{
		"e9496ae3ebfced30:1",
		"fb7c023a8b9ccb3f:1",
		"ce8ba1a563dcdaca:1",
		"e20e36e16fcb0cc8:1",
		"b3edc88f2938467e:1",
		"c8e28b0b4002a3a0:1",
		"c129715d7a2bc9a3:1",
	}
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"empty file", "", []string{"c129715d7a2bc9a3:1"}},
		{"leading blanks, no final newline", " a\nb\n  \t\tc\n d", []string{
			"271789c17abda88f:1",
			"54703d4cd895b18:1",
			"180aee12dab6264:1",
			"a23a3dc5e078b07b:1",
		}},
		{"blank lines, no final newline", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", []string{
			"8b7cf3e952e7aeb2:1",
			"b1ae1287ec4718d9:1",
			"bff680108adb0fcc:1",
			"c6805c5e1288b612:1",
			"b86d3392aea1be30:1",
			"e6ceba753e1a442:1",
		}},
		{"LF", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", greetings},
		{"CR", " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", greetings},
		{"CRLF", " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", greetings},
		{"mixed", " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", greetings},
		{"repeated line", strings.Repeat("Lorem ipsum dolor sit amet.\n", 10), []string{
			"a7f2ff13bc495cf2:1",
			"a7f2ff13bc495cf2:2",
			"a7f2ff13bc495cf2:3",
			"a7f2ff13bc495cf2:4",
			"a7f2ff13bc495cf2:5",
			"a7f2ff13bc495cf2:6",
			"a7f2ff1481e87703:1",
			"a9cf91f7bbf1862b:1",
			"55ec222b86bcae53:1",
			"cc97dc7b1d7d8f7b:1",
			"c129715d7a2bc9a3:1",
		}},
		{"python", "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n", []string{
			"e54938cc54b302f1:1",
			"bb609acbe9138d60:1",
			"1131fd5871777f34:1",
			"5c482a0f8b35ea28:1",
			"54517377da7028d2:1",
			"2c644846cb18d53e:1",
			"f1b89f20de0d133:1",
			"c129715d7a2bc9a3:1",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute([]byte(tt.input))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Compute(%q)\n got  %q\n want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestForLineCodeQLFixture(t *testing.T) {
	tests := []struct {
		file string
		line int
		want string
	}{
		{"var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n", 1, "5e4d5a9cf1294ad9:1"},
		{"var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n", 2, "f7592a95a9381ac0:1"},
	}
	for _, tt := range tests {
		if got := ForLine([]byte(tt.file), tt.line); got != tt.want {
			t.Errorf("ForLine(%q, %d) = %q, want %q", tt.file, tt.line, got, tt.want)
		}
	}
}

func TestForLineOutOfRange(t *testing.T) {
	content := []byte("a\nb\n") // three lines: "a", "b", ""
	for _, line := range []int{-1, 0, 4} {
		if got := ForLine(content, line); got != "" {
			t.Errorf("ForLine(line %d) = %q, want empty", line, got)
		}
	}
	if got := ForLine(content, 3); got != "c129715d7a2bc9a3:1" {
		t.Errorf("ForLine(last empty line) = %q", got)
	}
}

// lineCount is how GitHub's test counts lines: split on \r\n, \r or \n.
func lineCount(s string) int {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Count(s, "\n") + 1
}

func TestComputeLineCount(t *testing.T) {
	for _, s := range []string{
		"", "\n", "\r\n", "\r", "\n\r", "a", "a\r\r\nb", " \r \n ", "\t\n\t", "é\n😀\r\n", strings.Repeat("x\n", 250),
	} {
		if got, want := len(Compute([]byte(s))), lineCount(s); got != want {
			t.Errorf("Compute(%q) gave %d hashes, want %d", s, got, want)
		}
	}
}

// Lines far apart that share their next 100 non-blank units get the same
// hash, numbered in order; whitespace inside a line does not matter.
func TestComputeWhitespaceAndCounts(t *testing.T) {
	a := Compute([]byte("tok := x\n"))
	b := Compute([]byte("\t tok:=x   \n"))
	if !slices.Equal(a, b) {
		t.Errorf("spaces and tabs changed the hash: %q vs %q", a, b)
	}
	c := Compute([]byte("tok := x\r\n"))
	if !slices.Equal(a, c) {
		t.Errorf("CRLF changed the hash: %q vs %q", a, c)
	}
	d := Compute([]byte("tok := y\n"))
	if a[0] == d[0] {
		t.Errorf("different lines hashed equal: %q", a[0])
	}
}

// Non-ASCII text is hashed as UTF-16 code units, and ill-formed UTF-8 as
// U+FFFD per maximal subpart, as Node.js decodes it. The expected values
// were computed under Node.js (fs.createReadStream with "utf8", as
// upload-sarif reads files) from the same bytes.
func TestComputeNonASCII(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"BMP", "s := \"é\" // ключ\n", []string{"8586de18602cb2c0:1", "c129715d7a2bc9a3:1"}},
		{"astral", "x = \"😀\"\n", []string{"19146fca3b90f5e7:1", "c129715d7a2bc9a3:1"}},
		{"BOM", "\ufeffa\n", []string{"25afd31b599dedcd:1", "c129715d7a2bc9a3:1"}},
		{"invalid UTF-8", "a\xe2\x82b\xff\xc0\xafc\xed\xa0\x80d\xf4\x90\x80\x80e\n", []string{"f66a4299b2f378ef:1", "c129715d7a2bc9a3:1"}},
		{"truncated at end", "a\xf0\x9f\x98", []string{"41ffb3469667910d:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute([]byte(tt.input))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Compute(%q)\n got  %q\n want %q", tt.input, got, tt.want)
			}
		})
	}
}
