//go:build devtools

// Command loadbench measures what a first scan costs: it generates a
// module of a few hundred packages that import much of the standard
// library and each other, then times, each with an empty build cache
// (GOCACHE in a fresh temporary directory, and for tokenvet an empty
// types cache), `go vet ./...` and
// `tokenvet scan`, then tokenvet again on the now warm cache, and once
// more (a re-scan of the unchanged tree), printing the ratios and, where
// /usr/bin/time exists (Debian: apt-get install time), each run's peak
// RSS. `make bench-load` builds tokenvet and runs it.
//
//	go run -tags devtools ./internal/tools/loadbench -tokenvet bin/tokenvet -packages 300
//
// The timings are for people reading them: nothing here asserts one.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func main() {
	var (
		tokenvet = flag.String("tokenvet", "bin/tokenvet", "tokenvet binary")
		npkgs    = flag.Int("packages", 300, "packages in the generated module")
		keep     = flag.Bool("keep", false, "keep the generated module and print its directory")
	)
	flag.Parse()
	if err := run(*tokenvet, *npkgs, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(2)
	}
}

// stdImports are standard-library packages with one exported name each
// that a generated package can use, so that every import is needed.
var stdImports = [][2]string{
	{"archive/tar", "tar.TypeReg"}, {"archive/zip", "zip.Store"}, {"bufio", "bufio.MaxScanTokenSize"},
	{"bytes", "bytes.MinRead"}, {"compress/gzip", "gzip.BestSpeed"}, {"context", "context.Background"},
	{"crypto/aes", "aes.BlockSize"}, {"crypto/ecdsa", "ecdsa.GenerateKey"}, {"crypto/ed25519", "ed25519.PublicKeySize"},
	{"crypto/hmac", "hmac.Equal"}, {"crypto/rand", "rand.Reader"}, {"crypto/rsa", "rsa.GenerateKey"},
	{"crypto/sha256", "sha256.Size"}, {"crypto/tls", "tls.VersionTLS13"}, {"crypto/x509", "x509.ParseCertificate"},
	{"database/sql", "sql.ErrNoRows"}, {"encoding/base64", "base64.StdEncoding"}, {"encoding/csv", "csv.NewReader"},
	{"encoding/hex", "hex.EncodeToString"}, {"encoding/json", "json.Marshal"}, {"encoding/pem", "pem.Decode"},
	{"encoding/xml", "xml.Header"}, {"errors", "errors.New"}, {"flag", "flag.ErrHelp"},
	{"go/ast", "ast.Inspect"}, {"go/parser", "parser.ParseComments"}, {"go/token", "token.NewFileSet"},
	{"go/types", "types.Typ"}, {"html/template", "template.HTMLEscapeString"}, {"image/png", "png.Decode"},
	{"io", "io.EOF"}, {"log", "log.Println"}, {"log/slog", "slog.LevelInfo"}, {"math/big", "big.NewInt"},
	{"mime/multipart", "multipart.ErrMessageTooLarge"}, {"net", "net.IPv4len"}, {"net/http", "http.StatusOK"},
	{"net/http/httptest", "httptest.NewRecorder"}, {"net/mail", "mail.ParseAddress"}, {"net/smtp", "smtp.PlainAuth"},
	{"net/url", "url.QueryEscape"}, {"os", "os.Getenv"}, {"os/exec", "exec.ErrNotFound"},
	{"path/filepath", "filepath.Join"}, {"reflect", "reflect.TypeOf"}, {"regexp", "regexp.MustCompile"},
	{"sort", "sort.Strings"}, {"strconv", "strconv.Itoa"}, {"strings", "strings.ToUpper"},
	{"sync", "sync.OnceFunc"}, {"text/template", "template.IsTrue"}, {"time", "time.Second"},
	{"unicode/utf8", "utf8.RuneError"},
}

