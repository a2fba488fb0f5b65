package model

// The vocabulary of model files. A value outside these lists is an error
// when the file is loaded, so that a typo never silently drops a row. A
// rule that needs a new kind, trait or role adds it here, with a sentence
// in docs/models.md.

// Source kinds: where a credential comes from.
const (
	// SourceCredential: the value is a bearer credential whatever it is
	// called (oauth2.Token.AccessToken, SignedString's result).
	SourceCredential = "credential"
	// SourceRequestQuery: a value read from the URL query of a request
	// the program received.
	SourceRequestQuery = "request-query"
	// SourceRequestForm: a value read from a received request's form,
	// which may come from the URL query or the body.
	SourceRequestForm = "request-form"
	// SourceRequestBody: a value read from the body of a received
	// request (a POST form's field), never from its URL.
	SourceRequestBody = "request-body"
	// SourceRequestHeader: a value read from a received request's headers.
	SourceRequestHeader = "request-header"
	// SourceRequestCookie: a cookie of a received request.
	SourceRequestCookie = "request-cookie"
	// SourceResponseBody: the body of a response to a request the program
	// sent (a token endpoint's answer, when the request asked for one).
	SourceResponseBody = "response-body"
	// SourceIssuedCredential: a credential, as SourceCredential, that the
	// program was issued itself, straight from the issuer (an OAuth
	// client's tokens from the token endpoint). Its claims are the
	// client's to read without verifying them: the client is not their
	// audience, and TLS to the issuer vouches for them (OpenID Connect
	// Core 3.1.3.7, step 6).
	SourceIssuedCredential = "issued-credential"
)

// IsCredentialSource reports whether a source of this kind yields a
// bearer credential whatever it is called.
func IsCredentialSource(kind string) bool {
	return kind == SourceCredential || kind == SourceIssuedCredential
}

// Sink kinds: where a credential must not go.
const (
	SinkLog           = "log"            // written to a log
	SinkConsole       = "console"        // printed on standard output or error (see below)
	SinkURLQuery      = "url-query"      // becomes part of a URL's query
	SinkRequestURL    = "request-url"    // the URL of an outbound request
	SinkRequestHeader = "request-header" // a header of an outbound request
	SinkRequestBody   = "request-body"   // the body of an outbound request
	SinkRequestCookie = "request-cookie" // a cookie sent on an outbound request
	SinkSetCookie     = "set-cookie"     // a cookie set on a response
	SinkResponseBody  = "response-body"  // written into a response to a client
	SinkWebStorage    = "web-storage"    // localStorage, sessionStorage and wrappers
	SinkJWTKey        = "jwt-key"        // the key a JWT is signed or verified with
	SinkJWTToken      = "jwt-token"      // an encoded JWT a library parses (derived from raw-token params)
	SinkSessionSecret = "session-secret" // the secret a framework signs sessions or cookies with
	SinkSecretKey     = "secret-key"     // a symmetric key for a MAC or a key object (see below)
	SinkClientSecret  = "client-secret"  // the secret an OAuth client authenticates to the provider with
	SinkLifetime      = "lifetime"       // the lifetime or expiry of a minted token
)

// SinkConsole is the program's output to its user (a command printing
// the token it generated, the code to paste on another machine); it is a
// log only in code that serves requests, whose prints end up in the
// service's log.

// SinkSecretKey is key material outside a JWT or session library: the
// key of an HMAC (Node's crypto.createHmac), or the bytes of a symmetric
// key object that JWT libraries then take (crypto.createSecretKey). A
// literal there is a hard-coded key whatever the library signs with it.

// Sanitizer kinds: what makes a credential harmless where it goes.
const (
	SanitizerHash    = "hash"    // a one-way digest
	SanitizerMask    = "mask"    // a redacted or truncated form
	SanitizerEncrypt = "encrypt" // encrypted under a key the reader lacks
	SanitizerMeasure = "measure" // a length, a count, a presence check
	SanitizerCompare = "compare" // the result of comparing it
)

