package web

import (
	"context"
	"fmt"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/model"
)

// payload is what each nesting construct wraps: a finding, so that a
// shallow file shows it was analysed.
const (
	payloadExpr = "localStorage.setItem('token', t)"
	payloadStmt = payloadExpr + ";\n"
)

// nestCase is one way of nesting: n levels of open, the payload, n of
// close, one per line (the reproduction of issue 10, defect 1, has 50,000).
type nestCase struct {
	name, file  string
	head        string // before the nesting
	open, close string
	stmt        bool // the payload is a statement, else an expression
	tail        string
	weight      int // levels the pre-pass counts per repetition, if not 1 or 2
}

var nestCases = []nestCase{
	{name: "arrays", file: "a.js", head: "var y =\n", open: "[\n", close: "]\n"},
	{name: "objects", file: "a.js", head: "var y =\n", open: "{a:\n", close: "}\n"},
	{name: "blocks", file: "a.js", open: "{\n", close: "}\n", stmt: true},
	{name: "ifs", file: "a.js", open: "if (x) {\n", close: "}\n", stmt: true},
	{name: "ifs without braces", file: "a.js", open: "if (x)\n", stmt: true},
	{name: "else-if chain", file: "a.js", open: "if (x) {} else\n", stmt: true},
	{name: "parentheses", file: "a.js", head: "var y =\n", open: "(\n", close: ")\n"},
	{name: "calls", file: "a.js", open: "f(\n", close: ")\n"},
	{name: "template literals", file: "a.js", head: "var y =\n", open: "`${\n", close: "}`\n"},
	{name: "arrow functions", file: "a.js", head: "var f =\n", open: "() => {\n", close: "}\n", stmt: true},
	{name: "arrow chain", file: "a.js", head: "var f =\n", open: "x =>\n"},
	{name: "functions", file: "a.js", open: "function f() {\n", close: "}\n", stmt: true},
	{name: "prefix operators", file: "a.js", head: "var y =\n", open: "!\n"},
	{name: "conditionals", file: "a.js", head: "var y =\n", open: "a ? b :\n"},
	{name: "assignments", file: "a.js", open: "a =\n"},
	{name: "string concatenation", file: "a.ts", head: "var y =\n", open: "'a' +\n"},
	{name: "comparisons in TypeScript", file: "a.ts", head: "var y =\n", open: "a <\n", weight: 4},
	{name: "JSX elements", file: "a.jsx", head: "var e =\n", open: "<div>{\n", close: "}</div>\n"},
	{name: "JSX in a .js file", file: "a.js", head: "var e =\n", open: "<div>{\n", close: "}</div>\n"},
	{name: "TSX blocks", file: "a.tsx", open: "{\n", close: "}\n", stmt: true},
	{name: "TypeScript arrays", file: "a.ts", head: "var y =\n", open: "[\n", close: "]\n"},
	{name: "TypeScript generic types", file: "a.ts", head: "let v:\n", open: "Array<\n", close: ">\n",
		tail: " = f(" + payloadExpr + ");\n"},
	{name: "TypeScript object types", file: "a.ts", head: "let v:\n", open: "{a:\n", close: "}\n",
		tail: " = f(" + payloadExpr + ");\n"},
	{name: "Vue component", file: "a.vue", head: "<template><p>x</p></template>\n<script setup lang=\"ts\">\nvar y =\n",
		open: "[\n", close: "]\n", tail: "</script>\n"},
	{name: "HTML page", file: "a.html", head: "<html><body><script>\nvar y =\n", open: "{a:\n", close: "}\n",
		tail: "</script></body></html>\n"},
}

// source nests c n levels deep around the payload.
func (c nestCase) source(n int) string {
	var b strings.Builder
	b.WriteString(c.head)
	b.WriteString(strings.Repeat(c.open, n))
	switch {
	case strings.HasPrefix(c.head, "let v:"):
		b.WriteString("string\n") // the payload is in the tail, after the type
	case c.stmt:
		b.WriteString(payloadStmt)
	default:
		b.WriteString(payloadExpr + "\n")
	}
	b.WriteString(strings.Repeat(c.close, n))
	b.WriteString(c.tail)
	return b.String()
}

