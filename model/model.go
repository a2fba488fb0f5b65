// Package model is tokenvet's library knowledge as data: the schema of the
// model files under models/ (and of the user's own, --models DIR), their
// loader and an index the analyzers and the JS engine query.
//
// A model file describes one library (a Go module or an npm package):
// where credentials come from (sources), where they must not go (sinks),
// what makes them harmless (sanitizers), how values pass through its calls
// (summaries) and what its API means for token security (api traits: the
// none algorithm, a parse that does not verify, an option that pins the
// algorithm). Rows name API elements by package, type and name (Go) or by
// an access path from the package root (JS), in the vocabulary of CodeQL's
// models-as-data, so that their published models read as references:
// Argument[n], Argument[n..], Argument[receiver], ReturnValue, Member[f],
// ArrayElement, MapValue, Parameter[n].
//
// The schema and its vocabulary are documented in docs/models.md; Validate
// enforces them, and unknown keys are errors naming the file and line.
package model

import (
	"fmt"
	"slices"
	"strings"
)

// Language is what a model file describes.
type Language string

// Languages.
const (
	Go Language = "go"
	JS Language = "js"
)

// File is one model file: what tokenvet knows about one library.
type File struct {
	// Language is "go" or "js".
	Language Language `yaml:"language"`
	// Module is the Go module path or the npm package name.
	Module string `yaml:"module"`
	// Doc says in a sentence what the library is, for docs/rules.md.
	Doc string `yaml:"doc,omitempty"`
	// Checked lists the versions the rows were checked against (read in
	// the library's source or reference documentation).
	Checked []string `yaml:"checked"`
	// Packages are the import paths (Go) or module specifiers (JS,
	// "jsonwebtoken", "jose/jwt/verify") whose elements the rows
	// describe. Empty means just Module.
	Packages []string `yaml:"packages,omitempty"`
	// Family groups libraries that share one API shape whatever their
	// path or major version (golang-jwt covers dgrijalva's and
	// form3tech's forks); analyzers use it where behaviour differs by
	// family, never to name a library.
	Family string `yaml:"family,omitempty"`
	// Major is the major version the file describes (0 for modules that
	// never tagged v1).
	Major int `yaml:"major,omitempty"`
	// Deprecated, when set, says the library is unmaintained or has
	// advisories without a fix (rule jwt-deprecated-library).
	Deprecated *Deprecation `yaml:"deprecated,omitempty"`
	// ExpCheck names, for messages, the call that validates exp where the
	// library leaves that to the caller ("claims.Validate(...)").
	ExpCheck string `yaml:"exp-check,omitempty"`

	Sources    []*Row `yaml:"sources,omitempty"`
	Sinks      []*Row `yaml:"sinks,omitempty"`
	Sanitizers []*Row `yaml:"sanitizers,omitempty"`
	Summaries  []*Row `yaml:"summaries,omitempty"`
	API        []*Row `yaml:"api,omitempty"`

	// Path is where the file was read from ("models/go/x.yml" for an
	// embedded one); set by the loader.
	Path string `yaml:"-"`
}

// Deprecation describes an unmaintained library and its replacement.
type Deprecation struct {
	// Reason is a message fragment: the advisory and the maintained
	// replacement ("unmaintained since 2020, CVE-2020-26160 unfixed; use
	// github.com/golang-jwt/jwt/v4 or v5").
	Reason string `yaml:"reason"`
	// Replacement is the import path that replaces Module in a mechanical
	// rewrite when the replacement keeps the API; empty if moving needs
	// code changes.
	Replacement string `yaml:"replacement,omitempty"`
	// Compatible lists the package-level names whose meaning Replacement
	// keeps, so that a file using only these can switch by rewriting its
	// import path.
	Compatible []string `yaml:"compatible,omitempty"`
}

// Section is which list of a File a row is in.
type Section string

// Sections.
const (
	SectionSource    Section = "source"
	SectionSink      Section = "sink"
	SectionSanitizer Section = "sanitizer"
	SectionSummary   Section = "summary"
	SectionAPI       Section = "api"
)

// Object is the kind of Go object a row names.
type Object string

// Go objects.
const (
	Func   Object = "func"   // package-level function
	Method Object = "method" // method, also of an interface
	Field  Object = "field"  // struct field
	Var    Object = "var"    // package-level variable
	Const  Object = "const"  // package-level constant
	Type   Object = "type"   // named type; calling it is a conversion
)

