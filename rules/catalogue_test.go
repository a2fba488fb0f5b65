package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

func TestCatalogueComplete(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, r := range All() {
		if !kebab.MatchString(r.ID) {
			t.Errorf("%s: id is not kebab-case", r.ID)
		}
		if r.Title == "" || r.Short == "" || r.CWE <= 0 || r.Severity == SeverityNone || r.Precision == "" {
			t.Errorf("%s: title, short description, CWE, severity and precision are required", r.ID)
		}
		if s, err := strconv.ParseFloat(r.SecuritySeverity, 64); err != nil || s < 0.1 || s > 10 {
			t.Errorf("%s: security-severity %q is not in 0.1..10.0", r.ID, r.SecuritySeverity)
		}
		if !r.Implemented() {
			continue
		}
		// What SARIF and the docs show for an implemented rule.
		if r.Full == "" || r.Why == "" || r.Fix == "" || r.Bad.Code == "" || r.Good.Code == "" {
			t.Errorf("%s: implemented rules need full description, why, fix, and bad and good examples", r.ID)
		}
		if len(r.Full) > 1024 {
			t.Errorf("%s: fullDescription is %d characters; GitHub keeps 1024", r.ID, len(r.Full))
		}
		if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(r.Implementation))); err != nil {
			t.Errorf("%s: implementation %s does not exist", r.ID, r.Implementation)
		}
	}
}

func TestLookup(t *testing.T) {
	if r, ok := Lookup(JWTNoneAlg); !ok || r.ID != JWTNoneAlg {
		t.Fatal("Lookup(jwt-none-alg) failed")
	}
	if _, ok := Lookup("jwt-nonealg"); ok {
		t.Fatal("Lookup accepted an unknown id")
	}
}

func TestSeverityRoundTrip(t *testing.T) {
	for _, s := range []Severity{SeverityNone, SeverityNote, SeverityWarning, SeverityError} {
		got, err := ParseSeverity(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity accepted fatal")
	}
}
