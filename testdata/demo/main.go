// Command tokenvet-demo is a small service with the token mistakes
// tokenvet finds. `make demo` in the tokenvet repository scans it.
package main

import (
	"fmt"
	"os"

	"example.com/tokenvet-demo/auth"
	"example.com/tokenvet-demo/legacy"
)

func main() {
	tok, err := auth.IssueDebugToken("alice")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if _, err := auth.ParseLenient(tok); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	if _, err := legacy.PartnerToken("acme"); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	fmt.Println("issued a session token for alice")
}
