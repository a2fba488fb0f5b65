package walk

import (
	"testing"

	"github.com/tokenvet/tokenvet/internal/pathguard"
)

// TestSkipReasonsArePathguardKinds: the Go loader reports the files it
// keeps from the go command with pathguard's names; they must be the
// walk's, so that one file skipped by both is counted once.
func TestSkipReasonsArePathguardKinds(t *testing.T) {
	for reason, kind := range map[SkipReason]pathguard.Kind{
		SkipSymlinkOutsideRoot: pathguard.Outside,
		SkipNotRegular:         pathguard.NotRegular,
		SkipUnreadable:         pathguard.Unresolvable,
	} {
		if string(reason) != kind.String() {
			t.Errorf("walk reason %q, pathguard kind %q", reason, kind)
		}
	}
}
