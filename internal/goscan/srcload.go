package goscan

// The source loader: why it exists and what it promises.
//
// go/packages, asked for types without NeedDeps, reads every dependency
// from export data, which `go list -export` produces by compiling it.
// On a first scan (an empty build cache: a CI runner, a fresh clone in a
// container) that is a full build of the dependency graph, slower than
// go vet itself. The analyzers need only the dependencies' declarations,
// so loadFromSource gets the package graph from a `go list -deps` that
// compiles nothing, then type-checks each dependency from its source
// with function bodies ignored (a small fraction of a compile's work) in
// dependency order, up to Options.Jobs at once, and the scanned (root)
// packages fully, as go/packages would.
//
// The findings must be those of the export-data path, so the loader
// declines (errUseExportData) whatever it cannot reproduce exactly, and
// Run then loads the module with go/packages as before: go list failing
// or reporting an error on any package of the graph, cgo or SWIG files,
// a dependency whose source does not parse or type-check, an import the
// listing does not resolve. Nothing is lost: the slow path is the old
// path.
//
// Cgo: the go command runs with CGO_ENABLED=0 in both paths (see
// goEnv), so go list drops the files that import "C" from every package
// (roots and dependencies alike) and selects each package's pure-Go
// files instead (net, os/user, a module's nocgo variants). Both loaders
// therefore type-check the very same files of every package, and the
// roots' files that import "C" are analysed syntactically at their real
// paths by the loose fallback in both. FakeImportC is never needed; a
// listing that still names cgo files is declined.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/packages"
)

// errUseExportData says the source loader cannot load a module exactly;
// the caller loads it with go/packages (export data) instead.
var errUseExportData = errors.New("use export data")

// declined wraps errUseExportData with the reason, for -v output.
func declined(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUseExportData, fmt.Sprintf(format, args...))
}

// listedPackage is the part of `go list -json` the loader reads.
type listedPackage struct {
	ImportPath        string
	Name              string
	Dir               string
	ForTest           string
	DepOnly           bool
	GoFiles           []string
	CgoFiles          []string
	IgnoredGoFiles    []string
	IgnoredOtherFiles []string
	CFiles            []string
	CXXFiles          []string
	MFiles            []string
	HFiles            []string
	FFiles            []string
	SFiles            []string
	SwigFiles         []string
	SwigCXXFiles      []string
	SysoFiles         []string
	Imports           []string
	ImportMap         map[string]string
	Module            *packages.Module
	Error             *listError
	DepsErrors        []*listError
}

type listError struct {
	Pos string
	Err string
}

// listFields are the fields requested with -json=…: asking for only these
// keeps go list from computing staleness or anything else it would hash
// or build.
const listFields = "ImportPath,Name,Dir,ForTest,DepOnly,GoFiles,CgoFiles,IgnoredGoFiles,IgnoredOtherFiles," +
	"CFiles,CXXFiles,MFiles,HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,Imports,ImportMap,Module,Error,DepsErrors"

// srcNode is one package of the graph being type-checked.
type srcNode struct {
	listed *listedPackage
	pkg    *packages.Package
	root   bool
	deps   []*srcNode
	// key is the types cache's key (typescache.go), "" when there is no
	// cache or the package has none.
	key string
	// importers counts the roots that import this package and are not
	// done; a root leaves export for those checked in another universe,
	// or exportErr says why it could not.
	importers atomic.Int32
	export    []byte
	exportErr error
	// readFromCache is set once a universe has read this dependency.
	readFromCache atomic.Bool
}

