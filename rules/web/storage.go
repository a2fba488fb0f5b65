package web

import (
	"fmt"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Rule token-in-web-storage from the JS models, beside the engine's own
// reading of localStorage and sessionStorage (analyse.go):
//   - sink rows of kind web-storage (localforage.setItem): the value
//     written is a token, or the key it is written under names one and
//     the value is no literal;
//   - api rows with the trait keeps-token-in-web-storage: a client or
//     store made this way keeps the session's token in the browser's
//     storage whatever it is called (PocketBase's LocalAuthStore).

// storageSink is a modelled call that writes to browser storage: which
// argument is written, and which names the entry (-1: none).
type storageSink struct {
	value model.Step
	key   int
}

// msgKeepsToken says what a keeps-token-in-web-storage call does.
const msgKeepsToken = "token kept in browser storage by %s: any script on the page, including injected ones, can read and send it; keep it in memory or an HttpOnly cookie"

// addStorageRows fills the spec's web-storage sinks and the calls that
// keep a token in web storage.
func (spec *keySpec) addStorageRows(s *model.Set) {
	spec.storageSinks = map[apiRef][]storageSink{}
	spec.keepsToken = map[apiRef]*model.Row{}
	forArgumentSinks(s, model.SinkWebStorage, func(r *model.Row, ref apiRef, in model.Step) {
		key := -1
		if k, err := model.ParsePath(r.Key); err == nil && r.KeyIs == model.KeyTokenName && len(k) == 1 && k[0].Op == model.OpArgument && k[0].Lo == k[0].Hi {
			key = k[0].Lo
		}
		spec.storageSinks[ref] = append(spec.storageSinks[ref], storageSink{value: in, key: key})
	})
	for _, r := range s.Rows(model.JS, model.SectionAPI) {
		if !r.Has(model.TraitKeepsTokenInWebStorage) {
			continue
		}
		if ref, rest, ok := apiPath(r); ok && rest == nil {
			spec.keepsToken[ref] = r
		}
	}
}

// storageCall checks a call (or construction) against the web-storage
// sinks and the calls that keep a token in web storage.
func (a *analyser) storageCall(callee js.IExpr, ref apiRef, resolved bool, args []js.Arg, isNew bool) {
	if !resolved {
		return
	}
	name := newPrefix(isNew) + calleeText(callee)
	if a.keys.keepsToken[ref] != nil {
		off, l := a.calleePos(callee)
		a.report(rules.TokenInWebStorage, off, l, fmt.Sprintf(msgKeepsToken, name))
		return
	}
	for _, s := range a.keys.storageSinks[ref] {
		for i, arg := range args {
			if arg.Rest {
				break // positions after a spread are unknown
			}
			if !s.value.Selects(i) {
				continue
			}
			named := s.key >= 0 && s.key < len(args) && !args[s.key].Rest && a.isTokenKey(args[s.key].Value) && !a.notCredentialKey(args[s.key].Value)
			if !(named && !a.isLiteral(arg.Value)) && !a.isTokenValue(arg.Value) {
				continue
			}
			off, l := a.calleePos(callee)
			a.report(rules.TokenInWebStorage, off, l, fmt.Sprintf(msgStorage, "browser storage", name))
			return
		}
	}
}
