package sarif

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/linehash"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/sarifschema"
	"github.com/tokenvet/tokenvet/rules"
)

// The scanned file: line 3 has Cyrillic and an emoji before the finding,
// so byte, rune and UTF-16 columns all differ.
const mainGo = "package main\n\nfunc f() { s := \"ключ😀\"; t := jwt.NewWithClaims(jwt.SigningMethodNone, c) }\n" +
	"func g() { _ = jwt.SigningMethodNone } //tokenvet:ignore jwt-none-alg test fixture\n"

const target = "jwt.SigningMethodNone"

// cols returns the 1-based byte and UTF-16 columns of the first target on
// the given 1-based line of mainGo, and of the end of it.
func cols(t *testing.T, line int) (startByte, endByte, start16, end16 int) {
	t.Helper()
	text := strings.Split(mainGo, "\n")[line-1]
	i := strings.Index(text, target)
	if i < 0 {
		t.Fatalf("no %s on line %d", target, line)
	}
	u16 := func(s string) int { return len(utf16.Encode([]rune(s))) }
	return i + 1, i + len(target) + 1, u16(text[:i]) + 1, u16(text[:i+len(target)]) + 1
}

func testInput(t *testing.T) Input {
	t.Helper()
	hashes := linehash.Compute([]byte(mainGo))
	sb, eb, s16, e16 := cols(t, 3)
	gsb, geb, gs16, ge16 := cols(t, 4)
	if sb == s16 {
		t.Fatalf("test file does not make byte and UTF-16 columns differ")
	}
	return Input{
		Findings: []*finding.Finding{
			{
				RuleID: rules.JWTNoneAlg, Severity: rules.SeverityError,
				Message: "JWT signed with the 'none' algorithm",
				File:    "cmd/my app/main.go", StartLine: 3, StartCol: sb, EndLine: 3, EndCol: eb,
				StartColUTF16: s16, EndColUTF16: e16,
				Snippet:     `func f() { s := "****"; t := jwt.NewWithClaims(jwt.SigningMethodNone, c) }`,
				Fingerprint: "fp-none-1", LineHash: hashes[2], Engine: "go",
				Fixes: []finding.Fix{{
					Description: "sign with HS256",
					Edits:       []finding.Edit{{File: "cmd/my app/main.go", Start: 60, End: 81, New: "jwt.SigningMethodHS256"}},
				}},
			},
			{
				RuleID: rules.JWTNoneAlg, Severity: rules.SeverityError,
				Message: "JWT signed with the 'none' algorithm",
				File:    "cmd/my app/main.go", StartLine: 4, StartCol: gsb, EndLine: 4, EndCol: geb,
				StartColUTF16: gs16, EndColUTF16: ge16,
				Fingerprint: "fp-none-2", LineHash: hashes[3], Engine: "go",
				Suppression: &finding.Suppression{Kind: "inSource", Justification: "test fixture", Line: 4},
			},
			{
				RuleID: rules.TokenLogged, Severity: rules.SeverityWarning,
				Message: "token written to a log <redacted> & more",
				File:    "internal/log.go", StartLine: 7, StartCol: 2, EndLine: 7, EndCol: 20,
				StartColUTF16: 2, EndColUTF16: 20, Fingerprint: "fp-logged", Engine: "go",
				// Source to sink, through another file whose line has
				// text before the step that UTF-16 counts differently.
				Flow: []finding.Step{
					{File: "internal/auth/ключ.go", Line: 5, Column: 19, ColumnUTF16: 12, Message: "source Authorization header"},
					{File: "internal/log.go", Line: 6, Column: 2, ColumnUTF16: 2, Message: "assigned to tok"},
					{File: "internal/log.go", Line: 7, Column: 2, ColumnUTF16: 2, Message: "passed to log.Printf"},
				},
			},
			{
				RuleID: rules.InvalidSuppression, Severity: rules.SeverityWarning,
				Message: "tokenvet:ignore names unknown rule jwt-unverifed-parse",
				File:    "web/app.js", StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 40,
				StartColUTF16: 1, EndColUTF16: 40, Fingerprint: "fp-invalid", Engine: "suppress",
			},
			{
				RuleID: "made-up-rule", Severity: rules.SeverityNote,
				Message: "from a plugin", File: "web/app.js", StartLine: 2,
			},
		},
		ToolVersion:     "v0.3.0-2-gabcdef",
		SemanticVersion: "0.3.0",
		Category:        "tokenvet",
		// A fixed list, not rules.Implemented(): token-logged must stay a
		// rule that only a finding names, whatever the catalogue holds.
		Rules:    []*rules.Rule{rules.MustLookup(rules.InvalidSuppression), rules.MustLookup(rules.JWTNoneAlg)},
		ScanRoot: "/tmp/scan root",
		Notifications: []Notification{
			{Level: "warning", Message: "web/broken.ts has a syntax error; only secret rules ran on it", File: "web/broken.ts", Line: 3},
			{Message: "go.mod of testdata/x could not be read"},
		},
	}
}

