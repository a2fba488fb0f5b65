// Package sarif writes tokenvet findings as a SARIF 2.1.0 log shaped for
// GitHub code scanning: one run, rule metadata GitHub displays, UTF-16
// columns, primaryLocationLineHash fingerprints, in-source suppressions,
// and tool execution notifications for files that were only partly
// analysed.
//
// Output is deterministic: the same Input gives byte-identical output.
package sarif

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/rules"
)

const (
	// ToolName is tool.driver.name; GitHub shows it as the alert's tool.
	ToolName = "tokenvet"
	// InformationURI is tool.driver.informationUri.
	InformationURI = "https://github.com/tokenvet/tokenvet"
	// SrcRoot is the uriBaseId every artifact location is relative to.
	SrcRoot = "SRCROOT"
	// LineHashKey is GitHub's partial fingerprint of the primary location.
	LineHashKey = "primaryLocationLineHash"
	// FingerprintKey holds Finding.Fingerprint, tokenvet's own stable id.
	FingerprintKey = "tokenvet/v1"
	// SchemaURI is the $schema written into the log: the OASIS schema the
	// output is validated against.
	SchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

// Input is everything one SARIF log is made from.
type Input struct {
	// Findings in output order (sorted), with StartColUTF16/EndColUTF16
	// and LineHash filled in and secrets already redacted.
	Findings []*finding.Finding

	// ToolVersion is tool.driver.version (free form, e.g. "v1.2.0-3-gabc");
	// SemanticVersion is tool.driver.semanticVersion ("1.2.0"). Empty
	// values are left out.
	ToolVersion     string
	SemanticVersion string

	// Category separates analyses of one repository in GitHub code
	// scanning; it is written as runAutomationDetails.id "<category>/".
	// Empty leaves automationDetails out.
	Category string

	// Rules are described in tool.driver.rules, in this order (normally
	// rules.Implemented()). A finding whose rule is not among them gets a
	// descriptor appended after them.
	Rules []*rules.Rule

	// SecretTypes describe the secret types of hardcoded-token. A
	// hardcoded-token finding with a SecretType is reported under rule
	// hardcoded-token/<type>, whose descriptor (after Rules, one per type
	// found) is made from its entry here, or from the id alone.
	SecretTypes []*rules.SecretType

	// ScanRoot is the absolute path findings' files are relative to; it
	// becomes originalUriBaseIds.SRCROOT. Empty leaves it out.
	ScanRoot string

	// Notifications are problems of the scan itself, such as a file that
	// did not parse and was only partly analysed.
	Notifications []Notification
}

// Notification is a problem met while scanning, reported as a SARIF
// toolExecutionNotification rather than as a result.
type Notification struct {
	// Level is "error", "warning", "note" or "none"; empty means "warning".
	Level   string
	Message string
	// File is relative to the scan root with forward slashes; optional.
	File string
	// Line is the 1-based line the problem is at; 0 if none.
	Line int
}

// Write writes in as an indented SARIF 2.1.0 log, ending in a newline, to
// w. Nothing is written if the log cannot be built.
func Write(w io.Writer, in Input) error {
	log, related, err := build(in)
	if err != nil {
		return err
	}
	doc, err := compact(log)
	if err != nil {
		return err
	}
	if doc, err = addRelationships(doc, related); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, doc, "", "  "); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// compact encodes v on one line, keeping <, > and & readable in help and
// snippets.
func compact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("sarif: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// addRelationships writes each descriptor's relationships into the
// encoded log doc. go-sarif's ReportingDescriptor has no relationships
// field, so the descriptor's own encoding, which the log contains exactly
// once (its id is unique), gets a "relationships" member before its
// closing brace. Encoding the log this way keeps the member order, and so
// the output, what go-sarif writes.
func addRelationships(doc []byte, related []relatedDescriptor) ([]byte, error) {
	for _, r := range related {
		old, err := compact(r.d)
		if err != nil {
			return nil, err
		}
		rels, err := compact(r.rels)
		if err != nil {
			return nil, err
		}
		if n := bytes.Count(doc, old); n != 1 {
			return nil, fmt.Errorf("sarif: descriptor %s occurs %d times in the log", r.d.ID, n)
		}
		repl := append(append(append(bytes.Clone(old[:len(old)-1]), `,"relationships":`...), rels...), '}')
		doc = bytes.Replace(doc, old, repl, 1)
	}
	return doc, nil
}

// RuleID is the SARIF ruleId of a finding: its rule id, or for a
// hardcoded-token finding that knows its secret type,
// hardcoded-token/<type>. SARIF's ruleId is a hierarchical string
// (§3.27.5), and "/" is its separator, so the type reads as a refinement
// of the rule; it is a descriptor of its own (rather than only an extra
// component of ruleId) because GitHub code scanning filters, shows help
// for and dismisses alerts by descriptor.
func RuleID(f *finding.Finding) string {
	if f.RuleID == rules.HardcodedToken && f.SecretType != "" {
		return rules.SecretRuleID(f.SecretType)
	}
	return f.RuleID
}

// build returns the log and, for each secret type descriptor, the
// relationships Write adds to it (go-sarif's reportingDescriptor has no
// relationships field).
func build(in Input) (*gosarif.Report, []relatedDescriptor, error) {
	log, err := gosarif.New(gosarif.Version210)
	if err != nil {
		return nil, nil, err
	}
	log.Schema = SchemaURI

	driver := gosarif.NewDriver(ToolName).WithInformationURI(InformationURI)
	if in.ToolVersion != "" {
		driver.WithVersion(in.ToolVersion)
	}
	if in.SemanticVersion != "" {
		driver.WithSemanticVersion(in.SemanticVersion)
	}
	run := gosarif.NewRun(*gosarif.NewTool(driver))
	run.WithColumnKind("utf16CodeUnits")
	if in.Category != "" {
		id := in.Category
		if !strings.HasSuffix(id, "/") {
			id += "/"
		}
		run.WithAutomationDetails(gosarif.NewRunAutomationDetails().WithID(id))
	}
	if in.ScanRoot != "" {
		root, err := rootURI(in.ScanRoot)
		if err != nil {
			return nil, nil, err
		}
		run.WithOriginalUriBaseIds(map[string]*gosarif.ArtifactLocation{
			SrcRoot: gosarif.NewArtifactLocation().WithUri(root),
		})
	}

	// Rules first: a result's ruleIndex points into this list.
	index := map[string]int{}
	addRule := func(d *gosarif.ReportingDescriptor) {
		index[d.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, d)
	}
	for _, r := range in.Rules {
		if r == nil {
			continue
		}
		if _, dup := index[r.ID]; !dup {
			addRule(descriptor(r))
		}
	}
	// Then one descriptor per secret type found, sorted by id, each
	// after its parent hardcoded-token.
	var related []relatedDescriptor
	types := map[string]*rules.SecretType{}
	for _, t := range in.SecretTypes {
		if t != nil {
			types[t.ID] = t
		}
	}
	var found []string
	for _, f := range in.Findings {
		if f != nil && RuleID(f) != f.RuleID && !slices.Contains(found, f.SecretType) {
			found = append(found, f.SecretType)
		}
	}
	slices.Sort(found)
	for _, typ := range found {
		if _, ok := index[rules.HardcodedToken]; !ok {
			addRule(descriptor(rules.MustLookup(rules.HardcodedToken)))
		}
		t := types[typ]
		if t == nil {
			t = &rules.SecretType{ID: typ} // a type the caller did not describe
		}
		d := secretDescriptor(t)
		addRule(d)
		related = append(related, relatedDescriptor{d, []relationship{parentRelationship(index[rules.HardcodedToken])}})
	}
	for _, f := range in.Findings {
		if f == nil {
			continue
		}
		if _, ok := index[RuleID(f)]; !ok {
			if r, known := rules.Lookup(f.RuleID); known {
				addRule(descriptor(r))
			} else {
				addRule(minimalDescriptor(f.RuleID))
			}
		}
	}

	for _, f := range in.Findings {
		if f == nil {
			continue
		}
		run.Results = append(run.Results, result(f, index[RuleID(f)]))
	}

	// executionSuccessful says whether the tool ran to completion, which
	// it has if there is a log at all: an interrupted or failed scan
	// writes none. Files and packages that were only partly analysed are
	// toolExecutionNotifications of level "error" (ProblemNotifications),
	// which is how SARIF 2.1.0 (Appendix I, "Detecting incomplete result
	// sets") marks results that may be incomplete. executionSuccessful
	// false means the tool failed to start or crashed, and GitHub code
	// scanning then treats the upload as an unsuccessful execution and
	// processes none of its results (github/codeql-action#1316, #1393):
	// one broken file would hide every finding.
	inv := run.AddInvocation(true)
	seen := map[Notification]bool{}
	for _, n := range in.Notifications {
		if seen[n] {
			continue
		}
		seen[n] = true
		sn, err := notification(n)
		if err != nil {
			return nil, nil, err
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sn)
	}

	log.AddRun(run)
	return log, related, nil
}

// descriptor is the reportingDescriptor of a catalogue rule.
func descriptor(r *rules.Rule) *gosarif.ReportingDescriptor {
	short := firstNonEmpty(r.Short, r.Title, r.ID)
	full := firstNonEmpty(r.Full, short)
	d := gosarif.NewRule(r.ID).
		WithName(CamelCase(r.ID)).
		WithShortDescription(gosarif.NewMultiformatMessageString(short)).
		WithFullDescription(gosarif.NewMultiformatMessageString(full)).
		// Trimmed: a rule without Full would otherwise start with blank lines.
		WithHelp(gosarif.NewMultiformatMessageString(strings.TrimSpace(r.HelpText())).
			WithMarkdown(strings.TrimSpace(r.HelpMarkdown()))).
		WithHelpURI(r.HelpURI())
	if lvl := level(r.Severity); lvl != "" {
		d.WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(lvl))
	}
	props := gosarif.Properties{"tags": uniqueStrings(r.Tags())}
	if r.Precision != "" {
		props["precision"] = r.Precision
	}
	if r.SecuritySeverity != "" {
		props["security-severity"] = r.SecuritySeverity
	}
	if ps := problemSeverity(r.Severity); ps != "" {
		props["problem.severity"] = ps
	}
	return d.WithProperties(props)
}

// secretDescriptor is the reportingDescriptor of a secret type: its
// own id, name, descriptions and help, and hardcoded-token's severity,
// precision and tags, since a type is that rule applied to one kind of
// credential.
func secretDescriptor(t *rules.SecretType) *gosarif.ReportingDescriptor {
	parent := rules.MustLookup(rules.HardcodedToken)
	d := gosarif.NewRule(t.RuleID()).
		WithName(CamelCase(t.RuleID())).
		WithShortDescription(gosarif.NewMultiformatMessageString(t.Short())).
		WithFullDescription(gosarif.NewMultiformatMessageString(t.Full())).
		WithHelp(gosarif.NewMultiformatMessageString(strings.TrimSpace(t.HelpText())).
			WithMarkdown(strings.TrimSpace(t.HelpMarkdown()))).
		WithHelpURI(rules.SecretTypesURI())
	if lvl := level(parent.Severity); lvl != "" {
		d.WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(lvl))
	}
	// GitHub keeps 10 tags; the parent's two, "secret", then the rule's.
	tags := uniqueStrings(append(append(parent.Tags(), "secret"), t.Tags...))
	if len(tags) > 10 {
		tags = tags[:10]
	}
	props := gosarif.Properties{"tags": tags, "precision": parent.Precision, "security-severity": parent.SecuritySeverity}
	if ps := problemSeverity(parent.Severity); ps != "" {
		props["problem.severity"] = ps
	}
	return d.WithProperties(props)
}

