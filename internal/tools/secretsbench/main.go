//go:build devtools

// Command secretsbench compares tokenvet's hardcoded-token rules with the
// gitleaks `dir` command on one deterministic synthetic corpus, on the
// same machine in the same run: wall time, throughput and recall on the
// planted secrets. `make bench-secrets` builds both tools and runs it.
//
//	go run -tags devtools ./internal/tools/secretsbench -tokenvet bin/tokenvet -gitleaks bin/gitleaks
//
// It builds only with -tags devtools, as do the other programs under
// internal/tools: pre-commit's golang hook installs the repository with
// `go install ./...`, which must install the tokenvet command alone.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenvet/tokenvet/internal/tools/secretsbench/corpus"
)

func main() {
	var (
		tokenvet = flag.String("tokenvet", "bin/tokenvet", "tokenvet binary")
		gitleaks = flag.String("gitleaks", "bin/gitleaks", "gitleaks binary")
		sizeMB   = flag.Int("size", 50, "corpus size in MB")
		seed     = flag.Uint64("seed", 1, "corpus seed")
		runs     = flag.Int("runs", 2, "runs of each tool; the fastest counts")
		keep     = flag.Bool("keep", false, "keep the corpus directory")
	)
	flag.Parse()
	if err := run(*tokenvet, *gitleaks, *sizeMB, *seed, *runs, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "secretsbench:", err)
		os.Exit(2)
	}
}

type hit struct {
	file string
	line int
}

func run(tokenvet, gitleaks string, sizeMB int, seed uint64, runs int, keep bool) error {
	tv, err := filepath.Abs(tokenvet)
	if err != nil {
		return err
	}
	gl, err := filepath.Abs(gitleaks)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "tokenvet-secretsbench-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	corpusDir := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpusDir, 0o755); err != nil {
		return err
	}
	plants, err := corpus.Write(corpusDir, sizeMB<<20, seed)
	if err != nil {
		return err
	}
	bytes, files := treeSize(corpusDir)
	fmt.Printf("corpus: %d files, %.1f MB, %d planted secrets (seed %d) in %s\n", files, float64(bytes)/1e6, len(plants), seed, corpusDir)

	type result struct {
		name  string
		wall  time.Duration
		cpu   time.Duration
		found map[hit]bool
		total int
	}
	var results []result
	tools := []struct {
		name  string
		cmd   func(out string) *exec.Cmd
		parse func(out string) (map[hit]bool, int, error)
	}{
		{"tokenvet scan", func(out string) *exec.Cmd {
			// --tests: the corpus keeps some files under fixtures/, which
			// tokenvet reports only with --tests (gitleaks reads every
			// file), so both tools do the same work on the same files.
			return exec.Command(tv, "scan", "-q", "--tests", "--enable", "hardcoded-token", "--format", "json", "-o", out, ".")
		}, parseTokenvet},
		{"gitleaks dir", func(out string) *exec.Cmd {
			return exec.Command(gl, "dir", "--no-banner", "--log-level", "error", "--exit-code", "0", "--report-format", "json", "--report-path", out, ".")
		}, parseGitleaks},
	}
	for _, t := range tools {
		best, bestCPU := time.Duration(0), time.Duration(0)
		var found map[hit]bool
		var total int
		for i := range max(runs, 1) {
			out := filepath.Join(dir, fmt.Sprintf("out-%d.json", i))
			cmd := t.cmd(out)
			cmd.Dir = corpusDir
			cmd.Stderr = os.Stderr
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
				err = nil // findings
			}
			if err != nil {
				return fmt.Errorf("%s: %v", t.name, err)
			}
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			if best == 0 || wall < best {
				best = wall
			}
			if bestCPU == 0 || cpu < bestCPU {
				bestCPU = cpu
			}
			if found, total, err = t.parse(out); err != nil {
				return fmt.Errorf("%s: %v", t.name, err)
			}
		}
		results = append(results, result{t.name, best, bestCPU, found, total})
	}

	fmt.Printf("\n%-14s %8s %8s %9s %9s %14s %8s %8s\n", "tool", "wall", "MB/s", "CPU", "MB/CPU-s", "planted found", "recall", "other")
	for _, r := range results {
		n := 0
		onPlanted := map[hit]bool{}
		for _, p := range plants {
			h := hit{p.File, p.Line}
			onPlanted[h] = true
			if r.found[h] {
				n++
			}
		}
		other := 0
		for h := range r.found {
			if !onPlanted[h] {
				other++
			}
		}
		fmt.Printf("%-14s %7.2fs %8.1f %8.2fs %9.1f %7d/%-6d %7.1f%% %8d\n", r.name, r.wall.Seconds(), float64(bytes)/1e6/r.wall.Seconds(),
			r.cpu.Seconds(), float64(bytes)/1e6/r.cpu.Seconds(), n, len(plants), 100*float64(n)/float64(len(plants)), other)
	}
	fmt.Printf("\nspeed-up of tokenvet over gitleaks: %.1fx wall time, %.1fx CPU time (fastest of %d runs each; CPU time is steadier on a busy machine)\n",
		results[1].wall.Seconds()/results[0].wall.Seconds(), results[1].cpu.Seconds()/results[0].cpu.Seconds(), max(runs, 1))

	// Recall per kind of planted secret.
	fmt.Printf("\n%-20s %6s %10s %10s\n", "planted kind", "count", results[0].name, results[1].name)
	kinds := map[string][3]int{}
	var order []string
	for _, p := range plants {
		k := kinds[p.Kind]
		if k[0] == 0 {
			order = append(order, p.Kind)
		}
		k[0]++
		for i, r := range results[:2] {
			if r.found[hit{p.File, p.Line}] {
				k[i+1]++
			}
		}
		kinds[p.Kind] = k
	}
	for _, kind := range order {
		k := kinds[kind]
		fmt.Printf("%-20s %6d %10d %10d\n", kind, k[0], k[1], k[2])
	}
	return nil
}

func treeSize(dir string) (int64, int) {
	var n int64
	files := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
				files++
			}
		}
		return nil
	})
	return n, files
}

func parseTokenvet(out string) (map[hit]bool, int, error) {
	var rep struct {
		Findings []struct {
			Rule string `json:"rule"`
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"findings"`
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, 0, err
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return nil, 0, err
	}
	found := map[hit]bool{}
	for _, f := range rep.Findings {
		if f.Rule == "hardcoded-token" {
			found[hit{f.File, f.Line}] = true
		}
	}
	return found, len(rep.Findings), nil
}

func parseGitleaks(out string) (map[hit]bool, int, error) {
	var rep []struct {
		File      string
		StartLine int
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, 0, err
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return nil, 0, err
	}
	found := map[hit]bool{}
	for _, f := range rep {
		found[hit{filepath.ToSlash(strings.TrimPrefix(f.File, "./")), f.StartLine}] = true
	}
	return found, len(rep), nil
}
