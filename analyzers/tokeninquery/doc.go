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
// A url.Values value that carries a signature is not reported: part of it
// passed a one-way digest (a sanitizer of kind hash: an HMAC's Sum,
// sha256.Sum256) and none of it is a credential a model knows. A signed
// URL's signature proves the key without revealing it; what travels
// beside it is the key's public id.
//
// Server side, reading a token-like parameter from the query of a request
// the program received: URL.Query().Get, Request.FormValue (which reads
// the query too), Request.Form.Get, gin's Query, DefaultQuery and
// GetQuery, echo's QueryParam, fiber's Query. Query reads of a URL the
// program parsed itself (a link from an API response, a redirect's
// Location), of a response's Request and of a request it built with
// http.NewRequest authenticate nobody and are not reported.
//
// A query read with any other name is reported when its value reaches the
// raw-token argument of a JWT library's parse (jwt.Parse, ParseSigned,
// ParseUnverified: a jwt-token sink, derived from the api rows), directly
// or through the package's functions, as the flow core (flow/goflow)
// follows it: the value is a bearer token by what the program does with
// it. Without type information the read is recognised by the declared
// type of the request (r *http.Request) and its URL field's source row.
// A middleware configured to look for tokens in the query (a token-lookup
// field, gin-jwt's and gf-jwt's TokenLookup, with a "query:" entry) is
// reported too.
//
// Not reported: a read that is only tested for presence (compared with
// "", or its len with 0 or 1: code that rejects query tokens or asks
// whether a request has one), PostForm, PostFormValue and request bodies (RFC 6750
// allows the form body), FormValue and Form.Get reads that are one field
// of a struct literal bound from three or more form fields (a submitted
// settings or signup form), such reads in OAuth's POST endpoints (a
// function that also reads grant_type, client_assertion_type or
// token_type_hint: RFC 6749, 7521, 7662 put those parameters in a form
// body), OAuth's code and state parameters, ordinary
// parameters, and pagination or change-feed cursors named token
// (next_token, page_token, a delta token). Key names are judged by internal/tokenmodel (extendable
// with -names or .tokenvet.yml tokens.names).
//
// Matching is on resolved objects; when a package does not type-check,
// package-level functions still resolve through the file's imports, while
// methods of values of unknown type (url.Values.Set on a variable) are
// not matched.
package tokeninquery