// relationship is SARIF's reportingDescriptorRelationship (§3.53).
type relationship struct {
	Target      descriptorReference `json:"target"`
	Kinds       []string            `json:"kinds"`
	Description *textMessage        `json:"description,omitempty"`
}

// descriptorReference is SARIF's reportingDescriptorReference (§3.52);
// without a toolComponent it refers to the driver's rules (§3.52.7).
type descriptorReference struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type textMessage struct {
	Text string `json:"text"`
}

// relatedDescriptor is a descriptor and the relationships it has.
type relatedDescriptor struct {
	d    *gosarif.ReportingDescriptor
	rels []relationship
}

// parentRelationship relates a secret type's descriptor (theSource) to
// hardcoded-token's (theTarget), at index parent of the driver's rules.
//
// The kind is "superset". SARIF 2.1.0 §3.53.3 defines each kind as what
// theTarget is to theSource: "superset": theTarget identifies a superset
// of the items identified by theSource. hardcoded-token's results are a
// superset of github-pat's, so the child says "superset" of its parent;
// "subset" would claim the parent finds less than the type. The spec's
// own examples read the same way: a rule pointing at the CWE entry (or
// custom taxon) its results fall into uses "superset", "interpreted as
// 'The MemoryManagement taxon is a superset of rule CA2101'" (§3.19.3),
// and §3.27.8 lets consumers take a result to fall into every target of
// an "equal" or "superset" relationship, which is true of the parent
// rule.
func parentRelationship(parent int) relationship {
	return relationship{
		Target:      descriptorReference{ID: rules.HardcodedToken, Index: parent},
		Kinds:       []string{"superset"},
		Description: &textMessage{Text: "Every result of this secret type is a result of rule " + rules.HardcodedToken + "."},
	}
}

