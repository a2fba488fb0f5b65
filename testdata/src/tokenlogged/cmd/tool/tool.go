// Package tool is a command's implementation (under cmd/): printing the
// token it generated is its output (gitea's `generate secret`), on
// standard output or standard error; its log calls are logs.
package tool

import (
	"fmt"
	"log"
	"os"
)

func generate(secretKey, internalToken string) {
	fmt.Printf("%s", internalToken)
	fmt.Fprintln(os.Stdout, "access token:", secretKey)
	fmt.Fprintln(os.Stderr, "generated", internalToken)
	log.Printf("generated %s", internalToken) // want `token value internalToken written`
}
