// Command vettool is go vet's tool for goflow's parity test: the
// flowreport analyzer under unitchecker, with the test models
// ($GOFLOW_TEST_MODELS) added to the embedded ones.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenvet/tokenvet/flow/goflow/internal/flowreport"
	"github.com/tokenvet/tokenvet/model"
)

func main() {
	set, err := model.WithUser([]string{os.Getenv("GOFLOW_TEST_MODELS")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	model.Use(set)
	unitchecker.Main(flowreport.Analyzer)
}
