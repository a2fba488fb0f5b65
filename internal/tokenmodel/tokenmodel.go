// Package tokenmodel answers "is this value a token?" for every tokenvet
// rule about where tokens travel (token-in-query, token-over-http,
// token-cookie-insecure, token-logged, token-in-web-storage), in Go and in
// browser code alike, so the rules agree on what a token is.
//
// The model judges names: of variables, fields, parameters, query keys,
// storage keys and cookie names. A name is split into words (camelCase,
// snake_case, kebab-case, dots), and it names a token when one of its
// words is a token word (token, jwt, bearer, secret, …) or a known
// compound (api key, session id), and its last word is not token
// metadata: "tokenExpiry", "tokenType", "jwtHeader" or "tokenURL" describe
// a token without holding one. Extra names come from `.tokenvet.yml`
// (tokens.names) or the analyzers' -names flag.
//
// Sources that yield a token whatever they are called (SignedString, an
// oauth2.Token's AccessToken, the Authorization header) are modelled by the
// Go analyzers' shared flow in package tokenflow, which consults this one
// for names.
package tokenmodel

import (
	"flag"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/tokenvet/tokenvet/model"
)

// tokenWords are words that, as a name's head, say the value is a token.
var tokenWords = map[string]bool{
	"token": true, "tokens": true, "jwt": true, "jwts": true, "bearer": true,
	"apikey": true, "apikeys": true,
	"accesstoken": true, "refreshtoken": true, "idtoken": true, "authtoken": true,
	"sessionid": true, "sessiontoken": true, "sessid": true,
	"apitoken": true, "authorization": true,
}

// compounds are word pairs that name a token together. A bare "secret"
// is not among the token words: in infrastructure code it mostly names a
// Kubernetes or vault Secret object, not a credential value.
//
// "access key" is not among them: in S3-style APIs (AWS, minio, every
// storage backend) the access key is the public identifier of a key pair,
// sent in clear in every signed request; the secret access key is the
// credential (see secretAccessKey in IsToken).
var compounds = [][2]string{{"api", "key"}, {"session", "id"}, {"session", "key"}, {"private", "key"}, {"signing", "key"}, {"auth", "key"},
	{"client", "secret"}, {"jwt", "secret"}, {"api", "secret"}, {"shared", "secret"}, {"signing", "secret"}, {"hmac", "secret"},
	{"app", "secret"}, {"webhook", "secret"}, {"session", "secret"}, {"token", "secret"}, {"consumer", "secret"}, {"secret", "key"},
	{"secret", "token"}, {"auth", "secret"}}

// closedCompounds are the compounds written as one word, as query
// parameters and JSON keys often are (appsecret, clientsecret,
// privatekey): the same credential, with no case or separator to split.
var closedCompounds = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range compounds {
		out[c[0]+c[1]] = true
	}
	return out
}()

// transformVerbs, as a function name's first word, say the call returns
// something derived from a token, not the token: RemoveCredentials,
// RedactToken, HashToken, ValidateToken.
var transformVerbs = map[string]bool{
	"remove": true, "redact": true, "strip": true, "mask": true, "hash": true, "validate": true,
	"verify": true, "parse": true, "check": true, "revoke": true, "delete": true, "clear": true,
	"encrypt": true, "sanitize": true, "has": true, "is": true, "set": true, "store": true,
	"save": true, "write": true, "new": true, "count": true, "invalidate": true, "expire": true,
}

// IsTokenFunc reports whether a function or method of this name returns a
// token: Token, GetToken, AccessToken, GenerateJWT — but not
// RemoveCredentials or ValidateToken.
func (m *Model) IsTokenFunc(name string) bool {
	ws := Words(name)
	if len(ws) == 0 || transformVerbs[ws[0]] {
		return false
	}
	return m.IsToken(name)
}

