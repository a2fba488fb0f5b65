// Package tokenoverhttp implements rule token-over-http: a credential sent
// to a constant http:// URL whose host is not a loopback address.
//
// Within one function it follows an *http.Request made by
// http.NewRequest or http.NewRequestWithContext with a constant http://
// URL (or a concatenation starting with one), and reports it when the
// function sets a credential on it: an Authorization, Proxy-Authorization
// or token-named header (Header.Set, Header.Add), or SetBasicAuth; or
// when it is sent with an oauth2 client. Requests made by an oauth2
// client (Config.Client, oauth2.NewClient, clientcredentials) to such a
// URL with Get, Post, Head or PostForm are reported too, as is an
// oauth2.Endpoint whose TokenURL is one (the client secret and the
// tokens travel there).
//
// Loopback hosts (localhost, *.localhost, 127.0.0.0/8, ::1) and the
// unspecified address 0.0.0.0 never leave the machine, link-local
// addresses (169.254.0.0/16, fe80::/10, and GCE's metadata.google.internal,
// where cloud instance metadata is served over http only) never cross a
// router; neither is reported. Nor are names reserved for examples and
// tests (example.com, example.net, example.org, *.example, *.test,
// *.invalid; RFC 2606 and 6761), which reach no server. A URL not written
// where it is used is judged by the constants the flow core (flow/goflow)
// finds at its start: a base URL from a configuration default
// (Config{CodeAPI: "http://…"} read as conf.CodeAPI + "/code") is
// plaintext if one of its defaults is. URLs built from values only a
// caller or the environment knows are not judged.
package tokenoverhttp
