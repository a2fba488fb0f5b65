// Package secrets finds hard-coded tokens, keys and secrets with gitleaks
// v8's rules used as a library, plus tokenvet's own rules for opaque
// bearer tokens, API-client exports and OAuth credentials in
// configuration (tokenvet.toml, embedded). JWT matches are decoded so a
// finding can say which algorithm the token names and whether it expires.
//
// A Scanner is built once and is safe for concurrent use. The file engine
// (Engine) runs it over every non-Go file of the walk; the hardcodedtoken
// analyzer runs it over Go string literals.
package secrets

import (
	"encoding/base64"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	glconfig "github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/report"
)

// Match is one secret found in a text.
type Match struct {
	// RuleID is the gitleaks-format rule that matched (e.g. "jwt",
	// "tokenvet-bearer-token").
	RuleID string
	// Description is the rule's description.
	Description string
	// Start and End are byte offsets of the secret in the text: from the
	// start of the rule's secret group to the end of the match, without
	// trailing delimiters. Text[Start:End] is what must be redacted.
	Start, End int
	// MatchStart is where the rule's whole match starts (its key, for
	// rules that match a key and its value); MatchStart <= Start.
	MatchStart int
	// JWT is set when the secret is a decodable JSON Web Token.
	JWT *JWTInfo
	// Encoding names how the secret was written when the rule matched
	// only after decoding it ("base64", "hex", "percent", "unicode";
	// nested encodings joined with "+", outermost first); Start and End
	// then span the encoded text.
	Encoding string
	// Secret is the matched secret as the rule saw it: decoded, when
	// Encoding is set. It is for the decisions made on the secret's shape
	// and must never be printed.
	Secret string
	// Lang is the lower-case extension of the source file (".js") when
	// Start and End are offsets into that file's text, for decisions that
	// depend on its syntax; "" when the text is something else (the
	// contents of a Go literal the analyzer scanned).
	Lang string
}

// JWTInfo is what a hard-coded JWT's header and payload reveal.
type JWTInfo struct {
	Alg    string // the header's alg ("" when absent)
	HasExp bool   // the payload has an exp claim
	// Exp is the exp claim in seconds since the epoch (0 when absent or
	// not a number).
	Exp int64
	// Sample is set for the example token of the JWT debugger at jwt.io
	// (HS256, sub 1234567890, name John Doe), which documentation and tests
	// everywhere copy: it signs nothing anyone relies on.
	Sample bool
}

// Scanner runs a rule set over text.
//
// Speed: gitleaks runs a rule's regex over the whole fragment when one of
// the rule's keywords occurs anywhere in it, and its costliest rules
// (generic-api-key, and every case-insensitive rule) have no literal
// prefix to skip ahead with, so each costs a full regex pass over most
// files. A match contains one of its rule's keywords, so the Scanner runs
// each such rule only on the lines around that rule's own keyword hits.
// Rules with a literal prefix (cheap: the regexp engine skips to the
// prefix) and rules without keywords run over the whole text as gitleaks
// runs them.
type Scanner struct {
	d *detect.Detector // the whole rule set; Rules counts it
	// wholeText runs the rules that see whole texts.
	wholeText *detect.Detector
	// windowed holds one detector per rule run on windows.
	windowed []windowedRule
	// byKeyword maps a keyword to the windowed rules that have it.
	byKeyword map[string][]int
	keywords  *ahocorasick.Trie
	// anyKeyword finds any rule's keyword; a text without one cannot
	// match, unless some rule has no keyword (keywordless).
	anyKeyword  *ahocorasick.Trie
	keywordless bool
	// byPath holds the rules without keywords that only apply to some
	// paths (tokenvet-raw-key-file): run on those files alone, they
	// would otherwise make every text a candidate for every rule.
	byPath []pathRule
	typesCache
}

type pathRule struct {
	path interface{ MatchString(string) bool }
	d    *detect.Detector
}