func write(t *testing.T, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func decode(t *testing.T, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	return doc
}

// get walks doc by object keys and array indexes, failing t if a step is
// missing.
func get(t *testing.T, doc any, path ...any) any {
	t.Helper()
	v := doc
	for i, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at step %d", path, i)
			}
			if v, ok = m[k]; !ok {
				t.Fatalf("%v: no key %q", path, k)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no index %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func has(doc any, path ...any) bool {
	v := doc
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return false
			}
			if v, ok = m[k]; !ok {
				return false
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return false
			}
			v = a[k]
		}
	}
	return true
}

func TestWriteValidatesAgainstSchema(t *testing.T) {
	variants := map[string]func(*Input){
		"full":  func(*Input) {},
		"empty": func(in *Input) { *in = Input{} },
		"sparse finding": func(in *Input) {
			in.Findings = append(in.Findings, &finding.Finding{RuleID: rules.JWTNoneAlg, File: "a.go", StartLine: 1})
		},
		"whole-file finding": func(in *Input) {
			in.Findings = []*finding.Finding{{RuleID: rules.JWTDeprecatedLibrary, Message: "m", File: "go.mod"}}
		},
		"fix edge cases": func(in *Input) {
			in.Findings[0].Fixes = append(in.Findings[0].Fixes,
				in.Findings[0].Fixes[0],
				finding.Fix{Edits: []finding.Edit{{Start: 0, End: 3}, {File: "other file.go", Start: 1, End: 1, New: "x"}}},
				finding.Fix{Description: "broken", Edits: []finding.Edit{{Start: 5, End: 2}}})
		},
		"suppression without line": func(in *Input) {
			in.Findings[0].Suppression = &finding.Suppression{Justification: ""}
		},
		"flow that does not reach the result": func(in *Input) {
			in.Findings[2].Flow = in.Findings[2].Flow[:2]
		},
		"flow step without a column": func(in *Input) {
			in.Findings[2].Flow[0].Column, in.Findings[2].Flow[0].ColumnUTF16 = 0, 0
		},
	}
	for name, change := range variants {
		t.Run(name, func(t *testing.T) {
			in := testInput(t)
			change(&in)
			sarifschema.Validate(t, write(t, in))
		})
	}
}

func TestWriteEmptyInput(t *testing.T) {
	doc := decode(t, write(t, Input{}))
	if rs := get(t, doc, "runs", 0, "results").([]any); len(rs) != 0 {
		t.Errorf("results = %v, want empty", rs)
	}
	if rs := get(t, doc, "runs", 0, "tool", "driver", "rules").([]any); len(rs) != 0 {
		t.Errorf("rules = %v, want empty list", rs)
	}
}

func TestWriteFormatting(t *testing.T) {
	out := write(t, testInput(t))
	if !bytes.HasPrefix(out, []byte("{\n  \"")) {
		t.Errorf("output is not indented JSON: %.40q", out)
	}
	if !bytes.HasSuffix(out, []byte("}\n")) || bytes.HasSuffix(out, []byte("\n\n")) {
		t.Errorf("output does not end in exactly one newline: %q", out[max(0, len(out)-10):])
	}
	if !bytes.Contains(out, []byte("<redacted> & more")) {
		t.Errorf("HTML characters escaped in messages")
	}
}

func TestWriteDeterministic(t *testing.T) {
	a := write(t, testInput(t))
	for range 5 {
		if b := write(t, testInput(t)); !bytes.Equal(a, b) {
			t.Fatalf("two writes of the same input differ:\n%s\n---\n%s", a, b)
		}
	}
}

