// Package version says which tokenvet is running.
package version

import (
	"runtime/debug"
	"strings"
)

// base is the version of this source tree; a release tags the module with
// "v" + base.
const base = "0.1.0"

// override is set at link time by release builds:
// -ldflags "-X github.com/tokenvet/tokenvet/internal/version.override=v0.1.0".
var override string

// Version is the semantic version (no "v" prefix). A `go install
// github.com/tokenvet/tokenvet/cmd/tokenvet@vX.Y.Z` build reports X.Y.Z;
// a build from a checkout reports the base version of its source tree.
func Version() string {
	if override != "" {
		return strings.TrimPrefix(override, "v")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.Contains(v, "-0.") {
			// Pseudo-versions (v0.0.0-2026…-abcdef) are not releases.
			return strings.TrimPrefix(v, "v")
		}
	}
	return base
}

// Commit is the VCS revision the binary was built from, when known.
func Commit() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return ""
}
