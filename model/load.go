package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Parse reads one model file. name is what messages call it. Unknown keys,
// unknown kinds, traits and roles, and malformed access paths are errors
// that name the file and the line.
func Parse(name string, data []byte) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty model file", name)
		}
		return nil, fmt.Errorf("%s: %v", name, yamlMessage(err))
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: a model file holds one YAML document", name)
	}
	f.Path = name
	if err := setLines(&f, data); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return &f, nil
}

// goTypeName matches the " in type model.Row" the YAML decoder appends to
// an unknown key: a Go name means nothing to whoever wrote the file.
var goTypeName = regexp.MustCompile(` in type [\w.*\[\]]+`)

// yamlMessage is the decoder's error in the words of the file: "line 8:
// field sink not found", one line per mistake.
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	return goTypeName.ReplaceAllString(msg, "")
}

// setLines records each row's line, read from the YAML node tree (the
// decoder into structs keeps none), and links rows to their file.
func setLines(f *File, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("a model file is a mapping of keys (language, module, sources, …)")
	}
	top := doc.Content[0]
	sections := map[string]struct {
		rows    []*Row
		section Section
	}{
		"sources": {f.Sources, SectionSource}, "sinks": {f.Sinks, SectionSink},
		"sanitizers": {f.Sanitizers, SectionSanitizer}, "summaries": {f.Summaries, SectionSummary},
		"api": {f.API, SectionAPI},
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		s, ok := sections[top.Content[i].Value]
		if !ok {
			continue
		}
		seq := top.Content[i+1]
		for j, r := range s.rows {
			r.Section, r.File = s.section, f
			if j < len(seq.Content) {
				r.Line = seq.Content[j].Line
			}
		}
	}
	return nil
}

// Validate checks a file against the schema and the vocabulary.
func (f *File) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", f.Path, fmt.Sprintf(format, args...)))
	}
	switch f.Language {
	case Go, JS:
	case "":
		bad("language is missing (go or js)")
	default:
		bad("language %q: want go or js", f.Language)
	}
	if f.Module == "" {
		bad("module is missing")
	}
	if len(f.Checked) == 0 {
		bad("checked is missing: say which versions the rows were checked against")
	}
	if f.Deprecated != nil && f.Deprecated.Reason == "" {
		bad("deprecated needs a reason")
	}
	pkgs := f.PackageList()
	if f.Family == "" {
		// The JWT rules read the files that name a family: without one,
		// these rows would be loaded and never used.
		for _, r := range f.API {
			for _, t := range r.Traits {
				if slices.Contains(vocabulary.jwtTraits, t) {
					errs = append(errs, fmt.Errorf("%s: api: trait %s is read only from a JWT library's file: name its family (docs/models.md)", r.Where(), t))
					break
				}
			}
		}
	}
	for _, r := range f.Rows() {
		for _, err := range f.validateRow(r, pkgs) {
			errs = append(errs, fmt.Errorf("%s: %s: %v", r.Where(), r.Section, err))
		}
	}
	return errors.Join(errs...)
}

// PackageList is Packages, or Module when Packages is empty.
func (f *File) PackageList() []string {
	if len(f.Packages) == 0 {
		return []string{f.Module}
	}
	return f.Packages
}

// Rows returns every row of the file, in section order.
func (f *File) Rows() []*Row {
	return slices.Concat(f.Sources, f.Sinks, f.Sanitizers, f.Summaries, f.API)
}

