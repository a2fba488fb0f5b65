package web

import "bytes"

// MaxNesting is the deepest nesting, as nestingDepth counts it, of a
// script the web engine hands to esbuild. Past it the script is refused
// with a problem of kind KindLimit, and the browser-code rules do not run
// on it (the secret rules of the other engine still do).
//
// Why a limit: esbuild has none (no depth, size or time limit in its
// parser or printer), and its cost grows with the square of the depth: it
// indents every printed line, renames through every enclosing scope, and
// backtracks over `<` in TypeScript. 50,000 nested arrays on separate
// lines, 200 KB, cost it 5 GB and more. The JavaScript parser stops at
// 1,000 levels of its own, which is where the engine used to fall back to
// esbuild. Below the limit each stage is linear in the size, with a
// factor that grows with the limit: 200 KB of the costliest construct
// nested 250 deep (functions in functions) takes esbuild 2.5 s and of any
// under 200 MB; 1,000 deep, 30 s or 700 MB. (A TypeScript `<` counts four
// levels, see operator.)
//
// Why 256: real code stays far below. React DOM's development bundle
// (1 MB) reaches 35; of 3,930 files of JavaScript, TypeScript, JSX, Vue
// and HTML (npm's own modules, Go modules' web assets, juice-shop,
// casdoor, pocketbase, prometheus; 39 MB, bundles included) none goes past
// 87, the deepest a hand-written React page, and 99.8% stay within 50.
const MaxNesting = 256

// KindLimit is the problem kind of a script left unanalysed because it
// exceeds a resource limit (today: MaxNesting).
const KindLimit = "limit"

// nestingDepth measures how deeply code nests, in one linear pass over
// its tokens, and returns the deepest level and the byte offset where the
// nesting first went past limit (-1 if it never did).
//
// It is a tokenizer, not a parser: it knows strings, comments, regular
// expression and template literals, JSX elements (jsx) and TypeScript
// angle brackets (ts) well enough not to be confused by them, and where
// it has to guess it guesses deeper. The depth approximates the depth of
// the syntax tree, which is what the parsers recurse on: one level per
// open bracket (parenthesis, bracket, brace, template, JSX element, type
// arguments), and within a bracket the depth of its expression by operator
// precedence, with prefix operators and statement keywords (if, else,
// for, return, …) nesting what follows them. `!!!!x`, `a = b = c`,
// `if (a) if (b) …` and `a + b + c` each nest one level per operator.
// Bitwise | and & do not count: TypeScript's long union and intersection
// types are written with them, and esbuild parses those in a loop.
func nestingDepth(code []byte, jsx, ts bool, limit int) (depth, at int) {
	s := nestScanner{src: code, jsx: jsx, ts: ts, limit: limit, at: -1}
	if bytes.HasPrefix(code, []byte("#!")) {
		s.skipTo(0, "\n")
	}
	for s.i < len(s.src) {
		switch s.top() {
		case frameTemplate:
			s.templateText()
		case frameJSXTag:
			s.jsxTag()
		case frameJSXElem:
			s.jsxChildren()
		default:
			s.token()
		}
	}
	return s.max, s.at
}

type frameKind uint8

const (
	frameCode     frameKind = iota // no frame open: the script's top level
	frameParen                     // ( )
	frameHead                      // ( ) after if, for, while, with, switch or catch
	frameBracket                   // [ ]
	frameBlock                     // { } of statements, or a function, class or type body
	frameObject                    // { } of an object literal or pattern
	frameSubst                     // ${ } in a template literal
	frameJSXExpr                   // { } in JSX children or attributes
	frameAngle                     // < > that may be TypeScript type arguments
	frameTemplate                  // the text of a template literal
	frameJSXTag                    // inside <Name …>, among the attributes
	frameJSXElem                   // the children of a JSX element
)

// weight is what a frame adds to the depth by itself: a template's text
// and its substitutions count once together, and a tag's attributes are
// the element's.
func (k frameKind) weight() int {
	if k == frameSubst || k == frameJSXTag {
		return 0
	}
	return 1
}

