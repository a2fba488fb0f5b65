package e2e

import (
	"path/filepath"
	"slices"
	"testing"
)

// A handler in a directory without a go.mod: nothing is type-checked
// against its imports, so the query read is known only by the declared
// type of r and the models' field rows.
const looseQueryJWT = `package loose

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

func parse(s string) {
	jwt.Parse(s, nil)
}

func handler(r *http.Request) {
	s := r.URL.Query().Get("s")
	parse(s)
	parse(r.Header.Get("Authorization"))
	_ = r.URL.Query().Get("page")
}

func other(r *http.Request, u *urlHolder) {
	parse(u.URL.Query().Get("s"))
}

type urlHolder struct{ URL interface{ Query() interface{ Get(string) string } } }
`

// TestLooseQueryJWT: a query value parsed as a JWT is token-in-query
// without type information too (the read on line 14); the header read,
// the unparsed page number and a URL field of a type that is no request
// are not.
func TestLooseQueryJWT(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "h.go"), looseQueryJWT)
	rep, _ := scanJSON(t, dir)
	var lines []int
	for _, f := range rep.Findings {
		if f.Rule == "token-in-query" {
			lines = append(lines, f.Line)
		}
	}
	if !slices.Equal(lines, []int{14}) {
		t.Errorf("token-in-query on lines %v, want [14]", lines)
	}
}

const looseNewParser = `package loose

import "github.com/golang-jwt/jwt/v5"

func decode(s string) {
	new(jwt.Parser).ParseUnverified(s, jwt.MapClaims{})
	(&jwt.Parser{}).ParseUnverified(s, jwt.MapClaims{})
}

func verify(s string, kf jwt.Keyfunc) {
	new(jwt.Parser).ParseWithClaims(s, jwt.MapClaims{}, kf)
}
`

// TestLooseNewParser: without type information, the receiver of
// new(jwt.Parser).ParseUnverified is known by its written type.
func TestLooseNewParser(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.go"), looseNewParser)
	rep, _ := scanJSON(t, dir)
	var lines []int
	for _, f := range rep.Findings {
		if f.Rule == "jwt-unverified-parse" {
			lines = append(lines, f.Line)
		}
	}
	if !slices.Equal(lines, []int{6, 7}) {
		t.Errorf("jwt-unverified-parse on lines %v, want [6 7]", lines)
	}
}

const looseParsedToken = `package loose

import "github.com/go-jose/go-jose/v3/jwt"

func decode(s string, out any) {
	t, _ := jwt.ParseSigned(s)
	t.UnsafeClaimsWithoutVerification(out)
}

func verify(s string, key, out any) {
	t, _ := jwt.ParseSigned(s)
	t.Claims(key, out)
}

func unrelated(out any) {
	t := local()
	t.UnsafeClaimsWithoutVerification(out)
}
`

// TestLooseParsedToken: without type information, a method called on
// the token a library's parse returned is that library's token method.
// A variable of the package's own making is not guessed.
func TestLooseParsedToken(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.go"), looseParsedToken)
	rep, _ := scanJSON(t, dir)
	var lines []int
	for _, f := range rep.Findings {
		if f.Rule == "jwt-unverified-parse" {
			lines = append(lines, f.Line)
		}
	}
	if !slices.Equal(lines, []int{7}) {
		t.Errorf("jwt-unverified-parse on lines %v, want [7]", lines)
	}
}
