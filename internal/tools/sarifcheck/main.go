//go:build devtools

// Command sarifcheck validates SARIF files against the official SARIF
// 2.1.0 schema (../shared/sarif beside the repository, or
// $TOKENVET_SARIF_SCHEMA). `make demo` runs it on tokenvet.sarif.
//
//	go run -tags devtools ./internal/tools/sarifcheck FILE...
//
// Exit status: 0 valid, 1 invalid, 2 usage error or schema not found.
//
// It builds only with -tags devtools, as do the other programs under
// internal/tools: pre-commit's golang hook installs the repository with
// `go install ./...`, which must install the tokenvet command alone.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tokenvet/tokenvet/internal/sarifschema"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sarifcheck FILE...")
		os.Exit(2)
	}
	schema, err := sarifschema.SchemaPath()
	if err != nil {
		fmt.Fprintf(os.Stderr, "sarifcheck: %v\n", err)
		os.Exit(2)
	}
	status := 0
	for _, name := range os.Args[1:] {
		doc, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sarifcheck: %v\n", err)
			os.Exit(2)
		}
		if err := sarifschema.ValidateBytes(schema, doc); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(os.Stderr, "sarifcheck: schema %s not found: set %s to its path\n", schema, sarifschema.EnvSchema)
				os.Exit(2)
			}
			fmt.Fprintf(os.Stderr, "%s: invalid SARIF: %v\n", name, err)
			status = 1
			continue
		}
		fmt.Printf("%s: valid SARIF 2.1.0 (%s)\n", name, schema)
	}
	os.Exit(status)
}
