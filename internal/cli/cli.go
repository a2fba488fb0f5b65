// Package cli is tokenvet's command line: scan, rules and version.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/version"
)

// Exit codes, as DESIGN.md promises users.
const (
	ExitClean    = 0 // no finding at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitError    = 2 // usage or runtime error
)

// errFindings signals exit code 1 without printing an error.
var errFindings = errors.New("findings at or above the --fail-on severity")

// Env is what the commands need from the process, injectable for tests.
type Env struct {
	Stdout, Stderr io.Writer
	// StdoutTTY and StderrTTY say whether the streams are terminals
	// (colour and progress are for people only).
	StdoutTTY, StderrTTY bool
	// Dir is the working directory.
	Dir       string
	Analyzers []*analysis.Analyzer
	// Engines are the file engines (secrets, web), as a function so each
	// scan builds what it needs.
	Engines EngineFactory
}

// Execute runs the command line args (without the program name) and
// returns the process exit code.
func Execute(args []string, env Env) int {
	root := newRoot(&env)
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return ExitClean
	case errors.Is(err, errFindings):
		return ExitFindings
	default:
		// Errors quote paths and git's and go's messages: escaped for the
		// terminal or CI log, like everything else on stderr.
		fmt.Fprintf(env.Stderr, "tokenvet: %s\n", report.Terminal(report.OneLine(err.Error())))
		return ExitError
	}
}

func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "tokenvet",
		Short: "Find bearer-token misuse before it ships",
		Long: `tokenvet finds bearer-token misuse in Go services and their web front ends:
hard-coded tokens and keys, JWTs signed or accepted with "none", unverified or
never-expiring JWTs, tokens in URLs, logs, cookies and browser storage.

It is also a go vet tool:  go vet -vettool=$(which tokenvet) ./...`,
		Example: `  tokenvet scan ./...                          # scan the current module, text output
  tokenvet scan --format sarif -o tokenvet.sarif ./...
  tokenvet scan --fail-on error --disable token-logged ./...
  tokenvet rules                               # what tokenvet checks`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Version(),
	}
	root.SetVersionTemplate("tokenvet {{.Version}}\n")
	// --version without cobra's -v shorthand: -v is --verbose under scan,
	// as in go test, golangci-lint and gitleaks, and one letter should not
	// mean two things.
	root.Flags().Bool("version", false, "print tokenvet's version (as tokenvet version does)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if c == root && strings.Contains(err.Error(), "'v'") {
			return fmt.Errorf("%v: tokenvet --version prints the version; -v is --verbose under tokenvet scan", err)
		}
		return err
	})
	root.AddCommand(newScanCmd(env), newRulesCmd(env), newVersionCmd(env))
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

func newVersionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print tokenvet's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(env.Stdout, "tokenvet %s", version.Version())
			if c := version.Commit(); c != "" {
				fmt.Fprintf(env.Stdout, " (%s)", c)
			}
			fmt.Fprintln(env.Stdout)
			return nil
		},
	}
}

// DefaultEnv is the environment of a real process.
func DefaultEnv(analyzers []*analysis.Analyzer, engines EngineFactory, isTTY func(*os.File) bool) Env {
	dir, _ := os.Getwd()
	return Env{
		Stdout: os.Stdout, Stderr: os.Stderr,
		StdoutTTY: isTTY(os.Stdout), StderrTTY: isTTY(os.Stderr),
		Dir: dir, Analyzers: analyzers, Engines: engines,
	}
}
