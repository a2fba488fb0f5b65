package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/model"
)

// reads says which rows of the library models (package model) a rule
// consults: by section and kind, by api trait, by the role of an api
// row's parameters or value. docs/rules.md lists, for each rule, the
// libraries whose rows match, so the list of what a rule knows is
// generated from the models and never written by hand.
type reads struct {
	sources, sinks, summaries []string // kinds; "*" is any kind
	traits, roles             []string
	deprecated                bool // the files marked deprecated
	// flowLang, when set, limits sources and summaries to the rows of
	// one language: those of the flow that reads them.
	flowLang model.Language
}

// The Go flow of the token-* rules (internal/tokenmodel) knows a value is
// a credential from these, whatever it is called.
var credentialFlow = reads{
	sources: []string{"*"}, summaries: []string{"*"},
	traits:   []string{model.TraitNotCredential},
	flowLang: model.Go,
}

var ruleReads = map[string]reads{
	JWTNoneAlg: {
		traits: []string{model.TraitNoneAlg, model.TraitNoneKey, model.TraitAllowsNone, model.TraitAlgByName, model.TraitReturnsAlgName},
		roles:  []string{model.RoleAlg, model.RoleAlgNames, model.RoleAlgName},
	},
	JWTHardcodedKey: {
		roles: []string{model.RoleKey, model.RoleKeyfunc},
		sinks: []string{model.SinkJWTKey, model.SinkSessionSecret, model.SinkSecretKey, model.SinkClientSecret},
	},
	JWTUnverifiedParse: {
		traits: []string{model.TraitUnverified, model.TraitNoVerify, model.TraitVerifyOptional, model.TraitEnablesVerify,
			model.TraitClaimsOnError, model.TraitPayloadField, model.TraitClientSide},
		sources:  []string{model.SourceIssuedCredential},
		flowLang: model.Go,
	},
	JWTAlgNotPinned: {
		traits: []string{model.TraitParsesVerified, model.TraitPinsAlg, model.TraitInfersAlg, model.TraitNewParser},
		roles:  []string{model.RoleKeyfunc},
	},
	JWTMissingExp: {
		traits: []string{model.TraitNoValidate, model.TraitRequiresExp, model.TraitSignatureOnly, model.TraitValidatesTime,
			model.TraitVerifyOptional, model.TraitEnablesValidate, model.TraitClaimsMap, model.TraitClaimsStruct,
			model.TraitSetsExp, model.TraitNewBuilder, model.TraitSetsClaim, model.TraitBuildsToken, model.TraitZeroTimeSkipsExp, model.TraitReadsExp},
		roles: []string{model.RoleClaims, model.RoleExpiry},
	},
	JWTLongLifetime: {
		traits: []string{model.TraitSetsExp, model.TraitSetsClaim},
		roles:  []string{model.RoleLifetime, model.RoleLifetimeSeconds, model.RoleLifetimeMillis, model.RoleLifetimeSpan, model.RoleExpiry},
	},
	JWTDeprecatedLibrary: {deprecated: true},
	TokenInQuery: {
		sources: []string{model.SourceRequestQuery, model.SourceRequestForm},
		sinks:   []string{model.SinkURLQuery, model.SinkJWTToken},
		traits: []string{model.TraitReceivedRequest, model.TraitQueryValues, model.TraitEncodesQuery, model.TraitFormats,
			model.TraitBuildsRequest, model.TraitTestRequest, model.TraitSentRequest},
		roles: []string{model.RoleTokenLookup},
	},
	TokenOverHTTP: union(credentialFlow, reads{
		sinks:  []string{model.SinkRequestHeader, model.SinkRequestURL, model.SinkRequestBody},
		traits: []string{model.TraitBuildsRequest, model.TraitSendsRequest, model.TraitAuthenticatedClient, model.TraitTokenEndpoint},
	}),
	TokenCookieInsecure: union(credentialFlow, reads{
		sinks:  []string{model.SinkSetCookie, model.SinkRequestCookie},
		traits: []string{model.TraitCookie, model.TraitSetsCookie, model.TraitSameSiteNone},
	}),
	TokenLogged: union(credentialFlow, reads{
		sinks:  []string{model.SinkLog, model.SinkConsole},
		traits: []string{model.TraitStdStream, model.TraitReceivedRequest, model.TraitResponseWriter},
	}),
	TokenInWebStorage: {sinks: []string{model.SinkWebStorage}, traits: []string{model.TraitKeepsTokenInWebStorage}},
}

func union(a, b reads) reads {
	return reads{
		sources:    slices.Concat(a.sources, b.sources),
		sinks:      slices.Concat(a.sinks, b.sinks),
		summaries:  slices.Concat(a.summaries, b.summaries),
		traits:     slices.Concat(a.traits, b.traits),
		roles:      slices.Concat(a.roles, b.roles),
		deprecated: a.deprecated || b.deprecated,
		flowLang:   cmp.Or(a.flowLang, b.flowLang),
	}
}

