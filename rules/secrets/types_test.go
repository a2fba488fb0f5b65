package secrets

import (
	"strings"
	"testing"
)

func TestTypes(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, typ := range s.Types() {
		byID[typ.ID] = i
		if typ.Name == "" || strings.Contains(typ.Name, " is a ") || strings.HasPrefix(typ.Name, "Pattern") {
			t.Errorf("%s: name %q is not a noun phrase", typ.ID, typ.Name)
		}
	}
	if len(byID) != s.Rules() {
		t.Errorf("%d types for %d rules", len(byID), s.Rules())
	}
	pat := s.Types()[byID["github-pat"]]
	if pat.Name != "GitHub Personal Access Token" || !strings.Contains(pat.Revoke, "github.com/settings/tokens") {
		t.Errorf("github-pat: %+v", pat)
	}
	if bearer := s.Types()[byID["tokenvet-bearer-token"]]; bearer.Name != "Opaque bearer token" || bearer.Revoke == "" {
		t.Errorf("tokenvet-bearer-token: %+v", bearer)
	}

	user, err := Parse("extra.toml", "[[rules]]\nid = \"acme-partner-key\"\ndescription = \"Acme partner API key\"\nregex = '''acme_[a-z0-9]{32}'''\n")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, typ := range user.Types() {
		found = found || typ.ID == "acme-partner-key" && typ.Name == "Acme partner API key"
	}
	if !found {
		t.Error("a user rule is not a type")
	}
}

func TestTypeNameFromID(t *testing.T) {
	for desc, want := range map[string]string{
		"Cisco Meraki is a cloud-managed IT solution that provides networking.": "Cisco Meraki API key",
		"Identified a pattern that may indicate AWS credentials, risking …":     "AWS credentials",
		"bearer token in an API client export (Postman, Insomnia)":              "Bearer token in an API client export (Postman, Insomnia)",
		"": "Cisco Meraki API key",
	} {
		if got := typeName("cisco-meraki-api-key", desc); got != want {
			t.Errorf("typeName(%q) = %q, want %q", desc, got, want)
		}
	}
}
