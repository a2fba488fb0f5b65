package model

import "fmt"

// keySinks derives the jwt-key sink rows of a JWT library's api row: an
// argument whose role is key (Argument[i]), what a keyfunc argument
// returns (Argument[i].ReturnValue[0]), and a field whose value is a key
// (Value). The api rows already say where a library takes its key; a
// second list of sinks would have to be kept in step with them by hand.
// The none-alg "key" (golang-jwt's UnsafeAllowNoneSignatureType) is a
// constant, not a place a key enters, and yields nothing.
//
// An argument whose role is raw-token yields a jwt-token sink: where an
// encoded token enters a parse, so that a rule can ask where the tokens a
// program parses come from (a request's query).
func keySinks(r *Row) []*Row {
	if r.Section != SectionAPI || r.Has(TraitNoneKey) {
		return nil
	}
	derive := func(input string, kind ...string) *Row {
		k := SinkJWTKey
		if len(kind) > 0 {
			k = kind[0]
		}
		return &Row{Package: r.Package, Type: r.Type, Subtypes: r.Subtypes, Name: r.Name, Names: r.Names,
			Object: r.GoObject(), Input: input, Kind: k, Section: SectionSink, File: r.File, Line: r.Line,
			Note: "derived from the api row at line " + fmt.Sprint(r.Line)}
	}
	var out []*Row
	switch r.GoObject() {
	case Field:
		if r.Value == RoleKey {
			out = append(out, derive("Value"))
		}
	case Func, Method:
		for i, p := range r.Params {
			switch p {
			case RoleKey:
				out = append(out, derive(fmt.Sprintf("Argument[%d]", i)))
			case RoleKeyfunc:
				out = append(out, derive(fmt.Sprintf("Argument[%d].ReturnValue[0]", i)))
			case RoleRawToken:
				out = append(out, derive(fmt.Sprintf("Argument[%d]", i), SinkJWTToken))
			}
		}
	}
	return out
}
