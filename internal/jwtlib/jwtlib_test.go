package jwtlib

import (
	"fmt"
	"testing"

	"github.com/tokenvet/tokenvet/model"
)

const (
	v5    = "github.com/golang-jwt/jwt/v5"
	v4    = "github.com/golang-jwt/jwt/v4"
	dgri  = "github.com/dgrijalva/jwt-go"
	jwa2  = "github.com/lestrrat-go/jwx/v2/jwa"
	jwa3  = "github.com/lestrrat-go/jwx/v3/jwa"
	jwt3  = "github.com/lestrrat-go/jwx/v3/jwt"
	ktrs  = "github.com/kataras/jwt"
	other = "example.com/notjwt"
)

func TestLookup(t *testing.T) {
	for _, tt := range []struct {
		pkg    string
		module string // "" for not found
		family Family
		major  int
	}{
		{v5, v5, GolangJWT, 5},
		{v4, v4, GolangJWT, 4},
		{dgri, dgri, GolangJWT, 3},
		{"github.com/form3tech-oss/jwt-go", "github.com/form3tech-oss/jwt-go", GolangJWT, 3},
		{jwa2, "github.com/lestrrat-go/jwx/v2", JWX, 2},
		{jwt3, "github.com/lestrrat-go/jwx/v3", JWX, 3},
		{ktrs, ktrs, Kataras, 0},
		{"github.com/dgrijalva/jwt-go/v4", "", "", 0},
		{"github.com/golang-jwt/jwt/v5/request", v5, GolangJWT, 5},
		{"gopkg.in/square/go-jose.v2/jwt", "gopkg.in/square/go-jose.v2", GoJOSE, 2},
		{"github.com/lestrrat-go/jwx/jwt", "github.com/lestrrat-go/jwx", JWX, 1},
		{"github.com/coreos/go-oidc/v3/oidc", "github.com/coreos/go-oidc/v3", GoOIDC, 3},
		{"github.com/lestrrat-go/jwx/v2", "", "", 0}, // the module root is not a package
		{other, "", "", 0},
	} {
		lib, ok := Lookup(tt.pkg)
		if tt.module == "" {
			if ok {
				t.Errorf("Lookup(%q) = %s, want none", tt.pkg, lib.Module)
			}
			continue
		}
		if !ok || lib.Module != tt.module || lib.Family != tt.family || lib.Major != tt.major {
			t.Errorf("Lookup(%q) = %+v, %v; want module %s family %s major %d", tt.pkg, lib, ok, tt.module, tt.family, tt.major)
		}
	}
}

func TestNonePredicates(t *testing.T) {
	for _, tt := range []struct {
		pkg, name  string
		alg, isKey bool
	}{
		{v5, "SigningMethodNone", true, false},
		{v4, "SigningMethodNone", true, false},
		{dgri, "SigningMethodNone", true, false},
		{v5, "UnsafeAllowNoneSignatureType", false, true},
		{dgri, "UnsafeAllowNoneSignatureType", false, true},
		{v5, "SigningMethodHS256", false, false},
		{v5, "GetSigningMethod", false, false},
		{jwa2, "NoSignature", true, false},
		{jwa3, "NoSignature", true, false},
		{jwa2, "HS256", false, false},
		{ktrs, "NONE", true, false},
		{ktrs, "HS256", false, false},
		{other, "SigningMethodNone", false, false},
		{other, "NONE", false, false},
	} {
		if got := IsNoneAlgorithm(tt.pkg, tt.name); got != tt.alg {
			t.Errorf("IsNoneAlgorithm(%s, %s) = %v, want %v", tt.pkg, tt.name, got, tt.alg)
		}
		if got := IsNoneKey(tt.pkg, tt.name); got != tt.isKey {
			t.Errorf("IsNoneKey(%s, %s) = %v, want %v", tt.pkg, tt.name, got, tt.isKey)
		}
	}
}