// closer is the kind of bracket a frame closes with, as an index into
// nestScanner.closers: 0 for `)`, 1 for `]`, 2 for `}`; -1 for frames no
// closer in code ends (angle brackets) and for bounds (templates and JSX),
// which the closers of code inside them do not go past.
func (k frameKind) closer() int {
	switch k {
	case frameParen, frameHead:
		return 0
	case frameBracket:
		return 1
	case frameBlock, frameObject, frameSubst, frameJSXExpr:
		return 2
	}
	return -1
}

func (k frameKind) bound() bool {
	return k == frameTemplate || k == frameJSXTag || k == frameJSXElem
}

// frame is an open bracket, with the state of the enclosing one.
type frame struct {
	kind     frameKind
	base     int32    // the enclosing frame's base
	opsStart int32    // the enclosing frame's first pending operator
	closers  [3]int32 // of a bound: the closers open outside it
}

// pending is an operator whose right operand is still being read.
type pending struct {
	prec  int8
	colon bool  // a `?` whose `:` was read, an if whose else was read
	left  int32 // depth of its left operand, -1 for a prefix operator
	deep  int32 // deepest level of the expression so far, up to this operator
}

// tokenKind is what the previous token of code was, as far as the next
// one cares: whether `/` divides or starts a regular expression, `(`
// calls, `<` compares or opens a JSX element, `{` opens a block or an
// object.
type tokenKind uint8

const (
	tokStart     tokenKind = iota // nothing yet, or `;`
	tokOperand                    // a name, literal, closing bracket: an operand is complete
	tokOperator                   // an operator or `(`, `[`, `,`: an operand is expected
	tokKeyword                    // return, typeof, in, …: an operand is expected
	tokStatement                  // else, do, try, finally, =>: a statement is expected
	tokHead                       // if, for, while, with, switch, catch: `(` follows
	tokHeadEnd                    // the `)` after a head: a statement is expected
	tokBlockEnd                   // the `}` of a block
)

// Operator precedences, loosest first, as in the language.
const (
	precStatement int8 = 1 + iota // if, else, for, return, …: prefixes of statements
	precAssign                    // = += => yield ... of
	precCond                      // ? :
	precOr                        // || ??
	precAnd                       // &&
	precEquality                  // == != === !==
	precRelation                  // < > <= >= in instanceof as satisfies
	precShift                     // << >> >>>
	precAdd                       // + -
	precMul                       // * / %
	precPow                       // ** (right-associative)
	precPrefix                    // ! ~ + - ++ -- typeof void delete await new keyof
	precMember                    // . ?. calls, indexes, tagged templates
)

type nestScanner struct {
	src     []byte
	i       int
	jsx, ts bool
	limit   int

	stack   []frame
	closers [3]int32  // frames open since the innermost bound, by closer
	base    int       // depth of the innermost frame's contents
	ops     []pending // pending operators of all open frames
	start   int       // the innermost frame's first pending operator in ops
	cur     int       // depth of the operand being read

	prev       tokenKind
	afterDot   bool // the last token was . or ?.: a name is a property, not a keyword
	lineBreak  bool // a line terminator before the current token
	braceEnded bool // the last token closed a block or an object
	semi       bool // the last token was `;`
	ended      bool // braceEnded, for the current token

	max, at int
}

func (s *nestScanner) top() frameKind {
	if len(s.stack) == 0 {
		return frameCode
	}
	return s.stack[len(s.stack)-1].kind
}

// level is the depth, in the innermost frame, of the operand being read:
// the number of operators waiting for it.
func (s *nestScanner) level() int { return len(s.ops) - s.start }

func (s *nestScanner) note() {
	d := s.level() + s.cur
	if s.level() > 0 {
		d = max(d, int(s.ops[len(s.ops)-1].deep))
	}
	d += s.base
	if d > s.max {
		s.max = d
	}
	if d > s.limit && s.at < 0 {
		s.at = min(s.i, len(s.src))
	}
}

// operand notes an operand of depth d (0 for a name or a literal).
func (s *nestScanner) operand(d int) {
	s.cur = d
	s.note()
}

