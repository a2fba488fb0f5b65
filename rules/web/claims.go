package web

import (
	"slices"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
)

// Values that are no token, whatever the variable holding them is
// called: a token's decoded claims (the result of a call with trait
// returns-claims: jwt.verify, jwtDecode, next-auth's getToken), and
// booleans and numbers (`const token = !!cookie`, `token.length`). The
// rules that look for a token by name (token-logged, token-in-query,
// token-in-web-storage) ask isTokenValue, which consults them.

// addClaimRows fills the spec's claim calls from the JS api rows with
// trait returns-claims: on the call itself, or, with if: if-true, on an
// argument that makes it return the encoded token instead.
func (spec *keySpec) addClaimRows(s *model.Set) {
	spec.claimCalls = map[apiRef][]model.Path{}
	var tokenArgs []struct {
		ref  apiRef
		rest model.Path
	}
	for _, r := range s.Rows(model.JS, model.SectionAPI) {
		if !slices.Contains(r.Traits, model.TraitReturnsClaims) {
			continue
		}
		ref, rest, ok := apiPath(r)
		switch {
		case !ok:
		case rest == nil:
			if spec.claimCalls[ref] == nil {
				spec.claimCalls[ref] = []model.Path{}
			}
		case r.If == model.IfTrue:
			tokenArgs = append(tokenArgs, struct {
				ref  apiRef
				rest model.Path
			}{ref, rest})
		}
	}
	for _, t := range tokenArgs {
		if args, ok := spec.claimCalls[t.ref]; ok {
			spec.claimCalls[t.ref] = append(args, t.rest)
		}
	}
}

// returnsClaims reports whether e calls (or awaits) a function that
// returns a token's claims, with no argument that asks for the token.
func (a *analyser) returnsClaims(e js.IExpr) bool {
	c, ok := unwrap(e).(*js.CallExpr)
	if !ok {
		return false
	}
	ref, ok := a.resolveRef(c.X, 0)
	if !ok {
		return false
	}
	tokenArgs, ok := a.keys.claimCalls[ref]
	if !ok {
		return false
	}
	for _, p := range tokenArgs {
		// The argument a row names, followed as the key sinks' paths are.
		vals := a.argVals(c.Args.List, p[0], -1)
		for _, st := range p[1:] {
			vals = a.stepVals(vals, st)
		}
		for _, v := range vals {
			if a.truthy(v.e) {
				return false
			}
		}
	}
	return true
}

// notTokenValue reports an expression whose value is a boolean or a
// number: a comparison, a negation, typeof, a length, a literal.
func notTokenValue(e js.IExpr) bool {
	switch x := unwrap(e).(type) {
	case *js.UnaryExpr:
		switch x.Op {
		case js.NotToken, js.TypeofToken, js.NegToken, js.PosToken:
			return true
		}
	case *js.BinaryExpr:
		switch x.Op {
		case js.EqEqToken, js.NotEqToken, js.EqEqEqToken, js.NotEqEqToken, js.LtToken, js.GtToken,
			js.LtEqToken, js.GtEqToken, js.InstanceofToken, js.InToken, js.SubToken, js.MulToken, js.DivToken:
			return true
		}
	case *js.LiteralExpr:
		switch x.TokenType {
		case js.TrueToken, js.FalseToken, js.DecimalToken:
			return true
		}
	case *js.DotExpr:
		return propName(x) == "length"
	case *js.CallExpr:
		if v, ok := unwrap(x.X).(*js.Var); ok && root(v).Decl == js.NoDecl {
			switch string(v.Name()) {
			case "Boolean", "Number", "parseInt", "parseFloat":
				return true
			}
		}
	}
	return false
}
