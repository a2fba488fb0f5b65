package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite docs/tokenvet.schema.json")

const schemaFile = "../../docs/tokenvet.schema.json"

// TestSchemaUpToDate: docs/tokenvet.schema.json is what Schema makes
// from Config (`make docs` rewrites it with -update).
func TestSchemaUpToDate(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(schemaFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `make docs`", filepath.Base(schemaFile))
	}
}

// TestKeysAreTheDecoders: every key Keys lists is one Parse accepts, and
// the unknown-key error lists them all.
func TestKeysAreTheDecoders(t *testing.T) {
	keys := Keys()
	for _, want := range []string{"fail-on", "exclude", "rules.<id>.severity", "jwt.max-lifetime", "secrets.config", "tokens.names", "models"} {
		if !strings.Contains(strings.Join(keys, " "), want) {
			t.Errorf("Keys() = %v lacks %s", keys, want)
		}
	}
	for _, k := range keys {
		// Build the key's YAML with a value Parse accepts for every type.
		parts := strings.Split(strings.ReplaceAll(k, "<id>", "jwt-none-alg"), ".")
		var b strings.Builder
		for i, p := range parts {
			b.WriteString(strings.Repeat("  ", i) + p + ":\n")
		}
		_, err := Parse([]byte(b.String()))
		if err != nil && strings.Contains(err.Error(), "not found in type") {
			t.Errorf("key %s from Keys() is unknown to the decoder: %v", k, err)
		}
	}
	_, err := Parse([]byte("fial-on: error\n"))
	if err == nil || !strings.Contains(err.Error(), "keys allowed: "+strings.Join(keys, ", ")) {
		t.Errorf("misspelt key: %v", err)
	}
}

// TestSchemaValidates: the schema accepts the configuration documented in
// the package comment and rejects what Parse rejects by key or type.
func TestSchemaValidates(t *testing.T) {
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("tokenvet.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("tokenvet.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	asJSON := func(y string) any {
		t.Helper()
		var v any
		if err := yaml.Unmarshal([]byte(y), &v); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v)
		out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	good := `
fail-on: warning
tests: false
exclude: [testdata/fixtures/]
max-file-size: 5MiB
include-minified: false
rules:
  jwt-none-alg: {severity: error}
  token-logged: {enabled: false}
  hardcoded-token/generic-api-key: {severity: warning}
enable: [hardcoded-token, jwt-none-alg]
disable: [hardcoded-token/jwt]
jwt: {max-lifetime: 24h, refresh-max-lifetime: 2160h, require-exp: false}
secrets: {config: .gitleaks-extra.toml, max-line-length: 200, include-minified: false}
tokens: {names: [partner_sig]}
web: {include-minified: false}
models: [tools/tokenvet-models]
`
	if _, err := Parse([]byte(good)); err != nil {
		t.Fatalf("the documented example does not parse: %v", err)
	}
	if err := sch.Validate(asJSON(good)); err != nil {
		t.Errorf("the documented example fails the schema: %v", err)
	}
	for _, bad := range []string{
		"fial-on: error\n",
		"fail-on: fatal\n",
		"rules:\n  jwt-none-alg: {sevrity: error}\n",
		"jwt: {max-lifetime: tomorrow}\n",
		"max-file-size: huge\n",
		"tests: [yes]\n",
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse accepts %q, which the test expects both to reject", bad)
		}
		if err := sch.Validate(asJSON(bad)); err == nil {
			t.Errorf("the schema accepts %q, which Parse rejects", bad)
		}
	}
}