// Summary kinds: how a value passes through a call.
const (
	// SummaryTaint: the output is derived from the input and carries any
	// credential in it (fmt.Sprintf, strings.Join, url.Values.Encode).
	SummaryTaint = "taint"
	// SummaryValue: the output is the input itself, or a conversion of it
	// that keeps a literal a literal ([]byte(s), strings.TrimSpace).
	SummaryValue = "value"
)

// KeyIs values: how a row's Key argument is judged.
const (
	// KeyCredentialHeader: an HTTP header that carries a credential
	// (Authorization, Proxy-Authorization, Cookie, or a token-named one
	// such as X-API-Key).
	KeyCredentialHeader = "credential-header"
	// KeyTokenName: a parameter, field or cookie name the token-name model
	// judges a token, and no OAuth code or state.
	KeyTokenName = "token-name"
	// KeyStdStream: the argument is the process's standard output or
	// error (a variable with trait std-stream), not a file or a buffer.
	KeyStdStream = "std-stream"
)

// API traits: facts about a Go or JS API element (the JWT vocabulary
// first; see docs/models.md for each).
const (
	TraitNoneAlg          = "none-alg"
	TraitNoneKey          = "none-key"
	TraitAllowsNone       = "allows-none"
	TraitAlgByName        = "alg-by-name"
	TraitReturnsAlgName   = "returns-alg-name"
	TraitSigns            = "signs"
	TraitVerifies         = "verifies"
	TraitUnverified       = "unverified"
	TraitParsesVerified   = "parses-verified"
	TraitNewParser        = "new-parser"
	TraitNoVerify         = "no-verify"
	TraitNoValidate       = "no-validate"
	TraitRequiresExp      = "requires-exp"
	TraitPinsAlg          = "pins-alg"
	TraitInfersAlg        = "infers-alg"
	TraitSignatureOnly    = "signature-only"
	TraitValidatesTime    = "validates-time"
	TraitVerifyOptional   = "verify-optional"
	TraitEnablesVerify    = "enables-verify"
	TraitEnablesValidate  = "enables-validate"
	TraitClaimsMap        = "claims-map"
	TraitClaimsStruct     = "claims-struct"
	TraitSetsExp          = "sets-exp"
	TraitPayloadField     = "payload-field"
	TraitOnToken          = "on-token"
	TraitZeroTimeSkipsExp = "zero-time-skips-exp"
	// TraitClaimsOnError: a parse that returns the token, its claims
	// filled in, even when verification fails (golang-jwt).
	TraitClaimsOnError = "claims-on-error"
	// TraitKeyTypePicksAlg: a verifying parse whose signing methods each
	// accept one key type (golang-jwt: HMAC only []byte, RSA and PSS only
	// *rsa.PublicKey, ECDSA only *ecdsa.PublicKey, EdDSA only
	// ed25519.PublicKey, none only its own constant), so a keyfunc that
	// returns one kind of key confines the token to that family.
	TraitKeyTypePicksAlg = "key-type-picks-alg"
	// TraitReadsExp: the call returns a parsed token's exp (jwx's
	// Token.Expiration, golang-jwt's GetExpirationTime): code that reads
	// it after a parse with validation off handles the expiry itself.
	TraitReadsExp = "reads-exp"
	// TraitNewBuilder: returns a builder whose chain of methods mints a
	// token when it reaches a builds-token method (jwx's NewBuilder).
	TraitNewBuilder = "new-builder"
	// TraitSetsClaim: the builder method sets the claim named by its
	// claim-name parameter to its claim-value one.
	TraitSetsClaim = "sets-claim"
	// TraitBuildsToken: the builder method ends the chain: the token is
	// minted with the claims set so far.
	TraitBuildsToken = "builds-token"
	// TraitReceivedRequest: the type is a request the program received
	// (a handler's *http.Request, gin's Context): query reads on it are
	// reads of the client's URL.
	TraitReceivedRequest = "received-request"
	// TraitBuildsRequest: the call builds an outbound request whose URL is
	// the argument with role url.
	TraitBuildsRequest = "builds-request"
	// TraitCookie: the type is a cookie whose fields say HttpOnly, Secure
	// and SameSite (their rows give the roles).
	TraitCookie = "cookie"
	// TraitSessionCookie: the type configures a session cookie, whose
	// value is the session (a credential) whatever its name
	// (gorilla/sessions' Options).
	TraitSessionCookie = "session-cookie"
	// TraitDefaultCookieOptions: the call makes a session store whose
	// session cookie has neither HttpOnly nor Secure until the program
	// sets the store's (or a session's) options (gorilla/sessions'
	// NewCookieStore: Path and MaxAge only).
	TraitDefaultCookieOptions = "default-cookie-options"
	// TraitSetsCookieOptions: the field or method sets the cookie options
	// of a session store or a session (gorilla's CookieStore.Options,
	// gin-contrib's Store.Options): a program that uses it configures
	// its session cookie.
	TraitSetsCookieOptions = "sets-cookie-options"
	// TraitSetsCookie: the call sets a cookie on the response from its
	// parameters with roles cookie-name, cookie-value, max-age, secure
	// and http-only.
	TraitSetsCookie = "sets-cookie"
	// TraitKeepsTokenInWebStorage: the client or store the call makes
	// keeps the session's token in the browser's localStorage (or
	// another storage every script on the page can read), whatever it is
	// named: PocketBase's LocalAuthStore.
	TraitKeepsTokenInWebStorage = "keeps-token-in-web-storage"
	// TraitSameSiteNone: the constant is SameSite=None.
	TraitSameSiteNone = "same-site-none"
	// TraitResponseWriter: the type writes the response to a received
	// request; a function taking one serves a request.
	TraitResponseWriter = "response-writer"
	// TraitTestRequest: the call builds a request to hand to a handler in
	// a test (httptest.NewRequest): received by the program, never sent.
	TraitTestRequest = "test-request"
	// TraitSentRequest: the field holds the outbound request a response
	// answers (http.Response.Request).
	TraitSentRequest = "sent-request"
	// TraitSendsRequest: the method sends a request: the one in its
	// request parameter, or one to the URL in its url parameter.
	TraitSendsRequest = "sends-request"
	// TraitAuthenticatedClient: the call returns an HTTP client that adds
	// an OAuth token to every request it sends.
	TraitAuthenticatedClient = "authenticated-client"
	// TraitTokenEndpoint: the field is the URL of an OAuth token
	// endpoint, where the client secret, codes and refresh tokens go.
	TraitTokenEndpoint = "token-endpoint"
	// TraitQueryValues: the type holds a URL query's parameters.
	TraitQueryValues = "query-values"
	// TraitEncodesQuery: the method returns its receiver encoded as a URL
	// query string.
	TraitEncodesQuery = "encodes-query"
	// TraitFormats: the call returns its format parameter with the verbs
	// filled in from the arguments after it (fmt.Sprintf).
	TraitFormats = "formats"
	// TraitStdStream: the variable is the process's standard output or
	// error.
	TraitStdStream = "std-stream"
	// TraitNotCredential: values of the type never hold a credential,
	// whatever they are called: times and durations, and the tokens,
	// positions, nodes and decoders of a language's lexer or parser
	// (go/token's Token is a word of Go).
	TraitNotCredential = "not-credential"
	// TraitClientSide: the function is meant for browser code, where its
	// result serves the page (jwt-decode reads a token's claims for
	// display); the rules judge its uses only in server code.
	TraitClientSide = "client-side"
	// TraitReturnsClaims: the call returns a token's decoded claims (or
	// an object that holds them), not the encoded token: what it
	// returns replays nothing, whatever the variable is called. On an
	// argument row with if: if-true, a truthy argument makes the call
	// return the encoded token instead (next-auth's getToken({raw: true})).
	TraitReturnsClaims = "returns-claims"
)