// minimalDescriptor describes a rule id the catalogue does not know, so
// that its results still point at a descriptor.
func minimalDescriptor(id string) *gosarif.ReportingDescriptor {
	return gosarif.NewRule(id).
		WithName(CamelCase(id)).
		WithShortDescription(gosarif.NewMultiformatMessageString(firstNonEmpty(id, "unknown rule")))
}

func result(f *finding.Finding, ruleIndex int) *gosarif.Result {
	rule, _ := rules.Lookup(f.RuleID)
	msg := f.Message
	if msg == "" && rule != nil {
		msg = firstNonEmpty(rule.Short, rule.Title)
	}
	msg = firstNonEmpty(msg, f.RuleID, "finding")

	sev := f.Severity
	if sev == rules.SeverityNone && rule != nil {
		sev = rule.Severity
	}
	lvl := firstNonEmpty(level(sev), "warning")

	res := gosarif.NewRuleResult(RuleID(f)).
		WithRuleIndex(ruleIndex).
		WithLevel(lvl).
		WithMessage(gosarif.NewTextMessage(msg))

	if f.File != "" {
		res.AddLocation(gosarif.NewLocationWithPhysicalLocation(physicalLocation(f)))
		if cf := codeFlow(f); cf != nil {
			res.AddCodeFlow(cf)
		}
	}

	fps := map[string]any{}
	if f.LineHash != "" {
		fps[LineHashKey] = f.LineHash
	}
	if f.Fingerprint != "" {
		fps[FingerprintKey] = f.Fingerprint
	}
	if len(fps) > 0 {
		res.WithPartialFingerPrints(fps)
	}

	if s := f.Suppression; s != nil {
		res.AddSuppression(suppression(f, s))
	}
	if f.BaselineState != "" {
		res.WithBaselineState(f.BaselineState)
	}
	// The secrets context layer's verdict, for triage and filters in
	// code scanning's API: the confidence (also as the result's own
	// precision, in code scanning's vocabulary, and as SARIF's rank), and
	// the kind of file, also as a tag ("file:config") that filters on
	// tags can use.
	if f.Confidence != "" || f.FileClass != "" {
		pb := gosarif.NewPropertyBag()
		if f.Confidence != "" {
			pb.Add("confidence", f.Confidence)
			if rank, ok := confidenceRank[f.Confidence]; ok {
				pb.Add("precision", f.Confidence)
				res.WithRank(rank)
			}
		}
		if f.FileClass != "" {
			pb.Add("fileClass", f.FileClass)
			pb.Add("tags", []string{"file:" + f.FileClass})
		}
		res.AttachPropertyBag(pb)
	}

	for i, fx := range f.Fixes {
		if duplicateFix(f.Fixes[:i], fx) {
			continue // SARIF wants the fixes of a result to be distinct
		}
		if sf := fix(f, fx); sf != nil {
			res.AddFix(sf)
		}
	}
	return res
}

