// Package baseline records the findings a project has accepted for now,
// so that a scan fails only on new ones. Entries are matched by the
// finding's fingerprint, which hashes the rule, the file and the
// whitespace-normalised text of the finding's line (see internal/scan):
// a baselined finding stays matched when unrelated lines above it are
// added or removed, and stops matching when its own line changes.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/tokenvet/tokenvet/internal/finding"
)

// Version is the version of the baseline file format.
const Version = 1

// File is the baseline file's JSON document. Rule, file and message are there for people reading a diff of the baseline; only the
// fingerprint is matched.
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
	fingerprints map[string]bool
}

// Contains reports whether f was accepted in the baseline.
func (b *Baseline) Contains(f *finding.Finding) bool {
	return b != nil && f.Fingerprint != "" && b.fingerprints[f.Fingerprint]
}

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
	if doc.Version != Version {
		return nil, fmt.Errorf("baseline version %d: this tokenvet reads version %d; write it again with --write-baseline", doc.Version, Version)
	}
	b := &Baseline{fingerprints: map[string]bool{}}
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
