// Package tokeninquery implements rule token-in-query: a token put into a
// URL's query string, or read from one to authenticate.
//
// Client side, it reports:
//   - url.Values (literals, Set and Add) with a token-like key whose
//     Encode() becomes a query: assigned to URL.RawQuery, set as RawQuery in
//     a url.URL literal, or appended to a string after "?";
//   - string concatenation and fmt.Sprintf writing "?access_token=",
//     "&token=" and the like before a non-constant value.
//
// Server side, reading a token-like parameter from the query:
// URL.Query().Get, Request.FormValue (which reads the query too),
// Request.Form.Get, gin's Query, DefaultQuery and GetQuery, echo's
// QueryParam, fiber's Query.
//
// Not reported: PostForm, PostFormValue and request bodies (RFC 6750
// allows the form body), FormValue and Form.Get reads that are one field
// of a struct literal bound from three or more form fields (a submitted
// settings or signup form), OAuth's code and state parameters, ordinary
// parameters. Key names are judged by internal/tokenmodel (extendable
// with -names or .tokenvet.yml tokens.names).
//
// Matching is on resolved objects; when a package does not type-check,
// package-level functions still resolve through the file's imports, while
// methods of values of unknown type (url.Values.Set on a variable) are
// not matched.
package tokeninquery