// metadataWords, as a name's last word, describe a token without holding
// one: its expiry, type, length, where it is sent, how it is named.
var metadataWords = map[string]bool{
	"exp": true, "expiry": true, "expires": true, "expiresin": true, "expiresat": true,
	"expiration": true, "expire": true, "ttl": true, "lifetime": true, "age": true, "maxage": true,
	"type": true, "types": true, "kind": true, "length": true, "len": true, "size": true, "count": true,
	"url": true, "uri": true, "endpoint": true, "path": true, "name": true, "names": true,
	"key": true, "keys": true, "header": true, "field": true, "param": true, "prefix": true,
	"format": true, "scheme": true, "valid": true, "error": true, "err": true, "source": true,
	"store": true, "storage": true, "manager": true, "provider": true, "service": true,
	"config": true, "cfg": true, "options": true, "opts": true, "mode": true, "pattern": true,
	"regex": true, "file": true, "filename": true, "dir": true, "at": true, "time": true,
	"issuer": true, "audience": true, "claims": true, "method": true, "alg": true,
	"algorithm": true, "hash": true, "fingerprint": true, "enabled": true, "required": true,
	"status": true, "state": true, "refresher": true, "validator": true, "verifier": true,
	"parser": true, "generator": true, "handler": true, "middleware": true, "cache": true,
	"index": true, "idx": true, "pos": true, "location": true, "label": true, "id": true,
	"ids": true, "set": true, "list": true, "map": true, "version": true, "usage": true,
	"mask": true, "masked": true, "redacted": true, "hint": true, "schema": true,
	"identifier": true, "code": true,
	// What a decoded token holds (getTokenContent, jwtHeaders,
	// tokenPayload, tokenInfo): its claims, not the token.
	"headers": true, "payload": true, "content": true, "contents": true, "info": true,
	// A value computed from a secret that proves its holder has it
	// (Facebook's appsecret_proof, an HMAC of the access token with the
	// app secret; a token's signature): it cannot be used as the secret.
	"proof": true, "signature": true,
	// Who the token was issued to (writefreely's token_username,
	// token_email, token_remote_user): profile fields, not the token.
	"user": true, "username": true, "email": true, "alias": true, "subject": true,
}

// notCredentialWords qualify a token that proves nothing about who sends
// it: a captcha response is meant to travel in forms and URLs.
// PKCE state (code verifier, login session id) belongs in sessionStorage
// by design: it proves nothing without the authorization code.
// A CSRF token is meant to be read by the page's scripts and proves
// nothing without the session cookie.
//
// An unsubscribe token opts one address out of mail and a pixel token
// marks one message read: both are made to sit in a link in an email
// (RFC 8058's one-click unsubscribe is a POST to that URL), and neither
// signs anyone in.
var notCredentialWords = map[string]bool{"captcha": true, "mcaptcha": true, "recaptcha": true, "hcaptcha": true, "turnstile": true, "pkce": true,
	"csrf": true, "xsrf": true, "csrftoken": true, "xsrftoken": true, "unsubscribe": true, "pixel": true}

// cursorWords, as the word right before "token", make it a position in a
// listing or a change feed, not a credential: next_token and page_token
// (pagination), continuation and sync tokens, OneDrive's delta token.
var cursorWords = map[string]bool{"next": true, "page": true, "nextpage": true, "prev": true, "previous": true,
	"continuation": true, "pagination": true, "paging": true, "sync": true, "delta": true, "cursor": true, "marker": true}

// quantityWords, as the word right before "tokens" or "token", make the
// name a number of tokens (an LLM request's max_tokens, a rate limiter's
// bucket), not a credential.
var quantityWords = map[string]bool{"max": true, "min": true, "num": true, "number": true, "total": true,
	"remaining": true, "used": true, "count": true, "limit": true, "maximum": true, "minimum": true}

// tokenAfter reports a token word right after one of qualifiers.
func tokenAfter(ws []string, qualifiers map[string]bool) bool {
	for i := 1; i < len(ws); i++ {
		if (ws[i] == "token" || ws[i] == "tokens") && qualifiers[ws[i-1]] {
			return true
		}
	}
	return false
}

// cursorOrCount reports a token word right after a cursor word
// (group_next_token, nextPageToken, continuationToken) or a quantity word
// (max_tokens, numTokens).
func cursorOrCount(ws []string) bool {
	return tokenAfter(ws, cursorWords) || tokenAfter(ws, quantityWords)
}

// CursorOrCount reports whether name makes its token a position in a
// listing (page_token, nextPageToken) or a number of tokens (max_tokens):
// a value, whatever it looks like, that authenticates no one.
func CursorOrCount(name string) bool { return cursorOrCount(Words(name)) }

// NotCredential reports whether name marks what it names as no bearer
// credential (a captcha response, PKCE state), whatever else it says.
func NotCredential(name string) bool {
	ws := Words(name)
	for _, w := range ws {
		if notCredentialWords[w] {
			return true
		}
	}
	return cursorOrCount(ws)
}

