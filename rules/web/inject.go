package web

import (
	"bytes"
	"strings"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
)

// Angular and NestJS hand a class its services through its constructor
// (dependency injection): constructor(private cookies: CookieService).
// The type annotation is all that says which service arrives, and the
// TypeScript transform drops it, so it is read from the source first:
// the parameter name's type, by name, for the whole file. this.cookies
// then resolves through the constructor's assignment to the parameter,
// and the parameter to an instance of the imported class.

// constructorParamTypes returns, for a TypeScript source, the type name
// of each constructor parameter annotated with a plain (or dotted) type
// name, by parameter name. A name given two different types in the file
// is left out: which class's parameter a use means is not known.
func constructorParamTypes(src []byte) map[string]string {
	var out map[string]string
	conflict := map[string]bool{}
	kw := []byte("constructor")
	for from := 0; from < len(src); {
		i := bytes.Index(src[from:], kw)
		if i < 0 {
			break
		}
		i += from
		from = i + len(kw)
		if i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '.') {
			continue
		}
		j := from
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		if j >= len(src) || src[j] != '(' {
			continue
		}
		end := matchingParen(src, j)
		if end < 0 {
			continue
		}
		for _, p := range splitTopLevel(src[j+1 : end]) {
			name, typ, ok := annotatedParam(p)
			if !ok || conflict[name] {
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			if prev, seen := out[name]; seen && prev != typ {
				delete(out, name)
				conflict[name] = true
				continue
			}
			out[name] = typ
		}
		from = end
	}
	return out
}

// matchingParen returns the index of the ')' closing the '(' at open, or
// -1; parentheses inside strings are not told apart, which at worst loses
// a type.
func matchingParen(src []byte, open int) int {
	depth := 0
	for k := open; k < len(src) && k < open+4096; k++ {
		switch src[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// splitTopLevel splits a parameter list at commas outside brackets.
func splitTopLevel(b []byte) [][]byte {
	var out [][]byte
	depth, start := 0, 0
	for k, c := range b {
		switch c {
		case '(', '[', '{', '<':
			depth++
		case ')', ']', '}':
			depth--
		case '>':
			if k == 0 || b[k-1] != '=' { // not an arrow's =>
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, b[start:k])
				start = k + 1
			}
		}
	}
	return append(out, b[start:])
}

// annotatedParam reads "@Inject(X) private readonly name: Type" as name
// and Type; a default value, a generic or a union type reads as none.
func annotatedParam(p []byte) (name, typ string, ok bool) {
	s := strings.TrimSpace(string(p))
	for strings.HasPrefix(s, "@") { // parameter decorators
		k := strings.IndexAny(s, " \t\n")
		if paren := strings.IndexByte(s, '('); paren >= 0 && (k < 0 || paren < k) {
			end := matchingParen([]byte(s), paren)
			if end < 0 {
				return "", "", false
			}
			k = end + 1
		}
		if k < 0 {
			return "", "", false
		}
		s = strings.TrimSpace(s[k:])
	}
	for _, m := range []string{"private", "protected", "public", "readonly", "override"} {
		for strings.HasPrefix(s, m+" ") || strings.HasPrefix(s, m+"\t") || strings.HasPrefix(s, m+"\n") {
			s = strings.TrimSpace(s[len(m):])
		}
	}
	n, t, found := strings.Cut(s, ":")
	if !found {
		return "", "", false
	}
	n, t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n), "?")), strings.TrimSpace(t)
	if !isIdent(n) || t == "" {
		return "", "", false
	}
	for _, part := range strings.Split(t, ".") {
		if !isIdent(part) {
			return "", "", false
		}
	}
	return n, t, true
}

func isIdent(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// injectedRef is the api value of a constructor parameter declared with
// the type of an imported class: an instance of that class.
func (a *analyser) injectedRef(v *js.Var) (apiRef, bool) {
	t, ok := a.paramTypes[string(v.Name())]
	if !ok || root(v).Decl != js.ArgumentDecl {
		return apiRef{}, false
	}
	parts := strings.Split(t, ".")
	r, ok := a.modImports[parts[0]]
	if !ok {
		return apiRef{}, false
	}
	for _, p := range parts[1:] {
		r = r.member(p)
	}
	return r.step(string(model.OpInstance)), true
}
