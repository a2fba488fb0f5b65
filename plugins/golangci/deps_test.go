package golangci

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// maxDeps is acceptance item 4's budget for the packages a golangci-lint
// built with the plugin compiles on tokenvet's behalf.
const maxDeps = 150

// TestDependencyBudget: the plugin links what it runs and no more.
// gitleaks' detect and config packages alone bring some 370 packages
// (viper, archive readers, terminal styling) into every golangci-lint
// built with it.
func TestDependencyBudget(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, errOutput(err))
	}
	deps := strings.Fields(string(out))
	var heavy []string
	for _, p := range deps {
		if strings.HasPrefix(p, "github.com/zricethezav/gitleaks/") || strings.HasPrefix(p, "github.com/spf13/viper") {
			heavy = append(heavy, p)
		}
	}
	if len(deps) > maxDeps || len(heavy) > 0 {
		t.Errorf("go list -deps ./plugins/golangci: %d packages (budget %d); gitleaks/viper among them: %v", len(deps), maxDeps, heavy)
	}
	t.Logf("%d packages", len(deps))
}
