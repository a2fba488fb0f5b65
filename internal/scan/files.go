package scan

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tokenvet/tokenvet/internal/config"
	"github.com/tokenvet/tokenvet/internal/finding"
	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/resultcache"
	"github.com/tokenvet/tokenvet/internal/suppress"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules/secrets"
)

// walkResult is what the file branch of the pipeline collected.
type walkResult struct {
	findings   []*finding.Finding
	problems   []report.Problem
	directives map[string][]suppress.Directive // by root-relative path
	stats      walk.Stats
	// notAnalysed are files an engine declined with a reason
	// (FileSkipper): read, and scanned by the other engines.
	notAnalysed []report.NotAnalysed
	// goFiles are the .go files read, by root-relative path: those the
	// Go analyzers could not see whole go through the secret rules.
	goFiles map[string]walk.File
	// ignoredFiles and ignoredDirs are what the walk skipped as ignored
	// or excluded (root-relative): the Go findings follow that decision.
	ignoredFiles map[string]bool
	ignoredDirs  []string
	// envLoads are the env files the code loads by a literal path, and
	// envTemplates the config templates read (.env.example), with what
	// their first scan dropped: a template the code loads is scanned
	// again, as configuration (rules/secrets.EnvFilesLoaded).
	envLoads     map[string]bool
	envTemplates map[string]envTemplate
}

type envTemplate struct {
	file    walk.File
	dropped map[string]int
}