// confidenceRank is SARIF's result.rank (0 to 100, "the priority or
// importance") for each confidence of the secrets context layer. The
// confidences are also code scanning's precision values, which the rule
// descriptors carry too.
var confidenceRank = map[string]float32{"high": 90, "medium": 60, "low": 30}

func physicalLocation(f *finding.Finding) *gosarif.PhysicalLocation {
	pl := gosarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(f.File))
	if f.StartLine < 1 {
		return pl // a whole-file finding: no region
	}
	// Columns are UTF-16 code units (run.columnKind); a zero column is
	// unknown and left out rather than guessed from byte columns.
	endLine := max(f.EndLine, f.StartLine)
	reg := gosarif.NewRegion().WithStartLine(f.StartLine).WithEndLine(endLine)
	if f.StartColUTF16 > 0 {
		reg.WithStartColumn(f.StartColUTF16)
	}
	if f.EndColUTF16 > 0 && (endLine > f.StartLine || f.EndColUTF16 >= f.StartColUTF16) {
		reg.WithEndColumn(f.EndColUTF16)
	}
	if f.Snippet != "" {
		reg.WithSnippet(gosarif.NewArtifactContent().WithText(f.Snippet))
	}
	return pl.WithRegion(reg)
}

// codeFlow is the finding's flow as one thread flow, source to sink,
// or nil when it has none. The result's own location is the sink
// (§3.36.1: a code flow leads to the result); a flow that does not pass
// through it (a rule that reports where a value enters a flow, not where
// it ends) gets it as its last step, so every thread flow ends there.
func codeFlow(f *finding.Finding) *gosarif.CodeFlow {
	if len(f.Flow) == 0 {
		return nil
	}
	tf := gosarif.NewThreadFlow()
	reached := false
	for _, s := range f.Flow {
		if s.File == "" || s.Line < 1 {
			continue
		}
		reached = reached || s.File == f.File && s.Line == f.StartLine && s.Column == f.StartCol
		tf.AddLocation(threadFlowLocation(s))
	}
	if len(tf.Locations) == 0 {
		return nil
	}
	if !reached {
		tf.AddLocation(gosarif.NewThreadFlowLocation().WithLocation(
			gosarif.NewLocationWithPhysicalLocation(physicalLocation(f)).
				WithMessage(gosarif.NewTextMessage("reported here"))))
	}
	return gosarif.NewCodeFlow().WithThreadFlows([]*gosarif.ThreadFlow{tf})
}