// Model is a token-name model. The zero value is not usable; use New.
type Model struct {
	extra map[string]bool // normalised names and words added by configuration
}

// New returns a model that also treats names as token names. Each extra
// name is compared with a whole name or with one of its words, ignoring
// case and the separators _ - and .
func New(names []string) *Model {
	m := &Model{extra: map[string]bool{}}
	for _, n := range names {
		if k := normalise(n); k != "" {
			m.extra[k] = true
		}
	}
	return m
}

// With returns a copy of m that also treats names as token names.
func (m *Model) With(names []string) *Model {
	out := New(names)
	for k := range m.extra {
		out.extra[k] = true
	}
	return out
}

// Validate reports a configured name the model could never match.
func Validate(names []string) error {
	for _, n := range names {
		if normalise(n) == "" {
			return fmt.Errorf("token name %q has no letters or digits", n)
		}
	}
	return nil
}

func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Words splits an identifier or key into lower-case words:
// "accessToken" → access token, "API_KEY" → api key, "x-auth-token" →
// x auth token, "JWTSecret" → jwt secret.
func Words(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(cur[len(cur)-1]) || unicode.IsDigit(cur[len(cur)-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(cur[len(cur)-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// IsToken reports whether name, the name of a value (a variable, field,
// parameter or property), says the value is a token.
func (m *Model) IsToken(name string) bool {
	ws := Words(name)
	if len(ws) == 0 {
		return false
	}
	if m.extra[normalise(name)] {
		return true
	}
	if NotCredential(name) {
		return false
	}
	last := ws[len(ws)-1]
	if isSecretAccessKey(ws) {
		return true
	}
	if metadataWords[last] && !m.compoundEndsAt(ws, len(ws)-1) {
		return false
	}
	return m.hasTokenWord(ws)
}

// DescribesToken reports whether name says its value is about a token
// without being one: a token's words, then a metadata word
// (privateKeyFile, tokenPath, jwtExpiry). Logged under a key that names
// a token ("private-key"), such a value is still only the token's file,
// place or expiry.
func (m *Model) DescribesToken(name string) bool {
	ws := Words(name)
	n := len(ws)
	return n >= 2 && metadataWords[ws[n-1]] && !m.compoundEndsAt(ws, n-1) && m.hasTokenWord(ws[:n-1])
}

// IsTokenKey reports whether name, a key under which something is stored
// or sent (a query parameter, storage key, cookie or header name, or a
// variable holding such a key like TOKEN_KEY), names a token.
func (m *Model) IsTokenKey(name string) bool {
	ws := Words(name)
	for len(ws) > 1 && (ws[len(ws)-1] == "key" || ws[len(ws)-1] == "name") && !m.compoundEndsAt(ws, len(ws)-1) {
		ws = ws[:len(ws)-1] // TOKEN_KEY, tokenName: the key is the token's
	}
	if len(ws) == 0 {
		return false
	}
	return m.IsToken(strings.Join(ws, "_"))
}

func (m *Model) hasTokenWord(ws []string) bool {
	for i, w := range ws {
		if tokenWords[w] || m.extra[w] || m.compoundEndsAt(ws, i) || closedCompounds[w] {
			return true
		}
		if i > 0 && m.extra[ws[i-1]+w] {
			return true
		}
	}
	return false
}

// isSecretAccessKey reports a name ending in "secret access key" (AWS's
// SecretAccessKey, SECRET_ACCESS_KEY): the credential half of an access
// key pair, whose other half (the access key) is an identifier.
func isSecretAccessKey(ws []string) bool {
	n := len(ws)
	return n >= 3 && ws[n-3] == "secret" && ws[n-2] == "access" && ws[n-1] == "key"
}

// compoundEndsAt reports whether ws[i-1], ws[i] is a token compound.
func (m *Model) compoundEndsAt(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	for _, c := range compounds {
		if ws[i-1] == c[0] && ws[i] == c[1] {
			return true
		}
	}
	return false
}

// oauthNonTokens are query parameters of OAuth flows that carry no
// credential by themselves.
var oauthNonTokens = map[string]bool{"code": true, "state": true, "tokentype": true, "granttype": true, "responsetype": true, "tokentypehint": true}

// credentialHeaders are the HTTP headers that carry a credential by
// definition (RFC 9110's Authorization and Proxy-Authorization, RFC
// 6265's Cookie).
var credentialHeaders = map[string]bool{"authorization": true, "proxy-authorization": true, "cookie": true}

// IsCredentialHeader reports whether an HTTP header of this name carries
// a credential: Authorization, Proxy-Authorization, Cookie, or a header
// whose name says token (X-API-Key, X-Auth-Token). It is what a model
// row's key-is: credential-header means.
func (m *Model) IsCredentialHeader(name string) bool {
	return credentialHeaders[strings.ToLower(name)] || m.IsTokenKey(name)
}

// KeyHolds reports whether a model row's key-is judgement (see package
// model: credential-header, token-name) holds for the constant s; false
// for a judgement that is not about names.
func (m *Model) KeyHolds(keyIs, s string) bool {
	switch keyIs {
	case model.KeyCredentialHeader:
		return m.IsCredentialHeader(s)
	case model.KeyTokenName:
		return m.IsTokenParam(s)
	}
	return false
}

// IsNonTokenParam reports whether a query or form parameter is known not to
// carry a bearer credential (OAuth code and state, token_type…).
func IsNonTokenParam(name string) bool { return oauthNonTokens[normalise(name)] }

// IsTokenParam reports whether a parameter, field or lookup key names a
// token and is not one of the OAuth parameters that carry none. A key
// is the place itself, not a variable holding one: a parameter named
// token_name carries a token's name (a filter in a token list), where a
// variable named TOKEN_NAME holds the key a token is stored under
// (IsTokenKey).
func (m *Model) IsTokenParam(key string) bool {
	if ws := Words(key); len(ws) > 1 && (ws[len(ws)-1] == "name" || ws[len(ws)-1] == "names") && !m.compoundEndsAt(ws, len(ws)-1) {
		return false
	}
	return m.IsTokenKey(key) && !IsNonTokenParam(key)
}

var (
	defaultMu    sync.RWMutex
	defaultModel = New(nil)
	flagNames    = &namesFlag{}
)

// Default returns the process-wide model: the built-in names plus those
// given by SetNames or the analyzers' -names flag.
func Default() *Model {
	defaultMu.RLock()
	defer defaultMu.RUnlock()
	return defaultModel
}

// SetNames replaces the extra token names of the process-wide model.
func SetNames(names []string) {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	flagNames.names = append([]string(nil), names...)
	defaultModel = New(names)
}

// AddNames adds extra token names to the process-wide model, as
// .tokenvet.yml tokens.names does for a scan.
func AddNames(names []string) {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	all := append(append([]string(nil), flagNames.names...), names...)
	sort.Strings(all)
	all = slices.Compact(all)
	flagNames.names = all
	defaultModel = New(all)
}

// Flag is the -names flag the transport analyzers share: a comma-separated
// list of extra token names. Setting it through any analyzer adds to the
// process-wide model.
func Flag() flag.Value { return flagNames }

// FlagUsage is the usage text of the shared -names flag.
const FlagUsage = "comma-separated extra names of token-holding values, keys and cookies (also .tokenvet.yml tokens.names)"

type namesFlag struct{ names []string }

func (f *namesFlag) String() string {
	if f == nil {
		return ""
	}
	return strings.Join(f.names, ",")
}

func (f *namesFlag) Set(s string) error {
	var names []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if err := Validate(names); err != nil {
		return err
	}
	// Additive: the four transport analyzers share this flag, and go vet
	// may pass it to each of them.
	AddNames(names)
	return nil
}

// queryKeyRE finds a token-like key being written into a URL query in
// string text: "?access_token=", "&token=", "api_key=".
var queryKeyRE = regexp.MustCompile(`[?&]([A-Za-z0-9_.\-\[\]]+)=`)

// QueryTokenKey returns the token-like query key that text, a part of a
// URL being built, ends by writing ("…?access_token="), or "": also when
// the key comes after a "#", in the URL's fragment.
func (m *Model) QueryTokenKey(text string) string {
	loc := queryKeyRE.FindAllStringSubmatchIndex(text, -1)
	if len(loc) == 0 {
		return ""
	}
	last := loc[len(loc)-1]
	if last[1] != len(text) {
		return ""
	}
	key := text[last[2]:last[3]]
	if !m.IsTokenParam(key) {
		return ""
	}
	if strings.Contains(text[:last[0]], "#") {
		// After a "#" the URL is its fragment (https://jwt.io/#debugger?token=,
		// a hash-routed page's #/login?token=): browsers never send it to
		// the server nor put it in a Referer, which is why OAuth's implicit
		// flow returns tokens there.
		return ""
	}
	return key
}
