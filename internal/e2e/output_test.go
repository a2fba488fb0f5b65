package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFailedWriteKeepsReport: -o once truncated its target in
// place, so a write that failed (here a file-size limit) left a corrupt
// report where the previous one had been, and -o wrote through a
// symbolic link at the target.
func TestOutputFailedWriteKeepsReport(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%d.yaml", i)), "oauth:\n  clientSecret: "+plantedSecret+"\n")
	}
	out := t.TempDir()
	report := filepath.Join(out, "report.json")
	const previous = "{\"previous\": \"complete report\"}\n"
	writeFile(t, report, previous)
	// ulimit -f counts 512-byte blocks in sh: 8 KiB, less than the report.
	r := run(t, dir, "/bin/sh", "-c", `ulimit -f 16 && exec "$0" scan -q --format json -o "$1" .`, tokenvet, report)
	if r.code != 2 || !strings.Contains(r.stderr, "writing the report") {
		t.Errorf("exit %d, want 2 and the write error\n%s", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(report); string(got) != previous {
		t.Errorf("after a failed write the previous report is gone: %.200q", got)
	}
	// Without the limit, the same command replaces it whole.
	if r := scan(t, dir, "-q", "--format", "json", "-o", report, "."); r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var doc struct{ Findings []json.RawMessage }
	if b, _ := os.ReadFile(report); json.Unmarshal(b, &doc) != nil || len(doc.Findings) != 60 {
		t.Errorf("report not replaced whole: %d findings", len(doc.Findings))
	}

	// A link at the target is replaced, never written through.
	precious := filepath.Join(out, "precious.txt")
	writeFile(t, precious, "precious\n")
	link := filepath.Join(out, "link.sarif")
	if err := os.Symlink(precious, link); err != nil {
		t.Fatal(err)
	}
	r = scan(t, dir, "-q", "--format", "sarif", "-o", link, "--also", "json="+link+".json", ".")
	if got, _ := os.ReadFile(precious); string(got) != "precious\n" {
		t.Errorf("-o wrote through the symbolic link: the target now starts %.40q", got)
	}
	if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() || !strings.Contains(r.stderr, "was a symbolic link") {
		t.Errorf("the link was not replaced by the report, or not said so: %v\n%s", err, r.stderr)
	}
}
