package secrets

import (
	"bytes"
	"context"
	"encoding/base64"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
)

// The context layer: every candidate a rule matched passes through
// Decide, which weighs the file it is in (its FileClass, from path and
// content) and the shape of the value, and either keeps it, with a
// Confidence, or drops it with a reason. The regexes only find
// candidates; gitleaks' rules were tuned on code and configuration, and
// on documentation, fixtures, data tables and lock files most of what
// their generic rules match is not a secret.

// FileClass is what kind of file a candidate was found in.
type FileClass string

// File classes, in the order Classify tests them.
const (
	ClassLock      FileClass = "lock"      // dependency lock file: integrity hashes
	ClassVendored  FileClass = "vendored"  // third-party code checked in
	ClassGenerated FileClass = "generated" // marked as generated
	ClassTest      FileClass = "test"      // test code and fixtures
	ClassDocs      FileClass = "docs"      // documentation, OpenAPI descriptions
	ClassExample   FileClass = "example"   // config template: .example, .sample, .dist, .tmpl
	ClassData      FileClass = "data"      // a table (many rows of one shape) or a recorded log
	ClassCI        FileClass = "ci"        // a CI pipeline: .github/workflows, .gitlab-ci.yml, Jenkinsfile
	ClassConfig    FileClass = "config"    // configuration read at run time
	ClassCode      FileClass = "code"      // everything else
)

// Confidence is how sure a finding is that the value is a live secret.
type Confidence string

// Confidence levels, from the rule's evidence.
const (
	// ConfidenceHigh: a provider's format (a fixed prefix, a checksum, a
	// PEM header) or a decodable JWT.
	ConfidenceHigh Confidence = "high"
	// ConfidenceMedium: a value in a place only tokens go (after
	// Bearer, in an API client export's token field).
	ConfidenceMedium Confidence = "medium"
	// ConfidenceLow: a random-looking value under a key that names a
	// secret (gitleaks' generic-api-key, tokenvet's OAuth credential).
	ConfidenceLow Confidence = "low"
)

// ConfidenceRank orders confidence levels (low 1, medium 2, high 3; 0 for
// an unknown level), for --min-confidence.
func ConfidenceRank(c Confidence) int {
	switch c {
	case ConfidenceHigh:
		return 3
	case ConfidenceMedium:
		return 2
	case ConfidenceLow:
		return 1
	}
	return 0
}

// ParseConfidence reads a confidence level as users spell it.
func ParseConfidence(s string) (Confidence, bool) {
	c := Confidence(strings.ToLower(s))
	return c, ConfidenceRank(c) > 0
}

// ConfidenceOf is the confidence of a match of secret rule id.
func ConfidenceOf(id string) Confidence {
	switch {
	case generic(id):
		if strings.HasPrefix(id, "tokenvet-") && id != "tokenvet-oauth-credential" {
			return ConfidenceMedium // the place names a token, not just the key
		}
		return ConfidenceLow
	}
	return ConfidenceHigh
}

// generic reports rules that recognise a secret by the name it is
// stored under and its entropy, not by a format of its own: gitleaks'
// generic-* rules and tokenvet's keyword rules. Everything else is a
// provider format (ghp_, xoxb-, AKIA…, PEM keys) or a JWT.
func generic(id string) bool {
	if strings.Contains(id, "generic") {
		return true
	}
	switch id {
	case "tokenvet-bearer-token", "tokenvet-authorization-token", "tokenvet-api-client-export-token",
		"tokenvet-oauth-credential", "tokenvet-prefixed-secret",
		// gitleaks' curl rules take whatever follows -u or an
		// Authorization header in a curl command: a place, not a format.
		"curl-auth-user", "curl-auth-header":
		return true
	}
	return false
}

// Policy is what the user asked of the context layer.
type Policy struct {
	// Tests reports candidates in test code and fixtures (--tests).
	Tests bool
	// MinConfidence drops candidates below this level ("" keeps all).
	MinConfidence Confidence
	// Now is the time an exp claim is judged against (zero: time.Now()).
	Now time.Time
}

// Decision is the context layer's verdict on one candidate.
type Decision struct {
	Keep       bool
	Class      FileClass
	Confidence Confidence
	// Reason says why a dropped candidate was dropped, in a few words
	// that name a class of decision (counted per reason for -v).
	Reason string
}

