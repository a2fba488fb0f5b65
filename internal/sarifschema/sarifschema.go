// Package sarifschema validates SARIF documents against the official
// SARIF 2.1.0 JSON schema (OASIS, draft-04), which lives outside the
// repository at <repo root>/../shared/sarif/sarif-schema-2.1.0.json and is
// never copied into it.
//
// Tests in any package call Validate; commands call ValidateBytes.
package sarifschema

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// EnvSchema names the environment variable that, when set, gives the
// schema's path and overrides the search from the repository root.
const EnvSchema = "TOKENVET_SARIF_SCHEMA"

// modulePath identifies tokenvet's own go.mod while walking up; nested
// modules (testdata/demo) have their own go.mod and are passed over.
const modulePath = "github.com/tokenvet/tokenvet"

// relSchema is the schema's location relative to the repository root.
var relSchema = filepath.Join("..", "shared", "sarif", "sarif-schema-2.1.0.json")

// SchemaPath returns where the SARIF schema is expected: $TOKENVET_SARIF_SCHEMA
// if set, else relative to the repository root found by walking up from the
// working directory. It does not check that the file exists.
func SchemaPath() (string, error) {
	if p := os.Getenv(EnvSchema); p != "" {
		return p, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	root, err := RepoRoot(wd)
	if err != nil {
		return "", err
	}
	return filepath.Join(root, relSchema), nil
}

// RepoRoot returns the nearest directory at or above dir whose go.mod
// declares module github.com/tokenvet/tokenvet.
func RepoRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && declaresModule(data, modulePath) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod of module %s at or above %s", modulePath, dir)
		}
		d = parent
	}
}

// declaresModule reports whether the go.mod text data has the module
// directive `module path` (the path may be quoted).
func declaresModule(data []byte, path string) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) != 2 || fields[0] != "module" {
			continue
		}
		name := fields[1]
		if unq, err := strconv.Unquote(name); err == nil {
			name = unq
		}
		return name == path
	}
	return false
}

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// load compiles the schema at path once per process, asserting formats
// (uri, uri-reference, date-time …) as well as structure.
func load(path string) (*jsonschema.Schema, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[abs]; ok {
		return s, nil
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("parsing SARIF schema %s: %w", abs, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	// Register under a file URL of its own so that the schema's "id" (an
	// https URL) never makes the compiler reach for the network.
	url := "file://" + filepath.ToSlash(abs)
	if !strings.HasPrefix(filepath.ToSlash(abs), "/") {
		url = "file:///" + filepath.ToSlash(abs) // Windows: C:/…
	}
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("loading SARIF schema %s: %w", abs, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling SARIF schema %s: %w", abs, err)
	}
	compiled[abs] = s
	return s, nil
}

// ValidateBytes validates the SARIF document doc against the schema file
// at schemaPath. A missing schema file gives an error that matches
// fs.ErrNotExist; an invalid document gives one listing every violation.
func ValidateBytes(schemaPath string, doc []byte) error {
	s, err := load(schemaPath)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("SARIF is not valid JSON: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		// The error lists each violation with its place in the document.
		return fmt.Errorf("SARIF does not match the 2.1.0 schema: %w", err)
	}
	return nil
}

// Validate fails t if sarifJSON is not valid SARIF 2.1.0. When the schema
// file cannot be found it skips t, or fails it when $CI is set, so that CI
// never passes without having validated.
func Validate(t testing.TB, sarifJSON []byte) {
	t.Helper()
	path, err := SchemaPath()
	if err == nil {
		_, err = os.Stat(path)
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("SARIF schema not available (set %s to its path): %v", EnvSchema, err)
			return
		}
		t.Skipf("SARIF schema not available, skipping validation (set %s to its path): %v", EnvSchema, err)
		return
	}
	if err := ValidateBytes(path, sarifJSON); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("SARIF schema vanished: %v", err)
			return
		}
		t.Errorf("%v", err)
	}
}
