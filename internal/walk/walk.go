// Package walk lists the files of a tree that tokenvet's non-Go engines
// (secrets, web) scan, and reads each of them once.
//
// In a git work tree Walk reads what the repository holds: the files git
// tracks (even those a .gitignore lists, such as a force-added
// .env.example) and the untracked files git does not ignore, as one
// `git ls-files` per repository says (submodules and nested repositories
// are listed by their own). Outside git, or when git cannot answer, it
// honours .gitignore files at every level (plus .git/info/exclude at the
// root). tokenvet's own .tokenvetignore and user Exclude patterns skip
// anything, in git or not. It skips version-control metadata, vendored
// dependencies, minified bundles, binary and oversized files.
// Symlinked directories are never followed. Problems with
// single files or directories (permission denied, dangling symlinks,
// symlink loops) are recorded in Stats and the walk goes on: only context
// cancellation or an error from the visit callback stops it.
//
// The walk is sequential and deterministic: files are visited in
// byte-wise order of their Rel path. Callers that want parallelism fan
// the visited Files out to workers; File.Content is freshly allocated for
// each file and may be retained.
package walk

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tokenvet/tokenvet/internal/pathguard"
)

// DefaultMaxFileSize is the size limit used when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 5 << 20

// BinarySniffLen is how many leading bytes are searched for a NUL byte to
// decide that a file is binary (the same heuristic and length git uses).
const BinarySniffLen = 8000

// DefaultIgnoreFile is tokenvet's own ignore file, honoured like .gitignore.
const DefaultIgnoreFile = ".tokenvetignore"

// SkipReason says why a file or directory was not visited.
type SkipReason string

// Skip reasons. Each skipped directory counts once; its contents are not
// looked at.
const (
	SkipIgnored            SkipReason = "ignored"              // untracked and ignored by git, or .gitignore outside git
	SkipIgnoreFile         SkipReason = "tokenvetignore"       // an extra ignore file (.tokenvetignore)
	SkipExcluded           SkipReason = "excluded"             // Options.Exclude
	SkipHook               SkipReason = "skip-hook"            // Options.Skip returned true
	SkipVendor             SkipReason = "vendor"               // vendor/ or node_modules/ directory
	SkipTooLarge           SkipReason = "too-large"            // larger than MaxFileSize
	SkipBinary             SkipReason = "binary"               // NUL byte in the first BinarySniffLen bytes
	SkipSymlinkDir         SkipReason = "symlink-dir"          // symlink to a directory (never followed)
	SkipSymlinkOutsideRoot SkipReason = "symlink-outside-root" // symlink resolving outside Root
	SkipNotRegular         SkipReason = "not-regular"          // device, FIFO, socket
	SkipUnreadable         SkipReason = "unreadable"           // permission denied, dangling symlink, symlink loop, I/O error
	SkipMinified           SkipReason = "minified"             // minified bundle or source map (MinifiedCheck)
)

// File is one file to scan.
type File struct {
	// Abs is the absolute path in OS form. For a symlink it is the path
	// of the link, not of its target.
	Abs string
	// Rel is relative to Options.Root, with forward slashes.
	Rel string
	// Size is len(Content).
	Size int64
	// Content is the whole file, read once by the walk. It is owned by
	// the caller and may be retained or handed to other goroutines.
	Content []byte
	// IsUTF8 reports whether Content is valid UTF-8. Non-UTF-8 text
	// (latin-1, say) is still visited; engines that need UTF-8 positions
	// decide what to do with it.
	IsUTF8 bool
	// NotMinified says the walk's minified check judged the file
	// hand-written, so an engine applying the same check need not read
	// it again.
	NotMinified bool
}