// Row is one modelled API element and what it means.
//
// Go rows name the element by Package, Type and Name (or Names); JS rows
// by Package and Path, an access path from the value the package exports
// ("Member[sign]", "Argument[0].Member[cookie]", "Member[Cookies].Instance.Member[set]").
type Row struct {
	// Package is the Go import path or the JS module specifier. Empty
	// means the file's only package.
	Package string `yaml:"package,omitempty"`
	// Type is, for a Go method or field, the receiver or struct type
	// name without '*'. Empty for package-level elements; for a method,
	// empty also matches a method of that name on any type of Package
	// (used where every implementation of an interface means the same).
	Type string `yaml:"type,omitempty"`
	// Subtypes makes a method row of an interface type also describe the
	// methods of the package's types that implement it.
	Subtypes bool `yaml:"subtypes,omitempty"`
	// Name is the Go identifier; Names lists several that mean the same
	// (Info, Infof, Infoln). Exactly one of them is set for Go rows.
	Name  string   `yaml:"name,omitempty"`
	Names []string `yaml:"names,omitempty"`
	// Object is the Go object kind. It may be left out where Type and the
	// section make it plain: a row with a Type is a method, one without
	// is a function.
	Object Object `yaml:"object,omitempty"`
	// Path is the JS access path from the package's export.
	Path string `yaml:"path,omitempty"`

	// Input is the access path, relative to the element, of the value a
	// sink consumes, a sanitizer cleans or a summary reads:
	// "Argument[1]", "Argument[0..]", "Argument[receiver]".
	Input string `yaml:"input,omitempty"`
	// Output is where a source's or summary's value comes out:
	// "ReturnValue", "ReturnValue[0]", "Argument[0]" (filled in by the
	// call), or, for a field row, "Value".
	Output string `yaml:"output,omitempty"`
	// Kind is the source, sink, sanitizer or summary kind (see Kinds).
	Kind string `yaml:"kind,omitempty"`

	// Key, when set, is the access path of an argument whose constant
	// value decides whether the row applies, judged as KeyIs says:
	// Header.Get(Argument[0]) is a credential source only for
	// "Authorization"; url.Values.Get only for a token-named parameter.
	Key   string `yaml:"key,omitempty"`
	KeyIs string `yaml:"key-is,omitempty"`
	// Label is the access path of the argument naming what a sink logs
	// or stores the value under (zap.String's key), so that a rule can
	// tell a token from, say, a token's type.
	Label string `yaml:"label,omitempty"`

	// Traits are an api row's facts (see Traits).
	Traits []string `yaml:"traits,omitempty"`
	// Params gives, for an api row of a function, method or conversion,
	// the role of each argument by position (see Roles); missing trailing
	// entries are "other", and a last "options" is variadic.
	Params []string `yaml:"params,omitempty"`
	// Value is the role of a variable's, constant's or field's value, or
	// of a function's result.
	Value string `yaml:"value,omitempty"`
	// If says when a conditional trait (no-verify, no-validate,
	// infers-alg, enables-validate) takes effect: "always" (the default),
	// "if-true" or "if-false", by the boolean argument or field value.
	If string `yaml:"if,omitempty"`

	// Note says why the row is there, or what it was checked against.
	Note string `yaml:"note,omitempty"`

	// Section and File are set by the loader.
	Section Section `yaml:"-"`
	File    *File   `yaml:"-"`
	// Line is the row's line in its file, for messages.
	Line int `yaml:"-"`
}

// Identifiers returns the Go names the row describes.
func (r *Row) Identifiers() []string {
	if r.Name != "" {
		return []string{r.Name}
	}
	return r.Names
}

// GoObject is the row's Go object kind, with the default filled in.
func (r *Row) GoObject() Object {
	if r.Object != "" {
		return r.Object
	}
	if r.Type != "" {
		return Method
	}
	return Func
}

// Has reports whether the row has trait t.
func (r *Row) Has(t string) bool { return slices.Contains(r.Traits, t) }

// Param returns the role of argument i (0-based): "other" if the row says
// nothing, and "options" past the end when the last parameter is the
// variadic options.
func (r *Row) Param(i int) string {
	if i < 0 || len(r.Params) == 0 {
		return RoleOther
	}
	if i >= len(r.Params) {
		if last := r.Params[len(r.Params)-1]; last == RoleOptions {
			return RoleOptions
		}
		return RoleOther
	}
	return r.Params[i]
}

// ParamIndex is the position of the first argument with role, or -1.
func (r *Row) ParamIndex(role string) int { return slices.Index(r.Params, role) }

// Where names the row for messages: "models/go/log.yml:12".
func (r *Row) Where() string {
	if r.File == nil {
		return fmt.Sprintf("line %d", r.Line)
	}
	return fmt.Sprintf("%s:%d", r.File.Path, r.Line)
}

// String describes the element: "log.Printf", "(net/http.Header).Get",
// "jsonwebtoken Member[verify]".
func (r *Row) String() string {
	if r.Path != "" {
		return r.Package + " " + r.Path
	}
	name := strings.Join(r.Identifiers(), "|")
	if r.Type != "" {
		return fmt.Sprintf("(%s.%s).%s", r.Package, r.Type, name)
	}
	return r.Package + "." + name
}
