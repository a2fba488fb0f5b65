// Package hardcodedtoken implements rule hardcoded-token for Go code: a
// token, API key or secret written as a string literal or constant.
//
// It runs the rules of package rules/secrets (gitleaks' defaults plus
// tokenvet's bearer, JWT and OAuth rules, plus a user's gitleaks TOML
// given with -hardcodedtoken.config) on Go string values rather than on
// whole files: each string literal and constant expression
// ("Bearer " + tok, []byte("…"), a const) is scanned once, with the
// context the code gives it written in front, so the same rules that read
// `api_token = "…"` in a YAML file read a Go assignment the same way:
//
//   - the second argument of a call whose earlier argument is
//     "Authorization" (Header.Set/Add, SetHeader, metadata.Pairs) is read as
//     an Authorization header;
//   - the password of SetBasicAuth is read as a password;
//   - a composite-literal field (oauth2.Token{AccessToken: …}), a map key,
//     an assigned variable or field, or a declared var/const lends its
//     name, so names that say token, secret or key raise the rules that
//     need them;
//   - anything else is scanned alone, which finds self-identifying tokens
//     (provider prefixes, JWTs) wherever they are.
//
// Comments are scanned too, alone: a token pasted into a doc example
// leaks like one in a literal.
//
// Arguments of os.Getenv and os.LookupEnv are names, not values, and are
// not scanned; values read at run time are not literals and never
// reported. Placeholders (YOUR_TOKEN, <token>, ${VAR}, xxxx…, changeme,
// example) are allowlisted by the rules.
//
// The diagnostic covers the secret's bytes in the literal (or the whole
// operand when escapes make the mapping inexact) and its message never
// contains the secret, so go vet output, which tokenvet does not
// post-process, cannot leak it. tokenvet scan derives the secret from that
// range to redact snippets.
package hardcodedtoken