type windowedRule struct {
	d     *detect.Detector
	reach int // lines past the keyword's line a match can extend
}

const (
	// windowMinText: smaller texts are scanned whole by every rule.
	windowMinText = 2 << 10
	// windowMaxShare: when a rule's windows cover more of the text than
	// this, the rule scans the whole text in one go.
	windowMaxShare = 0.5
	// multiLineReach is the reach of rules that match blocks (PEM keys).
	multiLineReach = 64
)

func newScanner(d *detect.Detector) *Scanner {
	s := &Scanner{d: d, byKeyword: map[string][]int{}}
	whole := glconfig.Config{Rules: map[string]glconfig.Rule{}, Keywords: map[string]struct{}{}, Allowlists: d.Config.Allowlists}
	ids := slices.Sorted(maps.Keys(d.Config.Rules))
	for _, id := range ids {
		r := d.Config.Rules[id]
		if r.Regex != nil && r.Path != nil && len(r.Keywords) == 0 && len(r.RequiredRules) == 0 && !r.SkipReport {
			one := glconfig.Config{Rules: map[string]glconfig.Rule{id: r}, OrderedRules: []string{id}, Keywords: map[string]struct{}{}, Allowlists: d.Config.Allowlists}
			s.byPath = append(s.byPath, pathRule{path: r.Path, d: configure(detect.NewDetector(one))})
			continue
		}
		if r.Regex == nil || len(r.Keywords) == 0 || len(r.RequiredRules) > 0 || r.SkipReport || literalPrefix(r.Regex.String()) {
			whole.Rules[id] = r
			whole.OrderedRules = append(whole.OrderedRules, id)
			for _, k := range r.Keywords {
				whole.Keywords[k] = struct{}{}
			}
			continue
		}
		one := glconfig.Config{Rules: map[string]glconfig.Rule{id: r}, OrderedRules: []string{id}, Keywords: map[string]struct{}{}, Allowlists: d.Config.Allowlists}
		for _, k := range r.Keywords {
			one.Keywords[k] = struct{}{}
		}
		i := len(s.windowed)
		s.windowed = append(s.windowed, windowedRule{d: configure(detect.NewDetector(one)), reach: ruleReach(r.Regex.String())})
		for k := range one.Keywords {
			s.byKeyword[k] = append(s.byKeyword[k], i)
		}
	}
	s.wholeText = configure(detect.NewDetector(whole))
	all := map[string]bool{}
	for _, r := range d.Config.Rules {
		if r.Regex != nil && len(r.Keywords) == 0 && (r.Path == nil || len(r.RequiredRules) > 0 || r.SkipReport) {
			s.keywordless = true
		}
		for _, k := range r.Keywords {
			all[strings.ToLower(k)] = true
		}
	}
	s.anyKeyword = ahocorasick.NewTrieBuilder().AddStrings(slices.Sorted(maps.Keys(all))).Build()
	s.keywords = ahocorasick.NewTrieBuilder().AddStrings(slices.Sorted(maps.Keys(s.byKeyword))).Build()
	return s
}

// configure switches gitleaks' own decoding off: it rescans the whole
// fragment with every rule once per decoding round, so its cost grows
// with the file, not with what decodes. Scanner.scanDecoded decodes
// instead, and runs the rules only over what decoded.
func configure(d *detect.Detector) *detect.Detector {
	d.MaxDecodeDepth = 0
	return d
}

// literalPrefix reports whether a match of re must start with a literal
// string the regexp engine can search for.
func literalPrefix(re string) bool {
	p, _ := regexp.MustCompile(re).LiteralPrefix()
	return len(p) >= 2
}