// walkFiles walks each directory and hands every file to the engines that
// want it, on o.Jobs workers. It also collects tokenvet:ignore directives
// from every file read, so that an invalid directive is reported even in
// a file without findings.
func walkFiles(ctx context.Context, o Options, dirs []string, lim fileLimit, engines []FileEngine, progress func(string, ...any),
	results *resultcache.Cache) (*walkResult, error) {
	var keyOf func(walk.File) (string, string)
	if results != nil {
		keyOf = fileKeyer(o, engines)
	}
	dropped := report.DroppedFrom(ctx)
	res := &walkResult{directives: map[string][]suppress.Directive{}, stats: walk.Stats{Skips: map[walk.SkipReason]int{}},
		goFiles: map[string]walk.File{}, ignoredFiles: map[string]bool{},
		envLoads: map[string]bool{}, envTemplates: map[string]envTemplate{}}
	var mu sync.Mutex
	files := make(chan walk.File, o.Jobs*4)
	var wg sync.WaitGroup
	for range o.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				ds := suppress.Parse(f.Content)
				key, rooted := "", ""
				if keyOf != nil && slices.ContainsFunc(engines, func(e FileEngine) bool { return e.Wants(f.Rel) }) {
					key, rooted = keyOf(f)
				}
				var entry fileEntry
				hit := key != "" && getFileEntry(results, key, rooted, &entry)
				if hit && !readsUnchanged(o.Root, entry.Reads) {
					results.Stale() // a module the file's result read has changed
					hit = false
				}
				if !hit {
					entry = scanFile(ctx, f, engines)
					if key != "" {
						putFileEntry(results, o.Root, key, rooted, entry)
					}
				}
				dropped.AddCounts(entry.Dropped)
				loads := secrets.EnvFilesLoaded(f.Rel, f.Content)
				mu.Lock()
				for _, l := range loads {
					res.envLoads[l] = true
				}
				if secrets.IsEnvTemplate(f.Rel) {
					res.envTemplates[f.Rel] = envTemplate{file: f, dropped: entry.Dropped}
				}
				if ds != nil {
					res.directives[f.Rel] = ds
				}
				res.findings = append(res.findings, entry.Findings...)
				res.problems = append(res.problems, entry.Problems...)
				res.notAnalysed = append(res.notAnalysed, entry.NotAnalysed...)
				mu.Unlock()
			}
		}()
	}

	var walkErr error
	for _, dir := range dirs {
		progress("reading files in %s", dir)
		prefix := relPath(o.Root, dir)
		opts := walk.Options{
			Root: dir, MaxFileSize: o.MaxFileSize, Exclude: o.Config.Exclude,
			Minified: o.Config.Minified(), NoGitignore: o.IndexSnapshot, Skip: lim.skipWalk(dir),
			Ignored: func(rel string, isDir bool) {
				if prefix != "." {
					rel = prefix + "/" + rel
				}
				if isDir {
					res.ignoredDirs = append(res.ignoredDirs, rel)
				} else {
					res.ignoredFiles[rel] = true
				}
			},
		}
		st, err := walk.Walk(ctx, opts, func(f walk.File) error {
			if prefix != "." {
				f.Rel = prefix + "/" + f.Rel
			}
			if strings.HasSuffix(f.Rel, ".go") {
				res.goFiles[f.Rel] = f
			}
			select {
			case files <- f:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		// The files a file argument did not name were not asked for:
		// not news, as ignored files are not.
		delete(st.Skips, walk.SkipHook)
		st.Skipped = slices.DeleteFunc(st.Skipped, func(s walk.Skipped) bool { return s.Reason == walk.SkipHook })
		mergeStats(&res.stats, st, prefix)
		if err != nil {
			walkErr = err
			break
		}
	}
	close(files)
	wg.Wait()
	rescanLoadedTemplates(ctx, res, engines, dropped)
	// Workers finish in any order.
	sort.Slice(res.notAnalysed, func(i, j int) bool {
		a, b := res.notAnalysed[i], res.notAnalysed[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Engine < b.Engine
	})
	return res, walkErr
}

// rescanLoadedTemplates scans again, as configuration, each config
// template the scanned code loads as its environment, in place of its
// first scan's findings and dropped counts. It is not cached: whether a
// template is loaded depends on other files.
func rescanLoadedTemplates(ctx context.Context, res *walkResult, engines []FileEngine, dropped *report.Dropped) {
	var rels []string
	for rel := range res.envTemplates {
		if res.envLoads[rel] {
			rels = append(rels, rel)
		}
	}
	if len(rels) == 0 {
		return
	}
	slices.Sort(rels)
	ctx = secrets.WithLoadedEnv(ctx, res.envLoads)
	for _, rel := range rels {
		t := res.envTemplates[rel]
		entry := scanFile(ctx, t.file, engines)
		res.findings = slices.DeleteFunc(res.findings, func(f *finding.Finding) bool { return f.File == rel })
		res.findings = append(res.findings, entry.Findings...)
		undo := map[string]int{}
		for k, n := range t.dropped {
			undo[k] = -n
		}
		dropped.AddCounts(undo)
		dropped.AddCounts(entry.Dropped)
	}
}

// scanFile runs every engine that wants f on it. The entry counts the
// secret candidates their context layer dropped in f on its own, so that
// a cached entry can replay them.
func scanFile(ctx context.Context, f walk.File, engines []FileEngine) fileEntry {
	var entry fileEntry
	dropped := &report.Dropped{}
	ctx = report.WithDropped(ctx, dropped)
	reads := &report.Reads{}
	ctx = report.WithReads(ctx, reads)
	for _, e := range engines {
		if !e.Wants(f.Rel) {
			continue
		}
		if sk, ok := e.(FileSkipper); ok {
			if reason, skip := sk.SkipFile(f); skip {
				if reason != "" {
					entry.NotAnalysed = append(entry.NotAnalysed, report.NotAnalysed{File: f.Rel, Engine: e.Name(), Reason: reason})
				}
				continue
			}
		}
		fs, ps := e.Scan(ctx, f)
		for _, x := range fs {
			x.File = f.Rel
			if x.Engine == "" {
				x.Engine = e.Name()
			}
		}
		entry.Findings = append(entry.Findings, fs...)
		entry.Problems = append(entry.Problems, ps...)
	}
	entry.Dropped = dropped.Counts()
	entry.Reads = reads.List()
	return entry
}

func mergeStats(dst *walk.Stats, src walk.Stats, prefix string) {
	dst.Files += src.Files
	dst.Bytes += src.Bytes
	for k, v := range src.Skips {
		dst.Skips[k] += v
	}
	for _, s := range src.Skipped {
		if prefix != "." {
			s.Rel = prefix + "/" + s.Rel
		}
		if s.Reason == walk.SkipTooLarge {
			s.Detail += "; --max-file-size (or max-file-size in " + config.FileName + ") raises the limit"
		}
		dst.Skipped = append(dst.Skipped, s)
	}
	for _, n := range src.Notes {
		if prefix != "." {
			n = prefix + "/" + n
		}
		dst.Notes = append(dst.Notes, n)
	}
}

// sources reads files by root-relative path, once each.
type sources struct {
	root  string
	mu    sync.Mutex
	cache map[string]*fileText
}

// fileText is a file's content with the offsets its lines start at, so
// that finding a line costs a lookup and not a scan from the start of
// the file for every finding in it.
type fileText struct {
	content []byte
	starts  []int // starts[i] is the offset of line i+1
}

func newSources(root string) *sources { return &sources{root: root, cache: map[string]*fileText{}} }

func (s *sources) read(rel string) ([]byte, error) {
	t, err := s.text(rel)
	if err != nil {
		return nil, err
	}
	return t.content, nil
}

func (s *sources) text(rel string) (*fileText, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.cache[rel]; ok {
		return t, nil
	}
	b, err := os.ReadFile(filepath.Join(s.root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	if text, ok := walk.DecodeUTF16(b); ok {
		b = text // as the walk gave it to the engines, so positions agree
	}
	t := newFileText(b)
	s.cache[rel] = t
	return t, nil
}

func newFileText(b []byte) *fileText {
	t := &fileText{content: b, starts: []int{0}}
	for i, c := range b {
		if c == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// line returns the 1-based line n without its line ending; "" past the
// end.
func (t *fileText) line(n int) string {
	if n < 1 || n > len(t.starts) {
		return ""
	}
	end := len(t.content)
	if n < len(t.starts) {
		end = t.starts[n] - 1
	}
	return string(bytes.TrimSuffix(t.content[t.starts[n-1]:end], []byte("\r")))
}

// lineOf returns the 1-based line holding byte offset off.
func (t *fileText) lineOf(off int) int {
	i, found := slices.BinarySearch(t.starts, off)
	if found {
		return i + 1
	}
	return i
}

// offset converts a 1-based line and byte column into a byte offset.
func (t *fileText) offset(line, col int) (int, bool) {
	if line < 1 || line > len(t.starts) || col < 1 {
		return 0, false
	}
	off := t.starts[line-1] + col - 1
	return off, off <= len(t.content)
}