// Decide judges match m, found in text (the whole file, or the Go
// literal the analyzer scanned) of class c.
func (p Policy) Decide(c FileClass, text string, m Match) Decision {
	d := Decision{Class: c, Confidence: ConfidenceOf(m.RuleID)}
	drop := func(why string) Decision {
		d.Reason = why
		return d
	}
	if m.JWT != nil && m.JWT.Sample {
		return drop("well-known sample JWT")
	}
	if wellKnownSample(m.Secret) {
		return drop("well-known sample value")
	}
	if m.JWT != nil && m.JWT.Exp > 0 && (c == ClassDocs || c == ClassExample || c == ClassData) && m.JWT.Exp < p.now().Unix() {
		// A documented or recorded token that has expired is the example
		// of a response, or a trace of a past run, not a credential
		// anyone can still use.
		return drop("expired JWT in documentation or a record")
	}
	if m.JWT != nil && strings.EqualFold(m.JWT.Alg, "none") && (c == ClassDocs || c == ClassExample || c == ClassData) {
		// An unsigned JWT proves nothing and holds no secret: in
		// documentation or a record it is a request object or an example
		// of the attack, not a credential to rotate.
		return drop("unsigned JWT in documentation or a record")
	}
	switch c {
	case ClassLock:
		return drop("lock file")
	case ClassTest:
		if !p.Tests {
			return drop("test fixture (see --tests)")
		}
	}
	if generic(m.RuleID) {
		switch c {
		case ClassDocs, ClassExample, ClassGenerated, ClassVendored:
			return drop("generic rule in " + string(c))
		case ClassData:
			return drop("generic rule in a data table")
		case ClassCI:
			// A pipeline's literal values configure its throwaway runs: the
			// test suite's keys, a service container's password. A live
			// credential there is a provider's token pasted in, which the
			// provider rules find; a workflow takes its secrets from the
			// CI's store (${{ secrets.X }}), which no rule matches.
			return drop("generic rule in a CI pipeline")
		}
		if why := genericShape(c, text, m); why != "" {
			return drop(why)
		}
	}
	if ConfidenceRank(d.Confidence) < ConfidenceRank(p.MinConfidence) {
		return drop("below --min-confidence " + string(p.MinConfidence))
	}
	d.Keep = true
	return d
}

func (p Policy) now() time.Time {
	if p.Now.IsZero() {
		return time.Now()
	}
	return p.Now
}

