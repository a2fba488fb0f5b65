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
	{
		ID:               JWTHardcodedKey,
		Title:            "Hard-coded JWT signing or verification key",
		Short:            "literal HMAC key used to sign or verify JWTs",
		Full:             "A string literal or constant (or `[]byte` of one) is used as the key that signs or verifies JSON Web Tokens: passed to SignedString, SigningMethod.Sign/Verify, jwx WithKey, go-jose SigningKey.Key, cristalhq NewSignerHS/NewVerifierHS, kataras Sign/Verify or pascaldekloe HMACCheck/HMACSign, set as a JWT middleware's key (gin-jwt Key, echo-jwt SigningKey, gofiber SigningKey.Key, jwtauth.New), or returned from a golang-jwt keyfunc.",
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
		Implementation: "analyzers/jwthardcodedkey",
	},
	{
		ID:               JWTUnverifiedParse,
		Title:            "JWT claims read without signature verification",
		Short:            "JWT claims used without verifying the signature",
		Full:             "JWT claims are decoded without checking the token's signature: golang-jwt ParseUnverified, jwx ParseInsecure or WithVerify(false), jwx v1 Parse without WithVerify/WithKeySet, go-jose UnsafeClaimsWithoutVerification/UnsafePayloadWithoutVerification, go-oidc InsecureSkipSignatureCheck, cristalhq ParseNoVerify, pascaldekloe ParseWithoutCheck, kataras Decode — or a golang-jwt parse whose error is discarded while the claims are used.",
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
		Full:             "A golang-jwt Parse, ParseWithClaims, Parser or request.ParseFromRequest call neither pins the accepted algorithms (WithValidMethods, Parser.ValidMethods) nor checks t.Method or the alg header in its keyfunc; or jwx is told to infer the algorithm from the key (WithInferAlgorithmFromKey(true)). The finding is an error when the keyfunc returns public-key or PEM bytes, which an HS256 token can use as its HMAC secret.",
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
		Full:             "Token expiry is not enforced: claims validation is switched off (golang-jwt WithoutClaimsValidation or SkipClaimsValidation, jwx WithValidate(false), go-oidc SkipExpiryCheck, square/go-jose.v2 Validate without Expected.Time, jwx v1 Parse without WithValidate(true)); a go-jose, cristalhq or pascaldekloe signature check is never followed by a time check in that function; or a token is minted with no exp (MapClaims without \"exp\", RegisteredClaims without ExpiresAt, a jwx builder without Expiration, go-jose Claims without Expiry). Optionally (note, off by default: `-jwtmissingexp.require-exp` or `jwt.require-exp: true`) golang-jwt v5 parsers that do not require exp.",
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
		Full:             "A token's exp (or a middleware's token lifetime, such as gin-jwt's Timeout and MaxRefresh) is set to now plus a constant duration above the limit: 24h by default (`jwt.max-lifetime` in .tokenvet.yml, `-jwtlonglifetime.max-lifetime`), or 90 days for tokens whose names say refresh (`jwt.refresh-max-lifetime`, `-jwtlonglifetime.refresh-max-lifetime`).",
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
	{ID: TokenInQuery, Title: "Token in a URL query string", Short: "token put in, or read from, a URL query string", CWE: 598, Severity: SeverityError, SecuritySeverity: "7.5", Precision: "high"},
	{ID: TokenOverHTTP, Title: "Token sent over plaintext HTTP", Short: "Authorization sent to a non-loopback http:// URL", CWE: 319, Severity: SeverityError, SecuritySeverity: "7.5", Precision: "high"},
	{ID: TokenCookieInsecure, Title: "Token cookie without HttpOnly or Secure", Short: "token cookie without HttpOnly or Secure", CWE: 1004, Severity: SeverityWarning, SecuritySeverity: "5.4", Precision: "high"},
	{ID: TokenLogged, Title: "Token written to a log", Short: "token value written to a log", CWE: 532, Severity: SeverityWarning, SecuritySeverity: "5.5", Precision: "medium"},
	{ID: TokenInWebStorage, Title: "Token in localStorage or sessionStorage", Short: "token written to localStorage/sessionStorage", CWE: 922, Severity: SeverityWarning, SecuritySeverity: "5.4", Precision: "high"},
}
