package rules

// Rule ids, for code that refers to a rule without looking it up.
const (
	HardcodedToken       = "hardcoded-token"
	JWTHardcodedKey      = "jwt-hardcoded-key"
	JWTNoneAlg           = "jwt-none-alg"
	JWTUnverifiedParse   = "jwt-unverified-parse"
	JWTAlgNotPinned      = "jwt-alg-not-pinned"
	JWTMissingExp        = "jwt-missing-exp"
	JWTLongLifetime      = "jwt-long-lifetime"
	JWTDeprecatedLibrary = "jwt-deprecated-library"
	TokenInQuery         = "token-in-query"
	TokenOverHTTP        = "token-over-http"
	TokenCookieInsecure  = "token-cookie-insecure"
	TokenLogged          = "token-logged"
	TokenInWebStorage    = "token-in-web-storage"
	InvalidSuppression   = "invalid-suppression"
)

// catalogue is the data behind All. Entries without an Implementation
// reserve their id: suppressions and config may name them, but no engine
// reports them yet and they are left out of `tokenvet rules` and SARIF.
var catalogue = []*Rule{
	{
		ID:               JWTNoneAlg,
		Title:            "JWT signed or accepted with the none algorithm",
		Short:            "JWT signed with, or accepted with, the 'none' algorithm",
		Full:             "A JSON Web Token is signed with the 'none' algorithm, or a verifier is configured to accept it. An unsigned token carries no proof of who issued it: anyone can write one with any claims.",
		Why:              "A verifier that accepts alg 'none' lets an attacker forge any identity by stripping the signature (CVE-2015-9235 and many since). A token signed with 'none' is accepted only by such verifiers, so minting one either fails later or depends on that hole.",
		Fix:              "Sign with a real algorithm (HS256 with a secret from configuration, or RS256/ES256/EdDSA with a private key) and pin the accepted algorithms when parsing, for example with `jwt.WithValidMethods`.",
		CWE:              347,
		Severity:         SeverityError,
		SecuritySeverity: "9.1",
		Precision:        "very-high",
		Bad: Example{Lang: "go", Code: `
tok := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
s, err := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)`},
		Good: Example{Lang: "go", Code: `
tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
s, err := tok.SignedString(secretFromConfig)
// and when verifying:
parsed, err := jwt.Parse(s, keyFunc, jwt.WithValidMethods([]string{"HS256"}))`},
		Implementation: "analyzers/jwtnonealg",
	},
	{
		ID:               InvalidSuppression,
		Title:            "Suppression comment without a reason or with an unknown rule id",
		Short:            "tokenvet:ignore comment that names no known rule or gives no reason",
		Full:             "A `tokenvet:ignore` comment must name a rule id from the catalogue and give a reason. One that does not suppresses nothing and is reported so that it is fixed rather than trusted.",
		Why:              "Suppressions are reviewed like code: a reason tells the next reader why a finding is acceptable, and an unknown id usually means a typo that silently leaves the finding in place.",
		Fix:              "Write `//tokenvet:ignore <rule-id> <reason>` with an id listed by `tokenvet rules`.",
		CWE:              1164,
		Severity:         SeverityWarning,
		SecuritySeverity: "2.0",
		Precision:        "very-high",
		Bad:              Example{Lang: "go", Code: `tok, _ := jwt.Parse(s, kf) //tokenvet:ignore jwt-unverifed-parse`},
		Good:             Example{Lang: "go", Code: `tok, _ := jwt.Parse(s, kf) //tokenvet:ignore jwt-unverified-parse fixture for the decoder test`},
		Implementation:   "internal/suppress",
	},
	{ID: HardcodedToken, Title: "Hard-coded token, API key or secret", Short: "token, API key or secret written in source or config", CWE: 798, Severity: SeverityError, SecuritySeverity: "8.5", Precision: "high"},
	{ID: JWTHardcodedKey, Title: "Hard-coded JWT signing or verification key", Short: "literal HMAC key used to sign or verify JWTs", CWE: 321, Severity: SeverityError, SecuritySeverity: "8.8", Precision: "high"},
	{ID: JWTUnverifiedParse, Title: "JWT claims read without signature verification", Short: "JWT claims used without verifying the signature", CWE: 347, Severity: SeverityError, SecuritySeverity: "9.1", Precision: "high"},
	{ID: JWTAlgNotPinned, Title: "JWT verifier does not pin the algorithm", Short: "keyfunc or verifier accepts whatever algorithm the token names", CWE: 347, Severity: SeverityWarning, SecuritySeverity: "7.4", Precision: "high"},
	{ID: JWTMissingExp, Title: "JWT expiry not enforced", Short: "expiry not validated, or a token minted without exp", CWE: 613, Severity: SeverityWarning, SecuritySeverity: "6.5", Precision: "high"},
	{ID: JWTLongLifetime, Title: "JWT lifetime longer than the configured limit", Short: "token minted to live longer than the configured limit", CWE: 613, Severity: SeverityWarning, SecuritySeverity: "4.3", Precision: "high"},
	{ID: JWTDeprecatedLibrary, Title: "Unmaintained JWT library", Short: "import of an unmaintained JWT library with known advisories", CWE: 1104, Severity: SeverityWarning, SecuritySeverity: "5.3", Precision: "very-high"},
	{
		ID:               TokenInQuery,
		Title:            "Token in a URL query string",
		Short:            "token put in, or read from, a URL query string",
		Full:             "A bearer token, API key or session id is put into a URL's query string, or a server reads one from the query to authenticate. Go code is checked by the tokeninquery analyzer; JavaScript, TypeScript, Vue and HTML by the web engine (fetch, axios, XMLHttpRequest, URL and URLSearchParams, template literals).",
		Why:              "URLs are written to access logs, proxy logs, browser history and bookmarks, and leak to other sites in the Referer header. A token in a URL is readable by everyone who can read any of those, long after it was sent. RFC 6750 discourages the query form for exactly this reason.",
		Fix:              "Send the token in the `Authorization: Bearer` header (or, where a header is impossible, in a POST form body). On the server, read it from the header only. OAuth `code` and `state` parameters are fine: they are not credentials by themselves.",
		CWE:              598,
		Severity:         SeverityError,
		SecuritySeverity: "7.5",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
q := url.Values{}
q.Set("access_token", tok.AccessToken)
req, _ := http.NewRequest("GET", api+"/me?"+q.Encode(), nil)

// server
token := r.URL.Query().Get("token")`},
		Good: Example{Lang: "go", Code: `
req, _ := http.NewRequest("GET", api+"/me", nil)
req.Header.Set("Authorization", "Bearer "+tok.AccessToken)

// server
token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")`},
		Implementation: "analyzers/tokeninquery",
	},
	{
		ID:               TokenOverHTTP,
		Title:            "Token sent over plaintext HTTP",
		Short:            "Authorization sent to a non-loopback http:// URL",
		Full:             "A request that carries an Authorization header (set directly, with SetBasicAuth, or by an oauth2 client) is sent to a constant `http://` URL whose host is not a loopback address.",
		Why:              "Over plaintext HTTP every network hop — Wi-Fi, proxies, the hosting provider — can read the token and replay it. Loopback addresses (localhost, 127.0.0.0/8, ::1) never leave the machine and are not reported.",
		Fix:              "Use an `https://` URL. If the service really is reachable only over a private network, terminate TLS in front of it anyway, or make the URL configurable so production uses HTTPS.",
		CWE:              319,
		Severity:         SeverityError,
		SecuritySeverity: "7.5",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
req, _ := http.NewRequest("GET", "http://api.example.com/v1/me", nil)
req.Header.Set("Authorization", "Bearer "+token)`},
		Good: Example{Lang: "go", Code: `
req, _ := http.NewRequest("GET", "https://api.example.com/v1/me", nil)
req.Header.Set("Authorization", "Bearer "+token)`},
		Implementation: "analyzers/tokenoverhttp",
	},
	{
		ID:               TokenCookieInsecure,
		Title:            "Token cookie without HttpOnly or Secure",
		Short:            "token cookie without HttpOnly or Secure",
		Full:             "A cookie whose name or value is a token (session id, JWT, access token) is set without `HttpOnly: true` and `Secure: true`, or with `SameSite: None` but without `Secure`. net/http cookies and gin's and echo's cookie helpers are checked.",
		Why:              "Without HttpOnly any script on the page, including one injected through XSS, can read the cookie and send the token elsewhere. Without Secure the browser also sends it over plaintext HTTP, where anyone on the path can read it. Browsers reject SameSite=None cookies that are not Secure.",
		Fix:              "Set `HttpOnly: true` and `Secure: true` (and a `SameSite` mode) on every cookie that carries a credential.",
		CWE:              1004,
		Severity:         SeverityWarning,
		SecuritySeverity: "5.4",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
http.SetCookie(w, &http.Cookie{Name: "session_token", Value: tok, Path: "/"})`},
		Good: Example{Lang: "go", Code: `
http.SetCookie(w, &http.Cookie{Name: "session_token", Value: tok, Path: "/",
	HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})`},
		Implementation: "analyzers/tokencookieinsecure",
	},
	{
		ID:               TokenLogged,
		Title:            "Token written to a log",
		Short:            "token value written to a log",
		Full:             "A token value — a variable or field named like a token, the result of `SignedString`, an oauth2 token's `AccessToken`/`RefreshToken`, a parsed JWT's `Raw`, the Authorization header — is passed to log, log/slog, fmt.Print*, fmt.Fprint* to stdout or stderr, zap, logrus or zerolog. Token metadata (expiry, type, length) is not reported.",
		Why:              "Logs are kept for months, copied to log services and read by many more people than the service's secrets. A logged bearer token can be replayed by anyone who can read the log until it expires — and refresh tokens and API keys rarely expire soon.",
		Fix:              "Log an identifier of the token instead: its `jti`, the subject, or a short hash. Never the token itself.",
		CWE:              532,
		Severity:         SeverityWarning,
		SecuritySeverity: "5.5",
		Precision:        "medium",
		Bad: Example{Lang: "go", Code: `
signed, _ := tok.SignedString(key)
log.Printf("issued token %s", signed)`},
		Good: Example{Lang: "go", Code: `
signed, _ := tok.SignedString(key)
log.Printf("issued token for %s, expires %s", claims.Subject, claims.ExpiresAt)`},
		Implementation: "analyzers/tokenlogged",
	},
	{
		ID:               TokenInWebStorage,
		Title:            "Token in localStorage or sessionStorage",
		Short:            "token written to localStorage/sessionStorage",
		Full:             "Browser code writes a token to `localStorage` or `sessionStorage`: `setItem`, property or index assignment, also through `window.`, `globalThis.` and aliases, where the key or the value names a token (keys held in constants included). The web engine checks JavaScript, TypeScript, JSX/TSX, Vue and Svelte components, HTML pages and Go HTML templates. Reads and `removeItem` are not reported.",
		Why:              "Web storage is readable by every script running on the origin. One XSS bug, or one compromised third-party script, is enough to read the token and use it from anywhere until it expires. An HttpOnly cookie is out of reach of scripts.",
		Fix:              "Keep the token in an `HttpOnly; Secure; SameSite` cookie set by the server, or in memory only (a variable, refreshed on reload through a cookie-backed refresh endpoint).",
		CWE:              922,
		Severity:         SeverityWarning,
		SecuritySeverity: "5.4",
		Precision:        "high",
		Bad: Example{Lang: "js", Code: `
const { access_token } = await res.json();
localStorage.setItem('access_token', access_token);`},
		Good: Example{Lang: "js", Code: `
// the server sets the session cookie (HttpOnly; Secure; SameSite=Lax);
// requests send it with credentials: 'include'
await fetch('/api/me', { credentials: 'include' });`},
		Implementation: "rules/web",
	},
}
