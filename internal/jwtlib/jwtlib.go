// Package jwtlib is the JWT analyzers' view of the library models
// (package model, models/go): which JWT modules exist, which packages they
// have, and what their functions, methods, variables, constants, types and
// fields mean for token security.
//
// The knowledge itself is data, one model file per module; this package
// indexes the files that name a family (golang-jwt, jwx, …, middleware)
// into typed rows, so that analyzers ask questions such as "does this
// package-level object denote the none algorithm?" or "which argument of
// this call is the signing key?" with constants the compiler checks.
// Analyzers resolve an expression to a package path and name first (see
// internal/resolve) and look that up here; selector text is never matched.
//
// A new rule extends the vocabulary (model/vocab.go) and the Trait or Role
// values here, and adds rows to the model files.
package jwtlib

import (
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/model"
)

// Family groups libraries that share one API shape, whatever their module
// path or major version.
type Family string

// Library families.
const (
	// GolangJWT is github.com/golang-jwt/jwt and the modules it was forked
	// from or into under other paths: dgrijalva/jwt-go and
	// form3tech-oss/jwt-go.
	GolangJWT Family = "golang-jwt"
	// JWX is github.com/lestrrat-go/jwx.
	JWX Family = "jwx"
	// Kataras is github.com/kataras/jwt.
	Kataras Family = "kataras"
	// GoJOSE is github.com/go-jose/go-jose and its predecessor
	// gopkg.in/square/go-jose.v2.
	GoJOSE Family = "go-jose"
	// GoOIDC is github.com/coreos/go-oidc.
	GoOIDC Family = "go-oidc"
	// Cristalhq is github.com/cristalhq/jwt.
	Cristalhq Family = "cristalhq"
	// Pascaldekloe is github.com/pascaldekloe/jwt.
	Pascaldekloe Family = "pascaldekloe"
	// Middleware is an HTTP middleware that signs or verifies JWTs with
	// a key and lifetimes from its configuration (gin-jwt, echo-jwt,
	// gofiber's jwt, go-chi's jwtauth).
	Middleware Family = "middleware"
)

// Library is one major version of one JWT module.
type Library struct {
	// Module is the module path, "github.com/golang-jwt/jwt/v5".
	Module string
	Family Family
	// Major is the major version; 0 for modules that never tagged v1, and
	// 3 for the "+incompatible" v3 releases of dgrijalva and form3tech.
	Major int
	// Packages are the import paths of the module's packages this model
	// describes (the module root, or subpackages such as jwa).
	Packages []string
	// Symbols describe the module's API elements that some rule cares
	// about; an element without a row means nothing to tokenvet.
	Symbols []*Symbol
	// Deprecated, when set, says the module is unmaintained or has
	// advisories without a fix: it names the advisory and the maintained
	// replacement, as a message fragment ("CVE-2020-26160; use
	// github.com/golang-jwt/jwt/v4").
	Deprecated string
	// Replacement is the import path prefix that replaces Module in a
	// mechanical rewrite, when the replacement keeps the API; "" if the
	// move needs code changes.
	Replacement string
	// Compatible lists the package-level names whose meaning Replacement
	// keeps, so that a file using only these can switch by rewriting its
	// import path.
	Compatible []string
	// ExpCheck names, for a message, the call that validates exp where
	// the library leaves it to the caller ("claims.Validate").
	ExpCheck string
	// File is the model file the library was read from.
	File *model.File
}

// Kind is what sort of Go object a Symbol is.
type Kind uint8

// Kinds of symbols.
const (
	Func   Kind = iota + 1 // package-level function
	Method                 // method, also of an interface
	Var                    // package-level variable
	Const                  // package-level constant
	Type                   // named type; a call of it is a conversion
	Field                  // struct field
)

// Trait is a set of facts about a symbol; the zero Trait says nothing.
type Trait uint32