func TestWriteTool(t *testing.T) {
	doc := decode(t, write(t, testInput(t)))
	if got := get(t, doc, "version"); got != "2.1.0" {
		t.Errorf("version = %v", got)
	}
	if got := get(t, doc, "$schema"); got != SchemaURI {
		t.Errorf("$schema = %v", got)
	}
	driver := get(t, doc, "runs", 0, "tool", "driver")
	for key, want := range map[string]string{
		"name":            "tokenvet",
		"version":         "v0.3.0-2-gabcdef",
		"semanticVersion": "0.3.0",
		"informationUri":  "https://github.com/tokenvet/tokenvet",
	} {
		if got := get(t, driver, key); got != want {
			t.Errorf("driver.%s = %v, want %q", key, got, want)
		}
	}
	run := get(t, doc, "runs", 0)
	if got := get(t, run, "automationDetails", "id"); got != "tokenvet/" {
		t.Errorf("automationDetails.id = %v, want tokenvet/", got)
	}
	if got := get(t, run, "originalUriBaseIds", "SRCROOT", "uri"); got != "file:///tmp/scan%20root/" {
		t.Errorf("SRCROOT = %v", got)
	}
	if got := get(t, run, "columnKind"); got != "utf16CodeUnits" {
		t.Errorf("columnKind = %v", got)
	}
	if got := get(t, run, "invocations", 0, "executionSuccessful"); got != true {
		t.Errorf("executionSuccessful = %v", got)
	}
}

func TestWriteRules(t *testing.T) {
	in := testInput(t)
	doc := decode(t, write(t, in))
	descs := get(t, doc, "runs", 0, "tool", "driver", "rules").([]any)

	var ids []string
	for _, d := range descs {
		ids = append(ids, get(t, d, "id").(string))
	}
	// The given rules in order, then those only findings name, in order of
	// first appearance.
	var want []string
	for _, r := range in.Rules {
		want = append(want, r.ID)
	}
	for _, f := range in.Findings {
		if !slices.Contains(want, f.RuleID) {
			want = append(want, f.RuleID)
		}
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("rule ids = %q, want %q", ids, want)
	}

	for i, r := range in.Rules {
		d := descs[i]
		checks := map[string]any{
			"name":                         CamelCase(r.ID),
			"shortDescription.text":        r.Short,
			"fullDescription.text":         r.Full,
			"help.text":                    strings.TrimSpace(r.HelpText()),
			"help.markdown":                strings.TrimSpace(r.HelpMarkdown()),
			"helpUri":                      r.HelpURI(),
			"defaultConfiguration.level":   level(r.Severity),
			"properties.precision":         r.Precision,
			"properties.security-severity": r.SecuritySeverity,
			"properties.problem.severity":  problemSeverity(r.Severity),
		}
		for path, want := range checks {
			var steps []any
			if p, ok := strings.CutPrefix(path, "properties."); ok {
				steps = []any{"properties", p}
			} else {
				for _, s := range strings.Split(path, ".") {
					steps = append(steps, s)
				}
			}
			if got := get(t, d, steps...); got != want || want == "" {
				t.Errorf("rule %s %s = %q, want %q", r.ID, path, got, want)
			}
		}
		tags := get(t, d, "properties", "tags").([]any)
		if len(tags) != len(r.Tags()) || tags[0] != "security" || !strings.HasPrefix(tags[1].(string), "external/cwe/cwe-") {
			t.Errorf("rule %s tags = %v", r.ID, tags)
		}
	}
	at := func(id string) any { return descs[slices.Index(ids, id)] }
	if got := get(t, at(rules.JWTNoneAlg), "name"); got != "JwtNoneAlg" {
		t.Errorf("name of jwt-none-alg = %v", got)
	}
	// A catalogue rule not passed in still gets its full metadata.
	if got := get(t, at(rules.TokenLogged), "properties", "security-severity"); got != "5.5" {
		t.Errorf("token-logged security-severity = %v", got)
	}
	if help := get(t, at(rules.TokenLogged), "help", "text").(string); help != strings.TrimSpace(help) {
		t.Errorf("token-logged help text has surrounding blanks: %q", help)
	}
	// An unknown id gets a minimal but valid descriptor.
	if got := get(t, at("made-up-rule"), "shortDescription", "text"); got != "made-up-rule" {
		t.Errorf("unknown rule shortDescription = %v", got)
	}
}

