package calls

import (
	"errors"
	"fmt"
	"os"

	"example.com/sink"
)

// A value returned with an error that is never nil is no result: only
// the successful return's key reaches the sink. An error that may be
// nil (a callee's) keeps the value.
func lookup(ok bool) (string, error) {
	if !ok {
		e := errors.New("no key")
		return "placeholder", e
	}
	if ok && len(os.Args) > 3 {
		return "also-failed", fmt.Errorf("bad %d", len(os.Args))
	}
	return "found-key", nil
}

func maybe() (string, error) {
	k, err := os.Hostname()
	_ = k
	return "maybe-key", err
}

func failedResults() {
	k, _ := lookup(true)
	sink.Key([]byte(k)) // want `^jwt-key: literal "found-key" k @\d+: returned by lookup; assigned to k; converted by \[\]byte\(…\)$`
	m, _ := maybe()
	sink.Key([]byte(m)) // want `^jwt-key: literal "maybe-key" m @\d+: returned by maybe; assigned to m; converted by \[\]byte\(…\)$`
}
