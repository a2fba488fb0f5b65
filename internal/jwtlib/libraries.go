package jwtlib

// libraries is the model. Each row is checked against the library's
// source at the version noted; testdata/src holds stubs with the same
// signatures for the analyzer tests.
var libraries = []*Library{
	{
		// v5.3.1. The Parser's fields are unexported: methods are pinned
		// with WithValidMethods only.
		Module: "github.com/golang-jwt/jwt/v5", Family: GolangJWT, Major: 5,
		Packages: []string{"github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt/v5/request"},
		Symbols: append(golangJWT("github.com/golang-jwt/jwt/v5", true, false),
			&Symbol{Pkg: "github.com/golang-jwt/jwt/v5", Name: "WithExpirationRequired", Kind: Func, Traits: RequiresExp},
			&Symbol{Pkg: "github.com/golang-jwt/jwt/v5", Recv: "Validator", Name: "Validate", Kind: Method, Traits: ValidatesTime},
			&Symbol{Pkg: "github.com/golang-jwt/jwt/v5/request", Name: "ParseFromRequest", Kind: Func, Traits: ParsesVerified, Params: []Role{Other, Other, Keyfunc, Options}},
		),
	},
	{
		// v4.5.2. WithValidMethods exists since v4.2.0; Parser.ValidMethods
		// is exported but deprecated.
		Module: "github.com/golang-jwt/jwt/v4", Family: GolangJWT, Major: 4,
		Packages: []string{"github.com/golang-jwt/jwt/v4", "github.com/golang-jwt/jwt/v4/request"},
		Symbols: append(golangJWT("github.com/golang-jwt/jwt/v4", true, true),
			&Symbol{Pkg: "github.com/golang-jwt/jwt/v4/request", Name: "ParseFromRequest", Kind: Func, Traits: ParsesVerified, Params: []Role{Other, Other, Keyfunc, Options}},
		),
	},
	{
		// v3.2.2+incompatible, the first golang-jwt release, kept
		// dgrijalva's API at a new path.
		Module: "github.com/golang-jwt/jwt", Family: GolangJWT, Major: 3,
		Packages: []string{"github.com/golang-jwt/jwt"},
		Symbols:  golangJWT("github.com/golang-jwt/jwt", false, true),
	},
	{
		// v3.2.0+incompatible, unmaintained; it never had a /v4 path.
		Module: "github.com/dgrijalva/jwt-go", Family: GolangJWT, Major: 3,
		Packages: []string{"github.com/dgrijalva/jwt-go", "github.com/dgrijalva/jwt-go/request"},
		Symbols: append(golangJWT("github.com/dgrijalva/jwt-go", false, true),
			&Symbol{Pkg: "github.com/dgrijalva/jwt-go/request", Name: "ParseFromRequest", Kind: Func, Traits: ParsesVerified, Params: []Role{Other, Other, Keyfunc, Options}},
		),
		Deprecated:  "unmaintained since 2020, CVE-2020-26160 (audience check bypass) unfixed; use github.com/golang-jwt/jwt/v4 or v5",
		Replacement: "github.com/golang-jwt/jwt/v4",
		// Names of v3.2.0 that golang-jwt/jwt v4.5 has with the same
		// signature and behaviour (checked against both sources). The
		// audience helpers are left out: v4 fixed their behaviour.
		Compatible: []string{
			"Claims", "DecodeSegment", "EncodeSegment", "ErrECDSAVerification", "ErrHashUnavailable",
			"ErrInvalidKey", "ErrInvalidKeyType", "ErrKeyMustBePEMEncoded", "ErrNotECPrivateKey",
			"ErrNotECPublicKey", "ErrNotRSAPrivateKey", "ErrNotRSAPublicKey", "ErrSignatureInvalid",
			"GetSigningMethod", "Keyfunc", "MapClaims", "New", "NewWithClaims", "Parse",
			"ParseECPrivateKeyFromPEM", "ParseECPublicKeyFromPEM", "ParseRSAPrivateKeyFromPEM",
			"ParseRSAPrivateKeyFromPEMWithPassword", "ParseRSAPublicKeyFromPEM", "ParseWithClaims",
			"Parser", "RegisterSigningMethod", "SigningMethod", "SigningMethodECDSA", "SigningMethodES256",
			"SigningMethodES384", "SigningMethodES512", "SigningMethodHMAC", "SigningMethodHS256",
			"SigningMethodHS384", "SigningMethodHS512", "SigningMethodNone", "SigningMethodPS256",
			"SigningMethodPS384", "SigningMethodPS512", "SigningMethodRS256", "SigningMethodRS384",
			"SigningMethodRS512", "SigningMethodRSA", "SigningMethodRSAPSS", "StandardClaims", "TimeFunc",
			"Token", "UnsafeAllowNoneSignatureType", "ValidationError", "ValidationErrorAudience",
			"ValidationErrorClaimsInvalid", "ValidationErrorExpired", "ValidationErrorId",
			"ValidationErrorIssuedAt", "ValidationErrorIssuer", "ValidationErrorMalformed",
			"ValidationErrorNotValidYet", "ValidationErrorSignatureInvalid", "ValidationErrorUnverifiable",
			"NewValidationError",
		},
	},
	{
		// v3.2.5+incompatible, a dgrijalva fork with the same API.
		Module: "github.com/form3tech-oss/jwt-go", Family: GolangJWT, Major: 3,
		Packages: []string{"github.com/form3tech-oss/jwt-go"},
		Symbols:  golangJWT("github.com/form3tech-oss/jwt-go", false, true),
	},
	{
		// v2.1.7. jwa.SignatureAlgorithm is a string type and NoSignature
		// a constant of it.
		Module: "github.com/lestrrat-go/jwx/v2", Family: JWX, Major: 2,
		Packages: []string{
			"github.com/lestrrat-go/jwx/v2/jwa",
			"github.com/lestrrat-go/jwx/v2/jws",
			"github.com/lestrrat-go/jwx/v2/jwt",
		},
		Symbols: append(jwx("github.com/lestrrat-go/jwx/v2"),
			&Symbol{Pkg: "github.com/lestrrat-go/jwx/v2/jwa", Name: "NoSignature", Kind: Const, Value: Alg, Traits: NoneAlg},
			&Symbol{Pkg: "github.com/lestrrat-go/jwx/v2/jwa", Name: "SignatureAlgorithm", Kind: Type, Value: Alg, Traits: AlgByName, Params: []Role{AlgName}},
		),
	},
	{
		// v3.3.0. jwa.SignatureAlgorithm is an opaque struct: algorithms
		// are returned by functions (NoSignature()) or made from a name.
		Module: "github.com/lestrrat-go/jwx/v3", Family: JWX, Major: 3,
		Packages: []string{
			"github.com/lestrrat-go/jwx/v3/jwa",
			"github.com/lestrrat-go/jwx/v3/jws",
			"github.com/lestrrat-go/jwx/v3/jwt",
		},
		Symbols: append(jwx("github.com/lestrrat-go/jwx/v3"),
			&Symbol{Pkg: "github.com/lestrrat-go/jwx/v3/jwa", Name: "NoSignature", Kind: Func, Value: Alg, Traits: NoneAlg},
			&Symbol{Pkg: "github.com/lestrrat-go/jwx/v3/jwa", Name: "NewSignatureAlgorithm", Kind: Func, Value: Alg, Traits: AlgByName, Params: []Role{AlgName}},
			&Symbol{Pkg: "github.com/lestrrat-go/jwx/v3/jwa", Name: "LookupSignatureAlgorithm", Kind: Func, Value: Alg, Traits: AlgByName, Params: []Role{AlgName}},
		),
	},
	{
		// v0.1.12. Algorithms are variables of the interface type Alg.
		Module: "github.com/kataras/jwt", Family: Kataras, Major: 0,
		Packages: []string{"github.com/kataras/jwt"},
		Symbols: []*Symbol{
			{Pkg: kataras, Name: "NONE", Kind: Var, Value: Alg, Traits: NoneAlg},
			{Pkg: kataras, Name: "Sign", Kind: Func, Traits: Signs, Params: []Role{Alg, Key}},
			{Pkg: kataras, Name: "SignEncrypted", Kind: Func, Traits: Signs, Params: []Role{Alg, Key}},
			{Pkg: kataras, Name: "SignWithHeader", Kind: Func, Traits: Signs, Params: []Role{Alg, Key}},
			{Pkg: kataras, Name: "SignEncryptedWithHeader", Kind: Func, Traits: Signs, Params: []Role{Alg, Key}},
			{Pkg: kataras, Name: "Verify", Kind: Func, Traits: Verifies, Params: []Role{Alg, Key, RawToken}},
			{Pkg: kataras, Name: "VerifyEncrypted", Kind: Func, Traits: Verifies, Params: []Role{Alg, Key}},
			{Pkg: kataras, Name: "VerifyWithHeaderValidator", Kind: Func, Traits: Verifies, Params: []Role{Alg, Key}},
			{Pkg: kataras, Recv: "Keys", Name: "Register", Kind: Method, Traits: Signs | Verifies, Params: []Role{Alg, Other, Key, Key}},
			{Pkg: kataras, Recv: "Key", Name: "Alg", Kind: Field, Value: Alg, Traits: Signs | Verifies},
			// Methods of the Alg interface and its implementations.
			{Pkg: kataras, Name: "Name", Kind: Method, Traits: ReturnsAlgName},
			{Pkg: kataras, Name: "Sign", Kind: Method, Traits: Signs, Params: []Role{Key}},
			{Pkg: kataras, Name: "Verify", Kind: Method, Traits: Verifies, Params: []Role{Key}},
		},
	},
}