// genericShape is why a generic rule's candidate is not a secret, or "".
func genericShape(c FileClass, text string, m Match) string {
	key := ""
	if m.MatchStart >= 0 && m.MatchStart <= m.Start && m.Start <= len(text) {
		key = text[m.MatchStart:m.Start]
	}
	// A generic rule's secret is the value of its key: on the key's line.
	// The rules' separators allow a little whitespace, and across a line
	// break they take the next line's name (`KEY=""` then `NEXT=…`, or a
	// JSON row whose next key is an id) for the value.
	if strings.ContainsAny(key, "\r\n") {
		return "value on another line than its key"
	}
	if c == ClassCode && quotedLangs[m.Lang] && expressionAt(text, m) && !quotedAt(text, m.Start) {
		// In these languages a literal is quoted; an unquoted member path
		// or call after `token =` is an expression
		// (module.delWeb3AuthToken, getToken()).
		return "expression, not a string literal"
	}
	if objectKeyAt(text, m) {
		// `"…": "1Password", "<uuid>": "…"`: the rules take a comma for an
		// assignment (`set("api_key", "…")`), so after an entry whose
		// value names a credential they take the next entry's key. A
		// quoted string followed by a colon names a member; a secret is
		// what is stored under one.
		return "object key, not a value"
	}
	v := strings.Trim(m.Secret, "\"'` \t")
	switch {
	case uuidShape.MatchString(v) && (!credentialName(lastWord(key)) || repeated(v)):
		// Some providers' keys are UUIDs (Heroku, Sauce Labs, npm's
		// legacy tokens), stored under a name that says so, by its last
		// word (HEROKU_API_KEY); under any other name a UUID is an
		// identifier, also when a word inside the name is a credential's
		// (an authenticator model GooglePasswordManager = "<AAGUID>").
		return "UUID-shaped value"
	case goChecksum.MatchString(strings.TrimSpace(key)) && base64Hash.MatchString(v):
		// go.sum's h1: hash of a module, pasted into a text file.
		return "Go module checksum"
	case datadogClientToken.MatchString(v) || posthogProjectKey.MatchString(v) || publicSiteKey.MatchString(v):
		// Datadog's browser SDKs take a client token, public by design
		// (Datadog's documentation: "client tokens … are safe to expose");
		// PostHog's project API key (phc_) only sends events and is meant
		// for the browser (its personal keys are phx_). Stripe's
		// publishable keys (pk_), reCAPTCHA's site keys and SAP Customer
		// Data Cloud's (Gigya's) site API keys (3_…) are embedded in every
		// page that uses them; the secrets that go with them (sk_, the
		// reCAPTCHA secret, a Gigya user key's secret) have other shapes.
		return "public client token"
	case basicOfPlaceholder(v):
		// base64 of id:secret, the credentials of a Basic Authorization
		// header, whose password is a word (id:secret, admin:admin): a
		// sample or a service's documented public pair, not a secret.
		return "Basic credentials with a placeholder password"
	case encodedPlaceholder(v):
		// base64 of words ("oauth2-proxy-client-secret"): someone encoded
		// a name to fill in a field that wants base64, as sample configs
		// do; a generated secret decodes to random bytes.
		return "base64 of a name"
	case fileName.MatchString(v):
		// A storage object's or upload's name (…3f9a.png): a secret never
		// ends in a file extension.
		return "file name"
	case evmAddress.MatchString(v):
		// An Ethereum (EVM) account or contract address: 20 bytes, public
		// by design (the private key behind one is 32).
		return "blockchain address"
	case strings.Count(strings.TrimSpace(v), " ") >= 1:
		return "sentence-shaped value"
	case !strings.ContainsAny(v, "0123456789"):
		// Random text of this length almost always has a digit;
		// identifiers (getAccessToken, client_secret_basic) do not.
		return "identifier-shaped value"
	case wordsText.MatchString(v):
		// Words joined by . _ - or blanks, digits only at a word's end: a
		// message key or a setting's path (oauth2.no_refresh_token).
		return "identifier-shaped value"
	case hashKey.MatchString(key) || passwordHash.MatchString(v):
		return "hash of a secret"
	case pgpKey.MatchString(lastName(key)) && pgpKeyID.MatchString(v):
		// A PGP key's fingerprint (40 hex) or id (8 or 16 hex) names a
		// public key; the private key itself is an armored block, which
		// the private-key rule finds.
		return "PGP key fingerprint or id"
	case exampleKey.MatchString(key):
		return "example value"
	case strings.EqualFold(v, lastName(key)):
		// An enum or a constant whose value is its own name
		// (CLIENT_SECRET = 'CLIENT_SECRET'): a setting's key.
		return "the key's own name"
	case memberOf(v, lastName(key)):
		// key = excluded.key, api_key: self.api_key: a reference to a
		// field of the same name (an SQL upsert, a copy between objects).
		return "reference to a field of the same name"
	case tokenmodel.CursorOrCount(lastName(key)):
		// page_token=…, next_token: a listing's cursor (often base64 of
		// JSON), not a credential.
		return "pagination cursor or count"
	}
	if c == ClassConfig && commentedOut(text, m.MatchStart) {
		return "commented-out config line"
	}
	return ""
}

var (
	evmAddress         = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	fileName           = regexp.MustCompile(`(?i)\.(?:png|jpe?g|gif|svg|webp|ico|bmp|tiff?|pdf|txt|md|json|ya?ml|xml|csv|html?|css|js|ts|go|py|zip|tar|gz|tgz|mp[34]|wav|mov|avi|webm|docx?|xlsx?|pptx?)$`)
	goChecksum         = regexp.MustCompile(`(?:^|\s)h1:$`)
	base64Hash         = regexp.MustCompile(`^[A-Za-z0-9+/]{43}=$`)
	datadogClientToken = regexp.MustCompile(`^pub[0-9a-f]{32}$`)
	posthogProjectKey  = regexp.MustCompile(`^phc_[0-9A-Za-z]{32,64}$`)
	publicSiteKey      = regexp.MustCompile(`^(?:pk_(?:live|test)_[0-9A-Za-z]{24,}|6L[0-9A-Za-z_-]{38}|3_[0-9A-Za-z_-]{64})$`)
	uuidShape          = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	credentialKey      = regexp.MustCompile(`(?i)(?:secret|token|passw|credential|api[_.-]?key|access[_.-]?key|auth(?:[^o]|$))`)
	pgpKey             = regexp.MustCompile(`(?i)(?:gpg|pgp)`)
	pgpKeyID           = regexp.MustCompile(`^(?:0x)?(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$`)
	hashKey            = regexp.MustCompile(`(?i)(?:hash|digest|checksum|sha1|sha256|sha512|md5|fingerprint|integrity)`)
	passwordHash       = regexp.MustCompile(`^\$(?:2[aby]|argon2i?d?|scrypt|pbkdf2[-\w]*|[156])\$`)
	exampleKey         = regexp.MustCompile(`(?i)(?:^|[^\w])(?:examples?|x-example|sample)["']?\s*[:=]`)
)