// threadFlowLocation is one step of a flow: the place, as a one-point
// region (its column in UTF-16 code units, like the result's; an
// unknown column is left out), and what happens there.
func threadFlowLocation(s finding.Step) *gosarif.ThreadFlowLocation {
	reg := gosarif.NewRegion().WithStartLine(s.Line)
	if s.ColumnUTF16 > 0 {
		reg.WithStartColumn(s.ColumnUTF16)
	}
	pl := gosarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(s.File)).WithRegion(reg)
	loc := gosarif.NewLocationWithPhysicalLocation(pl).WithMessage(gosarif.NewTextMessage(firstNonEmpty(s.Message, "step")))
	return gosarif.NewThreadFlowLocation().WithLocation(loc)
}

// artifactLocation refers to file, relative to SRCROOT.
func artifactLocation(file string) *gosarif.ArtifactLocation {
	return gosarif.NewArtifactLocation().WithUri(FileURI(file)).WithUriBaseId(SrcRoot)
}

// FileURI turns a slash-separated relative path into a URI reference:
// characters that are not allowed in a URI path (space, %, #, ?, non-ASCII
// …) are percent-encoded, and a first segment that would read as a scheme
// ("c:d.go") is prefixed with "./".
func FileURI(file string) string {
	return (&url.URL{Path: file}).String()
}

// rootURI is the file: URL of the directory root, ending in a slash as
// SARIF requires of uriBaseId targets.
func rootURI(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("sarif: scan root: %w", err)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive: file:///C:/…
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String(), nil
}

func suppression(f *finding.Finding, s *finding.Suppression) *gosarif.Suppression {
	kind := s.Kind
	if kind != "inSource" && kind != "external" {
		kind = "inSource"
	}
	loc := gosarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(f.File))
	if s.Line > 0 {
		loc.WithRegion(gosarif.NewRegion().WithStartLine(s.Line))
	}
	// go-sarif writes unset suppression fields as null, which the schema
	// rejects, so every field is given a value.
	return gosarif.NewSuppression(kind).
		WithStatus("accepted").
		WithJustifcation(s.Justification).
		WithLocation(gosarif.NewLocationWithPhysicalLocation(loc)).
		WithGuid(suppressionGUID(f, s))
}