const kataras = "github.com/kataras/jwt"

// Import paths of the libraries below.
const (
	jwx1      = "github.com/lestrrat-go/jwx/jwt"
	jose3     = "github.com/go-jose/go-jose/v3"
	jose3jwt  = "github.com/go-jose/go-jose/v3/jwt"
	jose2     = "gopkg.in/go-jose/go-jose.v2"
	jose2jwt  = "gopkg.in/go-jose/go-jose.v2/jwt"
	jose4     = "github.com/go-jose/go-jose/v4"
	jose4jwt  = "github.com/go-jose/go-jose/v4/jwt"
	square    = "gopkg.in/square/go-jose.v2"
	squareJWT = "gopkg.in/square/go-jose.v2/jwt"
	oidc3     = "github.com/coreos/go-oidc/v3/oidc"
	cristal   = "github.com/cristalhq/jwt/v5"
	pascal    = "github.com/pascaldekloe/jwt"
)

// extend adds the libraries that only the rules after jwt-none-alg need;
// the index in jwtlib.go calls it before building itself.
func extend() {
	libraries = append(libraries,
		&Library{
			// v1.2.29. Parse verifies only with WithVerify or WithKeySet
			// and validates exp only with WithValidate(true).
			Module: "github.com/lestrrat-go/jwx", Family: JWX, Major: 1,
			Packages: []string{jwx1},
			Symbols: []*Symbol{
				{Pkg: jwx1, Name: "Parse", Kind: Func, Traits: VerifyOptional, Params: []Role{Other, Options}},
				{Pkg: jwx1, Name: "ParseString", Kind: Func, Traits: VerifyOptional, Params: []Role{Other, Options}},
				{Pkg: jwx1, Name: "ParseBytes", Kind: Func, Traits: VerifyOptional, Params: []Role{Other, Options}},
				{Pkg: jwx1, Name: "ParseRequest", Kind: Func, Traits: VerifyOptional, Params: []Role{Other, Options}},
				{Pkg: jwx1, Name: "WithVerify", Kind: Func, Traits: EnablesVerify | PinsAlg, Params: []Role{Alg, Key}},
				{Pkg: jwx1, Name: "WithKeySet", Kind: Func, Traits: EnablesVerify},
				{Pkg: jwx1, Name: "WithValidate", Kind: Func, Traits: EnablesValidate, If: IfTrue},
				{Pkg: jwx1, Name: "Sign", Kind: Func, Traits: Signs, Params: []Role{Other, Alg, Key}},
			},
			Deprecated: "jwx v1 is no longer maintained and its Parse does not verify by default; use github.com/lestrrat-go/jwx/v3",
		},
		&Library{
			// v4.1.9. ParseSigned takes the accepted algorithms.
			Module: "github.com/go-jose/go-jose/v4", Family: GoJOSE, Major: 4,
			Packages: []string{jose4, jose4jwt},
			Symbols:  goJOSE(jose4, jose4jwt, false),
			ExpCheck: "claims.Validate(jwt.Expected{...})",
		},
		&Library{
			// v3.0.4. ParseSigned takes no algorithm list; a zero
			// Expected.Time means now.
			Module: "github.com/go-jose/go-jose/v3", Family: GoJOSE, Major: 3,
			Packages: []string{jose3, jose3jwt},
			Symbols:  goJOSE(jose3, jose3jwt, false),
			ExpCheck: "claims.Validate(jwt.Expected{...})",
		},
		&Library{
			// v2.6.3, go-jose's own v2 (security fixes only, CVE-2024-28180
			// fixed); a zero Expected.Time skips exp as in square's.
			Module: "gopkg.in/go-jose/go-jose.v2", Family: GoJOSE, Major: 2,
			Packages: []string{jose2, jose2jwt},
			Symbols:  goJOSE(jose2, jose2jwt, true),
			ExpCheck: "claims.Validate(jwt.Expected{Time: time.Now()})",
		},
		&Library{
			// v2.6.0, archived; its successor is go-jose v3/v4.
			Module: "gopkg.in/square/go-jose.v2", Family: GoJOSE, Major: 2,
			Packages:   []string{square, squareJWT},
			Symbols:    goJOSE(square, squareJWT, true),
			ExpCheck:   "claims.Validate(jwt.Expected{Time: time.Now()})",
			Deprecated: "archived, no fix for CVE-2024-28180 (decompression bomb); use github.com/go-jose/go-jose/v4",
		},
		&Library{
			// v3.21.0.
			Module: "github.com/coreos/go-oidc/v3", Family: GoOIDC, Major: 3,
			Packages: []string{oidc3},
			Symbols: []*Symbol{
				{Pkg: oidc3, Recv: "Config", Name: "InsecureSkipSignatureCheck", Kind: Field, Traits: NoVerify, If: IfTrue},
				{Pkg: oidc3, Recv: "Config", Name: "SkipExpiryCheck", Kind: Field, Traits: NoValidate, If: IfTrue},
				{Pkg: oidc3, Recv: "Config", Name: "SupportedSigningAlgs", Kind: Field, Traits: PinsAlg, Value: AlgNames},
			},
		},
		&Library{
			// v5.4.0. Parse checks the signature only; exp is the
			// caller's job (RegisteredClaims.IsValidAt).
			Module: "github.com/cristalhq/jwt/v5", Family: Cristalhq, Major: 5,
			Packages: []string{cristal},
			ExpCheck: "claims.IsValidAt(time.Now())",
			Symbols: []*Symbol{
				{Pkg: cristal, Name: "ParseNoVerify", Kind: Func, Traits: Unverified, Params: []Role{RawToken}},
				{Pkg: cristal, Name: "Parse", Kind: Func, Traits: SignatureOnly, Params: []Role{RawToken}},
				{Pkg: cristal, Name: "ParseClaims", Kind: Func, Traits: SignatureOnly, Params: []Role{RawToken}},
				{Pkg: cristal, Name: "NewSignerHS", Kind: Func, Traits: Signs, Params: []Role{Alg, Key}},
				{Pkg: cristal, Name: "NewVerifierHS", Kind: Func, Traits: Verifies, Params: []Role{Alg, Key}},
				{Pkg: cristal, Recv: "RegisteredClaims", Name: "IsValidAt", Kind: Method, Traits: ValidatesTime},
				{Pkg: cristal, Recv: "RegisteredClaims", Name: "IsValidExpiresAt", Kind: Method, Traits: ValidatesTime},
				{Pkg: cristal, Name: "RegisteredClaims", Kind: Type, Traits: ClaimsStruct},
				{Pkg: cristal, Recv: "RegisteredClaims", Name: "ExpiresAt", Kind: Field, Value: Expiry},
				{Pkg: cristal, Recv: "Builder", Name: "Build", Kind: Method, Traits: Signs, Params: []Role{Claims}},
			},
		},
		&Library{
			// v1.12.0. The *Check functions verify the signature only;
			// Registered.Valid or AcceptTemporal checks exp.
			Module: "github.com/pascaldekloe/jwt", Family: Pascaldekloe, Major: 1,
			Packages: []string{pascal},
			ExpCheck: "claims.Valid(time.Now())",
			Symbols: []*Symbol{
				{Pkg: pascal, Name: "ParseWithoutCheck", Kind: Func, Traits: Unverified, Params: []Role{RawToken}},
				{Pkg: pascal, Name: "HMACCheck", Kind: Func, Traits: SignatureOnly | Verifies, Params: []Role{RawToken, Key}},
				{Pkg: pascal, Name: "RSACheck", Kind: Func, Traits: SignatureOnly, Params: []Role{RawToken}},
				{Pkg: pascal, Name: "ECDSACheck", Kind: Func, Traits: SignatureOnly, Params: []Role{RawToken}},
				{Pkg: pascal, Name: "EdDSACheck", Kind: Func, Traits: SignatureOnly, Params: []Role{RawToken}},
				{Pkg: pascal, Recv: "Registered", Name: "Valid", Kind: Method, Traits: ValidatesTime},
				{Pkg: pascal, Recv: "Registered", Name: "AcceptTemporal", Kind: Method, Traits: ValidatesTime},
				{Pkg: pascal, Recv: "Claims", Name: "HMACSign", Kind: Method, Traits: Signs, Params: []Role{AlgName, Key}},
				{Pkg: pascal, Name: "Registered", Kind: Type, Traits: ClaimsStruct},
				{Pkg: pascal, Recv: "Registered", Name: "Expires", Kind: Field, Value: Expiry},
			},
		},
	)
	const (
		ginJWT   = "github.com/appleboy/gin-jwt/v2"
		echoJWT  = "github.com/labstack/echo-jwt/v4"
		fiberJWT = "github.com/gofiber/contrib/jwt"
		jwtauth  = "github.com/go-chi/jwtauth/v5"
	)
	libraries = append(libraries,
		&Library{
			// v2.10.3. Key is the HMAC secret; Timeout and MaxRefresh the
			// token and refresh lifetimes.
			Module: ginJWT, Family: Middleware, Major: 2, Packages: []string{ginJWT},
			Symbols: []*Symbol{
				{Pkg: ginJWT, Recv: "GinJWTMiddleware", Name: "Key", Kind: Field, Value: Key, Traits: Signs | Verifies},
				{Pkg: ginJWT, Recv: "GinJWTMiddleware", Name: "Timeout", Kind: Field, Value: Lifetime},
				{Pkg: ginJWT, Recv: "GinJWTMiddleware", Name: "MaxRefresh", Kind: Field, Value: Lifetime},
			},
		},
		&Library{
			// v4.4.0.
			Module: echoJWT, Family: Middleware, Major: 4, Packages: []string{echoJWT},
			Symbols: []*Symbol{
				{Pkg: echoJWT, Recv: "Config", Name: "SigningKey", Kind: Field, Value: Key, Traits: Verifies},
				{Pkg: echoJWT, Name: "JWT", Kind: Func, Traits: Verifies, Params: []Role{Key}},
			},
		},
		&Library{
			// v1.1.2.
			Module: fiberJWT, Family: Middleware, Major: 1, Packages: []string{fiberJWT},
			Symbols: []*Symbol{
				{Pkg: fiberJWT, Recv: "SigningKey", Name: "Key", Kind: Field, Value: Key, Traits: Verifies},
			},
		},
		&Library{
			// v5.3.3.
			Module: jwtauth, Family: Middleware, Major: 5, Packages: []string{jwtauth},
			Symbols: []*Symbol{
				{Pkg: jwtauth, Name: "New", Kind: Func, Traits: Signs | Verifies, Params: []Role{AlgName, Key, Key}},
			},
		},
	)
	// kataras: Decode reads claims without verification; MaxAge sets
	// the lifetime of a token being signed.
	for _, lib := range libraries {
		if lib.Module == kataras {
			lib.Symbols = append(lib.Symbols,
				&Symbol{Pkg: kataras, Name: "Decode", Kind: Func, Traits: Unverified | PayloadField, Params: []Role{RawToken}},
				&Symbol{Pkg: kataras, Name: "MaxAge", Kind: Func, Params: []Role{Lifetime}},
			)
		}
	}
}