func (f *File) validateRow(r *Row, pkgs []string) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if r.Package == "" {
		if len(pkgs) != 1 {
			bad("package is missing (the file describes %d packages)", len(pkgs))
		}
		r.Package = pkgs[0]
	} else if !slices.Contains(pkgs, r.Package) {
		bad("package %q is not among the file's packages %v", r.Package, pkgs)
	}
	switch f.Language {
	case Go:
		if (r.Name == "") == (len(r.Names) == 0) {
			bad("a Go row has exactly one of name and names")
		}
		if r.Path != "" {
			bad("path is for JS rows; a Go row names its element by package, type and name")
		}
		if r.Object != "" && !slices.Contains(vocabulary.objects, r.Object) {
			bad("object %q: want one of %v", r.Object, vocabulary.objects)
		}
		switch o := r.GoObject(); {
		case o == Field && r.Type == "":
			bad("a field row needs the type of its struct")
		case o != Method && o != Field && r.Type != "":
			bad("a %s row is package-level: type is for methods and fields", o)
		}
	case JS:
		if r.Name != "" || len(r.Names) > 0 || r.Type != "" || r.Object != "" {
			bad("a JS row names its element with path only (name, names, type and object are for Go rows)")
		}
		if r.Path == "" {
			bad("a JS row needs a path from the package's export, such as Member[sign]")
		}
	}
	for key, p := range map[string]string{"path": r.Path, "input": r.Input, "output": r.Output, "key": r.Key, "label": r.Label} {
		if p == "" || (key == "path" && f.Language != JS) {
			continue
		}
		if _, err := ParsePath(p); err != nil {
			bad("%s: %v", key, err)
		}
	}
	if r.Section == SectionAPI {
		if r.Kind != "" {
			bad("an api row has traits, not a kind")
		}
		for _, t := range r.Traits {
			if !slices.Contains(vocabulary.traits, t) {
				bad("unknown trait %q (see docs/models.md)", t)
			}
		}
		for _, p := range append(slices.Clone(r.Params), r.Value) {
			if p != "" && !slices.Contains(vocabulary.roles, p) {
				bad("unknown role %q (see docs/models.md)", p)
			}
		}
		if r.If != "" && !slices.Contains(vocabulary.conds, r.If) {
			bad("if %q: want one of %v", r.If, vocabulary.conds)
		}
	} else {
		if len(r.Traits) > 0 || len(r.Params) > 0 || r.Value != "" || r.If != "" {
			bad("traits, params, value and if belong to api rows")
		}
		if !slices.Contains(vocabulary.kinds[r.Section], r.Kind) {
			bad("kind %q: want one of %v", r.Kind, vocabulary.kinds[r.Section])
		}
		switch r.Section {
		case SectionSource:
			if r.Output == "" {
				bad("a source needs an output (ReturnValue, Value, Argument[n])")
			}
		case SectionSink, SectionSanitizer:
			if r.Input == "" {
				bad("a %s needs an input (Argument[n], Argument[n..], Argument[receiver])", r.Section)
			}
		case SectionSummary:
			if r.Input == "" || r.Output == "" {
				bad("a summary needs an input and an output")
			}
		}
	}
	if (r.Key == "") != (r.KeyIs == "") {
		bad("key and key-is go together")
	} else if r.KeyIs != "" && !slices.Contains(vocabulary.keyIs, r.KeyIs) {
		bad("key-is %q: want one of %v", r.KeyIs, vocabulary.keyIs)
	}
	return errs
}

// LoadFS reads every *.yml file under dir of fsys, in name order.
func LoadFS(fsys fs.FS, dir string) ([]*File, error) {
	return loadFS(fsys, dir, func(p string) string { return p })
}

// loadFS is LoadFS with the name each file is known by in messages.
func loadFS(fsys fs.FS, dir string, name func(string) string) ([]*File, error) {
	var files []*File
	var errs []error
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yml") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		f, err := Parse(name(p), data)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, errors.Join(errs...)
}

// LoadDir reads the user's model files in dir (--models DIR, models: in
// .tokenvet.yml): every *.yml below it. Files, rows and messages name
// each file by its path under dir ("dir/acme.yml:12"), as the user
// wrote it.
func LoadDir(dir string) ([]*File, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("models directory: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("models directory %s is not a directory", dir)
	}
	return loadFS(os.DirFS(dir), ".", func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) })
}

// sortFiles orders files by language and module, then path, so the index
// and everything generated from it are deterministic.
func sortFiles(files []*File) {
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if a.Language != b.Language {
			return a.Language < b.Language
		}
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		return a.Path < b.Path
	})
}
