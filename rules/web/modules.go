package web

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/internal/report"
	"github.com/tokenvet/tokenvet/internal/tokenmodel"
)

// projectModules reads the scanned project's own modules that a script
// requires or imports by a relative path, for the string constants they
// export: a signing key written in config/auth.config.js and passed to
// jwt.sign as config.secret in a controller is as hard-coded as one
// written in the call. Only files inside the scan's root are read, each
// once per scan; what is kept of one is the map of its exported literal
// strings, so nothing of a module's syntax is shared between goroutines.
type projectModules struct {
	root   string // absolute, symlinks resolved
	tokens *tokenmodel.Model
	keys   *keySpec

	mu    sync.Mutex
	cache map[string]moduleFile // by absolute path
}

// moduleFile is what is kept of a module read: its exported string
// constants by export path, and the digest of its content.
type moduleFile struct {
	literals map[string]string
	sum      string
}

// maxModuleSize bounds the size of a module read for its exports: config
// modules are small, and a bundle is not where a key is configured.
const maxModuleSize = 256 << 10

// maxExportDepth bounds how deep exported objects are flattened
// (config.jwt.access.secret is three levels).
const maxExportDepth = 4

func newProjectModules(root string, tokens *tokenmodel.Model, keys *keySpec) *projectModules {
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return &projectModules{root: root, tokens: tokens, keys: keys, cache: map[string]moduleFile{}}
}

// literal returns the string constant module spec, required or imported
// by a script in dir, exports at path ("secret", "jwt.secret"; "" is
// the export itself), and the module's file.
// The file is returned relative to the root, with forward slashes, and
// recorded in reads with its digest: the result of the script that read
// it holds only while the module is unchanged.
func (p *projectModules) literal(dir, spec, path string, reads *report.Reads) (value, file string, ok bool) {
	if p == nil || !(strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")) {
		return "", "", false
	}
	abs, ok := p.resolve(dir, spec)
	if !ok {
		return "", "", false
	}
	m := p.exports(abs)
	rel, err := filepath.Rel(p.root, abs)
	if err != nil {
		return "", "", false
	}
	rel = filepath.ToSlash(rel)
	reads.Add(rel, m.sum)
	v, ok := m.literals[path]
	if !ok {
		return "", "", false
	}
	return v, rel, true
}

// moduleExts are the extensions tried for a specifier without one, in
// Node's and TypeScript's order.
var moduleExts = []string{".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"}

// resolve finds the file a relative specifier names, inside the root.
func (p *projectModules) resolve(dir, spec string) (string, bool) {
	base := filepath.Join(dir, filepath.FromSlash(spec))
	var cands []string
	switch ext := filepath.Ext(base); {
	case slices.Contains(moduleExts, ext):
		cands = append(cands, base)
		if ext == ".js" { // TypeScript's ESM style: "./config.js" is config.ts
			cands = append(cands, strings.TrimSuffix(base, ext)+".ts")
		}
	default:
		for _, e := range moduleExts {
			cands = append(cands, base+e)
		}
		for _, e := range moduleExts {
			cands = append(cands, filepath.Join(base, "index"+e))
		}
	}
	for _, c := range cands {
		real, err := filepath.EvalSymlinks(c)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(p.root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue // outside the scanned tree: never read
		}
		if st, err := os.Stat(real); err == nil && st.Mode().IsRegular() && st.Size() <= maxModuleSize {
			return real, true
		}
	}
	return "", false
}

// exports returns the literal strings file exports, read once.
func (p *projectModules) exports(file string) moduleFile {
	p.mu.Lock()
	if m, ok := p.cache[file]; ok {
		p.mu.Unlock()
		return m
	}
	p.mu.Unlock()
	m := p.read(file)
	p.mu.Lock()
	p.cache[file] = m
	p.mu.Unlock()
	return m
}

func (p *projectModules) read(file string) (m moduleFile) {
	code, err := os.ReadFile(file)
	sum := sha256.Sum256(code)
	m = moduleFile{literals: map[string]string{}, sum: hex.EncodeToString(sum[:])}
	if err != nil || len(code) > maxModuleSize {
		return m
	}
	m.literals = exportedLiterals(code, kindOf(file), p.tokens, p.keys)
	return m
}