// loadFromSource loads patterns in dir as load does, with the same
// packages, files, syntax and type information for the roots, but
// without compiling anything. It returns an error wrapping
// errUseExportData when the caller must use load instead.
func loadFromSource(ctx context.Context, dir string, patterns []string, c loadConfig, jobs int) ([]*packages.Package, error) {
	listed, sizes, err := listGraph(ctx, dir, patterns, c)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	nodes := map[string]*srcNode{}
	var order []*srcNode
	for _, lp := range listed {
		if lp.Error != nil || len(lp.DepsErrors) > 0 {
			msg := ""
			if lp.Error != nil {
				msg = lp.Error.Err
			} else {
				msg = lp.DepsErrors[0].Err
			}
			return nil, declined("go list reported an error for %s: %s", lp.ImportPath, msg)
		}
		if len(lp.CgoFiles)+len(lp.SwigFiles)+len(lp.SwigCXXFiles) > 0 {
			return nil, declined("%s has cgo or SWIG files", lp.ImportPath)
		}
		if strings.HasSuffix(lp.ImportPath, ".test") {
			continue // the generated test main, which Run drops too
		}
		if _, dup := nodes[lp.ImportPath]; dup {
			return nil, declined("go list listed %s twice", lp.ImportPath)
		}
		n := &srcNode{listed: lp, root: !lp.DepOnly, pkg: newListedPackage(lp, fset)}
		n.pkg.TypesSizes = sizes
		nodes[lp.ImportPath] = n
		order = append(order, n)
	}
	for _, n := range order {
		bySource := map[string]string{} // resolved import → the path the source writes
		for src, id := range n.listed.ImportMap {
			bySource[id] = src
		}
		for _, id := range n.listed.Imports {
			if id == "C" {
				return nil, declined("%s imports \"C\"", n.listed.ImportPath)
			}
			dep := nodes[id]
			if dep == nil {
				return nil, declined("%s imports %s, which go list did not list", n.listed.ImportPath, id)
			}
			src := id
			if s, ok := bySource[id]; ok {
				src = s
			}
			n.pkg.Imports[src] = dep.pkg
			n.deps = append(n.deps, dep)
		}
	}

	slots := c.slots
	if slots == nil {
		slots = make(chan struct{}, max(jobs, 1))
	}
	// Isolated roots give up their types once analysed, so only when
	// they are analysed as they are checked.
	isolated := c.types != nil && c.analyzeRoot != nil && isolateRoots(ctx, order, sizes, c, slots)
	pool := newUniverses(jobs)

	// Every package waits for its imports, then takes one of jobs slots:
	// the graph is type-checked bottom-up with as much parallelism as it
	// allows. The first failure cancels the rest.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	parses := &parseCache{files: map[string]*parsedFile{}, uses: map[string]int{}}
	for _, n := range order {
		if n.root {
			for _, name := range n.pkg.CompiledGoFiles {
				parses.uses[name]++
			}
		}
	}
	// When the roots are checked on their own, the dependencies are
	// read from the cache by the roots that import them.
	bottomUp(ctx, order, slots, func(n *srcNode) bool { return isolated && !n.root }, func(n *srcNode) {
		if c.types != nil && n.key == "" {
			n.key, _ = nodeKey(n, sizes, c.overlay) // no key: no caching of n or of what imports it
		}
		var u *universe
		var imp types.Importer // nil: the imports' Types
		if isolated {
			u = pool.take(n)
			defer pool.give(u)
			var err error
			if imp, err = u.importer(n, c); err != nil {
				cancel(declined("%v", err))
				return
			}
			defer releaseImports(n)
		}
		if err := checkNode(n, c, parses, imp); err != nil {
			cancel(err)
			return
		}
		if u != nil {
			u.checked(n)
		}
		if n.root && c.analyzeRoot != nil {
			// Analysed now, in this package's slot, rather than once
			// the whole graph is loaded: its syntax and type
			// information can then be released, so peak memory holds
			// the packages in flight, not every package of the module.
			c.analyzeRoot(n.pkg)
		}
		if isolated {
			exportForImporters(n)
		}
	})
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	var roots []*packages.Package
	for _, n := range order {
		if n.root {
			roots = append(roots, n.pkg)
		}
	}
	return roots, nil
}

// bottomUp calls work on every node of order that skip leaves, each once
// the work on its imports is over and it holds one of slots: the graph is
// walked bottom-up with as much parallelism as it allows. A skipped node
// counts as done at once. When ctx ends, nodes not yet started are given
// up; bottomUp returns once every call has returned.
func bottomUp(ctx context.Context, order []*srcNode, slots chan struct{}, skip func(*srcNode) bool, work func(*srcNode)) {
	done := make(map[*srcNode]chan struct{}, len(order))
	for _, n := range order {
		done[n] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for _, n := range order {
		if skip(n) {
			close(done[n])
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[n])
			for _, d := range n.deps {
				select {
				case <-done[d]:
				case <-ctx.Done():
					return
				}
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-slots }()
			if ctx.Err() == nil {
				work(n)
			}
		}()
	}
	wg.Wait()
}

