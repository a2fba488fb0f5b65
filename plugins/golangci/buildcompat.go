package golangci

// golangci-lint v2 selects github.com/charmbracelet/x/ansi v0.11, while
// gitleaks (which the hardcoded-token rule uses) brings in lipgloss, and
// with it github.com/charmbracelet/x/cellbuf at a version that does not
// build against that ansi. Importing cellbuf here makes this module require
// a version that does, so a golangci-lint built with `golangci-lint custom`
// and this plugin compiles without manual pins. It adds no code path.
import _ "github.com/charmbracelet/x/cellbuf"
