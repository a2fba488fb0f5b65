package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// A secret type is one rule of the secret scanner's rule set (gitleaks'
// defaults, tokenvet's own, a user's TOML): "github-pat", "jwt",
// "tokenvet-bearer-token". Findings of every type keep the public rule id
// hardcoded-token, so suppressions, baselines and fingerprints do not
// depend on which of the overlapping rules won a match; the type is a
// finer id below it, "hardcoded-token/github-pat", which --enable,
// --disable and .tokenvet.yml accept and SARIF gives a descriptor of its
// own so that code scanning can filter and dismiss by type.

// SecretType describes one secret type. The scanner that knows the type
// fills it in (rules/secrets); this package only turns it into ids and
// help text, next to the catalogue those are part of.
type SecretType struct {
	// ID is the scanner rule's id, as in its TOML ("github-pat").
	ID string
	// Name is a noun phrase for what leaked ("GitHub Personal Access
	// Token"), for titles and SARIF shortDescription.
	Name string
	// Description is the rule's description as its rule file gives it.
	Description string
	// Revoke says in Markdown how to revoke or rotate this kind of
	// credential; empty gives advice that holds for any provider.
	Revoke string
	// EnvVar is the environment variable name the help suggests
	// ("GITHUB_TOKEN").
	EnvVar string
	// Tags are the rule's tags in its TOML (gitleaks' "bearer", "oauth").
	Tags []string
}

// secretTypeID is what a gitleaks-format rule id may look like in a
// hardcoded-token/<type> id: tokenvet's ids and gitleaks' are lower-case
// kebab-case, but user TOML files use underscores and capitals too.
var secretTypeID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// SecretRuleID is the id of secret type typ: "hardcoded-token/" + typ.
func SecretRuleID(typ string) string { return HardcodedToken + "/" + typ }

// ParseSecretRuleID splits "hardcoded-token/<type>" into its type. ok is
// false for any other id, including plain hardcoded-token; err is set when
// the id has the prefix but no well-formed type after it.
func ParseSecretRuleID(id string) (typ string, ok bool, err error) {
	typ, ok = strings.CutPrefix(id, HardcodedToken+"/")
	if !ok {
		return "", false, nil
	}
	if !secretTypeID.MatchString(typ) {
		return "", true, fmt.Errorf("%q: expected %s/<secret type>, such as %s/github-pat (`tokenvet rules --secret-types` lists the types)", id, HardcodedToken, HardcodedToken)
	}
	return typ, true, nil
}

// CheckRuleID accepts the ids --enable, --disable and .tokenvet.yml take:
// a catalogue rule id, or a well-formed hardcoded-token/<type> id. Whether
// the type exists depends on the scanner's rule set, which the caller
// checks once it is built.
func CheckRuleID(id string) error {
	if _, ok := Lookup(id); ok {
		return nil
	}
	if _, ok, err := ParseSecretRuleID(id); ok {
		return err
	}
	return fmt.Errorf("unknown rule id %q; `tokenvet rules` lists the ids", id)
}

// SecretTypeURL is the Diagnostic.URL of a hardcoded-token finding of type
// typ: the rule's help URI with a "secret" query parameter. A go/analysis
// Diagnostic has no field for it, and the category must stay the public
// rule id (go vet, golangci-lint and suppressions show and match it); the
// scan reads the type back with SecretTypeFromURL, as it does a
// variant's severity (VariantURL).
func SecretTypeURL(typ string) string {
	return DocsURL + "?" + url.Values{"secret": {typ}}.Encode() + "#" + HardcodedToken
}

// SecretTypeFromURL returns the secret type a SecretTypeURL carries.
func SecretTypeFromURL(u string) (string, bool) {
	if !strings.HasPrefix(u, DocsURL+"?") {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	typ := p.Query().Get("secret")
	return typ, typ != ""
}

// RuleID is the type's id below hardcoded-token.
func (t *SecretType) RuleID() string { return SecretRuleID(t.ID) }

// title is the type's noun phrase, or its id when the rule gives none.
func (t *SecretType) title() string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

// Short is the type's SARIF shortDescription.
func (t *SecretType) Short() string {
	return t.title() + " written in source or config"
}

// Full is the type's SARIF fullDescription (GitHub keeps 1024
// characters).
func (t *SecretType) Full() string {
	d := strings.TrimSuffix(strings.TrimSpace(t.Description), ".")
	switch {
	case d == "":
		d = article(t.title()) + " " + t.title() + " is written into the repository."
	case 'a' <= d[0] && d[0] <= 'z':
		// tokenvet's descriptions are noun phrases, gitleaks' sentences.
		d = article(d) + " " + d + " is written into the repository."
	default:
		d += "."
	}
	s := d + " Secret type " + t.ID + " of rule " + HardcodedToken + "."
	if len(s) > 1024 {
		s = s[:1021] + "..."
	}
	return s
}

// article is "A" or "An" for the phrase s.
func article(s string) string {
	if s != "" && strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "An"
	}
	return "A"
}