// goJOSE returns the rows go-jose v4 and square/go-jose.v2 share: jose is
// the root package, jwt its jwt subpackage. zeroTimeSkips says whether a
// zero Expected.Time skips the exp check (v2; later versions use now).
func goJOSE(jose, jwt string, zeroTimeSkips bool) []*Symbol {
	validate := ValidatesTime
	if zeroTimeSkips {
		validate |= ZeroTimeSkipsExp
	}
	return []*Symbol{
		{Pkg: jose, Recv: "JSONWebSignature", Name: "UnsafePayloadWithoutVerification", Kind: Method, Traits: Unverified | OnToken},
		{Pkg: jose, Recv: "SigningKey", Name: "Key", Kind: Field, Value: Key, Traits: Signs},
		{Pkg: jose, Recv: "JSONWebSignature", Name: "Verify", Kind: Method, Traits: Verifies | OnToken, Params: []Role{Key}},
		{Pkg: jwt, Recv: "JSONWebToken", Name: "UnsafeClaimsWithoutVerification", Kind: Method, Traits: Unverified | OnToken},
		{Pkg: jwt, Recv: "JSONWebToken", Name: "Claims", Kind: Method, Traits: SignatureOnly | Verifies | OnToken, Params: []Role{Key}},
		{Pkg: jwt, Recv: "Claims", Name: "Validate", Kind: Method, Traits: validate},
		{Pkg: jwt, Recv: "Claims", Name: "ValidateWithLeeway", Kind: Method, Traits: validate},
		{Pkg: jwt, Name: "Claims", Kind: Type, Traits: ClaimsStruct},
		{Pkg: jwt, Recv: "Claims", Name: "Expiry", Kind: Field, Value: Expiry},
		{Pkg: jwt, Name: "Builder", Kind: Type},
		{Pkg: jwt, Recv: "Builder", Name: "Claims", Kind: Method, Traits: Signs, Params: []Role{Claims}},
	}
}