// ruleReach estimates how many lines past its keyword's line a match of
// regex re can extend: blocks ([\s\S], (?s)) get multiLineReach, other
// unbounded whitespace a few lines, the rest one line (generic-api-key's
// bounded [\s'"]{0,3} crosses at most one line break).
func ruleReach(re string) int {
	switch {
	case strings.Contains(re, `\s\S`) || strings.Contains(re, `\S\s`) || strings.Contains(re, "(?s"):
		return multiLineReach
	case strings.Contains(re, `\s*`) || strings.Contains(re, `\s+`) || strings.Contains(re, `\n`) || strings.Contains(re, `\r`) || strings.Contains(re, `\s{`):
		return 3
	}
	return 1
}

// Rules returns the number of rules the scanner runs.
func (s *Scanner) Rules() int { return len(s.d.Config.Rules) }

// Scan returns the secrets in text, sorted by position, one per secret
// (when several rules match the same text the most specific one wins).
// path is the file's slash-separated path; path-based rules and
// allowlists use it. Lines carrying `gitleaks:allow` are skipped.
func (s *Scanner) Scan(path, text string) []Match {
	if text == "" {
		return nil
	}
	var byPath []Match
	for _, r := range s.byPath {
		if r.path.MatchString(path) {
			byPath = append(byPath, s.scan(r.d, path, text, 0)...)
		}
	}
	if len(byPath) > 0 {
		return dedupe(append(byPath, s.scanFragments(path, text)...))
	}
	return s.scanFragments(path, text)
}

// scanFragments is Scan without the path rules.
func (s *Scanner) scanFragments(path, text string) []Match {
	if len(text) <= fragmentMax {
		return s.scanText(path, text, 0)
	}
	// gitleaks' cost per fragment grows with matches × lines (it locates
	// each match by walking the fragment's line starts) and with matches²
	// (its overlap filter), so a keyword-dense file costs the square of
	// its size. Fragments of bounded size make the cost linear. They
	// overlap by multiLineReach lines, so a match spanning lines (a PEM
	// block) that a cut would split lies whole in the next fragment;
	// dedupe drops the copies found twice.
	var out []Match
	lines := lineStarts(text)
	for first := 0; first < len(lines); {
		from := lines[first]
		last := first
		for last+1 < len(lines) && lines[last+1]-from <= fragmentMax {
			last++
		}
		to := len(text)
		if last+1 < len(lines) {
			to = lines[last+1]
		}
		out = append(out, s.scanText(path, text[from:to], from)...)
		if to == len(text) {
			break
		}
		// The next fragment starts multiLineReach lines back, but at most
		// fragmentOverlap bytes back (long lines would otherwise make the
		// fragments overlap almost whole), and at least one line on (a
		// line longer than fragmentMax is scanned whole: a line is one
		// unit).
		next := max(last+1-multiLineReach, first+1)
		for next < last+1 && to-lines[next] > fragmentOverlap {
			next++
		}
		first = next
	}
	return dedupe(out)
}

// fragmentMax bounds the text gitleaks sees in one call, and
// fragmentOverlap how much of it the next fragment sees again; see Scan.
const (
	fragmentMax     = 32 << 10
	fragmentOverlap = 8 << 10
)