// scanBounded scans one file and fails the test if the engine does not
// return within a minute (it took minutes, or ran out of memory, before
// the depth limit).
func scanBounded(t *testing.T, e *Engine, name, src string) (rules []string, ps []report.Problem) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	type result struct {
		rules []string
		ps    []report.Problem
	}
	done := make(chan result, 1)
	go func() {
		fs, ps := e.Scan(ctx, walk.File{Rel: name, Content: []byte(src), Size: int64(len(src))})
		var r result
		for _, f := range fs {
			r.rules = append(r.rules, fmt.Sprintf("%d %s", f.StartLine, f.RuleID))
		}
		r.ps = ps
		done <- r
	}()
	select {
	case r := <-done:
		return r.rules, r.ps
	case <-ctx.Done():
		t.Fatalf("%s: the web engine did not return within a minute", name)
		return nil, nil
	}
}

// TestDeepNestingRefused is issue 10's defect 1: 50,000 levels of each
// construct, one per line, are refused with a limit problem, before
// esbuild (quadratic in the depth) sees them; 50 levels are analysed.
func TestDeepNestingRefused(t *testing.T) {
	e := New(Options{})
	for _, c := range nestCases {
		t.Run(c.name, func(t *testing.T) {
			embedded := strings.HasSuffix(c.file, ".vue") || strings.HasSuffix(c.file, ".html")
			what := "file"
			if embedded {
				what = "script"
			}
			got, ps := scanBounded(t, e, c.file, c.source(50000))
			if len(got) != 0 {
				t.Errorf("50,000 levels: findings %v, want none", got)
			}
			if len(ps) != 1 || ps[0].Kind != KindLimit ||
				!strings.HasPrefix(ps[0].Message, "too deeply nested (depth ") ||
				!strings.HasSuffix(ps[0].Message, fmt.Sprintf(" > limit %d): browser-code rules did not run on this %s", MaxNesting, what)) {
				t.Fatalf("50,000 levels: problems %+v, want one of kind %q saying the %s is too deeply nested", ps, KindLimit, what)
			}
			if ps[0].Line < 2 {
				t.Errorf("problem at line %d, want the line where the nesting went past the limit", ps[0].Line)
			}

			src := c.source(50)
			got, ps = scanBounded(t, e, c.file, src)
			if len(ps) != 0 {
				t.Fatalf("50 levels: problems %+v, want none", ps)
			}
			line := 1 + strings.Count(src[:strings.Index(src, "localStorage")], "\n")
			if want := []string{fmt.Sprintf("%d token-in-web-storage", line)}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("50 levels: findings %v, want %v", got, want)
			}
		})
	}
}