// golangJWT returns the rows of a golang-jwt family package at import path
// p. hasOption says whether it has WithValidMethods; hasField whether
// Parser.ValidMethods is exported.
func golangJWT(p string, hasOption, hasField bool) []*Symbol {
	rows := []*Symbol{
		{Pkg: p, Name: "SigningMethodNone", Kind: Var, Value: Alg, Traits: NoneAlg},
		{Pkg: p, Name: "UnsafeAllowNoneSignatureType", Kind: Const, Value: Key, Traits: NoneKey},
		{Pkg: p, Name: "GetSigningMethod", Kind: Func, Value: Alg, Traits: AlgByName, Params: []Role{AlgName}},
		{Pkg: p, Name: "New", Kind: Func, Traits: Signs, Params: []Role{Alg}},
		{Pkg: p, Name: "NewWithClaims", Kind: Func, Traits: Signs, Params: []Role{Alg}},
		{Pkg: p, Recv: "Token", Name: "SignedString", Kind: Method, Traits: Signs, Params: []Role{Key}},
		{Pkg: p, Recv: "Token", Name: "Method", Kind: Field, Value: Alg, Traits: Signs},
		// Methods of the SigningMethod interface and its implementations.
		{Pkg: p, Name: "Sign", Kind: Method, Traits: Signs, Params: []Role{Other, Key}},
		{Pkg: p, Name: "Verify", Kind: Method, Traits: Verifies, Params: []Role{Other, Other, Key}},
		{Pkg: p, Name: "Alg", Kind: Method, Traits: ReturnsAlgName},
	}
	rows = append(rows,
		&Symbol{Pkg: p, Name: "Parse", Kind: Func, Traits: ParsesVerified, Params: []Role{RawToken, Keyfunc}},
		&Symbol{Pkg: p, Name: "ParseWithClaims", Kind: Func, Traits: ParsesVerified, Params: []Role{RawToken, ParsedClaims, Keyfunc}},
		&Symbol{Pkg: p, Recv: "Parser", Name: "Parse", Kind: Method, Traits: ParsesVerified, Params: []Role{RawToken, Keyfunc}},
		&Symbol{Pkg: p, Recv: "Parser", Name: "ParseWithClaims", Kind: Method, Traits: ParsesVerified, Params: []Role{RawToken, ParsedClaims, Keyfunc}},
		&Symbol{Pkg: p, Recv: "Parser", Name: "ParseUnverified", Kind: Method, Traits: Unverified, Params: []Role{RawToken}},
		&Symbol{Pkg: p, Name: "MapClaims", Kind: Type, Traits: ClaimsMap},
	)
	// NewWithClaims' claims are its second parameter.
	for _, r := range rows {
		if r.Name == "NewWithClaims" {
			r.Params = []Role{Alg, Claims}
		}
	}
	if hasOption {
		// Parse and ParseWithClaims take options since v4.
		for _, r := range rows {
			if r.Kind == Func && (r.Name == "Parse" || r.Name == "ParseWithClaims") {
				r.Params = append(r.Params, Options)
			}
		}
		rows = append(rows,
			&Symbol{Pkg: p, Name: "WithValidMethods", Kind: Func, Traits: PinsAlg, Params: []Role{AlgNames}},
			&Symbol{Pkg: p, Name: "NewParser", Kind: Func, Traits: NewParser, Params: []Role{Options}},
			&Symbol{Pkg: p, Name: "WithoutClaimsValidation", Kind: Func, Traits: NoValidate},
			&Symbol{Pkg: p, Name: "RegisteredClaims", Kind: Type, Traits: ClaimsStruct},
			&Symbol{Pkg: p, Recv: "RegisteredClaims", Name: "ExpiresAt", Kind: Field, Value: Expiry},
		)
	}
	if hasField {
		rows = append(rows,
			&Symbol{Pkg: p, Recv: "Parser", Name: "ValidMethods", Kind: Field, Traits: PinsAlg, Value: AlgNames},
			&Symbol{Pkg: p, Recv: "Parser", Name: "SkipClaimsValidation", Kind: Field, Traits: NoValidate, If: IfTrue},
			// Claims validate themselves before v5.
			&Symbol{Pkg: p, Recv: "MapClaims", Name: "Valid", Kind: Method, Traits: ValidatesTime},
			&Symbol{Pkg: p, Recv: "StandardClaims", Name: "Valid", Kind: Method, Traits: ValidatesTime},
			// StandardClaims left v5 with the exported Parser fields.
			&Symbol{Pkg: p, Name: "StandardClaims", Kind: Type, Traits: ClaimsStruct},
			&Symbol{Pkg: p, Recv: "StandardClaims", Name: "ExpiresAt", Kind: Field, Value: Expiry},
		)
	}
	return rows
}