func (r reads) match(row *model.Row) bool {
	kind := func(kinds []string) bool { return slices.Contains(kinds, "*") || slices.Contains(kinds, row.Kind) }
	switch row.Section {
	case model.SectionSource, model.SectionSummary:
		if r.flowLang != "" && row.File != nil && row.File.Language != r.flowLang {
			return false
		}
	}
	switch row.Section {
	case model.SectionSource:
		return kind(r.sources)
	case model.SectionSink:
		return kind(r.sinks)
	case model.SectionSummary:
		return kind(r.summaries)
	case model.SectionAPI:
		for _, t := range row.Traits {
			if slices.Contains(r.traits, t) {
				return true
			}
		}
		for _, p := range append(slices.Clone(row.Params), row.Value) {
			if p != "" && slices.Contains(r.roles, p) {
				return true
			}
		}
	}
	return false
}

// Library is a library a rule knows, from one model file.
type Library struct {
	Module   string
	Language model.Language
	Doc      string
	Checked  []string
	// Elements are the API elements the rule reads ("Logger.Info",
	// "NewRequest"), in model order; empty when the rule reads the
	// file as a whole (jwt-deprecated-library).
	Elements []string
	// Deprecated is the file's deprecation reason, if any.
	Deprecated string
}

// Libraries returns the libraries of the model set that rule id knows,
// ordered by language and module.
func Libraries(id string, s *model.Set) []Library {
	r, ok := ruleReads[id]
	if !ok {
		return nil
	}
	var out []Library
	for _, f := range s.Files() {
		lib := Library{Module: f.Module, Language: f.Language, Doc: f.Doc, Checked: f.Checked}
		if f.Deprecated != nil {
			lib.Deprecated = f.Deprecated.Reason
		}
		for _, row := range f.Rows() {
			if !r.match(row) {
				continue
			}
			for _, e := range elements(row) {
				if !slices.Contains(lib.Elements, e) {
					lib.Elements = append(lib.Elements, e)
				}
			}
		}
		if len(lib.Elements) > 0 || (r.deprecated && f.Deprecated != nil) {
			out = append(out, lib)
		}
	}
	return out
}

// elements names what a row describes as Go code writes it: F, T.M,
// T.Field; (any).M for a method of every type of the package; the access
// path for a JS row. A row of a subpackage says which.
func elements(r *model.Row) []string {
	if r.Path != "" {
		// The access path to the value the row is about: for a sink,
		// its input after the element (Member[sign].Argument[1]).
		if r.Input != "" && r.Input != string(model.OpValue) {
			return []string{r.Path + "." + r.Input}
		}
		return []string{r.Path}
	}
	prefix := ""
	if f := r.File; f != nil && r.Package != f.Module {
		// A subpackage's element: jwt.Parse of jwx, html.Token of x/net.
		prefix = strings.TrimPrefix(r.Package, f.Module+"/") + "."
	}
	var out []string
	for _, n := range r.Identifiers() {
		switch {
		case r.Type != "":
			out = append(out, fmt.Sprintf("%s%s.%s", prefix, r.Type, n))
		case r.GoObject() == model.Method:
			out = append(out, fmt.Sprintf("%s(any).%s", prefix, n))
		default:
			out = append(out, prefix+n)
		}
	}
	return out
}

// writeLibraries writes a rule's "Libraries this rule knows" section.
func writeLibraries(b *strings.Builder, id string, s *model.Set) {
	libs := Libraries(id, s)
	if len(libs) == 0 {
		return
	}
	b.WriteString("\n### Libraries this rule knows\n\n")
	b.WriteString("From the library models (`models/`, docs/models.md); `--models DIR` adds your own.\n\n")
	for _, l := range libs {
		switch {
		case l.Language == model.JS:
			// Access paths read as they are: grouping them at their last
			// dot would cut a path in two.
			fmt.Fprintf(b, "- `%s` (npm, %s): `%s`", l.Module, strings.Join(l.Checked, ", "), strings.Join(l.Elements, "`, `"))
		case len(l.Elements) > 0:
			fmt.Fprintf(b, "- `%s` (%s): %s", l.Module, strings.Join(l.Checked, ", "), grouped(l.Elements))
		case l.Deprecated != "":
			fmt.Fprintf(b, "- `%s` (%s): %s", l.Module, strings.Join(l.Checked, ", "), l.Deprecated)
		default:
			fmt.Fprintf(b, "- `%s` (%s)", l.Module, strings.Join(l.Checked, ", "))
		}
		b.WriteString("\n")
	}
}

// grouped writes elements with their owner (a type, a subpackage) once:
// "`Logger`: `Info`, `Error`; `String`".
func grouped(elements []string) string {
	var owners []string
	names := map[string][]string{}
	for _, e := range elements {
		owner, name := "", e
		if i := strings.LastIndex(e, "."); i >= 0 {
			owner, name = e[:i], e[i+1:]
		}
		if _, ok := names[owner]; !ok {
			owners = append(owners, owner)
		}
		names[owner] = append(names[owner], "`"+name+"`")
	}
	parts := make([]string, len(owners))
	for i, o := range owners {
		parts[i] = strings.Join(names[o], ", ")
		if o != "" {
			parts[i] = "`" + o + "`: " + parts[i]
		}
	}
	return strings.Join(parts, "; ")
}