// Roles: what an argument or value stands for in an api row.
const (
	RoleOther        = "other"
	RoleAlg          = "alg"           // a signing algorithm value
	RoleKey          = "key"           // a signing or verification key
	RoleAlgName      = "alg-name"      // the name of an algorithm ("HS256")
	RoleAlgNames     = "alg-names"     // a list of algorithm names to accept
	RoleKeyfunc      = "keyfunc"       // a function returning the verification key
	RoleOptions      = "options"       // options; a last options parameter is variadic
	RoleClaims       = "claims"        // the claims of a token being minted
	RoleParsedClaims = "parsed-claims" // the claims value a parse fills in
	RoleRawToken     = "raw-token"     // the encoded token to parse or verify
	RoleExpiry       = "expiry"        // the expiry time of a token being minted
	RoleLifetime     = "lifetime"      // a token's lifetime
	// JS lifetimes: a string is a time span ("60d", "2 hours") in the
	// notation of the ms package and jose; a number's unit is the API's.
	RoleLifetimeSeconds = "lifetime-seconds" // a lifetime: seconds, or a span string
	RoleLifetimeMillis  = "lifetime-millis"  // a lifetime: milliseconds, or a span string
	RoleLifetimeSpan    = "lifetime-span"    // a lifetime if a span string; a number is an absolute time
	RoleURL             = "url"              // a request URL
	RoleCookieName      = "cookie-name"      // a cookie's name
	RoleCookieValue     = "cookie-value"     // a cookie's value
	RoleHTTPOnly        = "http-only"        // a cookie's HttpOnly flag
	RoleSecure          = "secure"           // a cookie's Secure flag
	RoleMaxAge          = "max-age"          // a cookie's MaxAge; negative deletes the cookie
	RoleSameSite        = "same-site"        // a cookie's SameSite mode
	// RoleSendsCookie is a middleware's switch to send the token it
	// issues in a cookie: the type configures that cookie only when the
	// flag is on, and the cookie then carries a credential whatever it
	// is called.
	RoleSendsCookie = "sends-cookie"
	RoleRequest     = "request" // an outbound request
	RoleFormat      = "format"  // a printf-style format string
	// RoleTokenLookup is a middleware's list of places it reads the token
	// from ("header: Authorization, query: token, cookie: jwt").
	RoleTokenLookup = "token-lookup"
	// JWT roles of fields and parameters.
	RoleClaimName      = "claim-name"      // the name of a claim being set ("exp")
	RoleClaimValue     = "claim-value"     // the value of a claim being set
	RoleHeader         = "header"          // a parsed token's header (alg, kid)
	RolePayload        = "payload"         // the claims part of an undecoded token
	RoleVerified       = "verified"        // a parsed token's "signature verified" flag
	RoleValidationTime = "validation-time" // the time claims are validated at
)