// jwx returns the rows jwx v2 and v3 share; module is the module path.
func jwx(module string) []*Symbol {
	jwa, jws, jwt := module+"/jwa", module+"/jws", module+"/jwt"
	return []*Symbol{
		{Pkg: jwa, Name: "KeyAlgorithmFrom", Kind: Func, Value: Alg, Traits: AlgByName, Params: []Role{AlgName}},
		{Pkg: jwa, Recv: "SignatureAlgorithm", Name: "String", Kind: Method, Traits: ReturnsAlgName},
		// WithKey options serve both signing and verifying.
		{Pkg: jwt, Name: "WithKey", Kind: Func, Traits: Signs | Verifies, Params: []Role{Alg, Key}},
		{Pkg: jws, Name: "WithKey", Kind: Func, Traits: Signs | Verifies, Params: []Role{Alg, Key}},
		{Pkg: jwt, Name: "WithInsecureNoSignature", Kind: Func, Traits: AllowsNone | Signs},
		{Pkg: jws, Name: "WithInsecureNoSignature", Kind: Func, Traits: AllowsNone | Signs},
		{Pkg: jwt, Name: "ParseInsecure", Kind: Func, Traits: Unverified, Params: []Role{RawToken}},
		{Pkg: jwt, Name: "Parse", Kind: Func, Traits: ParsesVerified, Params: []Role{RawToken, Options}},
		{Pkg: jwt, Name: "ParseString", Kind: Func, Traits: ParsesVerified, Params: []Role{RawToken, Options}},
		{Pkg: jwt, Name: "WithVerify", Kind: Func, Traits: NoVerify, If: IfFalse},
		{Pkg: jwt, Name: "WithValidate", Kind: Func, Traits: NoValidate, If: IfFalse},
		{Pkg: jws, Name: "WithInferAlgorithmFromKey", Kind: Func, Traits: InfersAlg, If: IfTrue},
		{Pkg: jwt, Recv: "Builder", Name: "Expiration", Kind: Method, Traits: SetsExp, Params: []Role{Expiry}},
		{Pkg: jwt, Name: "NewBuilder", Kind: Func},
		{Pkg: jwt, Name: "Validate", Kind: Func, Traits: ValidatesTime},
	}
}
