// Package engines assembles the file engines a scan runs over the walked
// tree (everything that is not a go/analysis analyzer).
package engines

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/tokenvet/tokenvet/analyzers/hardcodedtoken"
	"github.com/tokenvet/tokenvet/analyzers/jwtlonglifetime"
	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/rules/secrets"
	"github.com/tokenvet/tokenvet/rules/web"
)

// Default returns the file engines for a scan configured by cfg: the
// secret rules over every text file, and the browser-code engine. An
// invalid secrets.config TOML is an error (exit 2), never a panic.
func Default(cfg *config.Config) ([]scan.FileEngine, error) {
	path := cfg.ResolvedSecretsConfig()
	flag := hardcodedtoken.Analyzer.Flags.Lookup("config")
	if path == "" {
		// scan also exposes go vet's -hardcodedtoken.config flag; both
		// engines then read the same file.
		path = flag.Value.String()
	}
	// The default rules are embedded and always build: they are built
	// while the scan starts. A user's rules file is read now, so that a
	// mistake in it stops the scan before it begins.
	var eng *secrets.Engine
	if path == "" {
		eng = secrets.NewEngineBuilding(secrets.Default)
	} else {
		s, err := secrets.Load(path)
		if err != nil {
			return nil, err
		}
		eng = secrets.NewEngine(s)
	}
	// The Go analyzer runs the same rules on string literals; under go vet
	// the same file is named with -hardcodedtoken.config.
	if path != "" {
		if err := flag.Value.Set(path); err != nil {
			return nil, err
		}
	}
	rulesKey := "default rules"
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		rulesKey = hex.EncodeToString(sum[:])
	}
	// The flags were set from the command line and the configuration
	// before the engines are made, so JS lifetimes are judged by the same
	// limits as Go's.
	access, refresh := jwtlonglifetime.Limits()
	return []scan.FileEngine{
		secretsEngine{eng, rulesKey},
		cachedWebEngine{web.New(web.Options{
			Model:              tokenmodel.Default().With(cfg.Tokens.Names),
			Minified:           cfg.Minified(),
			MaxLifetime:        access,
			RefreshMaxLifetime: refresh,
		}), fmt.Sprintf("web lifetimes %s %s", access, refresh)},
	}, nil
}

// cachedWebEngine is the web engine as the scan caches it: its output depends
// on the file, the scan's configuration (token names, minified policy),
// which the scan's keys hold already, and the lifetime limits, which key
// says (a flag on the command line is not in the configuration).
type cachedWebEngine struct {
	*web.Engine
	key string
}

// CacheKey implements scan.CacheKeyer.
func (e cachedWebEngine) CacheKey() string { return e.key }

// CacheKey implements scan.CacheKeyer: the secret rules' file, by its
// bytes (the scan's keys hold the configuration naming it).
func (e secretsEngine) CacheKey() string { return "secrets " + e.rulesKey }

// secretsEngine is the secrets file engine lending its rules to the
// scan's redaction pass (scan.SecretFinder), so that every line and
// message tokenvet prints is run through the same rules.
type secretsEngine struct {
	*secrets.Engine
	rulesKey string // what CacheKey says
}

// FindSecrets implements scan.SecretFinder.
func (e secretsEngine) FindSecrets(path, text string) [][2]int {
	s, err := e.Scanner()
	if err != nil {
		return nil // Scan reports the error for each file
	}
	ms := s.Scan(path, text)
	out := make([][2]int, 0, len(ms))
	for _, m := range ms {
		out = append(out, [2]int{m.Start, m.End})
	}
	return out
}
