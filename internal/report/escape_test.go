package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/rules"
)

func TestTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"auth/issue.go":             "auth/issue.go",
		"café/ñ.go 日本":              "café/ñ.go 日本", // printable text is left alone
		"a\nb\r\tc":                 `a\nb\r\tc`,
		"\x1b[31mred\x1b[0m":        `\x1b[31mred\x1b[0m`,
		"x\x00\x7f":                 `x\x00\x7f`,
		"bad\xffutf8":               `bad\xffutf8`,
		"admin\u202e\u2066 // evil": `admin\u202e\u2066 // evil`, // bidi: Trojan Source
		"line\u2028sep\u0085":       `line\u2028sep\u0085`,
	} {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"::error file=x::forged.go": "./::error file=x::forged.go",
		"  ::add-mask::x":           "./  ::add-mask::x",
		"a::b.go":                   "a::b.go",
	} {
		if got := TerminalPath(in); got != want {
			t.Errorf("TerminalPath(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"\tif x {":                   "\tif x {", // code keeps its indentation
		"\t\x1b[2Jx\r":               "\t" + `\x1b[2Jx\r`,
		"\t// ::add-mask::x":         "\t// ::add-mask::x",
		"  \t::error file=a::forged": "  \t" + `\x3a:error file=a::forged`,
		"::stop-commands::t":         `\x3a:stop-commands::t`,
	} {
		if got := TerminalCode(in); got != want {
			t.Errorf("TerminalCode(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"one line": "one line",
		"err: exit status 1: stderr:\ngo: a\r\n\n  go: b  \n": "err: exit status 1: stderr:; go: a; go: b",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// forged is a file name and a message as a hostile repository can make
// them: each tries to start a line with a workflow command.
const (
	forgedFile = "a\n::error file=README.md,line=1::forged.go"
	forgedMsg  = "expected ';', found `\n::error file=README.md,line=1,title=forged::injected\n::add-mask::x\n`"
)

func forgedReport() *Report {
	return &Report{
		Findings: []*finding.Finding{{RuleID: "jwt-none-alg", Severity: rules.SeverityError, Message: forgedMsg, File: forgedFile, StartLine: 1, StartCol: 1, EndLine: 1, EndCol: 2}},
		Problems: []Problem{
			{Kind: "syntax", File: forgedFile, Line: 3, Column: 13, Message: forgedMsg},
			{Kind: "syntax", File: "::error file=x::y.go", Line: 1, Message: "m"},
		},
		NotAnalysed: []NotAnalysed{{File: "::error file=x::t.ejs", Engine: "web", Reason: "scripts not analysed\n::add-mask::q"}},
		Stats: Stats{SkippedFiles: []SkippedFile{{File: "::add-mask::z.bin", Reason: "binary"}},
			Notes: []string{"sub\n::error::x: git ls-files failed"}},
	}
}

// commandLines returns the lines of out the GitHub Actions runner would
// take as workflow commands: those starting with "::" after blanks.
func commandLines(out string) []string {
	var cmds []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), "::") {
			cmds = append(cmds, l)
		}
	}
	return cmds
}

// TestNoInjectedCommands [inject]: raw source text and file names once
// reached the log unescaped, and a Go raw string holding
// "\n::error file=…" became a workflow command. No stream a CI log
// shows may start a line the repository chose.
func TestNoInjectedCommands(t *testing.T) {
	var text, problems, gh bytes.Buffer
	if err := WriteText(&text, forgedReport(), TextOptions{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	if cmds := commandLines(text.String()); len(cmds) > 0 {
		t.Errorf("text output has workflow commands %q:\n%s", cmds, text.String())
	}
	if !strings.Contains(text.String(), `a\n::error file=README.md,line=1::forged.go:1:1: jwt-none-alg: expected ';', found `+"`; ::error") {
		t.Errorf("text output does not show the escaped name and the message on one line:\n%s", text.String())
	}
	if err := WriteProblems(&problems, forgedReport().Problems); err != nil {
		t.Fatal(err)
	}
	if cmds := commandLines(problems.String()); len(cmds) > 0 || strings.Count(problems.String(), "\n") != 2 {
		t.Errorf("the stderr list has workflow commands %q or more lines than problems:\n%s", cmds, problems.String())
	}
	if err := WriteGitHub(&gh, forgedReport()); err != nil {
		t.Fatal(err)
	}
	// Only tokenvet's own commands, one per finding and problem, each
	// with the hostile text escaped inside it.
	cmds := commandLines(gh.String())
	if len(cmds) != 3 || strings.Count(gh.String(), "\n") != 3 {
		t.Fatalf("github output: %d commands, want 3:\n%s", len(cmds), gh.String())
	}
	// The forged text stays inside the commands' data, its line breaks
	// escaped as %0A (the runner shows them in the annotation and parses
	// no command from them).
	for _, c := range cmds {
		if !strings.HasPrefix(c, "::error file=a%0A") && !strings.HasPrefix(c, "::warning file=") || !strings.Contains(c, "title=tokenvet ") {
			t.Errorf("not one of tokenvet's commands: %s", c)
		}
	}
	if !strings.Contains(cmds[0], "file=a%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.go") {
		t.Errorf("file property not escaped as GitHub does: %s", cmds[0])
	}
}
