package report

import (
	"encoding/json"
	"io"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

// JSONVersion is the version of the JSON output schema (docs/output.md).
// It changes only when a field is removed or changes meaning; new fields
// may appear without a bump.
const JSONVersion = 1

// jsonDoc is the top-level JSON object.
type jsonDoc struct {
	Version  int                `json:"version"`
	Tool     jsonTool           `json:"tool"`
	Findings []*finding.Finding `json:"findings"`
	Problems []Problem          `json:"problems"`
	Partial  []PartialPackage   `json:"partialPackages"`
	// NotAnalysed: files read that an engine could not analyse.
	NotAnalysed []NotAnalysed `json:"notAnalysed"`
	Summary     jsonSummary   `json:"summary"`
	Stats       Stats         `json:"stats"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Note       int `json:"note"`
	Suppressed int `json:"suppressed"`
	Unchanged  int `json:"unchanged"`
}

// WriteJSON writes the report as one indented JSON document.
func WriteJSON(w io.Writer, r *Report, toolVersion string) error {
	c := r.Counts()
	doc := jsonDoc{
		Version:     JSONVersion,
		Tool:        jsonTool{Name: "tokenvet", Version: toolVersion},
		Findings:    r.Findings,
		Problems:    r.Problems,
		Partial:     r.Partial,
		NotAnalysed: r.NotAnalysed,
		Summary:     jsonSummary{Error: c[rules.SeverityError], Warning: c[rules.SeverityWarning], Note: c[rules.SeverityNote]},
		Stats:       r.Stats,
	}
	for _, f := range r.Findings {
		if f.Suppression != nil {
			doc.Summary.Suppressed++
		} else if f.BaselineState == finding.BaselineUnchanged {
			doc.Summary.Unchanged++
		}
	}
	// Empty lists are [] rather than null, so consumers need not check.
	if doc.Findings == nil {
		doc.Findings = []*finding.Finding{}
	}
	if doc.Problems == nil {
		doc.Problems = []Problem{}
	}
	if doc.Partial == nil {
		doc.Partial = []PartialPackage{}
	}
	if doc.NotAnalysed == nil {
		doc.NotAnalysed = []NotAnalysed{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
