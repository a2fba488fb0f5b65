package web

import (
	"maps"
	"testing"
)

func TestConstructorParamTypes(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      map[string]string
	}{
		{"parameter properties and plain parameters", `class A {
  constructor(private readonly http: HttpClient, @Inject(CookieService) public cookies: CookieService, store: ngrx.Store, plain) {}
}`, map[string]string{"http": "HttpClient", "cookies": "CookieService", "store": "ngrx.Store"}},
		{"generic, union and defaulted types are not plain names", `class B {
  constructor(private m: Map<string, string>, private u: A | B, n: number = 1, private f: () => void, private r: Router) {}
}`, map[string]string{"r": "Router"}},
		{"a name with two types in the file is left out", `class C { constructor(private s: CookieService) {} }
class D { constructor(private s: StorageService, private ok: Router) {} }`, map[string]string{"ok": "Router"}},
		{"constructor as a property or a call is no constructor", `x.constructor(a: B); const constructorX = 1;`, nil},
		{"an unclosed list gives nothing", `class E { constructor(private a: A`, nil},
	} {
		got := constructorParamTypes([]byte(c.src))
		if !maps.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
