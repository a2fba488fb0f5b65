// Package baseline records the findings a project has accepted for now,
// so that a scan fails only on new ones. Entries are matched by the
// finding's fingerprint, which hashes the rule, the file (relative to
// the top of the git work tree) and the whitespace-normalised text of
// the finding's line with every secret on it redacted (see
// internal/scan): a baselined finding stays matched when unrelated lines
// above it are added or removed, and stops matching when its own line
// changes. A baseline therefore never holds a hash of a secret.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/tokenvet/tokenvet/internal/finding"
)

// Version is the version of the baseline file format this tokenvet
// writes.
//
// Version 1 fingerprints hashed the raw line, so a line holding a short
// secret (a four-character HMAC key) could be brute-forced back from the
// committed file, and took paths relative to the directory the scan was
// started in. Version 2 hashes the redacted line and repository-relative
// paths. For lines without a secret, scanned from the repository root,
// the two agree; a version 1 file is still read, its entries also
// matched against the old fingerprints (see Legacy), and the scan tells
// the user to write it again.
const Version = 2

// File is the baseline file's JSON document. Rule, file and message are
// there for people reading a diff of the baseline; only the fingerprint
// is matched.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. It has no line number on purpose: a
// committed baseline should not change when unrelated lines move.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// Baseline is a loaded baseline, ready for lookups.
type Baseline struct {
	version      int
	fingerprints map[string]bool
}

// Contains reports whether f was accepted in the baseline.
func (b *Baseline) Contains(f *finding.Finding) bool {
	return b.ContainsFingerprint(f.Fingerprint)
}

// ContainsFingerprint reports whether an entry has fingerprint fp.
func (b *Baseline) ContainsFingerprint(fp string) bool {
	return b != nil && fp != "" && b.fingerprints[fp]
}

// Legacy reports whether the file is version 1, whose fingerprints the
// scan must also compute the old way to match.
func (b *Baseline) Legacy() bool { return b != nil && b.version == 1 }

// Len is the number of entries.
func (b *Baseline) Len() int { return len(b.fingerprints) }

// Read parses a baseline document.
func Read(r io.Reader) (*Baseline, error) {
	var doc File
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a tokenvet baseline: %v", err)
	}
	if doc.Version != 1 && doc.Version != Version {
		return nil, fmt.Errorf("baseline version %d: this tokenvet reads versions 1 and %d; write it again with --write-baseline", doc.Version, Version)
	}
	b := &Baseline{version: doc.Version, fingerprints: map[string]bool{}}
	for i, e := range doc.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline entry %d has no fingerprint", i+1)
		}
		b.fingerprints[e.Fingerprint] = true
	}
	return b, nil
}

// Load reads the baseline file at path.
func Load(path string) (*Baseline, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	defer fh.Close()
	b, err := Read(fh)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// Write writes a baseline accepting every unsuppressed finding in fs.
// Suppressed findings are left out: their tokenvet:ignore comment
// already accepts them.
func Write(w io.Writer, fs []*finding.Finding) error {
	doc := File{Version: Version, Tool: "tokenvet", Findings: []Entry{}}
	for _, f := range fs {
		if f.Suppression != nil {
			continue
		}
		doc.Findings = append(doc.Findings, Entry{
			Fingerprint: f.Fingerprint, Rule: f.RuleID, File: f.File, Message: f.Message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
