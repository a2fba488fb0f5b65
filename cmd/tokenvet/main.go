// Command tokenvet finds bearer-token misuse in Go code and the files
// around it. See `tokenvet --help`.
//
// The same binary is a go vet tool: when go vet invokes it (with -V=full,
// -flags or a vet.cfg file) it speaks go vet's unitchecker protocol.
package main

import (
	"os"

	"golang.org/x/term"

	"github.com/tokenvet/tokenvet/analyzers"
	"github.com/tokenvet/tokenvet/internal/cli"
	"github.com/tokenvet/tokenvet/internal/engines"
	"github.com/tokenvet/tokenvet/internal/vettool"
)

func main() {
	if vettool.IsInvocation(os.Args[1:]) {
		vettool.Main(analyzers.All()) // does not return
	}
	isTTY := func(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
	os.Exit(cli.Execute(os.Args[1:], cli.DefaultEnv(analyzers.All(), engines.Default, isTTY)))
}