// objectKeyAt reports whether candidate m is a quoted object key: its
// quote closes right after it and a colon follows (`"…": `), not an
// assignment (`:=`) or a scope (`::`).
func objectKeyAt(text string, m Match) bool {
	if m.Start < 1 || m.End >= len(text) {
		return false
	}
	q := text[m.Start-1]
	if q != '"' && q != '\'' {
		return false
	}
	rest := text[m.End:]
	if rest == "" || rest[0] != q {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	return strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, ":=") && !strings.HasPrefix(rest, "::")
}

// memberOf reports whether v reads a member named name of some object:
// a dotted path of identifiers ending in .name (excluded.key_p256dh).
func memberOf(v, name string) bool {
	if len(name) < 3 {
		return false
	}
	head, ok := strings.CutSuffix(strings.ToLower(v), "."+strings.ToLower(name))
	return ok && dottedPath.MatchString(head)
}

var dottedPath = regexp.MustCompile(`^[a-z_$][a-z0-9_$]*(?:\.[a-z_$][a-z0-9_$]*)*$`)

// lastName is the name a generic rule's key text ends with, whole
// (page_token for `…&page_token=`).
func lastName(key string) string {
	name := strings.TrimRight(key, " \t\"'`=:>,(")
	i := strings.LastIndexFunc(name, func(r rune) bool {
		return !(r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	return name[i+1:]
}

// lastWord is the end of the name a generic rule's key text ends with,
// in the token model's words: its last word, with the word before when
// that is "key" (API_KEY, accessKey): "api_key" for `HEROKU_API_KEY = `,
// "manager" for `GooglePasswordManager = "`.
func lastWord(key string) string {
	ws := tokenmodel.Words(lastName(key))
	switch n := len(ws); {
	case n == 0:
		return ""
	case n >= 2 && ws[n-1] == "key":
		return ws[n-2] + "_" + ws[n-1]
	default:
		return ws[n-1]
	}
}

// credentialName reports whether a name's last word (lastWord) names one
// credential. A plural names a collection or a product (ApplePasswords,
// IPasswords, allowed_tokens), not the value of one.
func credentialName(word string) bool {
	if !credentialKey.MatchString(word) {
		return false
	}
	return !strings.HasSuffix(word, "s") || strings.HasSuffix(word, "ss")
}

// encodedPlaceholder reports a value that is the base64 (standard or
// URL alphabet, padded or not) of printable words: two or more runs of
// lower-case letters, a capitalised word or digits, joined by - _ . : or
// blanks, with an optional trailing newline (echo … | base64).
func encodedPlaceholder(v string) bool {
	if len(v) < 12 || !base64Text.MatchString(v) {
		return false
	}
	var dec []byte
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			dec = b
			break
		}
	}
	if dec == nil {
		return false
	}
	return wordsText.Match(bytes.TrimRight(dec, "\n"))
}

// basicOfPlaceholder reports base64 of "id:password" whose password is
// empty or letters only (secret, admin, password).
func basicOfPlaceholder(v string) bool {
	if len(v) < 8 || !base64Text.MatchString(v) {
		return false
	}
	var dec []byte
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			dec = b
			break
		}
	}
	id, pw, ok := bytes.Cut(dec, []byte(":"))
	if !ok || len(id) == 0 || !printableText.Match(dec) {
		return false
	}
	return placeholderPassword.Match(pw)
}

