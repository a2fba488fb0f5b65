package sarifschema

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const validDoc = `{
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "tokenvet", "rules": [
      {"id": "jwt-none-alg", "shortDescription": {"text": "none"}}
    ]}},
    "results": [{
      "ruleId": "jwt-none-alg", "ruleIndex": 0, "level": "error",
      "message": {"text": "m"},
      "locations": [{"physicalLocation": {
        "artifactLocation": {"uri": "a%20b/c.go", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 1, "startColumn": 2}
      }}]
    }]
  }]
}`

// schemaOrSkip returns the schema path, skipping (or failing under CI)
// like Validate when the schema is not there.
func schemaOrSkip(t *testing.T) string {
	t.Helper()
	p, err := SchemaPath()
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("schema missing: %v", err)
		}
		t.Skipf("schema missing: %v", err)
	}
	return p
}

func TestValidateBytes(t *testing.T) {
	path := schemaOrSkip(t)
	if err := ValidateBytes(path, []byte(validDoc)); err != nil {
		t.Fatalf("valid document rejected: %v", err)
	}
	invalid := map[string][2]string{
		"null shortDescription": {`"shortDescription": {"text": "none"}`, `"shortDescription": null`},
		"empty message":         {`"message": {"text": "m"}`, `"message": {}`},
		"bad level":             {`"level": "error"`, `"level": "critical"`},
		"no version":            {`"version": "2.1.0",`, ``},
		"negative ruleIndex":    {`"ruleIndex": 0`, `"ruleIndex": -2`},
		"startLine zero":        {`"startLine": 1`, `"startLine": 0`},
		"relative uri":          {`"name": "tokenvet",`, `"name": "tokenvet", "informationUri": "tokenvet/tokenvet",`},
		"not JSON":              {`"runs": [`, `"runs": [[`},
	}
	for name, r := range invalid {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(validDoc, r[0], r[1], 1)
			if doc == validDoc {
				t.Fatalf("replacement %q not applied", r[0])
			}
			if err := ValidateBytes(path, []byte(doc)); err == nil {
				t.Errorf("invalid document accepted:\n%s", doc)
			}
		})
	}
}

func TestValidateBytesMissingSchema(t *testing.T) {
	err := ValidateBytes(filepath.Join(t.TempDir(), "nope.json"), []byte(validDoc))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}
}

// fakeTB records what Validate asks of its testing.TB.
type fakeTB struct {
	testing.TB
	skipped, fatal, failed bool
	msg                    string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped, f.msg = true, fmt.Sprintf(format, args...)
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal, f.msg = true, fmt.Sprintf(format, args...)
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
}

func TestValidateMissingSchemaSkipsOrFails(t *testing.T) {
	t.Setenv(EnvSchema, filepath.Join(t.TempDir(), "missing.json"))

	t.Setenv("CI", "")
	f := &fakeTB{TB: t}
	Validate(f, []byte(validDoc))
	if !f.skipped || f.fatal || f.failed {
		t.Errorf("without CI: skipped=%v fatal=%v failed=%v, want skip", f.skipped, f.fatal, f.failed)
	}
	if !strings.Contains(f.msg, EnvSchema) {
		t.Errorf("skip message %q does not say how to provide the schema", f.msg)
	}

	t.Setenv("CI", "true")
	f = &fakeTB{TB: t}
	Validate(f, []byte(validDoc))
	if !f.fatal || f.skipped {
		t.Errorf("with CI: skipped=%v fatal=%v, want fatal", f.skipped, f.fatal)
	}
}

func TestValidateReportsInvalid(t *testing.T) {
	schemaOrSkip(t)
	f := &fakeTB{TB: t}
	Validate(f, []byte(strings.Replace(validDoc, `"level": "error"`, `"level": "fatal"`, 1)))
	if !f.failed {
		t.Fatal("invalid level not reported")
	}
	if !strings.Contains(f.msg, "level") {
		t.Errorf("error does not point at the offending property: %s", f.msg)
	}
	f = &fakeTB{TB: t}
	Validate(f, []byte(validDoc))
	if f.failed || f.fatal || f.skipped {
		t.Errorf("valid document: %s", f.msg)
	}
}

func TestSchemaPathEnvOverride(t *testing.T) {
	t.Setenv(EnvSchema, "/some/where/schema.json")
	if p, err := SchemaPath(); err != nil || p != "/some/where/schema.json" {
		t.Errorf("SchemaPath() = %q, %v", p, err)
	}
}

func TestRepoRootSkipsNestedModules(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "testdata", "demo", "pkg")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(dir, text string) {
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(root, "// tokenvet\nmodule \"github.com/tokenvet/tokenvet\" // quoted\n\ngo 1.26\n")
	write(filepath.Join(root, "testdata", "demo"), "module github.com/tokenvet/tokenvet/demo\n\ngo 1.26\n")

	got, err := RepoRoot(nested)
	if err != nil {
		t.Fatal(err)
	}
	if got != root {
		t.Errorf("RepoRoot(%s) = %s, want %s", nested, got, root)
	}

	if _, err := RepoRoot(t.TempDir()); err == nil {
		t.Error("RepoRoot outside any tokenvet module succeeded")
	}
}

func TestSchemaPathFromWorkingDirectory(t *testing.T) {
	t.Setenv(EnvSchema, "")
	p, err := SchemaPath()
	if err != nil {
		t.Fatal(err)
	}
	// This package is inside the repository: <root>/internal/sarifschema.
	wd, _ := os.Getwd()
	want := filepath.Join(wd, "..", "..", "..", "shared", "sarif", "sarif-schema-2.1.0.json")
	if filepath.Clean(p) != filepath.Clean(want) {
		t.Errorf("SchemaPath() = %s, want %s", p, want)
	}
}
