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
	{
		ID:               HardcodedToken,
		Title:            "Hard-coded token, API key or secret",
		Short:            "token, API key or secret written in source or config",
		Full:             "A credential is written into the repository: a provider API key, an opaque bearer token, a JWT, an OAuth client secret or refresh token. Go string literals and constants are checked by the hardcodedtoken analyzer, every other text file by the secrets engine (rules/secrets); both run gitleaks' default rules plus tokenvet's bearer, API-client-export and OAuth-configuration rules, and a hard-coded JWT is decoded to say which algorithm it names and whether it expires.",
		Why:              "Anyone who can read the repository, a fork, a build log or a container image can use the credential until it is revoked, and it stays in the git history after it is deleted. A bearer token needs no key or proof of possession: holding it is enough.",
		Fix:              "Revoke the credential first (it is compromised), then read it at run time from the environment, a secret store or a mounted file. Test fixtures should use values that are obviously fake (`test-token`), or put `tokenvet:ignore hardcoded-token <reason>` on the line.",
		CWE:              798,
		Severity:         SeverityError,
		SecuritySeverity: "8.5",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
req.Header.Set("Authorization", "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0")`},
		Good: Example{Lang: "go", Code: `
req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))`},
		Secret:         true,
		Implementation: "analyzers/hardcodedtoken",
	},
	{
		ID:               JWTHardcodedKey,
		Title:            "Hard-coded JWT signing or verification key",
		Short:            "literal HMAC key used to sign or verify JWTs",
		Full:             "A string literal or constant (or `[]byte` of one) is used as the key that signs or verifies JSON Web Tokens: passed to SignedString, SigningMethod.Sign/Verify, jwx WithKey, go-jose SigningKey.Key, cristalhq NewSignerHS/NewVerifierHS, kataras Sign/Verify or pascaldekloe HMACCheck/HMACSign, set as a JWT middleware's key (gin-jwt Key, echo-jwt SigningKey, gofiber SigningKey.Key, jwtauth.New), or returned from a golang-jwt keyfunc. In JavaScript and TypeScript (the web engine), a literal reaching a key or secret parameter of an npm package listed below: jsonwebtoken sign/verify, jose, express-session and cookie-session secrets, passport-jwt secretOrKey, express-jwt, crypto.createHmac; written in the call or held in a constant, a property of a constant object, Buffer.from or TextEncoder.encode of one, or exported by the project's own module that the script requires or imports by a relative path (`config.secret` with the literal in `config/auth.config.js`).",
		Why:              "Anyone who can read the source, a build artefact or the repository history knows the key and can mint tokens with any claims that every service sharing the key accepts. Rotating it needs a code change and a release.",
		Fix:              "Load the key at start-up from configuration or a secret store (environment, mounted file, KMS, Vault), and prefer asymmetric keys (RS256/ES256/EdDSA) so that verifiers never hold a signing key.",
		CWE:              321,
		Severity:         SeverityError,
		SecuritySeverity: "8.8",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
s, err := tok.SignedString([]byte("my-secret"))`},
		Good: Example{Lang: "go", Code: `
key := []byte(os.Getenv("JWT_SIGNING_KEY")) // or a secret store
s, err := tok.SignedString(key)`},
		Secret:         true,
		Implementation: "analyzers/jwthardcodedkey",
	},
	{
		ID:               JWTUnverifiedParse,
		Title:            "JWT claims read without signature verification",
		Short:            "JWT claims used without verifying the signature",
		Full:             "JWT claims are decoded without checking the token's signature: golang-jwt ParseUnverified, jwx ParseInsecure or WithVerify(false), jwx v1 Parse without WithVerify/WithKeySet, go-jose UnsafeClaimsWithoutVerification/UnsafePayloadWithoutVerification, go-oidc InsecureSkipSignatureCheck, cristalhq ParseNoVerify, pascaldekloe ParseWithoutCheck, kataras Decode — or a golang-jwt parse whose error is discarded while the claims are used. In JavaScript and TypeScript (the web engine), an unverified decode of the npm packages listed below (jsonwebtoken decode, jose decodeJwt and UnsecuredJWT.decode, jwt-simple decode with a truthy noVerify, jwt-decode in server code) whose result decides access or whose token comes from the request served, unless the same token is verified in the same function.",
		Why:              "Without a signature check the claims are whatever the sender wrote: anyone can claim any subject, role or tenant. golang-jwt fills Token.Claims and the claims argument even when verification fails, so ignoring the error is the same as not verifying.",
		Fix:              "Parse with the library's verifying function and a key, pin the algorithms, and use the claims only after the error is nil. Read unverified claims only to pick a key (kid, iss) and verify before trusting anything.",
		CWE:              347,
		Severity:         SeverityError,
		SecuritySeverity: "9.1",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
// or
tok, _ := jwt.Parse(s, keyFunc)
sub, _ := tok.Claims.GetSubject()`},
		Good: Example{Lang: "go", Code: `
tok, err := jwt.Parse(s, keyFunc, jwt.WithValidMethods([]string{"RS256"}))
if err != nil {
	return err
}
sub, _ := tok.Claims.GetSubject()`},
		Implementation: "analyzers/jwtunverifiedparse",
	},
	{
		ID:               JWTAlgNotPinned,
		Title:            "JWT verifier does not pin the algorithm",
		Short:            "keyfunc or verifier accepts whatever algorithm the token names",
		Full:             "A golang-jwt Parse, ParseWithClaims, Parser or request.ParseFromRequest call neither pins the accepted algorithms (WithValidMethods, Parser.ValidMethods) nor checks t.Method or the alg header in its keyfunc, and its keyfunc may return keys of more than one family (a key of unknown type, a key set's lookup, keys of two families): golang-jwt's methods accept only their own key type, so a keyfunc that returns only []byte secrets admits only HS256/384/512, and one that returns only a typed public key only that key's family; or jwx is told to infer the algorithm from the key (WithInferAlgorithmFromKey(true)). The finding is an error when the keyfunc returns public-key or PEM bytes, which an HS256 token can use as its HMAC secret. In JavaScript and TypeScript (the web engine), jsonwebtoken verify given an evident public key (a PEM, a file read whose name says public or cert, a publicKey variable) without the algorithms option.",
		Why:              "The alg header is chosen by whoever made the token. A verifier that follows it can be steered to another algorithm than the one the key was made for — the RS256→HS256 confusion, where the public key (which everyone has) becomes the HMAC secret and anyone can forge tokens.",
		Fix:              "Pass `jwt.WithValidMethods([]string{\"RS256\"})` (or the one algorithm you issue) to every parser, or reject unexpected `t.Method` types in the keyfunc; with jwx, give the algorithm explicitly in `jwt.WithKey(alg, key)`.",
		CWE:              347,
		Severity:         SeverityWarning,
		SecuritySeverity: "7.4",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
tok, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return publicKeyPEM, nil
})`},
		Good: Example{Lang: "go", Code: `
tok, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return rsaPublicKey, nil
}, jwt.WithValidMethods([]string{"RS256"}))`},
		Implementation: "analyzers/jwtalgnotpinned",
	},
	{
		ID:               JWTMissingExp,
		Title:            "JWT expiry not enforced",
		Short:            "expiry not validated, or a token minted without exp",
		Full:             "Token expiry is not enforced: claims validation is switched off (golang-jwt WithoutClaimsValidation or SkipClaimsValidation, jwx WithValidate(false), go-oidc SkipExpiryCheck, square/go-jose.v2 Validate without Expected.Time, jwx v1 Parse without WithValidate(true)), unless the same function validates afterwards or reads exp itself (GetExpirationTime, an ExpiresAt field, claims[\"exp\"] or a helper given \"exp\"); a go-jose, cristalhq or pascaldekloe signature check is never followed by a time check in that function; or a token is minted with no exp (MapClaims without \"exp\", RegisteredClaims without ExpiresAt, a jwx builder without Expiration, go-jose Claims without Expiry; in JS, jsonwebtoken's sign without expiresIn). A payload with an expiry claim of the application's own (expiresAt, validUntil, expires) was made to expire and is not reported. Optionally (note, off by default: `-jwtmissingexp.require-exp` or `jwt.require-exp: true`) golang-jwt v5 parsers that do not require exp.",
		Why:              "A token that never expires, or whose expiry nobody checks, stays valid after logout, role changes and leaks: whoever copies it once keeps access for good.",
		Fix:              "Mint every token with an exp, keep claims validation on, call the library's time validation (go-jose `claims.Validate`, cristalhq `IsValidAt`, pascaldekloe `Valid`) after checking the signature, and with golang-jwt v5 add `jwt.WithExpirationRequired()`.",
		CWE:              613,
		Severity:         SeverityWarning,
		SecuritySeverity: "6.5",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{"sub": user})
// or
jwt.Parse(s, keyFunc, jwt.WithoutClaimsValidation())`},
		Good: Example{Lang: "go", Code: `
tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{
	Subject:   user,
	ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
})
jwt.Parse(s, keyFunc, jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired())`},
		Implementation: "analyzers/jwtmissingexp",
	},
	{
		ID:               JWTLongLifetime,
		Title:            "JWT lifetime longer than the configured limit",
		Short:            "token minted to live longer than the configured limit",
		Full:             "A token's exp (or a middleware's token lifetime, such as gin-jwt's Timeout and MaxRefresh; in JS, jsonwebtoken's and fast-jwt's expiresIn and jose's setExpirationTime, numbers or spans such as '60d') is set to now plus a constant duration above the limit: 24h by default (`jwt.max-lifetime` in .tokenvet.yml, `-jwtlonglifetime.max-lifetime`), or 90 days for tokens whose names say refresh (`jwt.refresh-max-lifetime`, `-jwtlonglifetime.refresh-max-lifetime`).",
		Why:              "A bearer token works for whoever holds it until it expires. The longer it lives, the longer a leaked token (logs, browser storage, a proxy) is useful, and revocation lists must keep it that long.",
		Fix:              "Issue short-lived access tokens (minutes to hours) and renew them with refresh tokens that are rotated on use and can be revoked.",
		CWE:              613,
		Severity:         SeverityWarning,
		SecuritySeverity: "4.3",
		Precision:        "high",
		Bad:              Example{Lang: "go", Code: `claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(30 * 24 * time.Hour).Unix()}`},
		Good:             Example{Lang: "go", Code: `claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(15 * time.Minute).Unix()}`},
		Implementation:   "analyzers/jwtlonglifetime",
	},
	{
		ID:               JWTDeprecatedLibrary,
		Title:            "Unmaintained JWT library",
		Short:            "import of an unmaintained JWT library with known advisories",
		Full:             "The code imports a JWT library that is no longer maintained: github.com/dgrijalva/jwt-go (CVE-2020-26160 never fixed there), gopkg.in/square/go-jose.v2 (archived; no fix for CVE-2024-28180) or lestrrat-go/jwx v1 (whose Parse does not verify unless told to). When only API that golang-jwt/jwt/v4 keeps is used, a fix rewrites the dgrijalva import.",
		Why:              "Vulnerabilities found in an unmaintained library are never fixed, and scanners keep flagging the dependency; the maintained successors also changed defaults that were easy to get wrong.",
		Fix:              "Move to the maintained successor: github.com/golang-jwt/jwt/v4 or v5 for dgrijalva/jwt-go, github.com/go-jose/go-jose/v4 for square/go-jose.v2, github.com/lestrrat-go/jwx/v3 for jwx v1.",
		CWE:              1104,
		Severity:         SeverityWarning,
		SecuritySeverity: "5.3",
		Precision:        "very-high",
		Bad:              Example{Lang: "go", Code: `import "github.com/dgrijalva/jwt-go"`},
		Good:             Example{Lang: "go", Code: `import "github.com/golang-jwt/jwt/v4"`},
		Implementation:   "analyzers/jwtdeprecatedlibrary",
	},
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
		Short:            "credential sent to a non-loopback http:// URL",
		Full:             "A request that carries a credential — an Authorization header (set directly, with SetBasicAuth, or by an oauth2 client), or a modelled credential (an oauth2 token, a received Authorization header, a token endpoint's answer) in its URL or body — is sent to an `http://` URL whose host is not a loopback address. The URL is followed through constants, configuration literals and the fields a base URL is stored in; with request builders (resty, req) the credential and the URL may be set by different calls of one chain or one variable, and the URL by the client's base URL.",
		Why:              "Over plaintext HTTP every network hop — Wi-Fi, proxies, the hosting provider — can read the token and replay it. Loopback addresses (localhost, 127.0.0.0/8, ::1) never leave the machine and link-local ones (169.254.0.0/16, fe80::/10, where cloud instance metadata is served over http only) never cross a router; neither is reported.",
		Fix:              "Use an `https://` URL. If the service really is reachable only over a private network, terminate TLS in front of it anyway, or make the URL configurable so production uses HTTPS.",
		CWE:              319,
		Severity:         SeverityError,
		SecuritySeverity: "7.5",
		Precision:        "high",
		Bad: Example{Lang: "go", Code: `
req, _ := http.NewRequest("GET", "http://api.acmepay.net/v1/me", nil)
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
		Full:             "A cookie whose name or value is a token (session id, JWT, access token) is set without `HttpOnly: true` and `Secure: true`, or with `SameSite: None` but without `Secure`; so is a JWT middleware told to send the token it issues in a cookie (gin-jwt's `SendCookie: true`) whose cookie flags (`SecureCookie`, `CookieHTTPOnly`) are left off. In JavaScript a token cookie written from browser script (`document.cookie`, js-cookie, universal-cookie, Angular's cookie services) is reported whatever its options: such a cookie can never be HttpOnly. The cookie types and cookie-setting calls checked are listed below.",
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
		Full:             "A token value — a variable or field named like a token, the result of `SignedString`, an oauth2 token's `AccessToken`/`RefreshToken`, a parsed JWT's `Raw`, the Authorization header — is passed to a logger (the list below), or, in request-handling code, printed to stdout or stderr (elsewhere those prints are a program's output to its user). In JavaScript the loggers are winston, pino, bunyan and debug, and the console, in browser code too: error trackers and session recorders (Sentry's console breadcrumbs, LogRocket) collect what a page prints. Token metadata (expiry, type, length) is not reported.",
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
