// Package engines assembles the file engines a scan runs over the walked
// tree (everything that is not a go/analysis analyzer).
package engines

import (
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/scan"
)

// Default returns the file engines for a scan configured by cfg. No file
// engine ships yet: the secret rules and the browser-code engine plug in
// here, and the walk that feeds them already runs on every scan.
func Default(cfg *config.Config) ([]scan.FileEngine, error) {
	return nil, nil
}