// Conditions of conditional traits.
const (
	IfAlways = "always"
	IfTrue   = "if-true"
	IfFalse  = "if-false"
)

var vocabulary = struct {
	kinds                map[Section][]string
	traits, roles, conds []string
	jwtTraits            []string
	keyIs                []string
	objects              []Object
}{
	kinds: map[Section][]string{
		SectionSource: {SourceCredential, SourceRequestQuery, SourceRequestForm, SourceRequestBody, SourceRequestHeader,
			SourceRequestCookie, SourceResponseBody, SourceIssuedCredential},
		SectionSink: {SinkLog, SinkConsole, SinkURLQuery, SinkRequestURL, SinkRequestHeader, SinkRequestBody,
			SinkRequestCookie, SinkSetCookie, SinkResponseBody, SinkWebStorage, SinkJWTKey, SinkJWTToken, SinkSessionSecret, SinkSecretKey, SinkClientSecret, SinkLifetime},
		SectionSanitizer: {SanitizerHash, SanitizerMask, SanitizerEncrypt, SanitizerMeasure, SanitizerCompare},
		SectionSummary:   {SummaryTaint, SummaryValue},
	},
	traits: []string{TraitNoneAlg, TraitNoneKey, TraitAllowsNone, TraitAlgByName, TraitReturnsAlgName,
		TraitSigns, TraitVerifies, TraitUnverified, TraitParsesVerified, TraitNewParser, TraitNoVerify,
		TraitNoValidate, TraitRequiresExp, TraitPinsAlg, TraitInfersAlg, TraitSignatureOnly,
		TraitValidatesTime, TraitVerifyOptional, TraitEnablesVerify, TraitEnablesValidate,
		TraitClaimsMap, TraitClaimsStruct, TraitSetsExp, TraitPayloadField, TraitOnToken,
		TraitZeroTimeSkipsExp, TraitReceivedRequest, TraitBuildsRequest, TraitCookie, TraitSessionCookie, TraitSetsCookie,
		TraitDefaultCookieOptions, TraitSetsCookieOptions,
		TraitSameSiteNone, TraitResponseWriter, TraitTestRequest, TraitSentRequest, TraitSendsRequest,
		TraitAuthenticatedClient, TraitTokenEndpoint, TraitQueryValues, TraitEncodesQuery, TraitFormats,
		TraitStdStream, TraitNotCredential, TraitClaimsOnError, TraitNewBuilder, TraitSetsClaim, TraitBuildsToken, TraitClientSide, TraitKeyTypePicksAlg,
		TraitKeepsTokenInWebStorage, TraitReadsExp, TraitReturnsClaims},
	// The traits the JWT rules read; a file with them names its family.
	jwtTraits: []string{TraitNoneAlg, TraitNoneKey, TraitAllowsNone, TraitAlgByName, TraitReturnsAlgName,
		TraitSigns, TraitVerifies, TraitUnverified, TraitParsesVerified, TraitNewParser, TraitNoVerify,
		TraitNoValidate, TraitRequiresExp, TraitPinsAlg, TraitInfersAlg, TraitSignatureOnly,
		TraitValidatesTime, TraitVerifyOptional, TraitEnablesVerify, TraitEnablesValidate,
		TraitClaimsMap, TraitClaimsStruct, TraitSetsExp, TraitPayloadField, TraitOnToken,
		TraitZeroTimeSkipsExp, TraitClaimsOnError, TraitNewBuilder, TraitSetsClaim, TraitBuildsToken, TraitKeyTypePicksAlg, TraitReadsExp},
	roles: []string{RoleOther, RoleAlg, RoleKey, RoleAlgName, RoleAlgNames, RoleKeyfunc, RoleOptions,
		RoleClaims, RoleParsedClaims, RoleRawToken, RoleExpiry, RoleLifetime, RoleLifetimeSeconds, RoleLifetimeMillis, RoleLifetimeSpan, RoleURL, RoleCookieName,
		RoleCookieValue, RoleHTTPOnly, RoleSecure, RoleMaxAge, RoleSameSite, RoleSendsCookie, RoleRequest, RoleFormat, RoleTokenLookup,
		RoleClaimName, RoleClaimValue, RoleHeader, RolePayload, RoleVerified, RoleValidationTime},
	conds:   []string{IfAlways, IfTrue, IfFalse},
	keyIs:   []string{KeyCredentialHeader, KeyTokenName, KeyStdStream},
	objects: []Object{Func, Method, Field, Var, Const, Type},
}

// Kinds returns the kinds a section's rows may have (none for api rows).
func Kinds(s Section) []string { return vocabulary.kinds[s] }

// Traits returns every api trait.
func Traits() []string { return vocabulary.traits }

// JWTTraits returns the traits of the JWT rules, which read them from
// the files that name a family.
func JWTTraits() []string { return vocabulary.jwtTraits }

// Roles returns every role of an api row's parameters or value.
func Roles() []string { return vocabulary.roles }
