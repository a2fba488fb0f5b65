// Package engines assembles the file engines a scan runs over the walked
// tree (everything that is not a go/analysis analyzer).
package engines

import (
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/rules/web"
)

// Default returns the file engines for a scan configured by cfg.
func Default(cfg *config.Config) ([]scan.FileEngine, error) {
	var out []scan.FileEngine
	out = append(out, web.New(web.Options{
		Model:           tokenmodel.Default().With(cfg.Tokens.Names),
		IncludeMinified: cfg.Web.IncludeMinified,
	}))
	return out, nil
}
