package web

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// Name is the engine's name in findings ("engine": "web").
const Name = "web"

// Options configures the engine.
type Options struct {
	// Model decides which names hold tokens (nil: tokenmodel.Default()).
	Model *tokenmodel.Model
	// Minified is the scan's minified decision: the walk already leaves
	// out what it calls a bundle, and the engine declines the same files
	// when given them from elsewhere.
	Minified walk.MinifiedCheck
	// Libraries are the library models whose JS sink rows say which
	// arguments are keys (nil: model.Current(), the embedded models and
	// the user's --models).
	Libraries *model.Set
	// MaxLifetime and RefreshMaxLifetime are jwt-long-lifetime's limits
	// for access and refresh tokens (zero: rules.DefaultMaxLifetime and
	// rules.DefaultRefreshMaxLifetime), as for the Go rule.
	MaxLifetime, RefreshMaxLifetime time.Duration
}

// knowledge is what the analysis of a script consults: the token-name
// model and the key sinks of the library models.
type knowledge struct {
	tokens *tokenmodel.Model
	keys   *keySpec
	// server: the file's path says it is server code (serverPath).
	server bool
	// holes are the spans of the script, as parsed, where a page
	// template's value tags were (blankTags): a string literal over one
	// holds the server's output, not a constant.
	holes []span
	// paramTypes are a TypeScript source's constructor parameter types
	// by parameter name (constructorParamTypes): the services a class is
	// injected with.
	paramTypes map[string]string
	// lifetimes are jwt-long-lifetime's limits.
	lifetimes lifetimeLimits
	// modules and dir: the project's modules and the file's directory
	// (projectModules), for keys a config module exports.
	modules *projectModules
	dir     string
	reads   *report.Reads
}

// Engine is the browser-code engine. It is safe for concurrent use.
type Engine struct {
	opts Options

	mu      sync.Mutex
	modules map[string]*projectModules // by scan root
}

// New returns an engine.
func New(o Options) *Engine {
	if o.MaxLifetime <= 0 {
		o.MaxLifetime = rules.DefaultMaxLifetime
	}
	if o.RefreshMaxLifetime <= 0 {
		o.RefreshMaxLifetime = rules.DefaultRefreshMaxLifetime
	}
	return &Engine{opts: o}
}

// Name implements scan.FileEngine.
func (e *Engine) Name() string { return Name }

