package gooidc

import "github.com/coreos/go-oidc/v3/oidc"

func skip(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "app", SkipExpiryCheck: true}) // want `JWT expiry check turned off \(SkipExpiryCheck\)`
}

// Not a finding.
func fine(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "app", SkipClientIDCheck: true})
}