// envVar is the variable the help loads the secret from.
func (t *SecretType) envVar() string {
	if t.EnvVar != "" {
		return t.EnvVar
	}
	return EnvVarName(t.ID)
}

// EnvVarName derives an environment variable name from a secret type id:
// "slack-bot-token" gives SLACK_BOT_TOKEN.
func EnvVarName(id string) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(id, "tokenvet-") {
		switch {
		case 'a' <= r && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// revoke is the type's revocation advice, or advice for any provider.
func (t *SecretType) revoke() string {
	if t.Revoke != "" {
		return t.Revoke
	}
	return "Revoke or rotate it with the service that issued it (its console, API or CLI), then check that service's logs for use since the value was committed."
}

// stillLeaked is said of every type: deleting the line is not enough.
const stillLeaked = "Deleting the line does not undo the leak: the value stays in the git history, in forks, clones and build caches, so revoke it first."

// HelpMarkdown is the type's SARIF help.markdown: what it is, how to
// revoke or rotate it, and how to load it from the environment instead.
func (t *SecretType) HelpMarkdown() string {
	parent := MustLookup(HardcodedToken)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", t.Full())
	fmt.Fprintf(&b, "**Revoke or rotate it.** %s %s\n\n", t.revoke(), stillLeaked)
	fmt.Fprintf(&b, "**Load it from the environment.** Read it at run time from the environment, a secret store or a mounted file, and keep the value in your CI's or platform's secret settings:\n\n")
	fmt.Fprintf(&b, "```go\n%s\n```\n\n", envExample(t.envVar()))
	fmt.Fprintf(&b, "This is secret type `%s` of rule [%s](%s). Turn this type off alone with `--disable %s` (or `disable: [%s]` in `.tokenvet.yml`); suppress one occurrence with `tokenvet:ignore %s <reason>`.\n\n",
		t.ID, HardcodedToken, parent.HelpURI(), t.RuleID(), t.RuleID(), HardcodedToken)
	fmt.Fprintf(&b, "CWE-%d · default severity %s · precision %s", parent.CWE, parent.Severity, parent.Precision)
	return b.String()
}

// HelpText is HelpMarkdown without Markdown, for SARIF help.text.
func (t *SecretType) HelpText() string {
	parent := MustLookup(HardcodedToken)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", t.Full())
	fmt.Fprintf(&b, "Revoke or rotate it: %s %s\n\n", stripMarkdown(t.revoke()), stillLeaked)
	fmt.Fprintf(&b, "Load it from the environment: read it at run time from the environment, a secret store or a mounted file, and keep the value in your CI's or platform's secret settings:\n%s\n\n", indent(envExample(t.envVar())))
	fmt.Fprintf(&b, "This is secret type %s of rule %s. Turn this type off alone with --disable %s; suppress one occurrence with tokenvet:ignore %s <reason>.\n\n",
		t.ID, HardcodedToken, t.RuleID(), HardcodedToken)
	fmt.Fprintf(&b, "CWE-%d, default severity %s, precision %s. %s", parent.CWE, parent.Severity, parent.Precision, parent.HelpURI())
	return b.String()
}

func envExample(name string) string {
	return fmt.Sprintf("token, ok := os.LookupEnv(%q)\nif !ok || token == \"\" {\n\treturn errors.New(\"%s is not set\")\n}", name, name)
}

// mdLink is a Markdown link, [text](url).
var mdLink = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)

// stripMarkdown drops the backquotes and link syntax revocation advice
// uses, for plain-text help.
func stripMarkdown(s string) string {
	s = mdLink.ReplaceAllString(s, "$1 ($2)")
	return strings.ReplaceAll(s, "`", "")
}