func TestWriteRuleIndex(t *testing.T) {
	in := testInput(t)
	// Reverse the given rules: indexes must follow the descriptor order,
	// not the catalogue's.
	in.Rules = slices.Clone(in.Rules)
	slices.Reverse(in.Rules)
	out := write(t, in)
	if bytes.Contains(out, []byte("18446744073709551615")) {
		t.Fatal("output contains ruleIndex 2^64-1")
	}
	doc := decode(t, out)
	descs := get(t, doc, "runs", 0, "tool", "driver", "rules").([]any)
	results := get(t, doc, "runs", 0, "results").([]any)
	if len(results) != len(in.Findings) {
		t.Fatalf("%d results, want %d", len(results), len(in.Findings))
	}
	for i, r := range results {
		idx := int(get(t, r, "ruleIndex").(float64))
		if idx < 0 || idx >= len(descs) {
			t.Fatalf("result %d: ruleIndex %d out of range", i, idx)
		}
		if got, want := get(t, descs[idx], "id"), get(t, r, "ruleId"); got != want {
			t.Errorf("result %d: ruleIndex %d names %v, ruleId is %v", i, idx, got, want)
		}
		if got := get(t, r, "ruleId"); got != in.Findings[i].RuleID {
			t.Errorf("result %d: ruleId %v, want %s (order changed)", i, got, in.Findings[i].RuleID)
		}
	}
	wantIdx := slices.IndexFunc(in.Rules, func(r *rules.Rule) bool { return r.ID == rules.JWTNoneAlg })
	if got := get(t, results[0], "ruleIndex"); got != float64(wantIdx) {
		t.Errorf("jwt-none-alg ruleIndex = %v, want %d after reversing", got, wantIdx)
	}
}

func TestWriteResults(t *testing.T) {
	in := testInput(t)
	doc := decode(t, write(t, in))
	results := get(t, doc, "runs", 0, "results").([]any)

	r0 := results[0]
	if got := get(t, r0, "level"); got != "error" {
		t.Errorf("level = %v", got)
	}
	if got := get(t, r0, "message", "text"); got != in.Findings[0].Message {
		t.Errorf("message = %v", got)
	}
	locs := get(t, r0, "locations").([]any)
	if len(locs) != 1 {
		t.Fatalf("%d locations, want 1", len(locs))
	}
	art := get(t, locs[0], "physicalLocation", "artifactLocation")
	if got := get(t, art, "uri"); got != "cmd/my%20app/main.go" {
		t.Errorf("uri = %v", got)
	}
	if got := get(t, art, "uriBaseId"); got != "SRCROOT" {
		t.Errorf("uriBaseId = %v", got)
	}
	reg := get(t, locs[0], "physicalLocation", "region")
	f := in.Findings[0]
	for key, want := range map[string]int{
		"startLine": 3, "endLine": 3, "startColumn": f.StartColUTF16, "endColumn": f.EndColUTF16,
	} {
		if got := get(t, reg, key); got != float64(want) {
			t.Errorf("region.%s = %v, want %d", key, got, want)
		}
	}
	if get(t, reg, "startColumn") == float64(f.StartCol) {
		t.Errorf("startColumn is the byte column %d, not UTF-16", f.StartCol)
	}
	if got := get(t, reg, "snippet", "text"); got != f.Snippet {
		t.Errorf("snippet = %v", got)
	}
	if has(results[2], "locations", 0, "physicalLocation", "region", "snippet") {
		t.Error("snippet written for a finding without one")
	}
	if got := get(t, results[1], "level"); got != "error" {
		t.Errorf("suppressed finding level = %v", got)
	}
	if got := get(t, results[2], "level"); got != "warning" {
		t.Errorf("warning finding level = %v", got)
	}
	if got := get(t, results[4], "level"); got != "note" {
		t.Errorf("note finding level = %v", got)
	}
	// A finding without columns has a line-only region.
	reg4 := get(t, results[4], "locations", 0, "physicalLocation", "region").(map[string]any)
	if _, ok := reg4["startColumn"]; ok {
		t.Errorf("startColumn written without a known column: %v", reg4)
	}
}

