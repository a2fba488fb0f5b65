package jwtlib

import (
	"go/ast"
	"go/parser"
	"testing"
)

func expr(t *testing.T, src string) ast.Expr {
	t.Helper()
	e, err := parser.ParseExpr(src)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The Resolver's constant helpers without type information, as in the
// syntactic fallback.
func TestResolverConstants(t *testing.T) {
	r := Resolver{}
	for _, tt := range []struct {
		src          string
		value, known bool
	}{
		{"true", true, true},
		{"(false)", false, true},
		{"x", false, false},
		{"!true", false, false}, // not evaluated: unknown, never a guess
	} {
		v, k := r.BoolValue(expr(t, tt.src))
		if v != tt.value || k != tt.known {
			t.Errorf("BoolValue(%s) = %v, %v; want %v, %v", tt.src, v, k, tt.value, tt.known)
		}
	}
	if s, ok := r.StringValue(expr(t, "`exp`")); !ok || s != "exp" {
		t.Errorf("StringValue(`exp`) = %q, %v", s, ok)
	}
	if _, ok := r.StringValue(expr(t, "k")); ok {
		t.Error("StringValue(k) known without type information")
	}

	always := &Symbol{Traits: NoValidate}
	ifFalse := &Symbol{Traits: NoValidate, If: IfFalse}
	ifTrue := &Symbol{Traits: NoVerify, If: IfTrue}
	for _, tt := range []struct {
		s    *Symbol
		arg  string
		want bool
	}{
		{always, "", true},
		{ifFalse, "false", true},
		{ifFalse, "true", false},
		{ifFalse, "on", false}, // unknown value: not reported
		{ifTrue, "true", true},
		{ifTrue, "", false},
	} {
		var arg ast.Expr
		if tt.arg != "" {
			arg = expr(t, tt.arg)
		}
		if got := r.Applies(tt.s, arg); got != tt.want {
			t.Errorf("Applies(If=%d, %q) = %v, want %v", tt.s.If, tt.arg, got, tt.want)
		}
	}
}

func TestArgsByRole(t *testing.T) {
	parse, _ := Member(v5, "Parse")
	call := expr(t, "jwt.Parse(s, kf, a, b)").(*ast.CallExpr)
	opts, complete := OptionArgs(parse, call)
	if len(opts) != 2 || !complete {
		t.Errorf("OptionArgs = %d, %v", len(opts), complete)
	}
	if _, complete := OptionArgs(parse, expr(t, "jwt.Parse(s, kf, opts...)").(*ast.CallExpr)); complete {
		t.Error("spread options reported complete")
	}
	if kf, ok := Arg(parse, call, Keyfunc); !ok || kf.(*ast.Ident).Name != "kf" {
		t.Errorf("Arg(Keyfunc) = %v", kf)
	}
	if tok, ok := TokenOf(parse, call).(*ast.Ident); !ok || tok.Name != "s" {
		t.Errorf("TokenOf(jwt.Parse) = %v", tok)
	}
	claims, _ := MethodOf("github.com/go-jose/go-jose/v4/jwt", "JSONWebToken", "Claims")
	if tok, ok := TokenOf(claims, expr(t, "tok.Claims(key, &c)").(*ast.CallExpr)).(*ast.Ident); !ok || tok.Name != "tok" {
		t.Errorf("TokenOf(tok.Claims) = %v", tok)
	}
}

func TestSkipPackage(t *testing.T) {
	for pkg, want := range map[string]bool{
		v5:                                true,
		v5 + "_test":                      true,
		"github.com/go-jose/go-jose/v4":   true,
		"github.com/appleboy/gin-jwt/v2":  false, // a middleware: a user of JWT libraries
		"github.com/labstack/echo-jwt/v4": false,
		other:                             false,
	} {
		if got := SkipPackage(pkg); got != want {
			t.Errorf("SkipPackage(%s) = %v, want %v", pkg, got, want)
		}
	}
}