// Traits.
const (
	// NoneAlg: the variable or constant is the "none" algorithm, or, for
	// a function, calling it returns that algorithm.
	NoneAlg Trait = 1 << iota
	// NoneKey: the value is the magic key that lets the none algorithm
	// sign or verify (golang-jwt's UnsafeAllowNoneSignatureType).
	NoneKey
	// AllowsNone: calling it returns an option that produces or accepts
	// tokens without a signature.
	AllowsNone
	// AlgByName: calling it (or converting to the type) turns an
	// algorithm name, the parameter with role AlgName, into an algorithm.
	AlgByName
	// ReturnsAlgName: the method returns its receiver algorithm's name.
	ReturnsAlgName
	// Signs: the call signs a token, or creates one to be signed, with
	// the algorithm and key passed in its Alg and Key parameters (for a
	// field: the token is later signed with the field's algorithm).
	Signs
	// Verifies: the call verifies a signature with the algorithm and key
	// passed in its Alg and Key parameters.
	Verifies
	// Unverified: the call returns a token's claims or payload without
	// checking its signature.
	Unverified
	// ParsesVerified: the call parses a token and checks its signature,
	// with the key its Keyfunc or Key parameter gives; options, if any,
	// are in its Options parameters. For a method, the options may also
	// sit on the receiver (golang-jwt's Parser).
	ParsesVerified
	// NewParser: the call returns a parser configured by its Options.
	NewParser
	// NoVerify: the option or field turns signature checks off (see Cond).
	NoVerify
	// NoValidate: the option or field turns validation of exp (and the
	// other time claims) off (see Cond).
	NoValidate
	// RequiresExp: the option makes a parser reject tokens without exp.
	RequiresExp
	// PinsAlg: the option or field fixes the algorithms a parser accepts.
	PinsAlg
	// InfersAlg: the option lets the verifier take the algorithm from
	// the key or the token rather than from the caller (see Cond).
	InfersAlg
	// SignatureOnly: the call checks the signature but not exp; callers
	// must validate the time claims themselves.
	SignatureOnly
	// ValidatesTime: the call checks exp (for go-jose, with the time in
	// the Expected argument).
	ValidatesTime
	// VerifyOptional: the call verifies only when given an option with
	// EnablesVerify, and validates exp only when given one with
	// EnablesValidate (jwx v1's Parse).
	VerifyOptional
	// EnablesVerify: the option makes a VerifyOptional call verify.
	EnablesVerify
	// EnablesValidate: the option makes a VerifyOptional call validate
	// the time claims (when its boolean argument is true).
	EnablesValidate
	// ClaimsMap: the type is a map of claims; "exp" is its expiry key.
	ClaimsMap
	// ClaimsStruct: the type is a struct of registered claims whose field
	// with role Expiry holds exp.
	ClaimsStruct
	// SetsExp: the method sets a token's exp from its Expiry parameter.
	SetsExp
	// PayloadField: for an Unverified call, the result is unsafe only
	// through its field named Payload; reading the header alone (to pick
	// a key) is fine (kataras' Decode).
	PayloadField
	// OnToken: the method's receiver is the parsed token itself (go-jose's
	// JSONWebToken and JSONWebSignature), the same token for every
	// method called on it.
	OnToken
	// ZeroTimeSkipsExp: for a ValidatesTime call, an Expected argument
	// with a zero Time field (role ValidationTime) skips the exp check
	// (square/go-jose.v2).
	ZeroTimeSkipsExp
	// ClaimsOnError: the parse returns the token, its claims filled in,
	// even when verification fails (golang-jwt).
	ClaimsOnError
	// NewBuilder: the call returns a builder whose method chain mints a
	// token when it reaches a BuildsToken method (jwx).
	NewBuilder
	// SetsClaim: the builder method sets the claim named by its
	// ClaimName parameter to its ClaimValue parameter.
	SetsClaim
	// BuildsToken: the builder method ends the chain; the token is
	// minted with the claims set so far.
	BuildsToken
	// KeyTypePicksAlg: each of the parse's signing methods accepts one
	// key type, so the keyfunc's key confines the algorithm's family.
	KeyTypePicksAlg
	// ReadsExp: the call returns the token's exp, for code that checks
	// it by hand.
	ReadsExp
)

// Cond says when an option or field with NoVerify, NoValidate or
// InfersAlg takes effect.
type Cond uint8

// Conditions.
const (
	Always  Cond = iota // whenever it is used
	IfTrue              // when its boolean argument or value is true
	IfFalse             // when its boolean argument or value is false
)

// Role is what a parameter of a function, or the value of a variable,
// constant or field, stands for.
type Role uint8

// Roles.
const (
	Other          Role = iota // nothing this model describes
	Alg                        // a signing algorithm value
	Key                        // a signing or verification key
	AlgName                    // the name of an algorithm ("HS256")
	AlgNames                   // a []string of algorithm names to accept
	Keyfunc                    // a function returning the verification key
	Options                    // options; the last such parameter is variadic
	Claims                     // the claims of a token being minted
	ParsedClaims               // the claims value a parse fills in
	RawToken                   // the encoded token (string or bytes) to parse or verify
	Expiry                     // the expiry time of a token being minted
	Lifetime                   // a token's lifetime as a time.Duration
	ClaimName                  // the name of a claim being set ("exp")
	ClaimValue                 // the value of a claim being set
	Header                     // a parsed token's header (alg, kid)
	Payload                    // the claims part of an undecoded token
	Verified                   // a parsed token's "signature verified" flag
	ValidationTime             // the time the claims are validated at
)