// Options configures Walk. The zero value (plus Root) gives the defaults.
type Options struct {
	// Root is the directory to walk; "" means ".".
	Root string
	// MaxFileSize is the largest file visited, in bytes: 0 means
	// DefaultMaxFileSize, a negative value means no limit. Larger files
	// are skipped with SkipTooLarge.
	MaxFileSize int64
	// IncludeVendor descends into vendor/ and node_modules/ directories,
	// which are skipped by default at any depth.
	IncludeVendor bool
	// ExtraIgnoreFiles are file names read in every directory like
	// .gitignore, after it (so their patterns override it). nil means
	// []string{DefaultIgnoreFile}; an empty non-nil slice means none.
	// They are honoured even with NoGitignore.
	ExtraIgnoreFiles []string
	// Exclude holds gitignore-syntax patterns relative to Root (from user
	// config). They take precedence over every ignore file: a match
	// skips the path with SkipExcluded, and a matching "!pattern"
	// re-includes a path that an ignore file would skip (unless a parent
	// directory was already skipped).
	Exclude []string
	// NoGitignore reads every file, tracked or not: git is not asked,
	// and .gitignore files and .git/info/exclude are not honoured (for a
	// tree exported from the index, which holds tracked files only).
	NoGitignore bool
	// Skip, if set, is called for each path that survives the ignore
	// rules; returning true skips it (a directory is not descended into)
	// with SkipHook.
	Skip func(rel string, isDir bool) bool
	// Minified decides which JavaScript, TypeScript, CSS and source-map
	// files are minified bundles, skipped with SkipMinified. Bundles are
	// generated, huge and full of high-entropy noise; the secrets that
	// matter are in their sources.
	Minified MinifiedCheck
	// Ignored, if set, is told each path skipped with SkipIgnored or
	// SkipExcluded (a directory once: its contents are not looked at),
	// so that a caller can hold what it found by other means (the Go
	// loader's findings) to the same decision.
	Ignored func(rel string, isDir bool)

	fsys fileSystem // nil means the OS; tests inject failures
}

// Skipped is one path Walk did not visit.
type Skipped struct {
	Rel    string // relative to Root, forward slashes; a directory for directory skips
	Reason SkipReason
	Detail string // human-readable cause, may be empty
}

func (s Skipped) String() string {
	if s.Detail == "" {
		return s.Rel + ": " + string(s.Reason)
	}
	return s.Rel + ": " + string(s.Reason) + ": " + s.Detail
}

// Stats summarises a walk.
type Stats struct {
	Files int   // files passed to visit
	Bytes int64 // total size of those files
	// Skips counts skipped paths per reason, including ignored and
	// excluded ones; a skipped directory counts once.
	Skips map[SkipReason]int
	// Skipped lists skipped paths sorted by Rel, except those skipped
	// with SkipIgnored, SkipIgnoreFile or SkipExcluded, which are only
	// counted.
	Skipped []Skipped
	// Notes say how the walk chose its files when that is not the
	// usual way (git not installed, or failing in a work tree).
	Notes []string
}

// Walk walks opts.Root and calls visit, in byte-wise order of File.Rel,
// for every file to scan, with its content already read. It returns the
// statistics gathered so far and a non-nil error only if Root cannot be
// listed, ctx is cancelled (ctx.Err()), or visit returns an error (that
// error; fs.SkipAll stops the walk with a nil error).
func Walk(ctx context.Context, opts Options, visit func(File) error) (Stats, error) {
	w := &walker{
		ctx:   ctx,
		opts:  opts,
		fsys:  opts.fsys,
		max:   opts.MaxFileSize,
		visit: visit,
		stats: Stats{Skips: map[SkipReason]int{}},
	}
	if w.fsys == nil {
		w.fsys = osFS{}
	}
	if w.max == 0 {
		w.max = DefaultMaxFileSize
	}
	w.extra = opts.ExtraIgnoreFiles
	if w.extra == nil {
		w.extra = []string{DefaultIgnoreFile}
	}
	if len(opts.Exclude) > 0 {
		w.exclude = &patternList{}
		w.exclude.addLines(opts.Exclude)
	}
	err := w.run()
	if errors.Is(err, fs.SkipAll) {
		err = nil
	}
	slices.SortStableFunc(w.stats.Skipped, func(a, b Skipped) int { return strings.Compare(a.Rel, b.Rel) })
	return w.stats, err
}

type layer struct {
	depth int // number of path segments of the directory holding the ignore files
	list  *patternList
}

type walker struct {
	ctx      context.Context
	opts     Options
	fsys     fileSystem
	max      int64
	extra    []string
	exclude  *patternList
	layers   []layer // outermost first
	realRoot string
	visit    func(File) error
	stats    Stats
	// git lists the repository being walked; nil outside git.
	git     *gitScope
	gitPath string // the git program; "-" when there is none
	noted   map[string]bool
}