// newListedPackage is the *packages.Package of a listed package, before
// type-checking, with the fields go/packages fills for goscan's mode.
func newListedPackage(lp *listedPackage, fset *token.FileSet) *packages.Package {
	abs := func(names ...[]string) []string {
		var out []string
		for _, list := range names {
			for _, f := range list {
				if !filepath.IsAbs(f) {
					f = filepath.Join(lp.Dir, f)
				}
				out = append(out, f)
			}
		}
		return out
	}
	pkgPath := lp.ImportPath
	if i := strings.Index(pkgPath, " ["); i >= 0 {
		pkgPath = pkgPath[:i] // "p [p.test]", "p_test [p.test]"
	}
	goFiles := abs(lp.GoFiles)
	return &packages.Package{
		ID:              lp.ImportPath,
		Name:            lp.Name,
		PkgPath:         pkgPath,
		Dir:             lp.Dir,
		GoFiles:         goFiles,
		CompiledGoFiles: goFiles, // without cgo, what is compiled is what is listed
		OtherFiles:      abs(lp.CFiles, lp.CXXFiles, lp.MFiles, lp.HFiles, lp.FFiles, lp.SFiles, lp.SwigFiles, lp.SwigCXXFiles, lp.SysoFiles),
		IgnoredFiles:    abs(lp.IgnoredGoFiles, lp.IgnoredOtherFiles),
		Imports:         map[string]*packages.Package{},
		Module:          lp.Module,
		Fset:            fset,
	}
}

// checkNode parses and type-checks one package whose imports are done.
// A dependency is checked without function bodies and without recorded
// type information, and must be free of errors (else the export-data
// path, which would have failed to compile it, is the one to follow).
// imp resolves its imports; nil means the imports' Types.
func checkNode(n *srcNode, c loadConfig, parses *parseCache, imp types.Importer) error {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		return nil
	}
	cached := !n.root && n.key != "" && c.types != nil
	if cached {
		if p.Types = c.types.load(n, p.Fset); p.Types != nil {
			return nil
		}
	}
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		var f *ast.File
		var err error
		if n.root {
			f, err = parses.parse(p.Fset, name, c)
		} else {
			f, err = parseDependencyFile(p.Fset, name, c.overlay)
		}
		if err != nil && !n.root {
			return declined("dependency %s: %v", p.PkgPath, err)
		}
		if err != nil {
			p.Errors = append(p.Errors, parseErrors(name, err)...)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	if n.root && len(n.listed.SFiles) == 0 {
		if f := bodylessFunc(files); f != "" {
			return declined("%s declares %s without a body and has no assembly: only the compiler reports that", p.PkgPath, f)
		}
	}
	if imp == nil {
		imp = importerOf(p)
	}
	cfg := &types.Config{
		Importer:         imp,
		IgnoreFuncBodies: !n.root,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	var depErr error
	if n.root {
		p.TypesInfo = newTypesInfo()
		cfg.Error = func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	} else {
		cfg.Error = func(err error) {
			if depErr == nil {
				depErr = err
			}
		}
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	err := types.NewChecker(cfg, p.Fset, p.Types, p.TypesInfo).Files(files)
	if !n.root {
		if depErr == nil {
			depErr = err
		}
		if depErr != nil {
			return declined("dependency %s does not type-check from source: %v", p.PkgPath, depErr)
		}
		if cached {
			c.types.store(n, p.Fset)
		}
		return nil
	}
	p.Syntax = files
	if err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
	return nil
}

// bodylessFunc names a function declared without a body, if any. The
// compiler rejects one in a package without assembly ("missing function
// body"), and go list -export reports that as an error of the package,
// which go/types alone never would.
func bodylessFunc(files []*ast.File) string {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
				return fd.Name.Name
			}
		}
	}
	return ""
}