// suppressionGUID is a name-based (version 5) UUID of the suppressed
// finding, so the same suppression keeps the same guid across runs.
func suppressionGUID(f *finding.Finding, s *finding.Suppression) string {
	name := strings.Join([]string{
		InformationURI, "suppression", f.File,
		strconv.Itoa(f.StartLine), strconv.Itoa(f.StartCol),
		f.RuleID, f.Fingerprint, strconv.Itoa(s.Line),
	}, "\x00")
	return uuidV5(urlNamespace, name)
}

// urlNamespace is the RFC 4122 name space for URLs.
var urlNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuidV5 is the RFC 4122 version 5 (SHA-1, name-based) UUID of name.
func uuidV5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	x := hex.EncodeToString(u[:])
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// fix converts a suggested fix into SARIF, its edits as byte ranges
// grouped by file. It returns nil if no edit is usable.
func fix(f *finding.Finding, fx finding.Fix) *gosarif.Fix {
	var changes []*gosarif.ArtifactChange
	byFile := map[string]*gosarif.ArtifactChange{}
	for _, e := range fx.Edits {
		if e.Start < 0 || e.End < e.Start {
			continue
		}
		file := firstNonEmpty(e.File, f.File)
		if file == "" {
			continue
		}
		ch := byFile[file]
		if ch == nil {
			ch = gosarif.NewArtifactChange(artifactLocation(file))
			byFile[file] = ch
			changes = append(changes, ch)
		}
		deleted := gosarif.NewRegion().WithByteOffset(e.Start).WithByteLength(e.End - e.Start)
		rep := gosarif.NewReplacement(deleted)
		if e.New != "" {
			rep.WithInsertedContent(gosarif.NewArtifactContent().WithText(e.New))
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	if len(changes) == 0 {
		return nil
	}
	sf := gosarif.NewFix().WithArtifactChanges(changes)
	if fx.Description != "" {
		sf.WithDescriptionText(fx.Description)
	}
	return sf
}

func duplicateFix(before []finding.Fix, fx finding.Fix) bool {
	for _, b := range before {
		if reflect.DeepEqual(b, fx) {
			return true
		}
	}
	return false
}

// ProblemNotifications turns the problems of a scan into tool execution
// notifications. A problem that kept some rules from running on its
// target (a file that does not parse, a package or module the go
// command could not load, an analyzer that failed, a file that could not
// be read, or a kind this function does not know) is an "error": the
// results for that target may be incomplete. A package that does not
// type-check is a "warning": every rule still ran on it, through the
// syntactic fallback, with less precision.
func ProblemNotifications(ps []report.Problem) []Notification {
	out := make([]Notification, 0, len(ps))
	for _, p := range ps {
		level := "error"
		if p.Kind == "type" {
			level = "warning"
		}
		msg := p.Kind + ": " + p.Message
		if p.File == "" && p.Package != "" {
			msg = p.Kind + ": package " + p.Package + ": " + p.Message
		}
		out = append(out, Notification{Level: level, Message: msg, File: p.File, Line: p.Line})
	}
	return out
}

func notification(n Notification) (*gosarif.Notification, error) {
	lvl := n.Level
	switch lvl {
	case "":
		lvl = "warning"
	case "error", "warning", "note", "none":
	default:
		return nil, fmt.Errorf("sarif: notification level %q: want error, warning, note or none", n.Level)
	}
	sn := gosarif.NewNotification().WithLevel(lvl).WithTextMessage(firstNonEmpty(n.Message, "scan problem"))
	if n.File != "" {
		pl := gosarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(n.File))
		if n.Line > 0 {
			pl.WithRegion(gosarif.NewRegion().WithStartLine(n.Line))
		}
		sn.AddLocation(gosarif.NewLocationWithPhysicalLocation(pl))
	}
	return sn, nil
}

// level is the SARIF level of a severity; "" for none.
func level(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityWarning:
		return "warning"
	case rules.SeverityNote:
		return "note"
	}
	return ""
}

// problemSeverity is the problem.severity property GitHub reads for
// non-security display: error, warning or recommendation.
func problemSeverity(s rules.Severity) string {
	if s == rules.SeverityNote {
		return "recommendation"
	}
	return level(s)
}

// CamelCase turns a rule id into a reportingDescriptor name:
// "jwt-none-alg" becomes "JwtNoneAlg".
func CamelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func uniqueStrings(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
