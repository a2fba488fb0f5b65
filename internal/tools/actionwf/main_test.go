//go:build devtools

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestConvertRepoAction(t *testing.T) {
	out, err := convert(filepath.Join("..", "..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			WorkflowCall struct {
				Inputs map[string]map[string]any `yaml:"inputs"`
			} `yaml:"workflow_call"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []map[string]any `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(out, &wf); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, in := range []string{"new-only", "fail-on", "sarif", "upload", "annotations", "version"} {
		if wf.On.WorkflowCall.Inputs[in]["type"] != "string" {
			t.Errorf("input %s missing: %v", in, wf.On.WorkflowCall.Inputs)
		}
	}
	if len(wf.Jobs["action"].Steps) < 2 {
		t.Errorf("steps: %v", wf.Jobs["action"].Steps)
	}
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	for name, doc := range map[string]string{
		"node.yml":    "name: x\nruns:\n  using: node20\n  main: index.js\n",
		"noshell.yml": "name: x\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n",
		"bad.yml":     "name: [\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := convert(p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}
