package jwtlib

// libraries is the model. Each row is checked against the library's
// source at the version noted; testdata/src holds stubs with the same
// signatures for the analyzer tests.
var libraries = []*Library{
	{
		// v5.3.1. The Parser's fields are unexported: methods are pinned
		// with WithValidMethods only.
		Module: "github.com/golang-jwt/jwt/v5", Family: GolangJWT, Major: 5,
		Packages: []string{"github.com/golang-jwt/jwt/v5"},
		Symbols:  golangJWT("github.com/golang-jwt/jwt/v5", true, false),
	},
	{
		// v4.5.2. WithValidMethods exists since v4.2.0; Parser.ValidMethods
		// is exported but deprecated.
		Module: "github.com/golang-jwt/jwt/v4", Family: GolangJWT, Major: 4,
		Packages: []string{"github.com/golang-jwt/jwt/v4"},
		Symbols:  golangJWT("github.com/golang-jwt/jwt/v4", true, true),
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
		Packages: []string{"github.com/dgrijalva/jwt-go"},
		Symbols:  golangJWT("github.com/dgrijalva/jwt-go", false, true),
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
			{Pkg: kataras, Name: "Verify", Kind: Func, Traits: Verifies, Params: []Role{Alg, Key}},
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
	if hasOption {
		rows = append(rows, &Symbol{Pkg: p, Name: "WithValidMethods", Kind: Func, Params: []Role{AlgNames}})
	}
	if hasField {
		rows = append(rows, &Symbol{Pkg: p, Recv: "Parser", Name: "ValidMethods", Kind: Field, Value: AlgNames})
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
	}
}