// scanText is Scan on a text of bounded size that starts at byte base of
// the file.
func (s *Scanner) scanText(path, text string, base int) []Match {
	if len(text) < windowMinText {
		// Most Go literals hold no keyword: skip gitleaks' per-call setup.
		decoded := s.scanDecoded(path, text, base)
		if !s.keywordless && s.anyKeyword.MatchFirstString(asciiLower(text)) == nil {
			return dedupe(decoded)
		}
		return dedupe(append(s.scan(s.d, path, text, base), decoded...))
	}
	out := append(s.scan(s.wholeText, path, text, base), s.scanDecoded(path, text, base)...)
	lines := lineStarts(text)
	lineOf := func(off int) int {
		i, _ := slices.BinarySearch(lines, off+1)
		return i - 1
	}
	// Line windows per windowed rule, in order and merged.
	wins := map[int][][2]int{}
	for _, m := range s.keywords.MatchString(asciiLower(text)) {
		l := lineOf(int(m.Pos()))
		for _, ri := range s.byKeyword[string(m.Match())] {
			// A match starts at most on its keyword's line (no rule's
			// prefix before the keyword crosses a line break), except in
			// rules that span lines, whose keyword may come late in the
			// match (kubernetes-secret-yaml: data: before kind: Secret).
			reach := s.windowed[ri].reach
			from := l
			if reach > 1 {
				from = max(l-reach, 0)
			}
			to := min(l+reach, len(lines)-1)
			ws := wins[ri]
			if n := len(ws); n > 0 && from <= ws[n-1][1]+1 {
				ws[n-1][1] = max(ws[n-1][1], to)
			} else {
				ws = append(ws, [2]int{from, to})
			}
			wins[ri] = ws
		}
	}
	byteOf := func(line int) int {
		if line < len(lines) {
			return lines[line]
		}
		return len(text)
	}
	for _, ri := range slices.Sorted(maps.Keys(wins)) {
		d := s.windowed[ri].d
		ws := wins[ri]
		covered := 0
		for _, w := range ws {
			covered += byteOf(w[1]+1) - byteOf(w[0])
		}
		if float64(covered) > windowMaxShare*float64(len(text)) {
			out = append(out, s.scan(d, path, text, base)...)
			continue
		}
		for _, w := range ws {
			from, to := byteOf(w[0]), byteOf(w[1]+1)
			out = append(out, s.scan(d, path, text[from:to], base+from)...)
		}
	}
	return dedupe(out)
}

// asciiLower lower-cases ASCII letters only, keeping byte offsets (the
// keywords are ASCII; strings.ToLower can change lengths).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// scan runs the detector on text, which starts at byte base of the
// file, and returns matches with file offsets.
func (s *Scanner) scan(d *detect.Detector, path, text string, base int) []Match {
	//lint:ignore SA1019 Detect, the only in-memory entry point in v8, takes this type.
	fs := d.Detect(detect.Fragment{Raw: text, FilePath: path, StartLine: 1})
	if len(fs) == 0 {
		return nil
	}
	// gitleaks' order is random (rules live in a map) and its columns are
	// unreliable past the first line: order by line and column, then find
	// each match's byte offset ourselves, searching from its line.
	slices.SortFunc(fs, func(a, b report.Finding) int {
		if a.StartLine != b.StartLine {
			return a.StartLine - b.StartLine
		}
		if a.StartColumn != b.StartColumn {
			return a.StartColumn - b.StartColumn
		}
		return strings.Compare(a.RuleID, b.RuleID)
	})
	lines := lineStarts(text)
	next := map[string]int{} // rule+match → where to look for the next occurrence
	var out []Match
	for _, f := range fs {
		if f.Match == "" || strings.HasPrefix(f.Match, "file detected:") {
			continue
		}
		from := 0
		if f.StartLine >= 1 && f.StartLine <= len(lines) {
			from = lines[f.StartLine-1]
		}
		key := f.RuleID + "\x00" + f.Match
		// The column is right on the match's first line; verify it, and
		// otherwise search from the line (and past an earlier identical
		// match of the same rule).
		i := from + f.StartColumn - 1
		if f.StartColumn < 1 || i < next[key] || !strings.HasPrefix(text[min(i, len(text)):], f.Match) {
			from = max(from, next[key])
			if i = strings.Index(text[from:], f.Match); i < 0 {
				if i = strings.Index(text, f.Match); i < 0 {
					continue
				}
			} else {
				i += from
			}
		}
		next[key] = i + len(f.Match)
		start, end := i, i+len(f.Match)
		if f.Secret != "" {
			if j := strings.Index(f.Match, f.Secret); j >= 0 {
				start = i + j
			}
		}
		end = start + len(strings.TrimRight(text[start:end], " \t\r\n'\"`;,)}]&<>|\\"))
		if end <= start {
			continue
		}
		if f.RuleID == "private-key" {
			// The rule's block runs lazily to the first "KEY-----", so a
			// key without its END line (cut short, or pasted in part)
			// swallows the next key's BEGIN line, and that key is lost:
			// end this one there and scan the rest again (dedupe drops
			// what is found twice).
			if j := strings.Index(text[start+1:end], "-----BEGIN"); j >= 0 {
				next := start + 1 + j
				end = start + len(strings.TrimRight(text[start:next], " \t\r\n"))
				out = append(out, s.scan(d, path, text[next:], base+next)...)
			}
		}
		if placeholder(text[start:end], text[end:]) {
			continue
		}
		m := Match{RuleID: f.RuleID, Description: f.Description, Start: base + start, End: base + end, MatchStart: base + i, Secret: text[start:end]}
		if strings.HasPrefix(f.RuleID, "jwt") {
			m.JWT = decodeJWT(text[start:end])
		}
		out = append(out, m)
	}
	return out
}