func TestWriteFingerprints(t *testing.T) {
	in := testInput(t)
	doc := decode(t, write(t, in))
	results := get(t, doc, "runs", 0, "results").([]any)

	fp := get(t, results[0], "partialFingerprints").(map[string]any)
	if fp[LineHashKey] != in.Findings[0].LineHash || fp[LineHashKey] == "" {
		t.Errorf("primaryLocationLineHash = %v, want %q", fp[LineHashKey], in.Findings[0].LineHash)
	}
	if fp["tokenvet/v1"] != "fp-none-1" {
		t.Errorf("tokenvet/v1 = %v", fp["tokenvet/v1"])
	}
	if !regexp.MustCompile(`^[0-9a-f]+:[0-9]+$`).MatchString(fp[LineHashKey].(string)) {
		t.Errorf("line hash %v not in hex:count form", fp[LineHashKey])
	}

	// No LineHash: leave primaryLocationLineHash to upload-sarif.
	fp3 := get(t, results[3], "partialFingerprints").(map[string]any)
	if _, ok := fp3[LineHashKey]; ok {
		t.Errorf("empty LineHash written: %v", fp3)
	}
	if fp3["tokenvet/v1"] != "fp-invalid" {
		t.Errorf("tokenvet/v1 = %v", fp3["tokenvet/v1"])
	}
	// Neither: no partialFingerprints at all.
	if has(results[4], "partialFingerprints") {
		t.Errorf("partialFingerprints written for a finding with none")
	}
}

func TestWriteSuppression(t *testing.T) {
	in := testInput(t)
	doc := decode(t, write(t, in))
	results := get(t, doc, "runs", 0, "results").([]any)
	for i, r := range results {
		if suppressed := has(r, "suppressions"); suppressed != (in.Findings[i].Suppression != nil) {
			t.Errorf("result %d: suppressions present = %v", i, suppressed)
		}
	}
	sups := get(t, results[1], "suppressions").([]any)
	if len(sups) != 1 {
		t.Fatalf("%d suppressions, want 1", len(sups))
	}
	s := sups[0]
	if got := get(t, s, "kind"); got != "inSource" {
		t.Errorf("kind = %v", got)
	}
	if got := get(t, s, "justification"); got != "test fixture" {
		t.Errorf("justification = %v", got)
	}
	if got := get(t, s, "location", "physicalLocation", "region", "startLine"); got != 4.0 {
		t.Errorf("suppression line = %v", got)
	}
	guid := get(t, s, "guid").(string)
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(guid) {
		t.Errorf("guid %q is not a version 5 UUID", guid)
	}
	// Another suppression gets another guid.
	in2 := testInput(t)
	in2.Findings[0].Suppression = &finding.Suppression{Kind: "inSource", Justification: "x", Line: 3}
	doc2 := decode(t, write(t, in2))
	if g0 := get(t, doc2, "runs", 0, "results", 0, "suppressions", 0, "guid"); g0 == guid {
		t.Errorf("two suppressions share guid %s", guid)
	}
}

// uuidV5 must follow RFC 4122: the DNS namespace and "www.example.com"
// give 2ed6657d-e927-568b-95e1-2665a8aea6a2.
func TestUUIDv5(t *testing.T) {
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got := uuidV5(dns, "www.example.com"); got != "2ed6657d-e927-568b-95e1-2665a8aea6a2" {
		t.Errorf("uuidV5 = %s", got)
	}
}

func TestWriteFixes(t *testing.T) {
	in := testInput(t)
	// A duplicate fix and one without usable edits are dropped.
	in.Findings[0].Fixes = append(in.Findings[0].Fixes, in.Findings[0].Fixes[0],
		finding.Fix{Description: "broken", Edits: []finding.Edit{{Start: 5, End: 2}}})
	out := write(t, in)
	doc := decode(t, out)
	fixes := get(t, doc, "runs", 0, "results", 0, "fixes").([]any)
	if len(fixes) != 1 {
		t.Fatalf("%d fixes, want 1", len(fixes))
	}
	ch := get(t, fixes[0], "artifactChanges", 0)
	if got := get(t, ch, "artifactLocation", "uri"); got != "cmd/my%20app/main.go" {
		t.Errorf("fix uri = %v", got)
	}
	rep := get(t, ch, "replacements", 0)
	if got := get(t, rep, "deletedRegion", "byteOffset"); got != 60.0 {
		t.Errorf("byteOffset = %v", got)
	}
	if got := get(t, rep, "deletedRegion", "byteLength"); got != 21.0 {
		t.Errorf("byteLength = %v", got)
	}
	if got := get(t, rep, "insertedContent", "text"); got != "jwt.SigningMethodHS256" {
		t.Errorf("insertedContent = %v", got)
	}
	if got := get(t, fixes[0], "description", "text"); got != "sign with HS256" {
		t.Errorf("description = %v", got)
	}
	if has(get(t, doc, "runs", 0, "results", 1), "fixes") {
		t.Error("fixes written for a finding without any")
	}
}

