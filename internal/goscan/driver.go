package goscan

// The package-at-a-time driver.
//
// checker.Analyze runs the analyzers on a whole graph at once and keeps
// every package's syntax, type information and analysis results until
// it returns, so its peak memory is the whole module's. The source
// loader instead analyses each scanned package as soon as it is
// type-checked (its imports first) and releases it; what crosses from
// one package to the next is only the object facts the analyzers export
// (goflow's summaries), which a factStore keeps. Within a package the
// analyzers run in the order their Requires give, each once, as the
// go/analysis contract asks of a driver.

import (
	"errors"
	"fmt"
	"go/types"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// actionResult is one analyzer's outcome on one package.
type actionResult struct {
	Analyzer    *analysis.Analyzer
	Result      any
	Err         error
	Diagnostics []analysis.Diagnostic
}

// factStore holds the object facts exported by the packages analysed so
// far, per analyzer: an importing package analysed later reads them.
//
// A fact is keyed by its object's package ID and object path
// (golang.org/x/tools/go/types/objectpath), not by the types.Object:
// when each scanned package is type-checked against its own reading of
// its imports' export data (lazydeps.go), an importer sees another
// *types.Object for the same declaration, as a go vet unit does. The
// package ID, not its path, tells a package from its test variant.
type factStore struct {
	mu        sync.RWMutex
	facts     map[factKey]analysis.Fact
	exporters map[string]bool // IDs of the packages that exported a fact
}

type factKey struct {
	analyzer *analysis.Analyzer
	pkgID    string
	path     objectpath.Path
	typ      reflect.Type
}

func newFactStore() *factStore {
	return &factStore{facts: map[factKey]analysis.Fact{}, exporters: map[string]bool{}}
}

// packageIDs maps the import path of every package p depends on to its
// ID. A build graph holds one package per path, so the path of an
// object's package names one package of p's graph.
func packageIDs(p *packages.Package) map[string]string {
	ids := map[string]string{}
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) { ids[q.PkgPath] = q.ID })
	return ids
}

// visibleFrom reports whether a fact on obj, exported by obj's package,
// may be read by another package: only objects that package's export
// data can name (exported functions, methods, fields, package-level
// variables and parameters, types, constants), as under go vet, where
// facts travel with the export data.
func visibleFrom(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() || obj.Signature().Recv() != nil
	case *types.Var, *types.TypeName, *types.Const:
		return true
	}
	return false
}

// ownKey keys the facts a pass exports, for its own imports of them.
type ownKey struct {
	obj types.Object
	typ reflect.Type
}

// factNames finds the store's key of an imported object's fact.
type factNames struct {
	store    *factStore
	analyzer *analysis.Analyzer
	pkg      *packages.Package
	enc      *objectpath.Encoder
	ids      map[string]string // packageIDs(pkg), computed on first use
}

// key is the store's key of obj's fact of type typ; false when no
// package of obj's path exported a fact or obj may not be read.
func (n *factNames) key(obj types.Object, typ reflect.Type) (factKey, bool) {
	if obj.Pkg() == nil || !visibleFrom(obj) {
		return factKey{}, false
	}
	if n.ids == nil {
		n.ids = packageIDs(n.pkg)
	}
	id, ok := n.ids[obj.Pkg().Path()]
	if !ok {
		return factKey{}, false
	}
	n.store.mu.RLock()
	exported := n.store.exporters[id]
	n.store.mu.RUnlock()
	if !exported {
		return factKey{}, false
	}
	path, err := n.enc.For(obj)
	if err != nil {
		return factKey{}, false
	}
	return factKey{n.analyzer, id, path, typ}, true
}