// placeholder reports values the rules' allowlists cannot express: a
// base64 htpasswd entry (a password hash), and example values: a value cut short in documentation ("eyJhbGciOiJSUz..."), a
// value whose last part is one repeated character (XXXXXXXXXXXX) or
// that is mostly one character (xxxxxxxxxxxxxxxxxxxxq7m2k9), and
// the base64 of placeholder words, as test fixtures and Kubernetes
// Secret examples write them (base64 of "admin_password", "user_password"
// and "this_is_the_secret", "secure-password"). Real secrets do not
// decode to lower-case words.
func placeholder(secret, after string) bool {
	for _, dots := range []string{"...", "…"} {
		if strings.HasPrefix(after, dots) || strings.HasSuffix(secret, dots) {
			return true
		}
	}
	v := strings.TrimRight(secret, "= \t\"'`")
	if i := strings.LastIndexAny(v, ":="); i >= 0 {
		v = v[i+1:]
	}
	v = strings.Trim(v, " \t\"'`")
	if len(v) < 8 {
		return false
	}
	// One character over and over where the secret goes (…/XXXXXXXX,
	// 00000000): a template's placeholder.
	if last := v[strings.LastIndexByte(v, '/')+1:]; len(last) >= 8 && strings.Count(last, last[:1]) == len(last) {
		return true
	}
	// Mostly one character (xxxxxxxxxxxxxxxxxxxxxxxx1f3a: a template's
	// x-ed out credential): the commonest character of random text this
	// long makes up a tenth or so of it, never three fifths.
	if len(v) >= 12 {
		var counts [256]int
		top := 0
		for i := 0; i < len(v); i++ {
			counts[v[i]]++
			top = max(top, counts[v[i]])
		}
		if top*10 >= len(v)*6 {
			return true
		}
	}
	if sequential(v[strings.LastIndexAny(v, "_-")+1:]) {
		return true
	}
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			return placeholderWords.Match(b) || htpasswd.Match(b)
		}
	}
	return false
}

// sequential reports a value made, for the most part (three quarters),
// of runs of three or more consecutive characters (abc123xyz789,
// 0123456789abcdef): what someone types for an example. Random text this
// long has almost none.
func sequential(v string) bool {
	if len(v) < 8 {
		return false
	}
	inRuns, run := 0, 1
	for i := 1; i <= len(v); i++ {
		if i < len(v) && v[i] == v[i-1]+1 {
			run++
			continue
		}
		if run >= 3 {
			inRuns += run
		}
		run = 1
	}
	return inRuns*4 >= len(v)*3
}

// htpasswd is an htpasswd entry (basic-auth Secrets hold them base64'd):
// a password hash, not a credential a client can present.
var htpasswd = regexp.MustCompile(`^[^:\s]+:(?:\{SHA\}[A-Za-z0-9+/]{27}=|\$apr1\$|\$2[aby]\$\d\d\$|\$[56]\$)`)