func TestWriteNotifications(t *testing.T) {
	in := testInput(t)
	in.Notifications = append(in.Notifications, in.Notifications[0]) // duplicate dropped
	doc := decode(t, write(t, in))
	ns := get(t, doc, "runs", 0, "invocations", 0, "toolExecutionNotifications").([]any)
	if len(ns) != 2 {
		t.Fatalf("%d notifications, want 2", len(ns))
	}
	if got := get(t, ns[0], "message", "text"); got != in.Notifications[0].Message {
		t.Errorf("message = %v", got)
	}
	if got := get(t, ns[0], "locations", 0, "physicalLocation", "artifactLocation", "uri"); got != "web/broken.ts" {
		t.Errorf("uri = %v", got)
	}
	if got := get(t, ns[0], "locations", 0, "physicalLocation", "region", "startLine"); got != 3.0 {
		t.Errorf("line = %v", got)
	}
	if got := get(t, ns[1], "level"); got != "warning" {
		t.Errorf("default level = %v", got)
	}
	if has(ns[1], "locations") {
		t.Error("location written for a notification without a file")
	}

	in.Notifications = []Notification{{Level: "fatal", Message: "x"}}
	var buf bytes.Buffer
	if err := Write(&buf, in); err == nil {
		t.Error("unknown notification level accepted")
	}
	if buf.Len() != 0 {
		t.Errorf("partial output written on error: %q", buf.String())
	}
}

// No description, message or text may be null or {}: both are schema
// errors that go-sarif produces when a field is left unset.
func TestWriteNoNullOrEmptyObjects(t *testing.T) {
	in := testInput(t)
	in.Findings = append(in.Findings, &finding.Finding{RuleID: rules.JWTNoneAlg, File: "a.go", StartLine: 1})
	out := write(t, in)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case nil:
			t.Errorf("%s is null", path)
		case map[string]any:
			if len(x) == 0 {
				t.Errorf("%s is {}", path)
			}
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			for i, e := range x {
				walk(path+"["+strconv.Itoa(i)+"]", e)
			}
		}
	}
	walk("$", decode(t, out))

	doc := decode(t, out)
	for _, d := range get(t, doc, "runs", 0, "tool", "driver", "rules").([]any) {
		if s, _ := get(t, d, "shortDescription", "text").(string); s == "" {
			t.Errorf("rule %v: empty shortDescription", get(t, d, "id"))
		}
	}
	for _, r := range get(t, doc, "runs", 0, "results").([]any) {
		if s, _ := get(t, r, "message", "text").(string); s == "" {
			t.Errorf("result %v: empty message", r)
		}
	}
	// The finding without a message borrows the rule's short description.
	last := get(t, doc, "runs", 0, "results", len(in.Findings)-1)
	if got := get(t, last, "message", "text"); got != rules.MustLookup(rules.JWTNoneAlg).Short {
		t.Errorf("fallback message = %v", got)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritePropagatesWriterError(t *testing.T) {
	if err := Write(failWriter{}, testInput(t)); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Write = %v, want the writer's error", err)
	}
}