// Symbol is one row of the model: an API element and what it means.
type Symbol struct {
	// Pkg is the import path of the declaring package.
	Pkg string
	// Recv is, for a method or field, the name of its receiver or struct
	// type without '*'. For a method, "" means a method of that name on
	// any type of Pkg — used where every implementation of an interface
	// in the package means the same (SigningMethod.Sign).
	Recv string
	// Name is the identifier.
	Name string
	Kind Kind
	// Traits are the facts about the symbol.
	Traits Trait
	// Params gives the role of each parameter of a function, method or
	// conversion by position; missing trailing entries are Other.
	Params []Role
	// Value is the role of a variable's, constant's or field's value,
	// or of a function's result.
	Value Role
	// If says when a NoVerify, NoValidate, InfersAlg or EnablesValidate
	// trait takes effect: always, or by the boolean argument or value.
	If Cond
	// Row is the model row the symbol was read from (one row with
	// several names gives several symbols).
	Row *model.Row
}

// Has reports whether s has all of the traits t.
func (s *Symbol) Has(t Trait) bool { return s.Traits&t == t }

// Param returns the role of parameter i (0-based), Other if none. An
// argument past the last parameter has that parameter's role when it is
// Options, the variadic one.
func (s *Symbol) Param(i int) Role {
	if i < 0 || len(s.Params) == 0 {
		return Other
	}
	if i >= len(s.Params) {
		if last := s.Params[len(s.Params)-1]; last == Options {
			return Options
		}
		return Other
	}
	return s.Params[i]
}

// ParamIndex returns the position of the first parameter with role r,
// or -1.
func (s *Symbol) ParamIndex(r Role) int {
	return slices.Index(s.Params, r)
}

// NoneAlgName is the name of the none algorithm in a JWT header and in
// golang-jwt's and jwx's algorithm lists (RFC 7518 section 3.6).
const NoneAlgName = "none"

// Libraries returns every library the model knows, ordered by module.
func Libraries() []*Library { return current().libraries }

// Lookup returns the library that provides the package with import path
// pkgPath.
func Lookup(pkgPath string) (*Library, bool) {
	lib, ok := current().byPkg[pkgPath]
	return lib, ok
}

// Member returns the row for the package-level function, variable,
// constant or type name of package pkgPath.
func Member(pkgPath, name string) (*Symbol, bool) {
	for _, s := range current().byMember[key{pkgPath, name}] {
		if s.Kind != Method && s.Kind != Field {
			return s, true
		}
	}
	return nil, false
}

// MethodOf returns the row for method name of type recv in package
// pkgPath. An empty recv — the receiver type is unknown, as after the
// syntactic fallback of internal/resolve — matches a method of that name
// on any type of the package.
func MethodOf(pkgPath, recv, name string) (*Symbol, bool) {
	return member(pkgPath, recv, name, Method)
}

// FieldOf returns the row for field name of struct type typeName in
// package pkgPath. An empty typeName matches a field of that name in any
// struct type of the package.
func FieldOf(pkgPath, typeName, name string) (*Symbol, bool) {
	return member(pkgPath, typeName, name, Field)
}

// Names returns the names of the library's symbols of kind k for which
// keep holds, in model order and without repeats: the field names of the
// token's header, say, when type information cannot tell which field a
// selector selects.
func (l *Library) Names(k Kind, keep func(*Symbol) bool) []string {
	var out []string
	for _, s := range l.Symbols {
		if s.Kind == k && keep(s) && !slices.Contains(out, s.Name) {
			out = append(out, s.Name)
		}
	}
	return out
}

// FuncWith returns the package-level function of package pkgPath with
// trait t, if the model has one (golang-jwt v5's WithExpirationRequired
// for RequiresExp).
func FuncWith(pkgPath string, t Trait) (*Symbol, bool) {
	lib, ok := Lookup(pkgPath)
	if !ok {
		return nil, false
	}
	for _, s := range lib.Symbols {
		if s.Pkg == pkgPath && s.Kind == Func && s.Has(t) {
			return s, true
		}
	}
	return nil, false
}

func member(pkgPath, recv, name string, kind Kind) (*Symbol, bool) {
	for _, s := range current().byMember[key{pkgPath, name}] {
		if s.Kind == kind && (s.Recv == "" || recv == "" || s.Recv == recv) {
			return s, true
		}
	}
	return nil, false
}

// IsNoneAlgorithm reports whether the package-level object name of
// package pkgPath is a JWT library's none algorithm (a variable or
// constant) or a function returning it.
func IsNoneAlgorithm(pkgPath, name string) bool {
	s, ok := Member(pkgPath, name)
	return ok && s.Has(NoneAlg)
}

// IsNoneKey reports whether the package-level object name of package
// pkgPath is a key that enables signing or verifying with the none
// algorithm.
func IsNoneKey(pkgPath, name string) bool {
	s, ok := Member(pkgPath, name)
	return ok && s.Has(NoneKey)
}

// SkipPackage reports whether the JWT rules leave the package at pkgPath
// alone: the code (or external tests, "_test") of a JWT library defines
// and exercises what the rules look for. Middlewares are checked like
// any user of a JWT library.
func SkipPackage(pkgPath string) bool {
	lib, ok := Lookup(strings.TrimSuffix(pkgPath, "_test"))
	return ok && lib.Family != Middleware
}