// push adds a pending operator; left is -1 for a prefix operator.
func (s *nestScanner) push(prec int8, left int) {
	deep := s.level() + 1 + left
	if s.level() > 0 {
		deep = max(deep, int(s.ops[len(s.ops)-1].deep))
	}
	s.ops = append(s.ops, pending{prec: prec, left: int32(left), deep: int32(deep)})
	s.cur = 0
	s.note()
}

// binary reads a binary operator: the operators before it that bind
// tighter take their right operand.
func (s *nestScanner) binary(prec int8, rightAssoc bool) { s.binaryWeighing(prec, rightAssoc, 1) }

// binaryWeighing is binary for an operator that counts as weight levels.
func (s *nestScanner) binaryWeighing(prec int8, rightAssoc bool, weight int) {
	for s.level() > 0 {
		p := s.ops[len(s.ops)-1]
		if p.prec < prec || p.prec == prec && rightAssoc {
			break
		}
		s.ops = s.ops[:len(s.ops)-1]
		s.cur = 1 + max(int(p.left), s.cur)
	}
	s.push(prec, s.cur+weight-1)
}

// colon reads `:`: the other half of a pending `?`, or else a label, a
// property or a type annotation, which nests what follows it.
func (s *nestScanner) colon() {
	for s.level() > 0 {
		p := &s.ops[len(s.ops)-1]
		if p.prec == precCond && !p.colon {
			p.colon = true
			s.cur = 0
			return
		}
		if p.prec < precCond {
			break
		}
		s.ops = s.ops[:len(s.ops)-1]
		s.cur = 1 + max(int(p.left), s.cur)
	}
	s.push(precAssign, s.cur)
}

// elseBranch reads else: the other half of a pending if, so that each
// link of an else-if chain nests one level, as in the syntax tree.
func (s *nestScanner) elseBranch() {
	for s.level() > 0 {
		p := &s.ops[len(s.ops)-1]
		if p.prec == precStatement && !p.colon {
			p.colon = true
			s.cur = 0
			return
		}
		if p.prec < precStatement {
			break
		}
		s.ops = s.ops[:len(s.ops)-1]
		s.cur = 1 + max(int(p.left), s.cur)
	}
	s.push(precStatement, s.cur)
}

// open opens a frame where an operand is read.
func (s *nestScanner) open(k frameKind) {
	f := frame{kind: k, base: int32(s.base), opsStart: int32(s.start)}
	if k.bound() {
		f.closers, s.closers = s.closers, [3]int32{}
	} else if c := k.closer(); c >= 0 {
		s.closers[c]++
	}
	s.stack = append(s.stack, f)
	s.base += s.level() + k.weight()
	s.start = len(s.ops)
	s.cur = 0
	s.prev = tokOperator
	s.note()
}

// pop closes the innermost frame, which becomes an operand of the
// enclosing one.
func (s *nestScanner) pop() {
	f := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	if f.kind.bound() {
		s.closers = f.closers
	} else if c := f.kind.closer(); c >= 0 {
		s.closers[c]--
	}
	s.ops = s.ops[:s.start]
	s.base, s.start = int(f.base), int(f.opsStart)
	s.cur = 1
}

// endStatement starts over in the innermost frame: a statement or a list
// element begins. Angle brackets still open were comparisons.
func (s *nestScanner) endStatement() {
	for s.top() == frameAngle {
		s.pop()
	}
	s.ops = s.ops[:s.start]
	s.cur = 0
}

// newStatement reports whether a token that cannot continue an
// expression begins a statement here: after a closed block or object or a
// `;`, or on a new line after a complete operand, where JavaScript
// inserts a semicolon.
func (s *nestScanner) newStatement() bool {
	return s.ended || s.lineBreak && s.prev == tokOperand
}

