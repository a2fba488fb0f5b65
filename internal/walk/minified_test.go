package walk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readSample returns a committed sample from testdata/minified.
// session.min.js was made from session.js by esbuild's Transform with
// MinifyWhitespace, MinifyIdentifiers and MinifySyntax (IIFE format), with
// a license comment put on top as bundlers do; it is synthetic, so the
// test needs neither npm nor a third-party bundle.
func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "minified", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// handWritten is ordinary code of about 1.5 KB around whatever line is
// put in the middle: the shape of a hand-written module with one inlined
// asset.
func handWritten(middle string) string {
	var b strings.Builder
	b.WriteString("// Shows the logo and remembers the session.\n")
	b.WriteString("import { api } from './api.js';\n\n")
	b.WriteString(middle + "\n\n")
	for i := range 12 {
		b.WriteString("export function renderPanel" + string(rune('A'+i)) + "(container, options) {\n")
		b.WriteString("  const image = document.createElement('img');\n")
		b.WriteString("  image.src = LOGO;\n")
		b.WriteString("  container.appendChild(image);\n")
		b.WriteString("}\n\n")
	}
	b.WriteString("export async function signIn(form) {\n")
	b.WriteString("  const t = await api.post('/session', form);\n")
	b.WriteString("  localStorage.setItem('token', t);\n")
	b.WriteString("}\n")
	return b.String()
}

func TestMinifiedDecision(t *testing.T) {
	bundle := readSample(t, "session.min.js")
	source := readSample(t, "session.js")
	dataURI := "const LOGO = 'data:image/png;base64," + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", 90) + "';"
	svg := "const LOGO = `<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\">" + strings.Repeat("<path d=\"M12 2L2 7l10 5 10-5-10-5zm0 13l-10-5v6l10 5 10-5v-6z\"/>", 500) + "</svg>`;"
	cssBundle := strings.Repeat(".btn-primary{color:#fff;background-color:#0d6efd;border-color:#0d6efd}.btn-primary:hover{color:#fff;background-color:#0b5ed7}", 40)
	cssSource := strings.Repeat(".btn-primary {\n  color: #fff;\n  background-color: #0d6efd;\n}\n\n", 60)
	sourceMap := `{"version":3,"sources":["session.js"],"names":[],"mappings":"` + strings.Repeat("AAAA,SAASA;", 500) + `"}`
	tests := []struct {
		name    string
		rel     string
		content string
		long    int
		want    bool
	}{
		{"esbuild bundle with a license header", "dist/session.min.js", string(bundle), 0, true},
		{"the same bundle as TypeScript output", "dist/session.mjs", string(bundle), 0, true},
		{"its hand-written source", "src/session.js", string(source), 0, false},
		{"hand-written, one 5 KB data-URI line", "src/logo.js", handWritten(dataURI), 0, false},
		{"hand-written, a 32 KB inline SVG template", "src/logo.jsx", handWritten(svg), 0, false},
		{"minified CSS", "dist/site.min.css", cssBundle, 0, true},
		{"hand-written CSS", "src/site.css", cssSource, 0, false},
		{"source map", "dist/session.js.map", sourceMap, 0, true},
		{"a .map that is hand-written code", "src/map", string(source), 0, false},
		{"too little code to judge", "dist/tiny.min.js", "var a=function(b){return b*2};", 0, false},
		{"not a kind shipped minified", "data/dump.json", string(bundle), 0, false},
		{"bundle lines shorter than a raised long-line limit", "dist/session.min.js", string(bundle), 100000, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			why, got := Minified(tc.rel, []byte(tc.content), tc.long)
			if got != tc.want {
				s := measure([]byte(tc.content), langJS, DefaultLongLine)
				t.Errorf("Minified(%s) = %v (%q), want %v; stats %+v", tc.rel, got, why, tc.want, s)
			}
			if got && why == "" {
				t.Error("no reason given")
			}
		})
	}
	if why, skip := (MinifiedCheck{Include: true}).Skip("dist/session.min.js", bundle); skip {
		t.Errorf("Include still skips: %q", why)
	}
	if _, skip := (MinifiedCheck{}).Skip("dist/session.min.js", bundle); !skip {
		t.Error("the default check keeps the bundle")
	}
}

// TestMeasureLiterals: what is code and what is not, so that a literal
// never decides.
func TestMeasureLiterals(t *testing.T) {
	tests := []struct {
		src  string
		code int
	}{
		{`a='x"y';b`, 4},              // a= ; b
		{`a="x\"y";b`, 4},             // escaped quote stays in the string
		{"a=`x${b+`c`}d`;e", 6},       // a= b+ ; e: the substitution is code, its literal is not
		{"a=/'/g;b", 5},               // a regular expression, not a quote: a= g; b
		{"a=b/c/d", 7},                // divisions
		{"return /x/.test(s)", 15},    // a regular expression after return
		{"a/*c'*/b//d'\ne", 4},        // comments: a b, the break that ends one, e
		{"p{color:red}/*x*/", 12},     // CSS, comment left out
		{"url(//cdn/x.png)", 16},      // in CSS // is no comment
		{"'unterminated\nb", 2},       // a string ends at the line: the break, b
		{"a=1;\\\n'x\\\ny'", 6},       // a=1;\ and the break; the continued string is no code
		{"a`", 1},                     // an unterminated template
		{"{a:`${`${b}`}`}", 5},        // nested substitutions: { a: b } (the braces and colon are code)
		{strings.Repeat("x", 10), 10}, // one name
	}
	for _, tc := range tests {
		lg := langJS
		if strings.HasPrefix(tc.src, "p{") || strings.HasPrefix(tc.src, "url(") {
			lg = langCSS
		}
		if got := measure([]byte(tc.src), lg, DefaultLongLine).code; got != tc.code {
			t.Errorf("measure(%q).code = %d, want %d", tc.src, got, tc.code)
		}
	}
}

// TestMeasureLongLines: only the code on a long line counts as on one.
func TestMeasureLongLines(t *testing.T) {
	src := "x=1\n" + "y='" + strings.Repeat("a", 300) + "'\n" + strings.Repeat("z", 250) + "\n"
	s := measure([]byte(src), langJS, 200)
	// Line 2 is long but holds y= and its line break only; line 3 is
	// 250 bytes of code and a line break.
	if s.codeOnLong != 3+251 || s.code != 4+3+251 {
		t.Errorf("codeOnLong = %d, code = %d; want %d, %d", s.codeOnLong, s.code, 3+251, 4+3+251)
	}
}