func TestMembers(t *testing.T) {
	found := func(s *Symbol, ok bool) string {
		if !ok {
			return "-"
		}
		return fmt.Sprintf("%s.%s %d", s.Recv, s.Name, s.Kind)
	}
	for _, tt := range []struct {
		got, want string
	}{
		{found(MethodOf(v5, "Token", "SignedString")), "Token.SignedString 2"},
		{found(MethodOf(v5, "", "SignedString")), "Token.SignedString 2"},
		{found(MethodOf(v5, "Parser", "SignedString")), "-"},
		{found(Member(v5, "SignedString")), "-"},
		// Sign is modelled for every SigningMethod implementation.
		{found(MethodOf(v5, "signingMethodNone", "Sign")), ".Sign 2"},
		{found(MethodOf(v5, "SigningMethod", "Verify")), ".Verify 2"},
		{found(FieldOf(v4, "Parser", "ValidMethods")), "Parser.ValidMethods 6"},
		{found(FieldOf(dgri, "", "ValidMethods")), "Parser.ValidMethods 6"},
		{found(FieldOf(v5, "Parser", "ValidMethods")), "-"},
		{found(Member(v5, "WithValidMethods")), ".WithValidMethods 1"},
		{found(Member(dgri, "WithValidMethods")), "-"},
		{found(Member(jwa2, "SignatureAlgorithm")), ".SignatureAlgorithm 5"},
		{found(Member(jwa3, "SignatureAlgorithm")), "-"},
		{found(Member(ktrs, "Sign")), ".Sign 1"},
		{found(MethodOf(ktrs, "Alg", "Sign")), ".Sign 2"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	s, _ := Member(v5, "NewWithClaims")
	if s.Param(0) != Alg || s.Param(1) != Claims || s.Param(2) != Other || s.Param(-1) != Other || s.ParamIndex(Alg) != 0 || s.ParamIndex(Key) != -1 {
		t.Errorf("NewWithClaims params: %v", s.Params)
	}
	// Arguments past a variadic Options parameter are options too.
	p, _ := Member(v5, "Parse")
	if p.Param(1) != Keyfunc || p.Param(2) != Options || p.Param(5) != Options {
		t.Errorf("Parse params: %v", p.Params)
	}
	if d, _ := Member(dgri, "Parse"); d.Param(2) != Other {
		t.Errorf("dgrijalva Parse takes no options: %v", d.Params)
	}
}

// TestVocabularyMapped: every JWT trait of the model vocabulary has its
// jwtlib trait, and every role its jwtlib role or none of the JWT rules',
// so that a new JWT word in model/vocab.go cannot be dropped on its way.
func TestVocabularyMapped(t *testing.T) {
	for _, tr := range model.JWTTraits() {
		if _, ok := traitOf[tr]; !ok {
			t.Errorf("JWT trait %q has no jwtlib trait", tr)
		}
	}
	if len(traitOf) != len(model.JWTTraits()) {
		t.Errorf("jwtlib maps %d traits, the model has %d JWT traits", len(traitOf), len(model.JWTTraits()))
	}
	otherRoles := map[string]bool{model.RoleURL: true, model.RoleCookieName: true, model.RoleCookieValue: true,
		model.RoleHTTPOnly: true, model.RoleSecure: true, model.RoleMaxAge: true, model.RoleSameSite: true, model.RoleSendsCookie: true,
		model.RoleRequest: true, model.RoleFormat: true, model.RoleTokenLookup: true,
		// JS lifetimes, which the web engine reads (rules/web/lifetime.go).
		model.RoleLifetimeSeconds: true, model.RoleLifetimeMillis: true, model.RoleLifetimeSpan: true}
	for _, r := range model.Roles() {
		if _, ok := roleOf[r]; !ok && !otherRoles[r] {
			t.Errorf("model role %q is neither mapped to a jwtlib role nor listed as another rule's", r)
		}
	}
}

// TestFollowsModelUse: a set installed with model.Use after the first
// lookup (the CLI's --models) is the one the next lookup answers from.
func TestFollowsModelUse(t *testing.T) {
	if _, ok := Lookup(v5); !ok {
		t.Fatal("golang-jwt v5 not found in the embedded models")
	}
	f, err := model.Parse("acme.yml", []byte("language: go\nmodule: example.com/acme/jwt\nchecked: [v1.0.0]\nfamily: acme\napi:\n  - name: None\n    object: var\n    traits: [none-alg]\n    value: alg\n"))
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := model.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.NewSet(append(builtin.Files(), f))
	if err != nil {
		t.Fatal(err)
	}
	model.Use(s)
	t.Cleanup(func() { model.Use(builtin) })
	if !IsNoneAlgorithm("example.com/acme/jwt", "None") {
		t.Error("a user model's none algorithm is not seen")
	}
	if _, ok := Lookup(v5); !ok {
		t.Error("the embedded libraries are lost with a user model")
	}
}