// importerOf resolves the import paths p's source writes through p's
// Imports, which the listing filled before p was type-checked.
func importerOf(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if dep := p.Imports[path]; dep != nil && dep.Types != nil {
			return dep.Types, nil
		}
		return nil, fmt.Errorf("no metadata for %s", path)
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// parseErrors converts a root file's parse error as go/packages does:
// one error per scanner error, a read error at line 1.
func parseErrors(name string, err error) []packages.Error {
	var list scanner.ErrorList
	var pathErr *os.PathError
	switch {
	case errors.As(err, &list):
		out := make([]packages.Error, 0, len(list))
		for _, e := range list {
			out = append(out, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
		return out
	case errors.As(err, &pathErr):
		return []packages.Error{{Pos: pathErr.Path + ":1", Msg: pathErr.Err.Error(), Kind: packages.ParseError}}
	}
	return []packages.Error{{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError}}
}

// parseCache parses each root file once: with Tests, a package and its
// test variant share their files, and go/packages gives both the same
// *ast.File too. An entry is forgotten once every root package that
// lists the file has taken it, so the cache does not keep trees alive
// after their packages are analysed and released.
type parseCache struct {
	mu    sync.Mutex
	files map[string]*parsedFile
	uses  map[string]int // root packages yet to take each file
}

type parsedFile struct {
	ready chan struct{}
	f     *ast.File
	err   error
}

func (pc *parseCache) parse(fset *token.FileSet, name string, c loadConfig) (*ast.File, error) {
	pc.mu.Lock()
	pf, ok := pc.files[name]
	if !ok {
		pf = &parsedFile{ready: make(chan struct{})}
		pc.files[name] = pf
	}
	if pc.uses[name]--; pc.uses[name] <= 0 {
		delete(pc.files, name)
		delete(pc.uses, name)
	}
	pc.mu.Unlock()
	if ok {
		<-pf.ready
		return pf.f, pf.err
	}
	defer close(pf.ready)
	src, ok := c.overlay[name]
	if !ok {
		var err error
		if src, err = os.ReadFile(name); err != nil {
			pf.err = err
			return nil, err
		}
	}
	pf.f, pf.err = c.log.parse(fset, name, src)
	return pf.f, pf.err
}

// parseDependencyFile parses a dependency's file for its declarations.
// Comments are parsed: //go:build lines set the file's Go version, which
// the type checker applies.
func parseDependencyFile(fset *token.FileSet, name string, overlay map[string][]byte) (*ast.File, error) {
	src, ok := overlay[name]
	if !ok {
		var err error
		if src, err = os.ReadFile(name); err != nil {
			return nil, err
		}
	}
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if f != nil {
		// The checker ignores the bodies (IgnoreFuncBodies): dropping them
		// now lets the collector free most of a large file's tree while
		// the package is checked, which bounds the loader's peak memory.
		// An empty body, not none: go/types wants init to have one.
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
			}
		}
		f.Comments = nil // the //go:build version is already in f.GoVersion
	}
	return f, err
}

// listGraph runs `go list -deps` (with -test when tests are wanted) for
// the patterns, compiling nothing, and returns every package of the
// graph with the sizes of the target architecture.
func listGraph(ctx context.Context, dir string, patterns []string, c loadConfig) ([]*listedPackage, types.Sizes, error) {
	args := []string{"list", "-e", "-json=" + listFields, "-deps", "-test=" + strconv.FormatBool(c.tests),
		"-buildvcs=false", "-pgo=off"}
	if len(c.tags) > 0 {
		args = append(args, "-tags="+strings.Join(c.tags, ","))
	}
	if len(c.overlay) > 0 {
		file, cleanup, err := writeOverlay(c.overlay, lookupEnv(c.env, "GOTMPDIR"))
		if err != nil {
			return nil, nil, declined("overlay: %v", err)
		}
		defer cleanup()
		args = append(args, "-overlay="+file)
	}
	args = append(args, "--")
	args = append(args, patterns...)

	var arch string
	var archErr error
	archDone := make(chan struct{})
	go func() {
		defer close(archDone)
		var out []byte
		out, archErr = runGo(ctx, dir, c.env, "env", "GOARCH")
		arch = strings.TrimSpace(string(out))
	}()
	out, err := runGo(ctx, dir, c.env, args...)
	<-archDone
	if err != nil {
		return nil, nil, declined("go list: %v", err)
	}
	if archErr != nil {
		return nil, nil, declined("go env GOARCH: %v", archErr)
	}
	sizes := types.SizesFor("gc", arch)
	if sizes == nil {
		return nil, nil, declined("no sizes for GOARCH %q", arch)
	}
	var listed []*listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		lp := new(listedPackage)
		if err := dec.Decode(lp); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, declined("reading go list's output: %v", err)
		}
		listed = append(listed, lp)
	}
	return listed, sizes, nil
}

// writeOverlay writes the overlay's contents and the -overlay file that
// maps each path to them, in a directory removed by cleanup.
func writeOverlay(overlay map[string][]byte, tmpRoot string) (string, func(), error) {
	dir, err := os.MkdirTemp(tmpRoot, "overlay-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	replace := map[string]string{}
	i := 0
	for path, content := range overlay {
		name := filepath.Join(dir, strconv.Itoa(i))
		i++
		if err := os.WriteFile(name, content, 0o600); err != nil {
			cleanup()
			return "", nil, err
		}
		replace[path] = name
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "overlay.json"), data, 0o600)
	}
	if err != nil {
		cleanup()
		return "", nil, err
	}
	return filepath.Join(dir, "overlay.json"), cleanup, nil
}

// runGo runs the go command and returns its standard output. On
// cancellation the command is interrupted, then killed if it lingers,
// and runGo returns only once it has ended.
func runGo(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Cancel = func() error {
		if runtime.GOOS == "windows" {
			return cmd.Process.Kill()
		}
		return cmd.Process.Signal(os.Interrupt)
	}
	cmd.WaitDelay = 3 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}