// closeBracket handles `)`, `]` or `}` in code. A closer that matches no
// opener since the innermost template or JSX element is ignored; openers
// left unclosed inside the match (a misread `<`, a regular expression
// taken for a division) close with it. The counts of open frames make
// either O(1) per frame: searching the stack for a match cost n² steps
// on n `[` and n `)`.
func (s *nestScanner) closeBracket(c byte) {
	want := 2
	switch c {
	case ')':
		want = 0
	case ']':
		want = 1
	}
	if s.closers[want] == 0 {
		return
	}
	for {
		k := s.stack[len(s.stack)-1].kind
		s.pop()
		if k.closer() != want {
			continue
		}
		switch k {
		case frameHead:
			s.prev = tokHeadEnd
		case frameBlock:
			s.prev, s.braceEnded = tokBlockEnd, true
		case frameObject:
			s.prev, s.braceEnded = tokOperand, true
		default:
			s.prev = tokOperand
		}
		return
	}
}

// identBytes are the bytes of names (any non-ASCII byte: names may be
// Unicode) and of numbers; nameBytes adds the backslash of \u escapes.
var identBytes, nameBytes = func() (t, n [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80
		n[c] = t[c] || c == '\\'
	}
	return t, n
}()

// spaceBytes are white space other than line terminators.
var spaceBytes = [256]bool{' ': true, '\t': true, '\r': true, '\f': true, '\v': true}

