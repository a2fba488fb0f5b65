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
		Implementation: "analyzers/hardcodedtoken",
	},
	{ID: JWTHardcodedKey, Title: "Hard-coded JWT signing or verification key", Short: "literal HMAC key used to sign or verify JWTs", CWE: 321, Severity: SeverityError, SecuritySeverity: "8.8", Precision: "high"},
	{ID: JWTUnverifiedParse, Title: "JWT claims read without signature verification", Short: "JWT claims used without verifying the signature", CWE: 347, Severity: SeverityError, SecuritySeverity: "9.1", Precision: "high"},
	{ID: JWTAlgNotPinned, Title: "JWT verifier does not pin the algorithm", Short: "keyfunc or verifier accepts whatever algorithm the token names", CWE: 347, Severity: SeverityWarning, SecuritySeverity: "7.4", Precision: "high"},
	{ID: JWTMissingExp, Title: "JWT expiry not enforced", Short: "expiry not validated, or a token minted without exp", CWE: 613, Severity: SeverityWarning, SecuritySeverity: "6.5", Precision: "high"},
	{ID: JWTLongLifetime, Title: "JWT lifetime longer than the configured limit", Short: "token minted to live longer than the configured limit", CWE: 613, Severity: SeverityWarning, SecuritySeverity: "4.3", Precision: "high"},
	{ID: JWTDeprecatedLibrary, Title: "Unmaintained JWT library", Short: "import of an unmaintained JWT library with known advisories", CWE: 1104, Severity: SeverityWarning, SecuritySeverity: "5.3", Precision: "very-high"},
	{ID: TokenInQuery, Title: "Token in a URL query string", Short: "token put in, or read from, a URL query string", CWE: 598, Severity: SeverityError, SecuritySeverity: "7.5", Precision: "high"},
	{ID: TokenOverHTTP, Title: "Token sent over plaintext HTTP", Short: "Authorization sent to a non-loopback http:// URL", CWE: 319, Severity: SeverityError, SecuritySeverity: "7.5", Precision: "high"},
	{ID: TokenCookieInsecure, Title: "Token cookie without HttpOnly or Secure", Short: "token cookie without HttpOnly or Secure", CWE: 1004, Severity: SeverityWarning, SecuritySeverity: "5.4", Precision: "high"},
	{ID: TokenLogged, Title: "Token written to a log", Short: "token value written to a log", CWE: 532, Severity: SeverityWarning, SecuritySeverity: "5.5", Precision: "medium"},
	{ID: TokenInWebStorage, Title: "Token in localStorage or sessionStorage", Short: "token written to localStorage/sessionStorage", CWE: 922, Severity: SeverityWarning, SecuritySeverity: "5.4", Precision: "high"},
}
