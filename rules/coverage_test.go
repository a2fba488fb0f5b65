package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/model"
)

func TestLibrariesFromModels(t *testing.T) {
	s, err := model.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	find := func(id, module string) *Library {
		for _, l := range Libraries(id, s) {
			if l.Module == module {
				return &l
			}
		}
		return nil
	}
	if l := find(TokenLogged, "log/slog"); l == nil || !slices.Contains(l.Elements, "Logger.Info") || !slices.Contains(l.Elements, "String") {
		t.Errorf("token-logged's log/slog: %+v", l)
	}
	if l := find(TokenLogged, "net/url"); l == nil || !slices.Contains(l.Elements, "Values.Encode") || slices.Contains(l.Elements, "URL.RawQuery") {
		t.Errorf("token-logged reads net/url's sources and summaries, not its query sinks: %+v", l)
	}
	if l := find(TokenOverHTTP, "net/http"); l == nil || !slices.Contains(l.Elements, "NewRequest") || !slices.Contains(l.Elements, "Client.PostForm") {
		t.Errorf("token-over-http reads net/http's request URL and body sinks: %+v", l)
	}
	if l := find(JWTDeprecatedLibrary, "github.com/dgrijalva/jwt-go"); l == nil || !strings.Contains(l.Deprecated, "CVE-2020-26160") {
		t.Errorf("jwt-deprecated-library's dgrijalva: %+v", l)
	}
	if l := find(JWTDeprecatedLibrary, "github.com/golang-jwt/jwt/v5"); l != nil {
		t.Errorf("a maintained library listed as deprecated: %+v", l)
	}
	if l := find(JWTAlgNotPinned, "github.com/lestrrat-go/jwx/v2"); l == nil || !slices.Contains(l.Elements, "jws.WithInferAlgorithmFromKey") {
		t.Errorf("a subpackage's element is named with its package: %+v", l)
	}
	if l := find(JWTHardcodedKey, "jsonwebtoken"); l == nil || l.Language != model.JS || !slices.Contains(l.Elements, "Member[sign].Argument[1]") {
		t.Errorf("jwt-hardcoded-key's jsonwebtoken, a JS sink named by its element and input: %+v", l)
	}
	if l := find(JWTHardcodedKey, "express-session"); l == nil || !slices.Contains(l.Elements, "Argument[0].Member[secret]") {
		t.Errorf("jwt-hardcoded-key's express-session, an option whose input is its Value: %+v", l)
	}
	if l := find(TokenLogged, "jose"); l != nil {
		t.Errorf("token-logged reads the Go flow's summaries, not jose's builder chains: %+v", l)
	}
	for _, r := range Implemented() {
		if !strings.HasPrefix(r.Implementation, "analyzers/") || r.ID == HardcodedToken {
			continue
		}
		if len(Libraries(r.ID, s)) == 0 {
			t.Errorf("%s knows no library of the models", r.ID)
		}
	}
}

func TestGrouped(t *testing.T) {
	got := grouped([]string{"Logger.Info", "Logger.Error", "String", "jwt.Parse"})
	if want := "`Logger`: `Info`, `Error`; `String`; `jwt`: `Parse`"; got != want {
		t.Errorf("grouped = %s, want %s", got, want)
	}
}
