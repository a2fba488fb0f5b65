package rules

import (
	"net/url"
	"strings"
)

// A go/analysis Diagnostic has a Category (the rule id) but no severity.
// Most findings take their rule's default severity; a few variants of a
// rule are more or less severe (jwt-alg-not-pinned's HMAC-with-a-public-key
// case is an error, jwt-missing-exp's "exp not required" a note). Their
// analyzers set Diagnostic.URL to VariantURL(id, severity): the rule's help
// URI with a "severity" query parameter. go vet prints the URL as it is,
// and the scan reads the severity back with SeverityFromURL. Configuration
// (rules.<id>.severity) still overrides both.

// VariantURL is rule id's help URI marked with severity s.
func VariantURL(id string, s Severity) string {
	return DocsURL + "?severity=" + s.String() + "#" + id
}

// SeverityFromURL returns the severity a VariantURL carries.
func SeverityFromURL(u string) (Severity, bool) {
	if !strings.HasPrefix(u, DocsURL+"?") {
		return SeverityNone, false
	}
	p, err := url.Parse(u)
	if err != nil {
		return SeverityNone, false
	}
	s, err := ParseSeverity(p.Query().Get("severity"))
	if err != nil || s == SeverityNone {
		return SeverityNone, false
	}
	return s, true
}