var (
	printableText       = regexp.MustCompile(`^[\x21-\x7e]+$`)
	placeholderPassword = regexp.MustCompile(`^[A-Za-z]{0,16}$`)
)

var (
	base64Text = regexp.MustCompile(`^[A-Za-z0-9+/_-]+={0,2}$`)
	wordsText  = regexp.MustCompile(`^(?:[a-z]+[0-9]*|[A-Z][a-z]+[0-9]*|[0-9]+)(?:[-_.: ](?:[a-z]+[0-9]*|[A-Z][a-z]+[0-9]*|[0-9]+))+$`)
)

// selfDeclaredSample is a value that ends by saying it is a stand-in, in
// capitals, as vendors' documentation and test fixtures edit their
// examples (AWS's …bPxRfiCYEXAMPLEKEY, …TESTKEY, …FAKEKEY).
var selfDeclaredSample = regexp.MustCompile(`(?:EXAMPLE|SAMPLE|TEST|FAKE|DUMMY)(?:KEY|SECRET|TOKEN)?$`)

// wellKnownSample reports whether secret declares itself a sample.
func wellKnownSample(secret string) bool {
	v := strings.Trim(secret, "\"'` \t")
	if i := strings.LastIndexAny(v, ":="); i >= 0 && i < len(v)-1 {
		v = strings.Trim(v[i+1:], "\"'` \t")
	}
	return len(v) >= 16 && selfDeclaredSample.MatchString(v)
}

// repeated reports a placeholder UUID: each group one repeated
// character (11111111-1111-…, 00000000-0000-…).
func repeated(uuid string) bool {
	for _, g := range strings.Split(uuid, "-") {
		if strings.Trim(g, g[:1]) != "" {
			return false
		}
	}
	return true
}

// commentedOut reports whether the line holding offset off starts with a
// comment marker: a commented-out setting in a configuration file is a
// default someone documented, not one the program reads.
func commentedOut(text string, off int) bool {
	return linePrefixed(text, off, 0, configComments)
}

// configComments are the comment markers of configuration files.
var configComments = []string{"#", "//", ";", "--", "<!--"}

