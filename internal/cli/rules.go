package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenvet/tokenvet/rules"
)

func newRulesCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules tokenvet checks",
		Long: `Rules prints tokenvet's rule catalogue: each rule's id (as used in
//tokenvet:ignore comments, --enable/--disable and .tokenvet.yml), default
severity, CWE and what it finds. The markdown format is docs/rules.md.`,
		Example: `  tokenvet rules
  tokenvet rules --format json | jq -r '.[].id'
  tokenvet rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rs := rules.Implemented()
			switch strings.ToLower(format) {
			case "text":
				return rules.WriteText(env.Stdout, rs)
			case "json":
				return rules.WriteJSON(env.Stdout, rs)
			case "markdown", "md":
				return rules.WriteMarkdown(env.Stdout, rs)
			}
			return fmt.Errorf("--format %q: use text, json or markdown", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	return cmd
}
