package secrets

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/tokenvet/tokenvet/rules"
)

// Types returns the secret types the scanner can report, one per rule of
// its rule set (user rules included), sorted by id. Rules that only serve
// other rules (gitleaks' skipReport) report nothing and are left out.
func (s *Scanner) Types() []*rules.SecretType {
	s.typesOnce.Do(func() {
		for _, id := range slices.Sorted(maps.Keys(s.d.Config.Rules)) {
			r := s.d.Config.Rules[id]
			if r.SkipReport {
				continue
			}
			t := &rules.SecretType{
				ID:          id,
				Name:        typeName(id, r.Description),
				Description: r.Description,
				Tags:        slices.Clone(r.Tags),
			}
			if a, ok := adviceFor(id); ok {
				t.Revoke, t.EnvVar = a.revoke, a.env
			}
			s.types = append(s.types, t)
		}
	})
	return s.types
}

// typeName is a rule's description as a noun phrase, for titles:
// gitleaks writes sentences ("Uncovered a GitHub Personal Access Token,
// potentially …"), tokenvet noun phrases ("opaque bearer token"). A
// description that describes the product instead ("Sourcegraph is a code
// search …") gives a name made from the id.
func typeName(id, desc string) string {
	d := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(desc), "."))
	for _, p := range []string{"Identified a pattern that may indicate ", "Detected a pattern that resembles ", "Detected a pattern that may indicate "} {
		d = strings.TrimPrefix(d, p)
	}
	d = shortenName(d)
	for _, p := range []string{"pattern resembling a ", "possible ", "potential ", "an ", "a "} {
		if len(d) > len(p) && strings.EqualFold(d[:len(p)], p) {
			d = d[len(p):]
		}
	}
	d = strings.TrimSuffix(d, " detected")
	d = strings.Join(strings.Fields(d), " ")
	if d == "" || strings.Contains(d, " is a ") || strings.Contains(d, " is an ") {
		return idName(id)
	}
	return strings.ToUpper(d[:1]) + d[1:]
}

// shortenName is shorten, without cutting inside parentheses ("bearer
// token in an API client export (Postman, Insomnia)").
func shortenName(d string) string {
	if open := strings.IndexByte(d, '('); open >= 0 {
		if end := strings.IndexByte(d[open:], ')'); end >= 0 && !strings.ContainsAny(d[:open], ",;") {
			rest := shorten(d[open+end+1:])
			if strings.TrimSpace(rest) == "" || strings.HasPrefix(d[open+end+1:], ",") {
				return strings.TrimSpace(shorten(d[:open]) + " " + d[open:open+end+1])
			}
		}
	}
	return shorten(d)
}

