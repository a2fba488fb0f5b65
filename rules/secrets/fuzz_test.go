package secrets

import (
	"context"
	"encoding/base64"
	"strings"
	"sync"
	"testing"

	"github.com/tokenvet/tokenvet/internal/walk"
)

var (
	fuzzScannerOnce sync.Once
	fuzzScanner     *Scanner
)

// FuzzSecretsEngine: any bytes, as any kind of file, must scan without a
// panic, with every match inside the text and in order; and a token in
// a provider's format planted in the text, plain or base64-encoded on a
// line of its own, is found whatever surrounds it. `make test` runs it
// for a bounded time.
func FuzzSecretsEngine(f *testing.F) {
	for _, seed := range []string{
		"",
		"password: aaaaaaaaaaaa\n",
		"api_key = \"" + opaque + "\"\n",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n",
		"%67%68%70\\u0067hp_ Z2hwXzYx==",
		strings.Repeat("token=abc\n", 50),
		"\xff\xfe\x00t\x00o\x00k\x00e\x00n",
	} {
		f.Add([]byte(seed), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		fuzzScannerOnce.Do(func() {
			s, err := Default()
			if err != nil {
				t.Fatal(err)
			}
			fuzzScanner = s
		})
		paths := []string{"a.yaml", "a.env", "a.json", "a.js", "README.md", "a.txt", "a.go", "id_rsa"}
		path := paths[int(kind)%len(paths)]
		text := string(data)
		checkMatches(t, text, fuzzScanner.Scan(path, text))
		if _, problems := NewEngine(fuzzScanner).Scan(context.Background(), walk.File{Rel: path, Content: data, Size: int64(len(data))}); len(problems) > 0 {
			t.Fatalf("problems on fuzz input: %v", problems)
		}
		for _, planted := range []string{ghPAT, base64.StdEncoding.EncodeToString([]byte(ghPAT))} {
			withToken := text + "\n" + planted + "\n"
			ms := fuzzScanner.Scan(path, withToken)
			checkMatches(t, withToken, ms)
			at := len(text) + 1
			found := false
			for _, m := range ms {
				if m.Start <= at && at+len(planted) <= m.End {
					found = true
				}
			}
			if !found {
				t.Fatalf("planted %q after %d bytes not found: %+v", planted, len(text), ms)
			}
		}
	})
}

func checkMatches(t *testing.T, text string, ms []Match) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("match %+v out of order or outside the %d-byte text", m, len(text))
		}
		prev = m.End
	}
}
