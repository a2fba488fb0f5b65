package goscan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/analyzers"
)

// FuzzGoFallback feeds arbitrary bytes to the path a Go file takes when
// the go command cannot load it: encoding checks, the tolerant parse,
// type-checking without imports and every analyzer on the result. It
// must never panic (guard turns an analyzer's panic into a problem, which
// fails here too), hang, or report outside the file. `make test` runs it
// for a bounded time.
func FuzzGoFallback(f *testing.F) {
	for _, seed := range []string{
		"package p\n\nconst T = \"" + pat + "\"\n",
		"package p\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nvar m = jwt.SigningMethodNone\n",
		"// caf\xe9\npackage p\n",
		"\xff\xfep\x00a\x00",
		"\x00\x00\x00",
		"package p\n\nfunc f( {\n",
		"//go:build ignore\n\npackage main\n\nimport \"C\"\n",
		"package p\n\nvar x = " + strings.Repeat("[]any{", 200) + strings.Repeat("}", 200) + "\n",
		"package p\n\nfunc g[T any, U ~[]T](u U) T { return u[0] }\n",
	} {
		f.Add([]byte(seed))
	}
	as := analyzers.All()
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		file := filepath.Join(dir, "f.go")
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		res, err := Run(ctx, Options{Dirs: []string{dir}, Analyzers: as})
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("the fallback hung on %q", src)
		}
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		for _, p := range res.Problems {
			if p.Kind == KindAnalyzer {
				t.Fatalf("an analyzer failed on %q: %s", src, p.Message)
			}
		}
		for _, d := range res.Diagnostics {
			if d.Start.Filename != file || d.Start.Line < 1 || d.End.Offset < d.Start.Offset || d.End.Offset > len(src) {
				t.Fatalf("diagnostic %+v out of the file (%d bytes)", d, len(src))
			}
		}
	})
}
