package engines

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/internal/walk"
)

func webEngine(t *testing.T, cfg *config.Config) scan.FileEngine {
	t.Helper()
	es, err := Default(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Name() == "web" {
			return e
		}
	}
	t.Fatal("no web engine in Default")
	return nil
}

// TestDefaultWebEngineConfig: the configuration's token names and
// include-minified reach the web engine.
func TestDefaultWebEngineConfig(t *testing.T) {
	f := walk.File{Rel: "a.js", Content: []byte("localStorage.setItem('partner_sig', s);\n")}
	if fs, _ := webEngine(t, &config.Config{}).Scan(context.Background(), f); len(fs) != 0 {
		t.Errorf("partner_sig reported without configuration: %d findings", len(fs))
	}
	cfg := &config.Config{Tokens: config.TokensConfig{Names: []string{"partner_sig"}}}
	if fs, _ := webEngine(t, cfg).Scan(context.Background(), f); len(fs) != 1 {
		t.Errorf("configured name: %d findings, want 1", len(fs))
	}

	bundle := walk.File{Rel: "b.js", Content: []byte(strings.Repeat("var a=b(c,d);", 2000))}
	skipper := func(cfg *config.Config) scan.FileSkipper {
		s, ok := webEngine(t, cfg).(scan.FileSkipper)
		if !ok {
			t.Fatal("web engine does not implement scan.FileSkipper")
		}
		return s
	}
	if _, skip := skipper(&config.Config{}).SkipFile(bundle); !skip {
		t.Error("minified bundle not skipped by default")
	}
	yes := true
	for name, cfg := range map[string]*config.Config{
		"include-minified":         {IncludeMinified: &yes},
		"web.include-minified":     {Web: config.WebConfig{IncludeMinified: true}},
		"secrets.include-minified": {Secrets: config.Secrets{IncludeMinified: true}},
	} {
		if _, skip := skipper(cfg).SkipFile(bundle); skip {
			t.Errorf("%s ignored by the web engine", name)
		}
	}
}
