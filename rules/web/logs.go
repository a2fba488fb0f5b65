package web

import (
	"fmt"
	"slices"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// Rule token-logged in JavaScript, from the JS models' log sinks
// (models/js: winston, pino, bunyan, debug) and, in server code, the
// console: a token value (internal/tokenmodel: a variable, property or
// getter named like a token, or a template, concatenation or object that
// holds one) among the arguments a log call writes. Token metadata
// (tokenExpiry, token.length) is no token. The console is judged in
// browser code too: error trackers and session recorders (Sentry's
// console breadcrumbs, LogRocket, Datadog's browser logs) collect what a
// page prints and send it to a service, and anyone with the device, or an
// extension, reads it there.

// msgLogged is the Go analyzer's message (analyzers/tokenlogged).
const msgLogged = "token value %s written to a log: anyone who can read the logs can replay it; log an identifier or a hash of the token instead"

// consoleMethods are the console's methods that print their arguments.
var consoleMethods = map[string]bool{"log": true, "info": true, "warn": true, "error": true, "debug": true, "trace": true}

// addLogRows fills the spec's log sinks: the call, by its access path,
// and which of its arguments are written.
func (spec *keySpec) addLogRows(s *model.Set) {
	spec.logSinks = map[apiRef][]model.Step{}
	forArgumentSinks(s, model.SinkLog, func(_ *model.Row, ref apiRef, in model.Step) {
		spec.logSinks[ref] = append(spec.logSinks[ref], in)
	})
}

// forArgumentSinks calls f for each JS sink row of kind whose input is
// an argument of the call the row's path names, with the call and the
// argument step. Rows of another shape are not this engine's to follow.
func forArgumentSinks(s *model.Set, kind string, f func(r *model.Row, call apiRef, in model.Step)) {
	for _, r := range s.Rows(model.JS, model.SectionSink) {
		if r.Kind != kind {
			continue
		}
		p, err := model.ParsePath(r.Path)
		in, err2 := model.ParsePath(r.Input)
		if err != nil || err2 != nil || len(in) != 1 || in[0].Op != model.OpArgument {
			continue
		}
		f(r, apiRef{r.Package, p.String()}, in[0])
	}
}

// logCall checks a call against the log sinks and the console.
func (a *analyser) logCall(callee js.IExpr, ref apiRef, resolved bool, args []js.Arg) {
	var written []model.Step
	if d, ok := unwrap(callee).(*js.DotExpr); ok && consoleMethods[propName(d)] {
		if v, ok := unwrap(d.X).(*js.Var); ok && root(v).Decl == js.NoDecl && string(v.Name()) == "console" {
			written = []model.Step{{Op: model.OpArgument, Lo: 0, Hi: -1}}
		}
	}
	if written == nil && resolved {
		written = a.keys.logSinks[ref]
	}
	if len(written) == 0 {
		return
	}
	for i, arg := range args {
		if arg.Rest || !slices.ContainsFunc(written, func(s model.Step) bool { return s.Selects(i) }) {
			continue
		}
		if !a.isTokenValue(arg.Value) {
			continue
		}
		off, l := a.calleePos(callee)
		a.report(rules.TokenLogged, off, l, fmt.Sprintf(msgLogged, a.tokenWhat(arg.Value, 0)))
		return
	}
}

// tokenWhat names the token a logged value holds, for the message: the
// variable or property itself, the one inside a template, concatenation
// or object (as its property's name).
func (a *analyser) tokenWhat(e js.IExpr, depth int) string {
	if depth < maxKeyDepth {
		switch x := unwrap(e).(type) {
		case *js.TemplateExpr:
			for _, p := range x.List {
				if a.isTokenValue(p.Expr) {
					return a.tokenWhat(p.Expr, depth+1)
				}
			}
		case *js.BinaryExpr:
			if a.isTokenValue(x.X) {
				return a.tokenWhat(x.X, depth+1)
			}
			return a.tokenWhat(x.Y, depth+1)
		case *js.CondExpr:
			if a.isTokenValue(x.X) {
				return a.tokenWhat(x.X, depth+1)
			}
			return a.tokenWhat(x.Y, depth+1)
		case *js.ObjectExpr:
			for _, p := range x.List {
				if p.Name != nil && !p.Name.IsComputed() && a.tokenName(unquote(p.Name.Literal.Data)) {
					return unquote(p.Name.Literal.Data)
				}
				if p.Name == nil && !p.Spread && a.isTokenValue(p.Value) {
					return a.tokenWhat(p.Value, depth+1)
				}
			}
		}
	}
	return describe(e)
}