// analyzePackage runs roots, and the analyzers they require, on p.
// It returns the roots' results in the order of roots.
func analyzePackage(p *packages.Package, roots []*analysis.Analyzer, store *factStore) []actionResult {
	done := map[*analysis.Analyzer]*actionResult{}
	var run func(a *analysis.Analyzer) *actionResult
	run = func(a *analysis.Analyzer) *actionResult {
		if r := done[a]; r != nil {
			return r
		}
		r := &actionResult{Analyzer: a}
		done[a] = r
		inputs := map[*analysis.Analyzer]any{}
		var failed []string
		for _, req := range a.Requires {
			rr := run(req)
			if rr.Err != nil {
				failed = append(failed, req.Name+"@"+p.ID)
			}
			inputs[req] = rr.Result
		}
		if failed != nil {
			slices.Sort(failed)
			r.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
			return r
		}
		if p.IllTyped && !a.RunDespiteErrors {
			r.Err = errors.New("analysis skipped due to errors in package")
			return r
		}
		r.Result, r.Err = runPass(p, a, inputs, store, r)
		return r
	}
	out := make([]actionResult, 0, len(roots))
	for _, a := range roots {
		out = append(out, *run(a))
	}
	return out
}

// runPass runs a on p, recording a's diagnostics in r.
func runPass(p *packages.Package, a *analysis.Analyzer, inputs map[*analysis.Analyzer]any, store *factStore, r *actionResult) (any, error) {
	files := map[string]bool{}
	for _, list := range [][]string{p.CompiledGoFiles, p.GoFiles, p.OtherFiles, p.IgnoredFiles} {
		for _, f := range list {
			files[f] = true
		}
	}
	running := true
	own := map[ownKey]analysis.Fact{}
	imported := &factNames{store: store, analyzer: a, pkg: p, enc: new(objectpath.Encoder)}
	module := &analysis.Module{}
	if m := p.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { r.Diagnostics = append(r.Diagnostics, d) },
		ReadFile: func(name string) ([]byte, error) {
			if !files[name] {
				return nil, fmt.Errorf("Pass.ReadFile: %s is not among the files of package %s", name, p.PkgPath)
			}
			return os.ReadFile(name)
		},
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				panic("ImportObjectFact: nil object")
			}
			var f analysis.Fact
			if obj.Pkg() == p.Types {
				f = own[ownKey{obj, reflect.TypeOf(ptr)}]
			} else if key, ok := imported.key(obj, reflect.TypeOf(ptr)); ok {
				store.mu.RLock()
				f = store.facts[key]
				store.mu.RUnlock()
			}
			if f == nil {
				return false
			}
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
			return true
		},
		ExportObjectFact: func(obj types.Object, f analysis.Fact) {
			if !running {
				panic(fmt.Sprintf("%s: ExportObjectFact called after Run", a.Name))
			}
			if obj.Pkg() != p.Types {
				panic(fmt.Sprintf("%s on %s: a fact for %s, an object of another package", a.Name, p.PkgPath, obj))
			}
			own[ownKey{obj, reflect.TypeOf(f)}] = f
			if !visibleFrom(obj) {
				return
			}
			path, err := imported.enc.For(obj)
			if err != nil {
				return // not nameable from another package
			}
			store.mu.Lock()
			store.facts[factKey{a, p.ID, path, reflect.TypeOf(f)}] = f
			store.exporters[p.ID] = true
			store.mu.Unlock()
		},
		// No analyzer of tokenvet uses package facts; a driver must still
		// provide the functions.
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts: func() []analysis.ObjectFact {
			// Only this package's own facts: no analyzer of tokenvet
			// calls it, and the imported ones would have to be decoded
			// against every package of the graph.
			var out []analysis.ObjectFact
			for k, f := range own {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
			return out
		},
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
	res, err := a.Run(pass)
	running = false
	if err != nil {
		return nil, err
	}
	if got := reflect.TypeOf(res); got != a.ResultType {
		return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", p.PkgPath, a.Name, got, a.ResultType)
	}
	for i, d := range r.Diagnostics {
		u, err := diagnosticURL(a, d)
		if err != nil {
			return nil, err
		}
		r.Diagnostics[i].URL = u
	}
	return res, nil
}

// diagnosticURL resolves a diagnostic's URL against its analyzer's, a
// category alone naming the fragment, as the go/analysis docs define.
func diagnosticURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	ref := d.URL
	if ref == "" && d.Category != "" {
		ref = "#" + d.Category
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %v", ref, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %v", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}
