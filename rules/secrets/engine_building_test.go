package secrets

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/walk"
)

// TestEngineBuilding checks that an engine whose scanner is still being
// built finds what an engine given the scanner finds, and that a build
// that fails is a problem of each file scanned, not a crash.
func TestEngineBuilding(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := walk.File{Rel: "config/app.yml", Content: []byte("github_token: ghp_" + strings.Repeat("aB3dE5fG7h", 3) + "9kLm2N\n")}
	want, _ := NewEngine(s).Scan(context.Background(), f)
	if len(want) == 0 {
		t.Fatal("the test's token is not found by the default rules")
	}
	got, probs := NewEngineBuilding(Default).Scan(context.Background(), f)
	if len(got) != len(want) || len(probs) != 0 {
		t.Errorf("building engine: %d findings, %v; want %d findings", len(got), probs, len(want))
	}
	if types := NewEngineBuilding(Default).SecretTypes(); len(types) == 0 {
		t.Error("building engine lists no secret types")
	}

	broken := NewEngineBuilding(func() (*Scanner, error) { return nil, errors.New("rule x: bad regex") })
	got, probs = broken.Scan(context.Background(), f)
	if len(got) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Message, "bad regex") || probs[0].File != f.Rel {
		t.Errorf("failed build: %d findings, problems %+v; want one problem naming the file and the error", len(got), probs)
	}
	if broken.SecretTypes() != nil {
		t.Error("failed build lists secret types")
	}
}
