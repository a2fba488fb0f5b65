package goflow

import (
	"go/constant"
	"go/token"
	"strings"
	"testing"
)

func TestHideStrings(t *testing.T) {
	for in, want := range map[string]string{
		`assigned to key`:                            `assigned to key`,
		`concatenated with "Bearer "`:                `concatenated with "…"`,
		`concatenated with "a\"b" and "c"`:           `concatenated with "…" and "…"`,
		"converted by []byte(`raw-key`)":             `converted by []byte("…")`,
		`element of []string{"sk_live_0123456789...`: `element of []string{"…"`, // cut short by short()
		"element of []string{`sk_live_0123456789...": `element of []string{"…"`,
	} {
		if got := hideStrings(in); got != want {
			t.Errorf("hideStrings(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestRelated(t *testing.T) {
	// Positions in a made-up file: the literal at 10, the sink's
	// argument spanning [40, 60).
	lit := Origin{Kind: Literal, Value: constant.MakeString("k3y-material"), Name: "key", Pos: 10}
	flow := lit.Flow(
		Step{Pos: 20, What: `concatenated with "more-k3y"`},
		Step{Pos: 40, What: "converted by []byte(…)"},
		Step{Pos: 40, What: "passed to SignedString"},
		Step{Position: token.Position{Filename: "other.go", Line: 3}, What: "in another package"},
		Step{What: "…"},
	)
	got := Related(flow, 40, 60)
	want := []string{`literal "…" for key`, `concatenated with "…"`, "converted by []byte(…), passed to SignedString"}
	if len(got) != len(want) {
		t.Fatalf("Related = %v, want %d entries", got, len(want))
	}
	for i, r := range got {
		if r.Message != want[i] {
			t.Errorf("entry %d = %q, want %q", i, r.Message, want[i])
		}
		if strings.Contains(r.Message, "k3y") {
			t.Errorf("entry %d quotes the key: %q", i, r.Message)
		}
	}
	if got[0].Pos != 10 || got[2].Pos != 40 {
		t.Errorf("positions %d, %d; want the literal's and the sink's", got[0].Pos, got[2].Pos)
	}

	// A literal written in the sink's argument: the diagnostic says it
	// all.
	at := Origin{Kind: Literal, Value: constant.MakeString("k3y"), Pos: 47}
	if r := Related(at.Flow(Step{Pos: 40, What: "passed to SignedString"}), 40, 60); r != nil {
		t.Errorf("Related of a flow within the sink = %v, want nil", r)
	}

	// A zero value is no secret, and shown.
	zero := Origin{Kind: Zero, Value: constant.MakeString(""), Name: "Secret", Pos: 5}
	if r := Related(zero.Flow(Step{Pos: 40, What: "passed to SignedString"}), 40, 41); len(r) != 2 || r[0].Message != `zero value "" for Secret` {
		t.Errorf("Related of a zero value = %v", r)
	}

	// A number is evidence, and shown.
	hours := Origin{Kind: Literal, Value: constant.MakeInt64(720), Name: "TokenTTL", Pos: 5}
	if r := Related(hours.Flow(Step{Pos: 40, What: "passed to Add"}), 40, 41); len(r) != 2 || r[0].Message != "literal 720 for TokenTTL" {
		t.Errorf("Related of a lifetime = %v", r)
	}
}