// exportedLiterals parses a module and returns its exported string
// constants by export path.
func exportedLiterals(code []byte, kind fileKind, tokens *tokenmodel.Model, keys *keySpec) (out map[string]string) {
	out = map[string]string{}
	defer func() {
		if recover() != nil {
			out = map[string]string{} // a module the parsers choke on exports nothing we know
		}
	}()
	if kind == kindTS {
		res := api.Transform(string(validUTF8SameLength(code)), api.TransformOptions{
			Loader: api.LoaderTS, Target: api.ES2022, LogLevel: api.LogLevelSilent, Charset: api.CharsetUTF8,
			TsconfigRaw: `{"compilerOptions":{"verbatimModuleSyntax":true}}`,
		})
		if len(res.Errors) > 0 {
			return out
		}
		code = res.Code
	}
	buf := make([]byte, len(code), len(code)+1)
	copy(buf, code)
	blankImportAttributes(buf)
	tree, err := js.Parse(parse.NewInputBytes(buf), js.Options{})
	if err != nil {
		return out
	}
	a := newAnalyser(buf[:len(code)], tokens, keys)
	c := &collector{a: a}
	js.Walk(c, tree) // the module's own bindings, so its constants resolve
	if c.tooDeep {
		return out
	}
	for _, st := range tree.List {
		a.collectExport(st, out)
	}
	return out
}

// collectExport records what one top-level statement exports:
// module.exports = …, module.exports.x = … and exports.x = … (CommonJS),
// export default …, export const x = … (ES modules). A default export
// and module.exports are the module itself (path ""), as interop makes
// them for `import config from './config'`.
func (a *analyser) collectExport(st js.IStmt, out map[string]string) {
	switch st := st.(type) {
	case *js.ExprStmt:
		b, ok := unwrap(st.Value).(*js.BinaryExpr)
		if !ok || b.Op != js.EqToken {
			return
		}
		d, ok := unwrap(b.X).(*js.DotExpr)
		if !ok {
			return
		}
		switch {
		case varName(d.X) == "module" && propName(d) == "exports":
			a.flattenExport("", b.Y, out, 0)
		case varName(d.X) == "exports":
			a.flattenExport(propName(d), b.Y, out, 0)
		default:
			if inner, ok := unwrap(d.X).(*js.DotExpr); ok && varName(inner.X) == "module" && propName(inner) == "exports" {
				a.flattenExport(propName(d), b.Y, out, 0)
			}
		}
	case *js.ExportStmt:
		if st.Default && st.Decl != nil {
			a.flattenExport("", st.Decl, out, 0)
			return
		}
		if vd, ok := st.Decl.(*js.VarDecl); ok && vd.TokenType == js.ConstToken {
			for _, el := range vd.List {
				if v, ok := el.Binding.(*js.Var); ok && el.Default != nil {
					a.flattenExport(string(v.Name()), el.Default, out, 0)
				}
			}
		}
	}
}

// flattenExport records e at path when it is a string constant, and the
// properties of an object literal under path's children.
func (a *analyser) flattenExport(path string, e js.IExpr, out map[string]string, depth int) {
	if depth > maxExportDepth || e == nil {
		return
	}
	if v, _, _, _, ok := a.keyLiteral(e, 0); ok {
		out[path] = v
		return
	}
	obj, _ := a.objectOf(e, 0)
	if obj == nil {
		return
	}
	for i := range obj.List {
		p := &obj.List[i]
		if p.Spread {
			continue
		}
		name, ok := propertyName(p)
		if !ok {
			continue
		}
		child := name
		if path != "" {
			child = path + "." + name
		}
		a.flattenExport(child, p.Value, out, depth+1)
	}
}

// importedLiteral is the string constant e reads from a project module:
// config.secret or config.jwt.secret with config = require('./config'),
// or a binding imported from one.
func (a *analyser) importedLiteral(e js.IExpr, depth int) (string, bool) {
	v, _, ok := a.fromProjectModule(e, depth)
	return v, ok
}

// importedFile is the file, relative to the scan's root, of the project
// module e reads a string constant from, or "".
func (a *analyser) importedFile(e js.IExpr) string {
	_, file, ok := a.fromProjectModule(e, 0)
	if !ok {
		return ""
	}
	return file
}

func (a *analyser) fromProjectModule(e js.IExpr, depth int) (value, file string, ok bool) {
	if a.modules == nil {
		return "", "", false
	}
	ref, ok := a.resolveRef(e, depth+1)
	if !ok {
		return "", "", false
	}
	var members []string
	if ref.path != "" {
		for _, st := range strings.Split(ref.path, ".") {
			name, ok := strings.CutPrefix(st, "Member[")
			if !ok || !strings.HasSuffix(name, "]") {
				return "", "", false // a call, an instance: not a constant
			}
			members = append(members, strings.TrimSuffix(name, "]"))
		}
	}
	if len(members) > 0 && members[0] == "default" {
		members = members[1:]
	}
	return a.modules.literal(a.dir, ref.pkg, strings.Join(members, "."), a.reads)
}