func isIdentByte(c byte) bool { return identBytes[c] }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *nestScanner) byteAt(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// skipTo moves to the first of chars at or after from, or to the end.
func (s *nestScanner) skipTo(from int, chars string) {
	if from >= len(s.src) {
		s.i = len(s.src)
		return
	}
	if j := bytes.IndexAny(s.src[from:], chars); j >= 0 {
		s.i = from + j
	} else {
		s.i = len(s.src)
	}
}

// skipSpace skips white space and comments, noting line terminators.
func (s *nestScanner) skipSpace() {
	for s.i < len(s.src) {
		src, i := s.src, s.i
		for i < len(src) && spaceBytes[src[i]] {
			i++
		}
		s.i = i
		if i == len(src) {
			return
		}
		switch c := src[i]; c {
		case '\n':
			s.lineBreak = true
			s.i++
		case '/':
			switch s.byteAt(s.i + 1) {
			case '/':
				s.skipTo(s.i, "\n")
			case '*':
				end := bytes.Index(s.src[s.i+2:], []byte("*/"))
				if end < 0 {
					end = len(s.src) - s.i - 2
				}
				if bytes.IndexByte(s.src[s.i+2:s.i+2+end], '\n') >= 0 {
					s.lineBreak = true
				}
				s.i = min(s.i+end+4, len(s.src))
			default:
				return
			}
		case '<', '-':
			// HTML-like comments, in scripts of pages.
			if c == '<' && bytes.HasPrefix(s.src[s.i:], []byte("<!--")) || c == '-' && s.lineBreak && bytes.HasPrefix(s.src[s.i:], []byte("-->")) {
				s.skipTo(s.i, "\n")
				continue
			}
			return
		default:
			return
		}
	}
}

// token reads one token of code.
func (s *nestScanner) token() {
	s.lineBreak = false
	s.skipSpace()
	if s.i >= len(s.src) {
		return
	}
	semi, afterDot := s.semi, s.afterDot
	s.ended, s.braceEnded, s.semi, s.afterDot = s.braceEnded || s.semi, false, false, false
	c := s.src[s.i]
	if semi && !(c == 'e' && bytes.HasPrefix(s.src[s.i:], []byte("else"))) {
		s.endStatement() // `;` ends the statement, unless an else goes on with it
	}
	switch {
	case isIdentByte(c) && !isDigit(c) || c == '#' || c == '\\':
		src, start := s.src, s.i
		i := start + 1
		for i < len(src) && nameBytes[src[i]] {
			i++
		}
		s.i = i
		if afterDot {
			s.operand(0) // a.for, a?.new: property names
			s.prev = tokOperand
		} else {
			s.word(src[start:i])
		}
	case isDigit(c) || c == '.' && isDigit(s.byteAt(s.i+1)):
		s.literalStarts()
		for s.i++; s.i < len(s.src) && (identBytes[s.src[s.i]] || s.src[s.i] == '.'); s.i++ {
		}
		s.operand(0)
	case c == '\'' || c == '"':
		s.literalStarts()
		s.skipString(c)
		s.operand(0)
	case c == '`':
		if s.prev == tokOperand {
			s.binary(precMember, false) // a tagged template: a call
		} else {
			s.literalStarts()
		}
		s.i++
		s.open(frameTemplate)
	case c == '/' && s.prev != tokOperand:
		s.literalStarts()
		s.skipRegExp()
		s.operand(0)
	case c == '(' || c == '[':
		head := s.prev == tokHead
		if s.prev == tokOperand {
			s.binary(precMember, false) // a call or an index
		}
		s.i++
		switch {
		case c == '[':
			s.open(frameBracket)
		case head:
			s.open(frameHead)
		default:
			s.open(frameParen)
		}
	case c == '{':
		if s.newStatement() {
			s.endStatement()
		}
		s.i++
		switch s.prev {
		case tokOperator, tokKeyword:
			s.open(frameObject)
		default:
			s.open(frameBlock)
		}
	case c == ')' || c == ']' || c == '}':
		s.i++
		s.closeBracket(c)
	case c == ';':
		s.i++
		s.semi = true
		s.prev = tokStart
	case c == ',':
		s.i++
		s.endStatement()
		s.prev = tokOperator
	case c == '<' && s.jsx && s.prev != tokOperand && s.jsxStart():
		// jsxStart opened the element.
	case c == '<' && s.ts && s.angleStart():
		s.i++
		s.open(frameAngle)
	case c == '>' && s.top() == frameAngle:
		s.i++
		s.pop()
		s.prev = tokOperand
	case c == '@':
		if s.newStatement() {
			s.endStatement()
		}
		s.i++
		s.prev = tokOperator
	default:
		s.operator()
	}
}

// literalStarts is called at a literal: after a statement it begins a
// new one.
func (s *nestScanner) literalStarts() {
	if s.newStatement() {
		s.endStatement()
	}
	s.prev = tokOperand
}

// word handles a name or keyword.
func (s *nestScanner) word(w []byte) {
	kind, prec, binary := keyword(w)
	if !binary && s.newStatement() || kind == tokKeyword && prec == 0 {
		s.endStatement() // a statement begins; case and default always begin one
	}
	switch {
	case kind == tokStatement && prec == precStatement && binary:
		s.elseBranch()
	case binary:
		s.binary(prec, prec <= precAssign)
	case prec > 0:
		s.push(prec, -1)
	case kind == tokOperand:
		s.operand(0)
	}
	s.prev = kind
}

// keyword classifies a name: what it is as the previous token, the
// precedence with which it nests what follows it (0: none), and whether
// it is a binary operator, continuing the expression before it (so that
// a line break before it inserts no semicolon).
func keyword(w []byte) (kind tokenKind, prec int8, binary bool) {
	if len(w) < 2 || len(w) > 10 || w[0] < 'a' || w[0] > 'y' {
		return tokOperand, 0, false
	}
	switch string(w) {
	case "if", "for", "while", "with", "switch", "catch":
		return tokHead, precStatement, false
	case "else":
		// if (a) x; else if (b) y; else …: each else nests the next if.
		return tokStatement, precStatement, true
	case "do":
		return tokStatement, precStatement, false
	case "try", "finally":
		return tokStatement, 0, false
	case "return", "throw":
		return tokKeyword, precStatement, false
	case "yield":
		return tokKeyword, precAssign, false
	case "new", "typeof", "void", "delete", "await", "keyof", "infer":
		return tokKeyword, precPrefix, false
	case "in", "instanceof", "as", "satisfies":
		return tokKeyword, precRelation, true
	case "of", "extends", "implements":
		return tokKeyword, precAssign, true
	case "case", "default":
		// case 1: case 2: … lists nest nothing, however long.
		return tokKeyword, 0, false
	}
	return tokOperand, 0, false
}

func (s *nestScanner) skipString(q byte) {
	chars := "\\\n'"
	if q == '"' {
		chars = "\\\n\""
	}
	for i := s.i + 1; ; {
		s.skipTo(i, chars)
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case '\\':
			i = s.i + 2
		case '\n':
			return // unterminated: the line ends it
		default:
			s.i++
			return
		}
	}
}