func (w *walker) run() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	root := w.opts.Root
	if root == "" {
		root = "."
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return fmt.Errorf("walk: %w", err)
	}
	fi, err := w.fsys.Stat(absRoot)
	if err != nil {
		return fmt.Errorf("walk: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("walk: %s is not a directory", root)
	}
	w.realRoot, err = w.fsys.EvalSymlinks(absRoot)
	if err != nil {
		return fmt.Errorf("walk: %w", err)
	}
	return w.walkDir(absRoot, "", make([]string, 0, 16))
}

func joinAbs(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// compareEntries orders directory entries so that the depth-first walk
// visits paths in byte-wise order of their full Rel path: a directory
// sorts as if its name ended in '/'.
func compareEntries(a, b fs.DirEntry) int {
	an, bn := a.Name(), b.Name()
	n := min(len(an), len(bn))
	if c := strings.Compare(an[:n], bn[:n]); c != 0 {
		return c
	}
	next := func(name string, isDir bool) int {
		if len(name) > n {
			return int(name[n])
		}
		if isDir {
			return '/'
		}
		return -1
	}
	return cmp.Compare(next(an, a.IsDir()), next(bn, b.IsDir()))
}

func isVCSDir(name string) bool {
	return name == ".git" || name == ".hg" || name == ".svn"
}

// walkDir walks the directory absDir whose path relative to the root is
// relDir, split into parts.
func (w *walker) walkDir(absDir, relDir string, parts []string) error {
	entries, err := w.fsys.ReadDir(absDir)
	if err != nil {
		if relDir == "" {
			return fmt.Errorf("walk: %w", err)
		}
		w.skip(relDir, SkipUnreadable, err.Error())
		return nil
	}
	// The root, and every repository found below it (a submodule, a
	// nested clone), is listed by git; the listing replaces .gitignore
	// files for the directory's whole subtree.
	outer := w.git
	if relDir == "" || hasDotGit(entries) {
		if w.git, err = w.gitScopeFor(absDir, relDir); err != nil {
			return err
		}
		if relDir == "" && w.git == nil && !w.opts.NoGitignore {
			w.loadInfoExclude(absDir)
		}
	}
	defer func() { w.git = outer }()
	nLayers := len(w.layers)
	if l := w.loadIgnores(absDir, entries); l != nil {
		w.layers = append(w.layers, layer{depth: len(parts), list: l})
	}
	defer func() { w.layers = w.layers[:nLayers] }()

	slices.SortFunc(entries, compareEntries)
	parts = append(parts, "")
	for _, d := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := d.Name()
		if isVCSDir(name) {
			continue
		}
		parts[len(parts)-1] = name
		isDir := d.IsDir()
		rel := joinRel(relDir, name)
		if reason := w.ignored(parts, rel, isDir); reason != "" {
			w.stats.Skips[reason]++
			if w.opts.Ignored != nil {
				w.opts.Ignored(joinRel(relDir, name), isDir)
			}
			continue
		}
		if w.opts.Skip != nil && w.opts.Skip(rel, isDir) {
			w.skip(rel, SkipHook, "")
			continue
		}
		abs := joinAbs(absDir, name)
		typ := d.Type()
		switch {
		case isDir:
			if !w.opts.IncludeVendor && (name == "vendor" || name == "node_modules") {
				w.skip(rel, SkipVendor, "")
				continue
			}
			err = w.walkDir(abs, rel, parts)
		case typ&fs.ModeSymlink != 0:
			err = w.symlink(abs, rel)
		case typ.IsRegular():
			err = w.file(abs, rel)
		default:
			w.skip(rel, SkipNotRegular, typ.String())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ignored returns the reason the path is ignored, or "". User Exclude
// patterns come first, then ignore files (innermost first), then git:
// a negated pattern in .tokenvetignore re-includes what git ignores,
// as it overrides .gitignore outside git.
func (w *walker) ignored(parts []string, rel string, isDir bool) SkipReason {
	if w.exclude != nil {
		if ign, matched := w.exclude.decide(parts, isDir); matched {
			if ign {
				return SkipExcluded
			}
			return ""
		}
	}
	for i := len(w.layers) - 1; i >= 0; i-- {
		l := &w.layers[i]
		// In a repository git has judged .gitignore files, including
		// those of a directory outside it, which git would not read.
		if p := l.list.last(parts[l.depth:], isDir, w.git != nil); p != nil {
			switch {
			case p.negate:
				return ""
			case p.extra:
				return SkipIgnoreFile
			}
			return SkipIgnored
		}
	}
	if g := w.git; g != nil && !g.has(rel) && (!isDir || !g.hasUnder(rel)) {
		return SkipIgnored
	}
	return ""
}

// loadInfoExclude reads the root's .git/info/exclude, which git honours
// like a .gitignore at the top: outside git's own listing it is the
// walk's to apply.
func (w *walker) loadInfoExclude(absRoot string) {
	data, err := w.readIgnoreFile(joinAbs(joinAbs(joinAbs(absRoot, ".git"), "info"), "exclude"))
	if err != nil {
		return
	}
	l := &patternList{}
	l.addFile(data, false)
	if len(l.pats) > 0 {
		w.layers = append(w.layers, layer{depth: 0, list: l})
	}
}

// loadIgnores compiles the ignore files present in a directory, or
// returns nil if there are none (or they hold no patterns).
func (w *walker) loadIgnores(absDir string, entries []fs.DirEntry) *patternList {
	var l *patternList
	load := func(name string, extra bool) {
		for _, d := range entries {
			if d.Name() != name {
				continue
			}
			if !d.Type().IsRegular() {
				return // like git, do not follow a symlinked ignore file
			}
			data, err := w.readIgnoreFile(joinAbs(absDir, name))
			if err != nil {
				return // the file itself is visited and reported as unreadable
			}
			if l == nil {
				l = &patternList{}
			}
			l.addFile(data, extra)
			return
		}
	}
	// In git, git has decided what .gitignore files say.
	if !w.opts.NoGitignore && w.git == nil {
		load(".gitignore", false)
	}
	for _, name := range w.extra {
		load(name, true)
	}
	if l == nil || len(l.pats) == 0 {
		return nil
	}
	return l
}

const maxIgnoreFileSize = 16 << 20

func (w *walker) readIgnoreFile(abs string) ([]byte, error) {
	f, err := w.fsys.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxIgnoreFileSize))
}

// skip records a listed skip. Ignored and excluded paths are only
// counted, in walkDir.
func (w *walker) skip(rel string, reason SkipReason, detail string) {
	w.stats.Skips[reason]++
	w.stats.Skipped = append(w.stats.Skipped, Skipped{Rel: rel, Reason: reason, Detail: detail})
}

func (w *walker) symlink(abs, rel string) error {
	fi, err := w.fsys.Stat(abs)
	if err != nil {
		what := "unresolvable symlink"
		if errors.Is(err, fs.ErrNotExist) {
			what = "dangling symlink"
		}
		w.skip(rel, SkipUnreadable, fmt.Sprintf("%s %s: %v", what, rel, err))
		return nil
	}
	if fi.IsDir() {
		w.skip(rel, SkipSymlinkDir, "")
		return nil
	}
	target, err := w.fsys.EvalSymlinks(abs)
	if err != nil {
		w.skip(rel, SkipUnreadable, fmt.Sprintf("unresolvable symlink %s: %v", rel, err))
		return nil
	}
	// The same containment decision the Go loader makes (pathguard), so
	// that neither engine reads what the other refused.
	if !pathguard.Within(w.realRoot, target) {
		w.skip(rel, SkipSymlinkOutsideRoot, "-> "+target)
		return nil
	}
	if !fi.Mode().IsRegular() {
		w.skip(rel, SkipNotRegular, fi.Mode().Type().String())
		return nil
	}
	return w.file(abs, rel)
}

func (w *walker) file(abs, rel string) error {
	data, reason, detail, err := readFile(w.fsys, abs, w.max)
	if err != nil {
		w.skip(rel, SkipUnreadable, err.Error())
		return nil
	}
	if reason != "" {
		w.skip(rel, reason, detail)
		return nil
	}
	checked := !w.opts.Minified.Include && IsBundleName(rel)
	if checked {
		if why, skip := w.opts.Minified.Skip(rel, data); skip {
			w.skip(rel, SkipMinified, why)
			return nil
		}
	}
	w.stats.Files++
	w.stats.Bytes += int64(len(data))
	return w.visit(File{
		Abs:     abs,
		Rel:     rel,
		Size:    int64(len(data)),
		Content: data,
		IsUTF8:  utf8.Valid(data),
		// A file the check kept; one it never looked at stays false.
		NotMinified: checked,
	})
}

// IsBinary reports whether data looks binary: a NUL byte within its first
// BinarySniffLen bytes. UTF-16 text counts as binary, as it does for git;
// the walk decodes UTF-16 with a byte-order mark first (DecodeUTF16).
func IsBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), BinarySniffLen)], 0) >= 0
}

