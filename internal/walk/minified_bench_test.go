package walk

import (
	"testing"

	"github.com/tokenvet/tokenvet/internal/benchdata"
)

// reactDOM is the real bundle of issue 16's acceptance: React DOM's
// production builds must be judged minified, its development build (the
// same code, unminified, 1 MB) not.
const reactDOM = "react-dom@18.3.1"

// BenchmarkMinifiedReactDOM checks the decision on React DOM's builds
// (fetched with npm pack, so it runs with `make bench`, not in unit
// tests) and measures its cost on the 1 MB development build, which
// it reads to the end.
func BenchmarkMinifiedReactDOM(b *testing.B) {
	for _, name := range []string{"umd/react-dom.production.min.js", "cjs/react-dom.production.min.js", "umd/react-dom.profiling.min.js"} {
		if why, ok := Minified(name, benchdata.NPMFile(b, reactDOM, name), 0); !ok {
			b.Fatalf("%s of %s is not judged minified", name, reactDOM)
		} else {
			b.Logf("%s: minified: %s", name, why)
		}
	}
	dev := benchdata.NPMFile(b, reactDOM, "umd/react-dom.development.js")
	if why, ok := Minified("react-dom.development.js", dev, 0); ok {
		b.Fatalf("the development build is judged minified: %s", why)
	}
	b.SetBytes(int64(len(dev)))
	for b.Loop() {
		Minified("react-dom.development.js", dev, 0)
	}
}
