package secrets

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"slices"
	"strings"
)

// A config template (.env.example) keeps only provider-format secrets:
// its values are what a user is meant to replace. When the program itself
// loads the template as its environment (process.loadEnvFile('.env.example'),
// dotenv's config({ path }), godotenv.Load, python-dotenv's load_dotenv),
// its values are the ones the program runs with, and the file is judged as
// configuration.

// envLoadCalls match a call that loads an env file, with the file's path
// as the first string literal argument (or dotenv's path option).
var envLoadCalls = []*regexp.Regexp{
	regexp.MustCompile(`\bloadEnvFile\(\s*['"` + "`" + `]([^'"` + "`" + `\n]+)['"` + "`" + `]`),
	regexp.MustCompile(`\bconfig\(\s*\{[^}]*?\bpath\s*:\s*['"` + "`" + `]([^'"` + "`" + `\n]+)['"` + "`" + `]`),
	regexp.MustCompile(`\bgodotenv\.(?:Load|Overload|Read)\(\s*"([^"\n]+)"`),
	regexp.MustCompile(`\bload_dotenv\(\s*(?:dotenv_path\s*=\s*)?['"]([^'"\n]+)['"]`),
}

// envLoadMarkers are what a file must contain for envLoadCalls to be
// tried: most code loads no env file, and the regexps need not run.
var envLoadMarkers = [][]byte{[]byte("loadEnvFile"), []byte("dotenv")}

// EnvFilesLoaded returns the root-relative paths of the env files the
// code file at rel (root-relative, slash-separated) loads by a literal
// path: resolved against the file's directory and against the scan root,
// the two places a program's working directory usually is.
func EnvFilesLoaded(rel string, content []byte) []string {
	switch path.Ext(rel) {
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx", ".go", ".py":
	default:
		return nil
	}
	found := false
	for _, m := range envLoadMarkers {
		if bytes.Contains(content, m) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	var out []string
	for _, re := range envLoadCalls {
		for _, m := range re.FindAllSubmatch(content, -1) {
			p := strings.TrimSpace(string(m[1]))
			if p == "" || path.IsAbs(p) || !strings.Contains(path.Base(p), "env") {
				continue
			}
			for _, c := range []string{path.Join(path.Dir(rel), p), path.Clean(p)} {
				if !strings.HasPrefix(c, "../") && c != ".." && !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

type loadedEnvKey struct{}

// WithLoadedEnv returns ctx saying which files (root-relative) the
// scanned code loads as its environment.
func WithLoadedEnv(ctx context.Context, files map[string]bool) context.Context {
	return context.WithValue(ctx, loadedEnvKey{}, files)
}

// loadedEnv reports whether ctx says the code loads the file at rel as
// its environment.
func loadedEnv(ctx context.Context, rel string) bool {
	files, _ := ctx.Value(loadedEnvKey{}).(map[string]bool)
	return files[rel]
}

// IsEnvTemplate reports whether the file at rel is a config template
// that EnvFilesLoaded could name: an example or sample env file.
func IsEnvTemplate(rel string) bool {
	base := strings.ToLower(path.Base(rel))
	return strings.Contains(base, "env") && Classify(rel, "") == ClassExample
}