func (s *nestScanner) skipRegExp() {
	inClass := false
	for s.i++; s.i < len(s.src); s.i++ {
		switch s.src[s.i] {
		case '\\':
			s.i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '\n':
			return // unterminated: the line ends it
		case '/':
			if !inClass {
				for s.i++; s.i < len(s.src) && identBytes[s.src[s.i]]; s.i++ {
				}
				return
			}
		}
	}
	s.i = min(s.i, len(s.src))
}

// operator reads a punctuator.
func (s *nestScanner) operator() {
	b := s.src[s.i:]
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	c, d, e := b[0], at(1), at(2)
	n, prec, right := 1, int8(0), false
	switch c {
	case '=':
		switch {
		case d == '=' && e == '=':
			n, prec = 3, precEquality
		case d == '=':
			n, prec = 2, precEquality
		case d == '>':
			n, prec, right = 2, precAssign, true
		default:
			prec, right = precAssign, true
		}
	case '!':
		switch {
		case d == '=' && e == '=':
			n, prec = 3, precEquality
		case d == '=':
			n, prec = 2, precEquality
		default:
			s.prefix(1)
			return
		}
	case '~':
		s.prefix(1)
		return
	case '+', '-':
		switch {
		case d == c:
			if s.prev == tokOperand && !s.lineBreak {
				s.i += 2 // postfix: the operand stays complete
				return
			}
			s.prefix(2)
			return
		case d == '=':
			n, prec, right = 2, precAssign, true
		case s.prev != tokOperand:
			s.prefix(1)
			return
		default:
			prec = precAdd
		}
	case '*':
		switch {
		case d == '*' && e == '=':
			n, prec, right = 3, precAssign, true
		case d == '*':
			n, prec, right = 2, precPow, true
		case d == '=':
			n, prec, right = 2, precAssign, true
		default:
			prec = precMul
		}
	case '/', '%':
		if d == '=' {
			n, prec, right = 2, precAssign, true
		} else {
			prec = precMul
		}
	case '<', '>':
		switch {
		case c == '>' && d == '>' && e == '>' && at(3) == '=':
			n, prec, right = 4, precAssign, true
		case c == '>' && d == '>' && e == '>':
			n, prec = 3, precShift
		case d == c && e == '=':
			n, prec, right = 3, precAssign, true
		case d == c:
			n, prec = 2, precShift
		case d == '=':
			n, prec = 2, precRelation
		default:
			prec = precRelation
		}
	case '&', '|':
		switch {
		case d == c && e == '=':
			n, prec, right = 3, precAssign, true
		case d == c && c == '&':
			n, prec = 2, precAnd
		case d == c:
			n, prec = 2, precOr
		case d == '=':
			n, prec, right = 2, precAssign, true
		default:
			s.i++ // bitwise, union, intersection: see nestingDepth
			s.prev = tokOperator
			return
		}
	case '^':
		if d == '=' {
			n, prec, right = 2, precAssign, true
		} else {
			s.i++
			s.prev = tokOperator
			return
		}
	case '?':
		switch {
		case d == '?' && e == '=':
			n, prec, right = 3, precAssign, true
		case d == '?':
			n, prec = 2, precOr
		case d == '.' && !isDigit(e):
			n, prec = 2, precMember
			s.afterDot = true
		default:
			prec, right = precCond, true
		}
	case ':':
		s.i++
		s.colon()
		s.prev = tokOperator
		return
	case '.':
		if d == '.' && e == '.' {
			s.i += 3
			s.push(precAssign, -1) // spread, rest
			s.prev = tokOperator
			return
		}
		prec = precMember
		s.afterDot = true
	default:
		s.i++ // a byte no token starts with
		return
	}
	s.i += n
	if c == '<' && n == 1 && s.ts {
		// esbuild tries each `<` of TypeScript as the start of type
		// arguments and backtracks, at a cost that grows with the square
		// of a chain. Real code has no such chains (a < b < c does not
		// type-check): one counts as four levels.
		s.binaryWeighing(prec, right, 4)
	} else {
		s.binary(prec, right)
	}
	s.prev = tokOperator
	if c == '=' && n == 2 && d == '>' {
		s.prev = tokStatement // an arrow's body: `{` opens a block
	}
}