// TestNearTheLimit: every construct nested as deep as the limit allows is
// analysed, also through esbuild and the JavaScript parser on its output;
// one level more is refused if it goes to esbuild. JavaScript the
// JavaScript parser accepts is analysed at any depth that parser allows.
func TestNearTheLimit(t *testing.T) {
	e := New(Options{})
	for _, c := range nestCases {
		t.Run(c.name, func(t *testing.T) {
			n := MaxNesting
			for n > 0 && c.depth(n) > MaxNesting {
				n--
			}
			if got, ps := scanBounded(t, e, c.file, c.source(n)); len(ps) != 0 || len(got) != 1 {
				t.Errorf("%d levels, depth %d: findings %v, problems %+v; want one finding", n, c.depth(n), got, ps)
			}
			got, ps := scanBounded(t, e, c.file, c.source(n+1))
			if !c.viaEsbuild() {
				if len(ps) != 0 || len(got) != 1 {
					t.Errorf("%d levels of JavaScript: findings %v, problems %+v; want one finding", n+1, got, ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Kind != KindLimit || len(got) != 0 {
				t.Errorf("%d levels, depth %d: findings %v, problems %+v; want the limit problem", n+1, c.depth(n+1), got, ps)
			}
		})
	}
}

// viaEsbuild reports whether the case's script goes to esbuild: it is not
// JavaScript, or it holds JSX.
func (c nestCase) viaEsbuild() bool {
	js := strings.HasSuffix(c.file, ".js") || strings.HasSuffix(c.file, ".html")
	return !js || strings.Contains(c.open, "<div>")
}

// depth is what the pre-pass measures of the case's script, n levels deep.
func (c nestCase) depth(n int) int {
	src := c.source(n)
	ts := false
	switch {
	case strings.HasSuffix(c.file, ".vue"), strings.HasSuffix(c.file, ".html"):
		s := extractScripts([]byte(src), kindOf(c.file), path.Ext(c.file))[0]
		src, ts = string(s.code), s.kind == kindTS
	default:
		ts = strings.HasSuffix(c.file, ".ts") || strings.HasSuffix(c.file, ".tsx")
	}
	d, _ := nestingDepth([]byte(src), !strings.HasSuffix(c.file, ".ts") && !ts || strings.HasSuffix(c.file, ".tsx"), ts, MaxNesting)
	return d
}

// TestParserDepthLimit: JavaScript that the pre-pass lets through (bitwise
// operators do not count) but the JavaScript parser's own depth limit
// stops is a limit problem too, and is not handed to esbuild instead.
func TestParserDepthLimit(t *testing.T) {
	src := "var y = a" + strings.Repeat(" |\n a", 5000) + ";\nlocalStorage.setItem('token', t);\n"
	got, ps := scanBounded(t, New(Options{}), "a.js", src)
	if len(got) != 0 || len(ps) != 1 || ps[0].Kind != KindLimit ||
		ps[0].Message != "too deeply nested (more than 1000 levels, the JavaScript parser's limit): browser-code rules did not run on this file" {
		t.Errorf("findings %v, problems %+v; want the parser's limit", got, ps)
	}
}

// TestTreeDepthGuard: should the JavaScript parser's limits be raised,
// the analyser still refuses a tree deeper than maxTreeDepth rather than
// recurse into it.
func TestTreeDepthGuard(t *testing.T) {
	stmt, expr := js.NestedStmtLimit, js.NestedExprLimit
	js.NestedStmtLimit, js.NestedExprLimit = 1<<30, 1<<30
	defer func() { js.NestedStmtLimit, js.NestedExprLimit = stmt, expr }()
	n := maxTreeDepth + 10 // blocks: one tree level each, and no expression depth, which has a fixed limit too
	hits, err := analyseJS([]byte(strings.Repeat("{", n)+payloadStmt+strings.Repeat("}", n)), knowledge{tokens: tokenmodel.Default(), keys: keySpecOf(model.Current())})
	if err == nil || !err.limit || len(hits) != 0 {
		t.Fatalf("hits %v, error %+v; want the tree depth limit", hits, err)
	}
	if want := fmt.Sprintf("a syntax tree deeper than %d levels", maxTreeDepth); err.msg != want {
		t.Errorf("message %q, want %q", err.msg, want)
	}
}

// TestNestingDepth pins what the pre-pass counts: literals, comments and
// JSX text do not confuse it, statements and list elements start over, and
// each construct of nestCases counts one level (or two) per repetition.
func TestNestingDepth(t *testing.T) {
	for _, c := range []struct {
		name    string
		src     string
		jsx, ts bool
		lo, hi  int
	}{
		{"brackets in strings", `var a = "((((([[[[{{{{", b = '))))}}}}', c = "\"(((";`, true, false, 0, 3},
		{"brackets in comments", "// ((((\n/* [[[[ {{{{ */ var a = 1;", true, false, 0, 3},
		{"brackets in regular expressions", `var a = /[(]{2}\(((/g, b = x / 2 / (y);`, true, false, 0, 4},
		{"brackets in templates", "var a = `((( [[[ ${ b } {{{ `;", true, false, 0, 4},
		{"a JSX text", "var e = <p title=\"don't\">Don't (((( [[[ </p>;", true, false, 0, 4},
		{"ASI ends statements", strings.Repeat("x = y + z\n", 1000), true, false, 0, 4},
		{"semicolons end statements", strings.Repeat("const _a = Symbol.for('a'); ", 1000), true, false, 0, 5},
		{"case lists", "switch (x) {\n" + strings.Repeat("case 'a':\n", 1000) + "f();\n}", true, false, 0, 5},
		{"blocks end statements", strings.Repeat("if (a) { f(); } ", 1000), true, false, 0, 5},
		{"comparisons in TypeScript", strings.Repeat("if (a < b) { x = a<b; }\n", 1000), false, true, 0, 6},
		{"generic types", "let m: Map<string, Array<Array<number>>> = new Map();", false, true, 3, 8},
		{"a union type", "type T =\n" + strings.Repeat("| 'a'\n", 1000) + ";", false, true, 0, 3},
		{"TSX type parameters", "const f = <T,>(x: T) => x;\nconst g = <T extends object>(x: T) => x;\n" + strings.Repeat("f(1);\n", 100), true, true, 0, 5},
		{"a flat object", "var o = {" + strings.Repeat("a: 1, ", 1000) + "};", true, false, 1, 4},
		{"an or chain", "var x = " + strings.Repeat("a.b === 'c' || ", 100) + "d;", true, false, 100, 106},
		{"an else-if chain", "if (a) {}" + strings.Repeat(" else if (a) {}", 100), true, false, 100, 210},
		{"braceless else-ifs", "if (a) x;" + strings.Repeat(" else if (a) x;", 100), true, false, 100, 210},
		{"nested arrays", strings.Repeat("[", 300) + strings.Repeat("]", 300), true, false, 300, 302},
	} {
		depth, at := nestingDepth([]byte(c.src), c.jsx, c.ts, MaxNesting)
		if depth < c.lo || depth > c.hi {
			t.Errorf("%s: depth %d, want %d to %d", c.name, depth, c.lo, c.hi)
		}
		if (depth > MaxNesting) != (at >= 0) {
			t.Errorf("%s: depth %d, but past the limit at %d", c.name, depth, at)
		}
	}
	for _, c := range nestCases {
		w := max(c.weight, 1)
		if depth := c.depth(1000); depth < 1000*w || depth > 2100*w {
			t.Errorf("%s, 1,000 levels: depth %d, want %d to %d", c.name, depth, 1000*w, 2100*w)
		}
	}
}

// TestStrayClosers: closers that match no opener are ignored, those that
// match close what was left open inside, and neither costs a search of
// the open frames (n `[` and n `)` took 96 s for n = 100,000).
func TestStrayClosers(t *testing.T) {
	for _, c := range []struct {
		src    string
		lo, hi int
	}{
		{")))]]]}}}" + "[[[" + "]]]", 3, 3},
		{"[[[ ) ]]]; [[[ ]]]", 3, 3},
		{"((( [ ] ))) (", 4, 4},
		{"`${ ))) }` + `${ [ }`", 1, 3},
		{"<div>{ ) }</div>", 2, 3},
	} {
		if depth, _ := nestingDepth([]byte(c.src), true, false, MaxNesting); depth < c.lo || depth > c.hi {
			t.Errorf("%q: depth %d, want %d to %d", c.src, depth, c.lo, c.hi)
		}
	}
	const n = 100000
	for _, closer := range []string{")", "]", "}"} {
		src := []byte("`${" + strings.Repeat("[", n) + strings.Repeat(closer, n) + "}`")
		done := make(chan int, 1)
		go func() {
			d, _ := nestingDepth(src, true, true, MaxNesting)
			done <- d
		}()
		select {
		case d := <-done:
			if d < n || d > n+2 {
				t.Errorf("%d [ then %d %s: depth %d, want %d", n, n, closer, d, n+1)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%d [ then %d %s: the pre-pass did not return within a minute", n, n, closer)
		}
	}
}
