package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/rules"
)

func newRulesCmd(env *Env) *cobra.Command {
	var format, configFile string
	var secretTypes bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules tokenvet checks",
		Long: `Rules prints tokenvet's rule catalogue: each rule's id (as used in
//tokenvet:ignore comments, --enable/--disable and .tokenvet.yml), default
severity, CWE and what it finds. The markdown format is docs/rules.md.

With --secret-types it lists the secret types of rule hardcoded-token
instead: one per secret rule (gitleaks' defaults, tokenvet's own and those
of the file secrets.config in .tokenvet.yml names), with the id that
--enable, --disable and .tokenvet.yml take for that type alone
(hardcoded-token/<type>) and SARIF reports it under.`,
		Example: `  tokenvet rules
  tokenvet rules --format json | jq -r '.[].id'
  tokenvet rules --secret-types | grep github
  tokenvet rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format = strings.ToLower(format)
			switch format {
			case "text", "json", "markdown", "md":
			default:
				return fmt.Errorf("--format %q: use text, json or markdown", format)
			}
			rs := rules.Implemented()
			if !secretTypes && format != "markdown" && format != "md" {
				if format == "json" {
					return rules.WriteJSON(env.Stdout, rs)
				}
				return rules.WriteText(env.Stdout, rs)
			}
			types, err := loadSecretTypes(env, configFile)
			if err != nil {
				return err
			}
			switch {
			case secretTypes && format == "json":
				return rules.WriteSecretTypesJSON(env.Stdout, types)
			case secretTypes && format == "text":
				return rules.WriteSecretTypesText(env.Stdout, types)
			}
			return rules.WriteMarkdown(env.Stdout, rs, types)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	cmd.Flags().BoolVar(&secretTypes, "secret-types", false, "list the secret types of hardcoded-token (hardcoded-token/<type> ids) instead of the rules")
	cmd.Flags().StringVar(&configFile, "config", "", "configuration `FILE` whose secrets.config adds secret rules (default .tokenvet.yml in the current directory, if present)")
	return cmd
}

// loadSecretTypes builds the engines a scan in the current directory
// would, and returns their secret types: user rules included.
func loadSecretTypes(env *Env, configFile string) ([]*rules.SecretType, error) {
	cfg, err := config.Load(configFile, env.Dir)
	if err != nil {
		return nil, err
	}
	if env.Engines == nil {
		return nil, nil
	}
	es, err := env.Engines(cfg)
	if err != nil {
		return nil, err
	}
	return scan.SecretTypes(es), nil
}
