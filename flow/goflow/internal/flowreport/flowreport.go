// Package flowreport is the goflow tests' reporter: an analyzer that
// reports, at every value entering a modelled sink, the origins the flow
// core finds for it. The tests compare its diagnostics with the test
// data's expectations, and its findings under tokenvet's loader with
// those under go vet -vettool.
package flowreport

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenvet/tokenvet/flow/goflow"
)

// Analyzer reports the origins of every sink use.
var Analyzer = &analysis.Analyzer{
	Name:             "flowreport",
	Doc:              "reports the origins of each value entering a modelled sink (goflow's tests)",
	Requires:         []*analysis.Analyzer{goflow.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		fl := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
		for _, u := range fl.Sinks("") {
			pass.Report(analysis.Diagnostic{Pos: u.Arg.Pos(), Message: Describe(fl, u)})
		}
		return nil, nil
	},
}

// Describe writes a sink use and its origins: "kind[ via f][ label L][
// key unknown]: origin | …[ => steps inside f]", origins sorted.
func Describe(fl *goflow.Flow, u *goflow.SinkUse) string {
	var os []string
	for _, o := range u.Origins() {
		os = append(os, o.Describe(fl.Fset(), true))
	}
	sort.Strings(os)
	head := u.Kind
	if u.Via != "" {
		head += " via " + u.Via
	}
	if u.Label != nil {
		head += " label " + types.ExprString(u.Label)
	}
	if u.KeyUnknown {
		head += " key unknown"
	}
	out := head + ": " + strings.Join(os, " | ")
	if len(u.Steps) > 0 {
		var steps []string
		for _, s := range u.Steps {
			steps = append(steps, s.What)
		}
		out += " => " + strings.Join(steps, "; ")
	}
	return out
}