// ReadFile reads one file with the same checks Walk applies, for callers
// given explicit file paths. limit is a size limit as in
// Options.MaxFileSize (0 means the default, negative means none). A
// non-empty SkipReason means the file should not be scanned; err is
// non-nil when it cannot be read (the reason is then SkipUnreadable).
func ReadFile(path string, limit int64) ([]byte, SkipReason, error) {
	if limit == 0 {
		limit = DefaultMaxFileSize
	}
	fsys := osFS{}
	fi, err := fsys.Stat(path)
	if err != nil {
		return nil, SkipUnreadable, err
	}
	if !fi.Mode().IsRegular() {
		return nil, SkipNotRegular, nil
	}
	data, reason, _, err := readFile(fsys, path, limit)
	if err != nil {
		return nil, SkipUnreadable, err
	}
	if reason != "" {
		return nil, reason, nil
	}
	return data, "", nil
}

// readFile opens, size-checks, reads and sniffs one file. The caller has
// made sure it is a regular file (opening a FIFO would block).
func readFile(fsys fileSystem, abs string, limit int64) (data []byte, reason SkipReason, detail string, err error) {
	f, err := fsys.Open(abs)
	if err != nil {
		return nil, "", "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, "", "", err
	}
	if !fi.Mode().IsRegular() {
		return nil, SkipNotRegular, fi.Mode().Type().String(), nil
	}
	size := fi.Size()
	if limit >= 0 && size > limit {
		return nil, SkipTooLarge, fmt.Sprintf("%s, over the %s limit", sizeString(size), sizeString(limit)), nil
	}
	var r io.Reader = f
	if limit >= 0 {
		r = io.LimitReader(f, limit+1) // the file may have grown since Stat
	}
	data, err = readAll(r, size)
	if err != nil {
		return nil, "", "", fmt.Errorf("read %s: %w", abs, err)
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, SkipTooLarge, fmt.Sprintf("grew past the %s limit while read", sizeString(limit)), nil
	}
	if text, ok := DecodeUTF16(data); ok {
		data = text // secrets in a UTF-16 file are still secrets
	}
	if IsBinary(data) {
		return nil, SkipBinary, "", nil
	}
	return data, "", "", nil
}