// placeholderWords is lower-case words joined by _-: or spaces, with at
// most two trailing digits.
var placeholderWords = regexp.MustCompile(`^[a-z][a-z_\-: ]{3,}[0-9]{0,2}$`)

// dedupe keeps one match per overlapping span, preferring specific rules
// over generic ones, then the longer span.
func dedupe(ms []Match) []Match {
	slices.SortStableFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []Match
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			if rank(m) > rank(out[n-1]) {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// rank orders rules by how much a match says about the secret.
func rank(m Match) int {
	switch {
	case m.JWT != nil:
		return 4
	case strings.Contains(m.RuleID, "generic"):
		return 0
	case strings.HasPrefix(m.RuleID, "tokenvet-"):
		return 2
	default: // provider-specific gitleaks rules
		return 3
	}
}

func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// decodeJWT reads the header and payload of a compact JWS; nil when the
// text is not one.
func decodeJWT(s string) *JWTInfo {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return nil
	}
	var hdr struct {
		Alg *string `json:"alg"`
	}
	var payload map[string]json.RawMessage
	if !decodePart(parts[0], &hdr) || !decodePart(parts[1], &payload) {
		return nil
	}
	info := &JWTInfo{}
	if hdr.Alg != nil {
		info.Alg = *hdr.Alg
	}
	var exp json.Number
	if raw, ok := payload["exp"]; ok {
		info.HasExp = true
		if json.Unmarshal(raw, &exp) == nil {
			if f, err := exp.Float64(); err == nil && f > 0 && f < 1e15 {
				info.Exp = int64(f)
			}
		}
	}
	var sub, name string
	_ = json.Unmarshal(payload["sub"], &sub)
	_ = json.Unmarshal(payload["name"], &name)
	// The debugger signs its sample with HS256; an unsigned token built
	// on the same payload is a forgery pattern, and stays reported.
	info.Sample = info.Alg == "HS256" && sub == "1234567890" && name == "John Doe"
	return info
}

func decodePart(p string, v any) bool {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(b, v) == nil
}

// Describe is the finding message for a match: what leaked and what to
// do, never the secret itself.
func Describe(m Match) string {
	what := strings.TrimSuffix(m.Description, ".")
	if m.JWT != nil {
		what = "JWT"
		switch {
		case m.JWT.Alg == "" || strings.EqualFold(m.JWT.Alg, "none"):
			what += " with alg none (unsigned: anyone can forge one)"
		default:
			what += " signed with " + m.JWT.Alg
		}
		if m.JWT.HasExp {
			what += ", exp set"
		} else {
			what += ", no exp (never expires)"
		}
	} else if what == "" {
		what = "secret"
	} else {
		what = lowerFirst(shorten(what))
	}
	if m.Encoding != "" {
		what += ", " + m.Encoding + "-encoded"
	}
	return "hard-coded " + what + " (rule " + m.RuleID + "): anyone who can read the code can use it; revoke it and load it from the environment or a secret store"
}

// shorten turns gitleaks' long descriptions ("Identified a Slack Bot
// token, potentially compromising …") into a noun phrase.
func shorten(d string) string {
	for _, p := range []string{"Uncovered a ", "Uncovered an ", "Identified a ", "Identified an ", "Detected a ", "Detected an ", "Discovered a ", "Discovered an ", "Found a ", "Found an "} {
		if strings.HasPrefix(d, p) {
			d = d[len(p):]
			break
		}
	}
	if i := strings.IndexAny(d, ",;"); i > 0 {
		d = d[:i]
	}
	for _, w := range []string{" which ", " that ", " potentially ", " risking ", " posing "} {
		if i := strings.Index(d, w); i > 0 {
			d = d[:i]
		}
	}
	return d
}

// lowerFirst lower-cases the first letter of a description that starts
// with an ordinary capitalised word ("Slack bot token"), and keeps names
// with a capital inside the first word (JWT, AWS, GitHub, OpenAI).
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if word == "" || strings.ToLower(word[1:]) != word[1:] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