// linePrefixed reports whether the line holding offset off starts, after
// blanks, with one of prefixes. It looks back at most lookback bytes for
// the line's start (0: as far as the text's start), and a line that
// starts further back does not count.
func linePrefixed(text string, off, lookback int, prefixes []string) bool {
	if off < 0 || off > len(text) {
		return false
	}
	start, ok := lineStart(text, off, lookback)
	if !ok {
		return false
	}
	line := strings.TrimLeft(text[start:], " \t")
	for _, p := range prefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// lineStart is the offset where the line holding off (0 <= off <=
// len(text)) starts, looking back at most lookback bytes (0: as far as
// the text's start); ok is false when the line starts further back.
func lineStart(text string, off, lookback int) (start int, ok bool) {
	from := 0
	if lookback > 0 {
		from = max(0, off-lookback)
	}
	nl := strings.LastIndexByte(text[from:off], '\n')
	if nl < 0 && from > 0 {
		return 0, false
	}
	return from + nl + 1, true
}

// ClassAt is the class of a candidate at offset off of a file of class c
// at rel: a comment line in code is documentation, whose examples and
// lines taken out of use are judged as documentation's are (provider
// formats and private keys are kept), as the Go analyzer judges Go
// comments. Only languages whose comment syntax the extension says are
// read so (an .npmrc line starting with // is a registry's setting).
func ClassAt(c FileClass, rel, text string, off int) FileClass {
	if c != ClassCode {
		return c
	}
	// Look back a bounded way: a line longer than that (a bundle, a data
	// URI) is code, and a file of many candidates on one long line must
	// not cost a scan back to its start for each.
	if markers := commentMarkers[strings.ToLower(path.Ext(rel))]; linePrefixed(text, off, maxCommentLookback, markers) {
		return ClassDocs
	}
	return c
}

// maxCommentLookback bounds how far ClassAt looks back for the start of
// a candidate's line.
const maxCommentLookback = 4096

// cComments are the line starts of C-family comments: //, a block
// comment's opening, and its continuation lines as JSDoc and Javadoc
// write them.
var cComments = []string{"//", "/*", "* ", "*\t"}

var commentMarkers = map[string][]string{
	".js": cComments, ".mjs": cComments, ".cjs": cComments, ".jsx": cComments, ".ts": cComments, ".tsx": cComments,
	".mts": cComments, ".cts": cComments, ".vue": cComments, ".svelte": cComments, ".go": cComments,
	".java": cComments, ".kt": cComments, ".kts": cComments, ".scala": cComments, ".groovy": cComments,
	".c": cComments, ".h": cComments, ".cc": cComments, ".cpp": cComments, ".hpp": cComments, ".cs": cComments,
	".swift": cComments, ".rs": cComments, ".dart": cComments, ".php": append([]string{"#"}, cComments...),
	".py": {"#"}, ".rb": {"#"}, ".sh": {"#"}, ".bash": {"#"}, ".zsh": {"#"}, ".pl": {"#"}, ".r": {"#"}, ".ps1": {"#"},
	".sql": {"--"}, ".lua": {"--"},
}

// quotedLangs are the languages whose string literals are always
// quoted (shell, whose are not, is not among them).
var quotedLangs = map[string]bool{
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".tsx": true, ".mts": true, ".cts": true,
	".go": true, ".java": true, ".kt": true, ".kts": true, ".scala": true, ".groovy": true, ".c": true, ".h": true,
	".cc": true, ".cpp": true, ".hpp": true, ".cs": true, ".swift": true, ".rs": true, ".dart": true, ".php": true,
	".py": true, ".rb": true,
}

// expressionAt reports whether a candidate reads as an expression of
// code: a member path (a.b.c) or a name that is called. Other unquoted
// values may be lines of a string that began on an earlier line (a
// template literal, a triple-quoted string), which quotedAt cannot see.
func expressionAt(text string, m Match) bool {
	v := m.Secret
	if memberPath.MatchString(v) {
		return true
	}
	return m.End < len(text) && text[m.End] == '(' && identifier.MatchString(v)
}

var (
	memberPath = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$`)
	identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
)

// quotedAt reports whether offset off is inside a string literal that
// starts on its line: the line is read from its start (at most
// maxCommentLookback bytes back; a longer line counts as quoted), with
// quotes, backticks and backslash escapes, up to off. A literal that
// began on an earlier line (a multi-line template) is not seen, and its
// lines read as code.
func quotedAt(text string, off int) bool {
	if off <= 0 || off > len(text) {
		return false
	}
	start, ok := lineStart(text, off, maxCommentLookback)
	if !ok {
		return true
	}
	var open byte
	for i := start; i < off; i++ {
		switch ch := text[i]; {
		case open != 0 && ch == '\\':
			i++
		case open != 0 && ch == open:
			open = 0
		case open == 0 && (ch == '"' || ch == '\'' || ch == '`'):
			open = ch
		}
	}
	return open != 0
}

// Classify returns the class of the file at rel (slash-separated) with
// the given content.
func Classify(rel, content string) FileClass {
	lower := strings.ToLower(rel)
	base := path.Base(lower)
	if lockFiles[base] {
		return ClassLock
	}
	segs := strings.Split(path.Dir(lower), "/")
	for _, s := range segs {
		switch s {
		case "vendor", "node_modules", "bower_components", "third_party", "third-party":
			return ClassVendored
		}
	}
	if generatedMarker(content) {
		return ClassGenerated
	}
	if testPath(segs, base) {
		return ClassTest
	}
	ext := path.Ext(base)
	switch ext {
	case ".md", ".markdown", ".mdx", ".rst", ".adoc", ".asciidoc":
		return ClassDocs
	}
	for _, s := range segs {
		if s == "docs" || s == "doc" || s == "documentation" {
			return ClassDocs
		}
	}
	if openAPI(ext, content) {
		return ClassDocs
	}
	if exampleName(base) || exampleDir(segs) {
		return ClassExample
	}
	switch ext {
	case ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".sql":
		if table(content) {
			return ClassData
		}
	case ".log":
		return ClassData
	case ".txt", "":
		if recordedLog(content) {
			return ClassData
		}
	}
	if ciPipeline(segs, base) {
		return ClassCI
	}
	if configExt[ext] || strings.HasPrefix(base, ".env") || strings.Contains(base, "compose") || base == "dockerfile" {
		return ClassConfig
	}
	return ClassCode
}