// sizeString writes n bytes for people: exact bytes below 1 KiB, else
// KiB, MiB or GiB with one decimal when it is not whole.
func sizeString(n int64) string {
	units := []string{"KiB", "MiB", "GiB"}
	if n < 1<<10 {
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n)/(1<<10), 0
	for v >= 1<<10 && u < len(units)-1 {
		v /= 1 << 10
		u++
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), units[u])
	}
	return fmt.Sprintf("%.1f %s", v, units[u])
}

// DecodeUTF16 returns data as UTF-8 when it is UTF-16 text with a
// byte-order mark (what Windows editors write), and false otherwise.
// Lines and characters are kept; byte offsets are those of the result,
// so whoever reads such a file for positions must decode it too.
func DecodeUTF16(data []byte) ([]byte, bool) {
	if len(data) < 2 || len(data)%2 != 0 {
		return nil, false
	}
	var order binary.ByteOrder
	switch {
	case data[0] == 0xff && data[1] == 0xfe:
		order = binary.LittleEndian
	case data[0] == 0xfe && data[1] == 0xff:
		order = binary.BigEndian
	default:
		return nil, false
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// readAll reads r to EOF into a buffer sized for the expected size, so a
// file that does not change is read without reallocation.
func readAll(r io.Reader, size int64) ([]byte, error) {
	if size < 0 || size > 1<<30 {
		size = 0
	}
	buf := make([]byte, 0, size+1) // +1 so the final EOF read needs no growth
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