// generate writes a module of n packages: package i imports a rotating
// half of stdImports and up to three lower-numbered packages, and every
// tenth one holds a hard-coded token so that the scan has findings.
func generate(dir string, n int) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/loadbench\n\ngo 1.22\n"), 0o644); err != nil {
		return err
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "package p%03d\n\nimport (\n", i)
		var uses []string
		for k := range len(stdImports) / 2 {
			imp := stdImports[(i*7+k)%len(stdImports)]
			fmt.Fprintf(&b, "\t%q\n", imp[0])
			uses = append(uses, imp[1])
		}
		for _, j := range []int{i - 1, i / 2, i / 3} {
			if j >= 0 && j < i && !strings.Contains(b.String(), fmt.Sprintf("/p%03d\"", j)) {
				fmt.Fprintf(&b, "\t\"example.com/loadbench/p%03d\"\n", j)
				uses = append(uses, fmt.Sprintf("p%03d.F", j))
			}
		}
		b.WriteString(")\n\nvar uses = []any{\n")
		for _, u := range uses {
			fmt.Fprintf(&b, "\t%s,\n", u)
		}
		b.WriteString("}\n\n// F is what the packages above use.\nfunc F() int { return len(uses) }\n")
		if i%10 == 0 {
			// A random token in GitHub's format, not a real one.
			b.WriteString("\nfunc Auth(r *http.Request) { r.Header.Set(\"Authorization\", \"Bearer ghp_612lzK4BjH4GzzpMCrZNq5PAtgozEnAuAlzw\") }\n")
		}
		src := b.String()
		if i%10 == 0 && !strings.Contains(src, "\"net/http\"\n") {
			src = strings.Replace(src, "import (\n", "import (\n\t\"net/http\"\n", 1)
		}
		pdir := filepath.Join(dir, fmt.Sprintf("p%03d", i))
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(pdir, "p.go"), []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// measurement is one timed command.
type measurement struct {
	elapsed time.Duration
	rssKB   int // 0 when /usr/bin/time is not there
}

var maxRSSRe = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)

// timed runs name args in dir with GOCACHE=cache, through /usr/bin/time
// -v when present. okStatus lists the exit statuses that are not
// failures (tokenvet and go vet exit 1 on findings).
func timed(dir, cache string, okStatus []int, name string, args ...string) (measurement, error) {
	timeBin, haveTime := "/usr/bin/time", true
	if _, err := os.Stat(timeBin); err != nil {
		haveTime = false
	}
	var cmd *exec.Cmd
	if haveTime {
		cmd = exec.Command(timeBin, append([]string{"-v", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Dir = dir
	// XDG_CACHE_HOME: tokenvet's own cache (dependencies' types) starts
	// empty with the build cache, so that cold is cold for both (on
	// Linux; elsewhere os.UserCacheDir ignores it).
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod", "XDG_CACHE_HOME="+filepath.Join(cache, "user-cache"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	start := time.Now()
	err := cmd.Run()
	m := measurement{elapsed: time.Since(start)}
	if mm := maxRSSRe.FindStringSubmatch(stderr.String()); mm != nil {
		m.rssKB, _ = strconv.Atoi(mm[1])
	}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return m, err
		}
		for _, s := range okStatus {
			if ee.ExitCode() == s {
				return m, nil
			}
		}
		return m, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	return m, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func run(tokenvet string, n int, keep bool) error {
	tv, err := filepath.Abs(tokenvet)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "tokenvet-loadbench-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("module in", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	if err := generate(dir, n); err != nil {
		return err
	}
	newCache := func() (string, error) { return os.MkdirTemp("", "tokenvet-loadbench-gocache-") }
	vetCache, err := newCache()
	if err != nil {
		return err
	}
	defer os.RemoveAll(vetCache)
	tvCache, err := newCache()
	if err != nil {
		return err
	}
	defer os.RemoveAll(tvCache)

	scan := []string{"scan", "--format", "json", "-o", os.DevNull, "./..."}
	vet, err := timed(dir, vetCache, []int{1}, "go", "vet", "./...")
	if err != nil {
		return err
	}
	cold, err := timed(dir, tvCache, []int{1}, tv, scan...)
	if err != nil {
		return err
	}
	warm, err := timed(dir, tvCache, []int{1}, tv, scan...)
	if err != nil {
		return err
	}
	again, err := timed(dir, tvCache, []int{1}, tv, scan...)
	if err != nil {
		return err
	}
	rss := func(m measurement) string {
		if m.rssKB == 0 {
			return "peak RSS unknown (no /usr/bin/time)"
		}
		return fmt.Sprintf("peak RSS %d MB", m.rssKB/1024)
	}
	fmt.Printf("generated module: %d packages, each importing %d standard-library packages\n", n, len(stdImports)/2)
	fmt.Printf("go vet ./...          cold  %7.2f s  %s\n", vet.elapsed.Seconds(), rss(vet))
	fmt.Printf("tokenvet scan ./...   cold  %7.2f s  %s\n", cold.elapsed.Seconds(), rss(cold))
	fmt.Printf("tokenvet scan ./...   warm  %7.2f s  %s\n", warm.elapsed.Seconds(), rss(warm))
	fmt.Printf("tokenvet scan ./...   again %7.2f s  %s (unchanged tree)\n", again.elapsed.Seconds(), rss(again))
	fmt.Printf("tokenvet cold / go vet cold: %.2f (target ≤ 0.33)\n", cold.elapsed.Seconds()/vet.elapsed.Seconds())
	fmt.Printf("tokenvet re-scan / warm:     %.2f (target ≤ 0.20)\n", again.elapsed.Seconds()/warm.elapsed.Seconds())
	return nil
}
