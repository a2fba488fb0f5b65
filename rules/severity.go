package rules

import (
	"fmt"
	"strings"
)

// Severity orders findings for --fail-on and maps onto SARIF levels.
// The zero value is SeverityNone, which no finding carries; it exists so
// that "--fail-on none" has a value below every real severity.
type Severity int

// Severities, from least to most serious.
const (
	SeverityNone Severity = iota
	SeverityNote
	SeverityWarning
	SeverityError
)

// String returns the lower-case name used in flags, config, JSON and SARIF.
func (s Severity) String() string {
	switch s {
	case SeverityNote:
		return "note"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	default:
		return "none"
	}
}

// ParseSeverity accepts the names String returns, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "none":
		return SeverityNone, nil
	case "note":
		return SeverityNote, nil
	case "warning":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityNone, fmt.Errorf("unknown severity %q: use error, warning, note or none", name)
}

// MarshalText makes severities appear by name in JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText is the inverse of MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