// prefix reads a prefix operator of n bytes.
func (s *nestScanner) prefix(n int) {
	if s.newStatement() {
		s.endStatement()
	}
	s.i += n
	s.push(precPrefix, -1)
	s.prev = tokOperator
}

// angleStart reports whether `<` in TypeScript opens type arguments or
// parameters: right after a name (Array<T>, f<T>(x)) or where an operand
// is expected (<T>(x) => x). `a < b`, spaced, compares.
func (s *nestScanner) angleStart() bool {
	if n := s.byteAt(s.i + 1); n == '<' || n == '=' {
		return false
	}
	return s.prev != tokOperand || s.i > 0 && identBytes[s.src[s.i-1]]
}

// jsxStart opens a JSX element or fragment at `<` where an operand is
// expected. In TypeScript `<T,>` and `<T extends U>` are type parameters.
func (s *nestScanner) jsxStart() bool {
	n := s.byteAt(s.i + 1)
	if n == '>' {
		s.i += 2
		s.open(frameJSXElem)
		return true
	}
	if !identBytes[n] || isDigit(n) {
		return false
	}
	j := s.i + 1
	for j < len(s.src) && (identBytes[s.src[j]] || s.src[j] == '.' || s.src[j] == ':' || s.src[j] == '-') {
		j++
	}
	if s.ts {
		k := j
		for k < len(s.src) && (s.src[k] == ' ' || s.src[k] == '\t' || s.src[k] == '\n' || s.src[k] == '\r') {
			k++
		}
		if s.byteAt(k) == ',' || bytes.HasPrefix(s.src[k:], []byte("extends")) && !identBytes[s.byteAt(k+7)] {
			return false
		}
	}
	s.i = j
	s.open(frameJSXTag)
	return true
}

// jsxTag reads the attributes of an opening tag up to its end, or up to a
// { } expression, which is code.
func (s *nestScanner) jsxTag() {
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case identBytes[c] || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' || c == '-' || c == ':' || c == '.':
			s.i++
		case c == '/' && s.byteAt(s.i+1) == '>':
			s.i += 2
			s.pop()
			s.prev = tokOperand
			return
		case c == '>':
			s.i++
			s.pop()
			s.open(frameJSXElem)
			return
		case c == '{':
			s.i++
			s.open(frameJSXExpr)
			return
		case c == '"' || c == '\'':
			// JSX attribute strings have no escapes and may span lines.
			if j := bytes.IndexByte(s.src[s.i+1:], c); j >= 0 {
				s.i += j + 2
			} else {
				s.i = len(s.src)
			}
		default:
			// Not JSX after all (a TypeScript generic, or `x = <y` in
			// some other language): the code goes on from here.
			s.pop()
			s.prev = tokOperator
			return
		}
	}
}

// jsxChildren reads the text of an element up to a child element, its
// closing tag or a { } expression.
func (s *nestScanner) jsxChildren() {
	s.skipTo(s.i, "<{}")
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '{':
		s.i++
		s.open(frameJSXExpr)
	case '}':
		// JSX text cannot hold a `}`: the `<` that led here was no JSX.
		// Back to the code around it, which this `}` closes.
		for s.top() == frameJSXElem || s.top() == frameJSXTag {
			s.pop()
		}
		s.prev = tokOperand
	default:
		if s.byteAt(s.i+1) == '/' {
			s.skipTo(s.i, ">")
			s.i = min(s.i+1, len(s.src))
			s.pop()
			s.prev = tokOperand
			return
		}
		if !s.jsxStart() {
			s.i++
		}
	}
}

// templateText reads the text of a template literal up to its end or a
// substitution.
func (s *nestScanner) templateText() {
	for s.i < len(s.src) {
		s.skipTo(s.i, "\\`$")
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case '\\':
			s.i = min(s.i+2, len(s.src))
		case '`':
			s.i++
			s.pop()
			s.prev = tokOperand
			return
		default:
			if s.byteAt(s.i+1) == '{' {
				s.i += 2
				s.open(frameSubst)
				return
			}
			s.i++
		}
	}
}