// projectModules returns the module reader of the tree f belongs to: its
// root is f's absolute path without its relative one.
func (e *Engine) projectModules(f walk.File, k knowledge) *projectModules {
	abs := filepath.ToSlash(f.Abs)
	root, ok := strings.CutSuffix(abs, "/"+f.Rel)
	if !ok || f.Rel == "" {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.modules == nil {
		e.modules = map[string]*projectModules{}
	}
	m, ok := e.modules[root]
	if !ok {
		m = newProjectModules(filepath.FromSlash(root), k.tokens, k.keys)
		e.modules[root] = m
	}
	return m
}

// Rules implements scan.FileEngine.
func (e *Engine) Rules() []string {
	return []string{rules.TokenInWebStorage, rules.TokenInQuery, rules.JWTNoneAlg, rules.JWTMissingExp, rules.JWTUnverifiedParse, rules.JWTHardcodedKey, rules.JWTAlgNotPinned, rules.TokenCookieInsecure, rules.TokenLogged, rules.JWTLongLifetime}
}

type fileKind int

const (
	kindNone fileKind = iota
	kindJS
	kindJSX
	kindTS
	kindTSX
	kindHTML     // scripts in <script> elements
	kindTemplate // a Go template: scripts after blanking {{ }} actions
	kindSFC      // Vue or Svelte single-file component
	// kindUnparsed is a page template whose syntax the engine does not
	// parse yet (EJS, Handlebars, …): its scripts are listed as not
	// analysed rather than silently passed over.
	kindUnparsed
)

var kinds = map[string]fileKind{
	".js": kindJS, ".mjs": kindJS, ".cjs": kindJS, ".jsx": kindJSX,
	".ts": kindTS, ".mts": kindTS, ".cts": kindTS, ".tsx": kindTSX,
	".vue": kindSFC, ".svelte": kindSFC,
	".html": kindTemplate, ".htm": kindTemplate, ".tmpl": kindTemplate, ".gohtml": kindTemplate,
	// Page templates whose tags blankTags knows (templateSyntaxes).
	".ejs": kindTemplate, ".eta": kindTemplate, ".erb": kindTemplate, ".jsp": kindTemplate,
	".hbs": kindTemplate, ".handlebars": kindTemplate, ".mustache": kindTemplate,
	".njk": kindTemplate, ".nunjucks": kindTemplate, ".jinja": kindTemplate, ".jinja2": kindTemplate,
	".j2": kindTemplate, ".twig": kindTemplate, ".liquid": kindTemplate, ".php": kindTemplate,
	// Templates whose syntax is not markup with tags (Pug, Razor's @,
	// Astro's and Marko's own grammars): read, and listed when they hold
	// a script.
	".cshtml": kindUnparsed, ".razor": kindUnparsed, ".astro": kindUnparsed, ".marko": kindUnparsed,
	".pug": kindUnparsed, ".jade": kindUnparsed,
}

func kindOf(rel string) fileKind {
	if strings.HasSuffix(rel, ".d.ts") {
		return kindNone // declarations carry no code
	}
	return kinds[strings.ToLower(path.Ext(rel))]
}

// Wants implements scan.FileEngine.
func (e *Engine) Wants(rel string) bool { return kindOf(rel) != kindNone }

// SkipFile implements scan.FileSkipper. Minified bundles are left out,
// by the decision the walk makes (Options.Minified). A page template the
// engine cannot parse is left out too, and listed as read with its
// scripts not analysed when it has any.
func (e *Engine) SkipFile(f walk.File) (string, bool) {
	switch kindOf(f.Rel) {
	case kindJS, kindJSX, kindTS, kindTSX:
		if why, skip := e.opts.Minified.SkipFile(f); skip {
			return "not analysed by the web engine: minified (" + why + ")", true
		}
	case kindUnparsed:
		ext := strings.ToLower(path.Ext(f.Rel))
		if !hasScript(f.Content, ext) {
			return "", true // nothing for the engine in it
		}
		return "scripts not analysed (the web engine does not parse " + ext + " templates yet)", true
	}
	return "", false
}

// hasScript reports whether a page template holds a script: a <script>
// element, or in Pug a script tag at the start of a line.
func hasScript(content []byte, ext string) bool {
	if ext == ".pug" || ext == ".jade" {
		for line := range bytes.SplitSeq(content, []byte("\n")) {
			line = bytes.TrimLeft(line, " \t")
			if bytes.HasPrefix(line, []byte("script")) && (len(line) == 6 || strings.IndexByte(".( \r", line[6]) >= 0) {
				return true
			}
		}
		return false
	}
	for i := 0; ; i++ {
		j := bytes.IndexByte(content[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if len(content)-i >= 7 && bytes.EqualFold(content[i+1:i+7], []byte("script")) {
			return true
		}
	}
}

// script is JavaScript or TypeScript at start in the file.
type script struct {
	start int
	code  []byte
	kind  fileKind // kindJS, kindJSX, kindTS or kindTSX
	// holes are the spans of code (offsets in code) where template value
	// tags were blanked.
	holes []span
}

// span is [start, end) in a script.
type span struct{ start, end int }

// Scan implements scan.FileEngine.
func (e *Engine) Scan(ctx context.Context, f walk.File) (fs []*finding.Finding, ps []report.Problem) {
	defer func() {
		if r := recover(); r != nil {
			// A parser bug must not take the scan down: say the file was
			// not analysed, as for a syntax error.
			fs = nil
			ps = []report.Problem{{Kind: KindSyntax, File: f.Rel, Message: fmt.Sprintf("web engine: internal error: %v", r)}}
		}
	}()
	// Test code (spec files, fixtures, mocks) is left out unless --tests
	// asks for it, as _test.go files are for the Go rules: a token a test
	// stores or sends is a fixture, not a leak.
	if !secrets.PolicyFrom(ctx).Tests && secrets.IsTestPath(f.Rel) {
		return nil, nil
	}
	k := knowledge{tokens: e.opts.Model}
	if k.tokens == nil {
		k.tokens = tokenmodel.Default()
	}
	libs := e.opts.Libraries
	if libs == nil {
		libs = model.Current()
	}
	k.keys = keySpecOf(libs)
	k.lifetimes = lifetimeLimits{access: e.opts.MaxLifetime, refresh: e.opts.RefreshMaxLifetime}
	k.server = serverPath(f.Rel)
	if f.Abs != "" {
		k.modules, k.dir, k.reads = e.projectModules(f, k), filepath.Dir(f.Abs), report.ReadsFrom(ctx)
	}
	var scripts []script
	what := "file" // what a problem says the rules did not run on
	switch k := kindOf(f.Rel); k {
	case kindJS, kindJSX, kindTS, kindTSX:
		scripts = []script{{start: 0, code: f.Content, kind: k}}
	case kindHTML, kindTemplate, kindSFC:
		scripts = extractScripts(f.Content, k, strings.ToLower(path.Ext(f.Rel)))
		what = "script"
	default:
		return nil, nil
	}
	lines := newLineIndex(f.Content)
	for _, s := range scripts {
		if ctx.Err() != nil {
			return fs, ps
		}
		hits, err := analyseScript(s, k)
		if err != nil {
			line, col := lines.position(s.start + err.offset)
			p := report.Problem{Kind: KindSyntax, File: f.Rel, Line: line, Column: col,
				Message: "web engine could not parse this script, so its browser-code rules did not run: " + err.msg}
			if err.limit {
				p.Kind, p.Message = KindLimit, "too deeply nested ("+err.msg+"): browser-code rules did not run on this "+what
			}
			ps = append(ps, p)
			continue
		}
		for _, h := range hits {
			off := h.offset
			if off < 0 {
				off = 0 // no position survived: the script's start
			}
			off += s.start
			if off > len(f.Content) {
				off = len(f.Content)
			}
			end := off + h.length
			if end > len(f.Content) {
				end = len(f.Content)
			}
			sl, sc := lines.position(off)
			el, ec := lines.position(end)
			msg := h.msg
			if h.format != nil {
				line := 0
				if h.def >= 0 && s.start+h.def <= len(f.Content) {
					line, _ = lines.position(s.start + h.def)
				}
				msg = h.format(line)
			}
			fs = append(fs, &finding.Finding{RuleID: h.rule, Message: msg, StartLine: sl, StartCol: sc,
				EndLine: el, EndCol: ec, Engine: Name, Secret: h.secret})
		}
	}
	return fs, ps
}

// KindSyntax is the problem kind of a script the parsers reject.
const KindSyntax = "syntax"

type parseError struct {
	offset int // in the script
	msg    string
	limit  bool // the script nests too deeply to be analysed; msg says how deeply
}

// analyseScript parses one script and returns hits in the script's
// coordinates.
//
// JavaScript goes to the JavaScript parser as it is: that parser is
// linear and stops at its own depth limit, so it needs no guard, and the
// nesting pre-pass (nestingDepth) costs nothing on the common case. What
// goes to esbuild, which has no limit, is measured first.
func analyseScript(s script, m knowledge) ([]hit, *parseError) {
	// Holes are offsets in the script as written: only the JavaScript
	// parser reads it unchanged (esbuild's output is another text).
	m.holes = s.holes
	if s.kind == kindJS {
		hits, err := analyseJS(s.code, m)
		if err == nil {
			return hits, nil
		}
		if deep := tooDeep(s); deep != nil {
			return nil, deep
		}
		if err.limit {
			return nil, err // esbuild would go deeper, and its output comes back here
		}
		// .js files often hold JSX: try that before giving up.
		m.holes = nil
		if h, err2 := analyseTransformed(s.code, api.LoaderJSX, m); err2 == nil {
			return h, nil
		}
		return nil, err
	}
	if deep := tooDeep(s); deep != nil {
		return nil, deep
	}
	loader := map[fileKind]api.Loader{kindJSX: api.LoaderJSX, kindTS: api.LoaderTS, kindTSX: api.LoaderTSX}[s.kind]
	m.holes = nil
	return analyseTransformed(s.code, loader, m)
}

// tooDeep measures the nesting of a script bound for esbuild and says if
// it is past MaxNesting. JavaScript is measured as JSX, which it may be.
func tooDeep(s script) *parseError {
	ts := s.kind == kindTS || s.kind == kindTSX
	depth, at := nestingDepth(s.code, s.kind != kindTS, ts, MaxNesting)
	if at < 0 {
		return nil
	}
	return &parseError{offset: at, limit: true, msg: fmt.Sprintf("depth %d > limit %d", depth, MaxNesting)}
}

// blankImportAttributes blanks `with {type: 'json'}` (or the older
// `assert {…}`) after an import's module name, in place and keeping the
// length, as the parser predates import attributes. A hand-written scan:
// a regular expression over a megabyte bundle cost as much as parsing it.
func blankImportAttributes(buf []byte) {
	for _, kw := range [][]byte{[]byte("with"), []byte("assert")} {
		for from := 0; ; {
			i := bytes.Index(buf[from:], kw)
			if i < 0 {
				break
			}
			i += from
			from = i + len(kw)
			if !afterModuleName(buf[:i]) {
				continue
			}
			j := from
			for j < len(buf) && isSpace(buf[j]) {
				j++
			}
			if j >= len(buf) || buf[j] != '{' {
				continue
			}
			end := bytes.IndexAny(buf[j+1:], "{}")
			if end < 0 || buf[j+1+end] != '}' {
				continue
			}
			end += j + 2
			for k := i; k < end; k++ {
				if buf[k] != '\n' {
					buf[k] = ' '
				}
			}
			from = end
		}
	}
}

// afterModuleName reports whether b ends with `from 'module'` (and
// spaces): the place of import attributes.
func afterModuleName(b []byte) bool {
	b = bytes.TrimRightFunc(b, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(b) < 2 || (b[len(b)-1] != '\'' && b[len(b)-1] != '"') {
		return false
	}
	q := b[len(b)-1]
	open := bytes.LastIndexByte(b[:len(b)-1], q)
	if open < 0 || bytes.IndexByte(b[open:], '\n') >= 0 {
		return false
	}
	return bytes.HasSuffix(bytes.TrimRight(b[:open], " \t"), []byte("from"))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func analyseJS(code []byte, m knowledge) ([]hit, *parseError) {
	// One spare byte of capacity: the parser appends a NUL, and must not
	// reallocate, or node slices would not point into buf.
	buf := make([]byte, len(code), len(code)+1)
	copy(buf, code)
	blankImportAttributes(buf)
	ast, err := js.Parse(parse.NewInputBytes(buf), js.Options{})
	if err != nil {
		if retry, ok := reparseRedeclared(buf, err); ok {
			ast, err = retry, nil
		}
	}
	if err != nil {
		pe := &parseError{msg: firstLine(err.Error())}
		if e, ok := err.(*parse.Error); ok {
			pe.offset = lineColOffset(code, e.Line-1, e.Column-1)
			pe.msg = e.Message
			// The parser's own depth limits (js.NestedStmtLimit and
			// js.NestedExprLimit) are all it says so.
			if strings.HasPrefix(e.Message, "too many nested") {
				pe.msg = fmt.Sprintf("more than %d levels, the JavaScript parser's limit", min(js.NestedStmtLimit, js.NestedExprLimit))
				pe.limit = true
			}
		}
		return nil, pe
	}
	a := newAnalyser(buf[:len(code)], m.tokens, m.keys)
	a.server = m.server
	a.holes = m.holes
	a.paramTypes = m.paramTypes
	a.lifetimeLimits = m.lifetimes
	a.modules, a.dir, a.reads = m.modules, m.dir, m.reads
	if !a.run(ast) {
		return nil, &parseError{limit: true, msg: fmt.Sprintf("a syntax tree deeper than %d levels", maxTreeDepth)}
	}
	return a.hits, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// analyseTransformed strips TypeScript or JSX with esbuild, analyses the
// JavaScript and maps hits back through the source map.
func analyseTransformed(code []byte, loader api.Loader, m knowledge) ([]hit, *parseError) {
	// esbuild can hang on bytes that are not UTF-8 (the fuzzer found a
	// string literal that never returned). Each such byte becomes '?', one
	// byte for one, so offsets and columns still map onto the file.
	code = validUTF8SameLength(code)
	if loader == api.LoaderTS || loader == api.LoaderTSX {
		m.paramTypes = constructorParamTypes(code)
	}
	res := api.Transform(string(code), api.TransformOptions{
		Loader:    loader,
		Sourcemap: api.SourceMapExternal,
		// ES2022 makes esbuild lower decorators (Ember, Angular, MobX),
		// which the JavaScript parser does not know, into plain calls.
		Target:   api.ES2022,
		LogLevel: api.LogLevelSilent,
		// Keep non-ASCII text as it is: escaped (the default), é became
		// \xE9 and a finding inside a string or template after it was
		// placed that many columns too far right.
		Charset: api.CharsetUTF8,
		// Keep what TypeScript would drop as unused: imports bind the
		// jsonwebtoken module. experimentalDecorators accepts TypeScript's
		// decorators wherever tsc does.
		TsconfigRaw: `{"compilerOptions":{"verbatimModuleSyntax":true,"experimentalDecorators":true}}`,
	})
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		pe := &parseError{msg: e.Text}
		if e.Location != nil {
			pe.offset = lineColOffset(code, e.Location.Line-1, e.Location.Column)
		}
		return nil, pe
	}
	hits, perr := analyseJS(res.Code, m)
	if perr != nil && !perr.limit {
		return nil, &parseError{msg: "transformed code: " + perr.msg}
	}
	sm, ok := parseSourceMap(res.Map)
	if !ok {
		return nil, &parseError{msg: "esbuild returned an unreadable source map"}
	}
	if perr != nil {
		offs := []int{perr.offset}
		mapBack(code, res.Code, sm, offs)
		perr.offset = max(offs[0], 0) // too deep: say where in the source
		return nil, perr
	}
	// Each hit's offset, then each hit's def (where a hard-coded key was
	// defined), -1 for the hits without one.
	offs := make([]int, 2*len(hits))
	for i, h := range hits {
		offs[i], offs[len(hits)+i] = h.offset, -1
		if h.format != nil {
			offs[len(hits)+i] = h.def
		}
	}
	mapBack(code, res.Code, sm, offs)
	for i := range hits {
		hits[i].offset = offs[i]
		if hits[i].format != nil {
			hits[i].def = offs[len(hits)+i]
		}
	}
	return hits, nil
}

// mapBack maps byte offsets in esbuild's output gen to byte offsets in
// the source code through the source map, in place; -1 stays -1, and an
// offset the map does not cover becomes -1. Source maps count columns in
// UTF-16 units. Both texts are read once, in order of position, rather
// than from the start of the text for each offset: a file with a finding
// on every line cost the square of its size (1.7 MB of TypeScript with
// 50,000 findings took 38 s).
func mapBack(code, gen []byte, sm *sourceMap, offs []int) {
	order := make([]int, 0, len(offs))
	for i, off := range offs {
		if off >= 0 {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	type target struct{ i, line, col int }
	targets := make([]target, 0, len(order))
	lines := newLineIndex(gen)
	line, p, col := -1, 0, 0
	for _, i := range order {
		off := min(offs[i], len(gen))
		if l := lines.lineOf(off); l != line {
			line, p, col = l, lines.starts[l], 0
		}
		col += utf16Len(gen[p:off])
		p = off
		sl, sc, ok := sm.lookup(line, col)
		if !ok {
			offs[i] = -1
			continue
		}
		targets = append(targets, target{i, sl, sc})
	}
	sort.Slice(targets, func(a, b int) bool {
		if targets[a].line != targets[b].line {
			return targets[a].line < targets[b].line
		}
		return targets[a].col < targets[b].col
	})
	lines = newLineIndex(code)
	line, p, col = -1, 0, 0
	for _, t := range targets {
		if t.line != line {
			line, p, col = t.line, len(code), 0
			if t.line < len(lines.starts) {
				p = lines.starts[t.line]
			}
		}
		for col < t.col && p < len(code) && code[p] != '\n' {
			r, size := utf8.DecodeRune(code[p:])
			col += max(utf16.RuneLen(r), 1)
			p += size
		}
		offs[t.i] = p
	}
}

// utf16Len is the length of text in UTF-16 units.
func utf16Len(text []byte) int {
	n := 0
	for _, r := range string(text) {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// validUTF8SameLength returns code with every byte that is not part of
// valid UTF-8 replaced by '?'; code itself when it is valid.
func validUTF8SameLength(code []byte) []byte {
	if utf8.Valid(code) {
		return code
	}
	out := make([]byte, 0, len(code))
	for len(code) > 0 {
		r, n := utf8.DecodeRune(code)
		if r == utf8.RuneError && n <= 1 {
			out = append(out, '?')
			code = code[1:]
			continue
		}
		out = append(out, code[:n]...)
		code = code[n:]
	}
	return out
}

// lineColOffset converts a 0-based line and byte column of text to a
// byte offset, clamped to the text.
func lineColOffset(text []byte, line, col int) int {
	off := 0
	for ; line > 0; line-- {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return min(off+col, len(text))
}

// lineIndex turns byte offsets into 1-based lines and byte columns.
type lineIndex struct{ starts []int }

func newLineIndex(text []byte) *lineIndex {
	li := &lineIndex{starts: []int{0}}
	for i, b := range text {
		if b == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) lineOf(off int) int {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func (li *lineIndex) position(off int) (line, col int) {
	l := li.lineOf(off)
	return l + 1, off - li.starts[l] + 1
}

// maxRedeclared bounds the names reparseRedeclared rewrites: each takes
// a parse of the script.
const maxRedeclared = 8

// reparseRedeclared parses a script the parser rejected because a const
// or let name is declared twice in one scope: test fixtures declare the
// same `const jwt = require('jsonwebtoken')` once per case, and scripts
// concatenated into one file repeat their top-level names. The parser
// names the identifier; every `const NAME` and `let NAME` of it becomes
// `var NAME` padded to the same length, in place, so that every offset
// stays, and var may be declared again. Only the keyword changes: the
// value bound is the same, and a name given two values is no longer a
// single binding, so a key is followed only as far as each value
// agrees. It gives up, and the first error stands, when a rewrite
// changes nothing or the script still does not parse.
func reparseRedeclared(buf []byte, err error) (*js.AST, bool) {
	orig := slices.Clone(buf)
	for range maxRedeclared {
		e, ok := err.(*parse.Error)
		if !ok {
			break
		}
		name, ok := redeclaredName(e.Message)
		if !ok || varForLexical(buf, name) == 0 {
			break
		}
		var ast *js.AST
		if ast, err = js.Parse(parse.NewInputBytes(buf), js.Options{}); err == nil {
			return ast, true
		}
	}
	copy(buf, orig)
	return nil, false
}

// redeclaredName is the identifier of the parser's "identifier NAME has
// already been declared".
func redeclaredName(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "identifier ")
	if !ok {
		return "", false
	}
	name, ok := strings.CutSuffix(rest, " has already been declared")
	return name, ok && name != "" && !strings.ContainsAny(name, " \t\n")
}

// varForLexical rewrites each `const NAME` and `let NAME` of buf (the
// keyword a word of its own, then white space, then NAME as a word) into
// `var NAME`, keeping the length, and returns how many it rewrote. It
// reads text, not tokens, so the same words in a comment or a string
// change too; that is no declaration, and nothing reads it there.
func varForLexical(buf []byte, name string) int {
	n := 0
	for _, kw := range []string{"const", "let"} {
		for from := 0; from < len(buf); {
			i := bytes.Index(buf[from:], []byte(kw))
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(kw)
			if at > 0 && (isIdentByte(buf[at-1]) || buf[at-1] == '.') {
				continue
			}
			j := from
			for j < len(buf) && isSpace(buf[j]) {
				j++
			}
			if j == from || !bytes.HasPrefix(buf[j:], []byte(name)) {
				continue
			}
			if end := j + len(name); end < len(buf) && isIdentByte(buf[end]) {
				continue
			}
			copy(buf[at:from], "var"+strings.Repeat(" ", len(kw)-3))
			n++
		}
	}
	return n
}