// ciPipeline reports a CI system's pipeline definition by its
// conventional place (segs: the lower-case directories, base: the
// lower-case name).
func ciPipeline(segs []string, base string) bool {
	switch base {
	case ".gitlab-ci.yml", ".travis.yml", ".drone.yml", ".woodpecker.yml", "bitbucket-pipelines.yml",
		"azure-pipelines.yml", "appveyor.yml", ".appveyor.yml", "jenkinsfile", ".cirrus.yml", "codemagic.yaml":
		return true
	}
	yml := strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")
	n := len(segs)
	switch {
	case n >= 2 && segs[n-2] == ".github" && segs[n-1] == "workflows" && yml:
		return true
	case n >= 1 && (segs[n-1] == ".circleci" || segs[n-1] == ".woodpecker" || segs[n-1] == ".buildkite") && yml:
		return true
	}
	return false
}

var lockFiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"bun.lock": true, "go.sum": true, "cargo.lock": true, "poetry.lock": true, "pipfile.lock": true,
	"gemfile.lock": true, "composer.lock": true, "uv.lock": true, "pdm.lock": true, "flake.lock": true,
	"packages.lock.json": true, "gradle.lockfile": true, "mix.lock": true, "pubspec.lock": true,
}

var configExt = map[string]bool{
	".yml": true, ".yaml": true, ".json": true, ".toml": true, ".ini": true, ".env": true,
	".properties": true, ".conf": true, ".cfg": true, ".tf": true, ".tfvars": true, ".xml": true,
	".hcl": true, ".config": true,
}

// IsTestPath reports whether the file at rel (slash-separated, relative
// to the scan root) is test code or a fixture by its conventional place or
// name: under test/, __tests__/, fixtures/, testdata/ and the like, or
// named *_test.go, *.test.ts, *.spec.js. Every engine asks it, so that
// --tests means the same for secrets, Go and browser code.
func IsTestPath(rel string) bool {
	lower := strings.ToLower(rel)
	return testPath(strings.Split(path.Dir(lower), "/"), path.Base(lower))
}

// testPath reports test code and fixtures by their conventional places
// and names, in every ecosystem tokenvet reads.
func testPath(segs []string, base string) bool {
	for _, s := range segs {
		if IsTestDir(s) {
			return true
		}
	}
	if strings.HasSuffix(base, "_test.go") || strings.HasPrefix(base, "test_") && strings.HasSuffix(base, ".py") {
		return true
	}
	if strings.HasPrefix(base, ".env.") {
		// .env.test, .env.testing: the environment a test suite runs in.
		switch strings.TrimPrefix(base, ".env.") {
		case "test", "testing", "test.local":
			return true
		}
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	return strings.HasSuffix(stem, ".test") || strings.HasSuffix(stem, ".spec") ||
		strings.HasSuffix(stem, "_test") || strings.HasSuffix(stem, "_spec")
}

// IsTestDir reports whether a directory of this (lower-case) name holds
// test code or fixtures by convention.
func IsTestDir(name string) bool {
	switch name {
	case "test", "tests", "testdata", "test_data", "test-data", "test_resources", "test-resources", "test-files", "test_files", "testfiles",
		"integration-tests", "integration_tests", "test-utils", "test_utils",
		"__tests__", "__mocks__", "fixtures", "fixture", "__fixtures__", "spec", "specs", "e2e",
		"testutil", "testutils", "testing", "mocks", "testhelpers", "testhelper",
		// Snapshot tests' recorded outputs (Jest, cupaloy) and end-to-end
		// suites named after their tool. (Not stubs/: in Go and gRPC code
		// that is often the generated client a program runs.)
		"__snapshots__", ".snapshots", "cypress", "playwright":
		return true
	}
	return false
}

// exampleDir reports a file under a directory of examples or of a
// disposable local environment (examples/, samples/,
// contrib/local-environment/, .devcontainer/): what is there is shown to
// be copied, or run on a developer's machine against throwaway services,
// so its credentials are samples unless a provider's format says
// otherwise.
func exampleDir(segs []string) bool {
	for _, s := range segs {
		// .examples/, _examples/: the same, kept out of the way of tools.
		switch strings.TrimLeft(s, "._") {
		case "example", "examples", "sample", "samples", "local-environment", "local-env",
			"dev-environment", "dev-env", "devenv", "devcontainer":
			return true
		}
	}
	return false
}

// exampleName reports config templates: a file whose name says it is an
// example to copy (config.yml.example, .env.sample, app.conf.dist,
// settings.tmpl).
func exampleName(base string) bool {
	for _, w := range []string{".example", ".sample", ".dist", ".tmpl", ".template", ".tpl", "example.", "sample."} {
		if strings.Contains(base, w) {
			return true
		}
	}
	return strings.HasSuffix(base, "-example") || strings.HasSuffix(base, "_example")
}

// generatedMarker reports the conventional generated-file markers in
// the first lines.
func generatedMarker(content string) bool {
	head := content[:min(len(content), 1024)]
	return generatedRe.MatchString(head)
}

var generatedRe = regexp.MustCompile(`(?m)(?:^// Code generated .* DO NOT EDIT\.$|@generated\b|(?i:auto-?generated (?:file|code|by)|generated by .*do not edit))`)

// openAPI reports an OpenAPI or Swagger description: an API's
// documentation, whose example: values are samples.
func openAPI(ext, content string) bool {
	switch ext {
	case ".yml", ".yaml", ".json":
	default:
		return false
	}
	return openAPIRe.MatchString(content[:min(len(content), 512)])
}

var openAPIRe = regexp.MustCompile(`(?m)^\s*["']?(?:openapi|swagger)["']?\s*:\s*["']?[23]\.`)

// table reports content that is a table: at least tableMinRows lines,
// most of them of one shape (the same punctuation once letters and
// digits are taken out), as JSON arrays of records, CSV and SQL inserts
// are.
func table(content string) bool {
	lines := strings.Split(content, "\n")
	if len(lines) < tableMinRows {
		// A table written on few lines (minified JSON, one record per
		// line of many fields) is judged by its entries: what is
		// between commas outside strings.
		lines = entries(content)
		if len(lines) < tableMinRows {
			return false
		}
	}
	shapes := map[string]int{}
	best, n := 0, 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		n++
		s := lineShape(l)
		shapes[s]++
		best = max(best, shapes[s])
	}
	return best >= tableMinRows && best*2 >= n
}

