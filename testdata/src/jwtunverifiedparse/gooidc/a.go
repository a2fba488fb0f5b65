package gooidc

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

func insecure(ctx context.Context, p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "app", InsecureSkipSignatureCheck: true}) // want `JWT signature verification turned off \(InsecureSkipSignatureCheck\)`
}

func assigned(cfg *oidc.Config) {
	cfg.InsecureSkipSignatureCheck = true // want `JWT signature verification turned off`
}

// Not findings below.

func secure(p *oidc.Provider, debug bool) {
	_ = p.Verifier(&oidc.Config{ClientID: "app"})
	_ = p.Verifier(&oidc.Config{ClientID: "app", InsecureSkipSignatureCheck: false})
	_ = p.Verifier(&oidc.Config{ClientID: "app", InsecureSkipSignatureCheck: debug}) // not a constant: unknown
}