// idName spells a rule id as words, capitalising the product's name:
// "cisco-meraki-api-key" gives "Cisco Meraki API key".
func idName(id string) string {
	words := strings.FieldsFunc(strings.TrimPrefix(id, "tokenvet-"), func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		switch lw := strings.ToLower(w); lw {
		case "api", "id", "pat", "jwt", "url", "aws", "gcp", "sdk", "ssh", "pgp", "ca":
			words[i] = strings.ToUpper(lw)
		case "oauth":
			words[i] = "OAuth"
		case "key", "token", "secret", "access", "client", "private", "public", "refresh", "service", "account", "password", "webhook", "app":
			// generic nouns stay lower-case: product names are the rest
		default:
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// advice is what to do about one family of credentials.
type advice struct {
	revoke string // Markdown
	env    string // conventional environment variable
}

// adviceFor returns the revocation advice of a rule id, matched on the
// longest id prefix in the table. Families not in it get advice that
// holds for any provider (rules.SecretType.Revoke empty).
func adviceFor(id string) (advice, bool) {
	best := ""
	for p := range adviceByPrefix {
		if strings.HasPrefix(id, p) && len(p) > len(best) {
			best = p
		}
	}
	a, ok := adviceByPrefix[best]
	return a, ok
}

// adviceByPrefix covers the providers and token kinds most often found
// in repositories; each entry says where the credential is revoked.
var adviceByPrefix = map[string]advice{
	"github-": {
		revoke: "Revoke it in GitHub: personal access tokens under [Settings → Developer settings → Personal access tokens](https://github.com/settings/tokens), OAuth and GitHub App tokens in the app's settings (or with the `DELETE /applications/{client_id}/token` API). Prefer the workflow's short-lived `GITHUB_TOKEN` or a GitHub App installation token to a personal token.",
		env:    "GH_TOKEN",
	},
	"gitlab-": {
		revoke: "Revoke it in GitLab under *User settings → Access tokens* (or the project's or group's *Settings → Access tokens*; runner and deploy tokens in *Settings → CI/CD* and *Repository*), then create a new token with the narrowest scope.",
		env:    "GITLAB_TOKEN",
	},
	"aws": {
		revoke: "Deactivate and delete the access key in IAM (`aws iam update-access-key --status Inactive`, then `aws iam delete-access-key`), review CloudTrail for its use, and prefer roles (instance profiles, IRSA, OIDC federation from CI) to long-lived keys.",
		env:    "AWS_SECRET_ACCESS_KEY",
	},
	"slack-": {
		revoke: "Revoke it in the app's settings at [api.slack.com/apps](https://api.slack.com/apps) (*OAuth & Permissions → Revoke tokens*, or remove the incoming webhook), or with the `auth.revoke` API, then reinstall the app for a new token.",
		env:    "SLACK_TOKEN",
	},
	"stripe-": {
		revoke: "Roll the key in the Stripe Dashboard under *Developers → API keys* (rolling expires the old key), and use restricted keys with the permissions the code needs.",
		env:    "STRIPE_SECRET_KEY",
	},
	"gcp-": {
		revoke: "Delete or regenerate the key in the Google Cloud console under *APIs & Services → Credentials* (service account keys under *IAM → Service accounts → Keys*), and add API and application restrictions to the new one; prefer workload identity to key files.",
		env:    "GOOGLE_API_KEY",
	},
	"openai-": {
		revoke: "Revoke the key at [platform.openai.com/api-keys](https://platform.openai.com/api-keys) and create a project-scoped one.",
		env:    "OPENAI_API_KEY",
	},
	"anthropic-": {
		revoke: "Disable and delete the key in the Anthropic Console under *API keys*, then create a new one.",
		env:    "ANTHROPIC_API_KEY",
	},
	"npm-": {
		revoke: "Revoke it with `npm token revoke <id>` (`npm token list` shows the ids) or on npmjs.com under *Access Tokens*; use granular tokens limited to the packages CI publishes.",
		env:    "NPM_TOKEN",
	},
	"private-key": {
		revoke: "Treat the key pair as compromised: generate a new one, remove the old public key from every place that trusts it (`authorized_keys`, deploy keys, the certificate authority), and revoke any certificate issued for it.",
		env:    "PRIVATE_KEY_FILE",
	},
	"tokenvet-base64-private-key": {
		revoke: "Treat the key pair as compromised: generate a new one, remove the old public key from every place that trusts it, and revoke any certificate issued for it. In Kubernetes, keep the key in a Secret created outside the repository (sealed-secrets, external-secrets, the cloud's secret manager).",
		env:    "TLS_KEY_FILE",
	},
	"jwt": {
		revoke: "A JWT stays valid until it expires, whatever happens to the repository: revoke the session or refresh token it belongs to with its issuer, and if it never expires (no `exp`), rotate the key that signed it so that every token signed with that key is rejected.",
		env:    "API_TOKEN",
	},
	"tokenvet-bearer-token": {
		revoke: "Revoke the token with the service that issued it: its console, its token revocation endpoint ([RFC 7009](https://www.rfc-editor.org/rfc/rfc7009)) or by ending the session it belongs to.",
		env:    "API_TOKEN",
	},
	"tokenvet-authorization-token": {
		revoke: "Revoke the token or API key with the service that issued it (its console or API), then issue a new one.",
		env:    "API_TOKEN",
	},
	"tokenvet-api-client-export-token": {
		revoke: "Revoke the token with the service it was issued for, then remove it from the collection or environment export: Postman and Insomnia keep secrets in environment variables that are not exported (`{{token}}`).",
		env:    "API_TOKEN",
	},
	"tokenvet-oauth-credential": {
		revoke: "Rotate the client secret in the identity provider's application settings (most allow two secrets at once, so clients can move over), and revoke leaked refresh and access tokens at its revocation endpoint ([RFC 7009](https://www.rfc-editor.org/rfc/rfc7009)).",
		env:    "OAUTH_CLIENT_SECRET",
	},
	"tokenvet-credential-name": {
		revoke: "Find which service the credential belongs to, revoke or rotate it there, and check that service's logs for use since it was committed.",
		env:    "CREDENTIALS",
	},
	"generic-api-key": {
		revoke: "Find which service the key belongs to (the name next to it usually says), revoke or rotate it there, and check that service's logs for use since it was committed.",
		env:    "API_KEY",
	},
}

// typesCache is the lazily built list behind Scanner.Types.
type typesCache struct {
	typesOnce sync.Once
	types     []*rules.SecretType
}
