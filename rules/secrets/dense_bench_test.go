package secrets

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// keywordDense is a text of size bytes in which nearly every line holds a
// rule's keyword and few hold a secret: near-misses of a provider prefix,
// password/api_key/token assignments with short values. It is the shape
// on which per-match work that is not bounded by the match makes a scan
// superlinear in the file's size.
func keywordDense(size int) string {
	r := rand.New(rand.NewPCG(1, 2))
	const al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = al[r.IntN(len(al))]
		}
		return string(b)
	}
	var sb strings.Builder
	for sb.Len() < size {
		switch r.IntN(4) {
		case 0:
			sb.WriteString("ghp_" + word(35) + "\n") // one character short of a PAT
		case 1:
			sb.WriteString("password: aaaaaaaaaaaa\n")
		case 2:
			sb.WriteString(`api_key = "` + word(7) + "\"\n")
		default:
			sb.WriteString("token=" + word(15) + "\n")
		}
	}
	return sb.String()[:size]
}

// BenchmarkKeywordDense scans keyword-dense texts of growing size; the
// time per byte (MB/s) must stay flat as the size grows.
func BenchmarkKeywordDense(b *testing.B) {
	s := mustDefault(b)
	for _, mb := range []int{1, 4} {
		text := keywordDense(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				s.Scan("notes.txt", text)
			}
		})
	}
}
