//go:build devtools

// Command actionwf prints a composite action's steps (action.yml) as a
// reusable workflow, so that actionlint, which checks workflows but
// reads an action's metadata only for its inputs, also checks the
// action's own steps: expressions, step ids, outputs, `uses` inputs.
// The action's inputs become the workflow_call inputs, so references to
// inputs.* are checked against the real list.
//
//	go run -tags devtools ./internal/tools/actionwf action.yml | actionlint -
//
// It builds only with -tags devtools, as do the other programs under
// internal/tools: pre-commit's golang hook installs the repository with
// `go install ./...`, which must install the tokenvet command alone.
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: actionwf action.yml")
		os.Exit(2)
	}
	out, err := convert(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "actionwf:", err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}

type action struct {
	Name   string                    `yaml:"name"`
	Inputs map[string]map[string]any `yaml:"inputs"`
	Runs   struct {
		Using string           `yaml:"using"`
		Steps []map[string]any `yaml:"steps"`
	} `yaml:"runs"`
}

func convert(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if a.Runs.Using != "composite" {
		return nil, fmt.Errorf("%s: runs.using is %q; only composite actions have steps to check", path, a.Runs.Using)
	}
	inputs := map[string]any{}
	names := make([]string, 0, len(a.Inputs))
	for n := range a.Inputs {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		in := map[string]any{"type": "string", "required": false}
		if d, ok := a.Inputs[n]["description"]; ok {
			in["description"] = d
		}
		if d, ok := a.Inputs[n]["default"]; ok {
			in["default"] = fmt.Sprint(d)
		}
		inputs[n] = in
	}
	// Composite steps must name their shell; a workflow step need not,
	// so check that here, where actionlint cannot.
	for i, s := range a.Runs.Steps {
		if _, run := s["run"]; run {
			if _, ok := s["shell"]; !ok {
				return nil, fmt.Errorf("%s: step %d runs a command without a shell, which composite actions require", path, i+1)
			}
		}
	}
	wf := map[string]any{
		"name": "action " + strings.TrimSpace(a.Name),
		"on":   map[string]any{"workflow_call": map[string]any{"inputs": inputs}},
		"jobs": map[string]any{"action": map[string]any{
			"runs-on": "ubuntu-latest",
			"steps":   a.Runs.Steps,
		}},
	}
	return yaml.Marshal(wf)
}