const tableMinRows = 20

// entries splits JSON-like text at the commas outside its strings.
func entries(content string) []string {
	var out []string
	from, inString := 0, false
	for i := 0; i < len(content); i++ {
		switch c := content[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case !inString && c == ',':
			out = append(out, content[from:i])
			from = i + 1
		}
	}
	return append(out, content[from:])
}

// recordedLog reports text that is the output of a run: of the lines
// that start at the margin, at least logMinLines and a quarter or more
// start with a timestamp or an elapsed time (2018-06-23T11:00:29Z,
// 11:00:29, [12:00:01], 0.107). Lines indented under an entry (a
// response printed as indented JSON) belong to it. The tokens in a
// recorded trace were the run's, against the services of that day.
func recordedLog(content string) bool {
	entries, stamped := 0, 0
	for l := range strings.SplitSeq(content, "\n") {
		if l == "" || l[0] == ' ' || l[0] == '\t' || strings.TrimSpace(l) == "" {
			continue
		}
		entries++
		if logStamp.MatchString(l) {
			stamped++
		}
	}
	return stamped >= logMinLines && stamped*4 >= entries
}

const logMinLines = 10

var logStamp = regexp.MustCompile(`^\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d:\d\d:\d\d|\d+\.\d+\s)`)

// lineShape is a line with runs of word characters and of spaces
// collapsed: `"ab-12": "Vendor SDK",` and `"cd-34": "Other",` have one
// shape.
func lineShape(l string) string {
	var b strings.Builder
	prev := byte(0)
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			c = 'w'
		}
		if c == 'w' && prev == 'w' {
			continue
		}
		b.WriteByte(c)
		prev = c
	}
	return b.String()
}

type policyKey struct{}

// WithPolicy returns ctx carrying p for the file engine: the scan's
// options (--tests, --min-confidence) reach the shared engine per scan.
func WithPolicy(ctx context.Context, p Policy) context.Context {
	return context.WithValue(ctx, policyKey{}, p)
}

// PolicyFrom returns the policy ctx carries, or the default one.
func PolicyFrom(ctx context.Context) Policy {
	p, _ := ctx.Value(policyKey{}).(Policy)
	return p
}