func TestCamelCase(t *testing.T) {
	for id, want := range map[string]string{
		"jwt-none-alg":         "JwtNoneAlg",
		"token-in-web-storage": "TokenInWebStorage",
		"hardcoded-token":      "HardcodedToken",
		"x":                    "X",
		"":                     "",
		"a--b_c.d":             "ABCD",
	} {
		if got := CamelCase(id); got != want {
			t.Errorf("CamelCase(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestFileURI(t *testing.T) {
	for file, want := range map[string]string{
		"cmd/main.go":    "cmd/main.go",
		"my app/main.go": "my%20app/main.go",
		"web/é.js":       "web/%C3%A9.js",
		"a#b?.go":        "a%23b%3F.go",
		"100%.yml":       "100%25.yml",
		"c:d.go":         "./c:d.go",
		"dir/c:d.go":     "dir/c:d.go",
		".github/ci.yml": ".github/ci.yml",
	} {
		if got := FileURI(file); got != want {
			t.Errorf("FileURI(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestCategoryKeepsOneSlash(t *testing.T) {
	in := Input{Category: "tokenvet/go/"}
	doc := decode(t, write(t, in))
	if got := get(t, doc, "runs", 0, "automationDetails", "id"); got != "tokenvet/go/" {
		t.Errorf("automationDetails.id = %v", got)
	}
	if has(decode(t, write(t, Input{})), "runs", 0, "automationDetails") {
		t.Error("automationDetails written without a category")
	}
}

// TestProblemNotifications: files and packages only partly analysed are
// notifications whose level says whether results may be missing; the
// run still reports executionSuccessful true (the scan completed), so
// that code scanning processes the results. Every problem was once a
// warning, which SARIF consumers read as complete results.
func TestProblemNotifications(t *testing.T) {
	ps := []report.Problem{
		{Kind: "syntax", File: "bad.go", Line: 3, Column: 13, Message: "expected ';'"},
		{Kind: "type", Package: "example.com/r", File: "a.go", Line: 5, Message: "undefined: x"},
		{Kind: "load", Package: "example.com/r/sub", Message: "no required module provides package"},
		{Kind: "analyzer", Package: "example.com/r", Message: "analyzer x failed"},
		{Kind: "read", File: "big.bin", Message: "permission denied"},
		{Kind: "too-deep", File: "a.js", Line: 1, Message: "nested too deeply: rules did not run"},
	}
	ns := ProblemNotifications(ps)
	want := []Notification{
		{Level: "error", Message: "syntax: expected ';'", File: "bad.go", Line: 3},
		{Level: "warning", Message: "type: undefined: x", File: "a.go", Line: 5},
		{Level: "error", Message: "load: package example.com/r/sub: no required module provides package"},
		{Level: "error", Message: "analyzer: package example.com/r: analyzer x failed"},
		{Level: "error", Message: "read: permission denied", File: "big.bin"},
		{Level: "error", Message: "too-deep: nested too deeply: rules did not run", File: "a.js", Line: 1},
	}
	if !slices.Equal(ns, want) {
		t.Errorf("notifications:\n got %+v\nwant %+v", ns, want)
	}
	in := testInput(t)
	in.Notifications = ns
	out := write(t, in)
	sarifschema.Validate(t, out)
	doc := decode(t, out)
	if got := get(t, doc, "runs", 0, "invocations", 0, "executionSuccessful"); got != true {
		t.Errorf("executionSuccessful = %v: code scanning would drop every result of the upload", got)
	}
	if got := get(t, doc, "runs", 0, "invocations", 0, "toolExecutionNotifications", 0, "level"); got != "error" {
		t.Errorf("level of the syntax error = %v", got)
	}
}

// TestWriteSecretVerdict: a hard-coded secret's confidence and file class
// (the secrets context layer's verdict) reach each result as properties
// code scanning can filter on — confidence, precision, fileClass, a
// "file:<class>" tag — and as the result's rank; a finding without them
// gets none, and the log still validates.
func TestWriteSecretVerdict(t *testing.T) {
	in := testInput(t)
	secret := &finding.Finding{
		RuleID: rules.HardcodedToken, SecretType: "generic-api-key", Severity: rules.SeverityError,
		Message: "hard-coded generic API key", File: "config/app.yml", StartLine: 2, StartCol: 8, EndLine: 2, EndCol: 30,
		StartColUTF16: 8, EndColUTF16: 30, Fingerprint: "fp-secret", Engine: "secrets",
		Confidence: "medium", FileClass: "config",
	}
	provider := *secret
	provider.Confidence, provider.FileClass, provider.Fingerprint, provider.StartLine, provider.EndLine = "high", "test", "fp-provider", 3, 3
	in.Findings = append(in.Findings, secret, &provider)
	out := write(t, in)
	sarifschema.Validate(t, out)
	results := get(t, decode(t, out), "runs", 0, "results").([]any)
	for _, tc := range []struct {
		result                 any
		confidence, class, tag string
		rank                   float64
	}{
		{results[len(results)-2], "medium", "config", "file:config", 60},
		{results[len(results)-1], "high", "test", "file:test", 90},
	} {
		props := get(t, tc.result, "properties").(map[string]any)
		if props["confidence"] != tc.confidence || props["precision"] != tc.confidence || props["fileClass"] != tc.class {
			t.Errorf("properties %v, want confidence and precision %s, fileClass %s", props, tc.confidence, tc.class)
		}
		if tags, _ := props["tags"].([]any); len(tags) != 1 || tags[0] != tc.tag {
			t.Errorf("tags %v, want [%s]", props["tags"], tc.tag)
		}
		if got := get(t, tc.result, "rank"); got != tc.rank {
			t.Errorf("rank %v, want %v", got, tc.rank)
		}
	}
	if has(results[0], "properties", "confidence") || has(results[0], "rank") {
		t.Errorf("a JWT finding got a secret's verdict: %v", results[0])
	}
}

// threadFlow returns the locations of a result's one thread flow.
func threadFlow(t *testing.T, result any) []any {
	t.Helper()
	if n := len(get(t, result, "codeFlows").([]any)); n != 1 {
		t.Fatalf("%d code flows, want 1", n)
	}
	if n := len(get(t, result, "codeFlows", 0, "threadFlows").([]any)); n != 1 {
		t.Fatalf("%d thread flows, want 1", n)
	}
	return get(t, result, "codeFlows", 0, "threadFlows", 0, "locations").([]any)
}

func TestWriteCodeFlows(t *testing.T) {
	in := testInput(t)
	doc := decode(t, write(t, in))
	results := get(t, doc, "runs", 0, "results").([]any)

	f := in.Findings[2]
	locs := threadFlow(t, results[2])
	if len(locs) != len(f.Flow) {
		t.Fatalf("%d thread flow locations, want the flow's %d steps", len(locs), len(f.Flow))
	}
	for i, s := range f.Flow {
		loc := get(t, locs[i], "location")
		if got := get(t, loc, "message", "text"); got != s.Message {
			t.Errorf("step %d: message = %v, want %q", i, got, s.Message)
		}
		if got := get(t, loc, "physicalLocation", "artifactLocation", "uri"); got != FileURI(s.File) {
			t.Errorf("step %d: uri = %v, want %s", i, got, FileURI(s.File))
		}
		if got := get(t, loc, "physicalLocation", "artifactLocation", "uriBaseId"); got != SrcRoot {
			t.Errorf("step %d: uriBaseId = %v", i, got)
		}
		reg := get(t, loc, "physicalLocation", "region")
		if got := get(t, reg, "startLine"); got != float64(s.Line) {
			t.Errorf("step %d: startLine = %v, want %d", i, got, s.Line)
		}
		// UTF-16 columns, as the result's own region has them.
		if got := get(t, reg, "startColumn"); got != float64(s.ColumnUTF16) {
			t.Errorf("step %d: startColumn = %v, want the UTF-16 column %d", i, got, s.ColumnUTF16)
		}
	}
	// The flow ends at the result's own location.
	last := get(t, locs[len(locs)-1], "location", "physicalLocation")
	own := get(t, results[2], "locations", 0, "physicalLocation")
	for _, key := range []string{"startLine", "startColumn"} {
		if a, b := get(t, last, "region", key), get(t, own, "region", key); a != b {
			t.Errorf("last step's %s = %v, result's = %v", key, a, b)
		}
	}
	if a, b := get(t, last, "artifactLocation", "uri"), get(t, own, "artifactLocation", "uri"); a != b {
		t.Errorf("last step's uri = %v, result's = %v", a, b)
	}

	for i, r := range results {
		if i != 2 && has(r, "codeFlows") {
			t.Errorf("result %d has codeFlows but its finding has no flow", i)
		}
	}
}

// A flow that stops short of the result's location (a rule reporting
// where a value enters a flow) still ends at the result: its location is
// appended.
func TestWriteCodeFlowEndsAtResult(t *testing.T) {
	in := testInput(t)
	f := in.Findings[2]
	f.Flow = f.Flow[:2]
	doc := decode(t, write(t, in))
	locs := threadFlow(t, get(t, doc, "runs", 0, "results", 2))
	if len(locs) != 3 {
		t.Fatalf("%d thread flow locations, want the 2 steps and the result's", len(locs))
	}
	last := get(t, locs[2], "location", "physicalLocation")
	if got := get(t, last, "region", "startLine"); got != float64(f.StartLine) {
		t.Errorf("last location's line = %v, want the result's %d", got, f.StartLine)
	}
	if got := get(t, last, "artifactLocation", "uri"); got != FileURI(f.File) {
		t.Errorf("last location's uri = %v, want %s", got, f.File)
	}
}
