package web

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// keysTestdata holds one annotated file per JS model file with key
// sinks: `// ruleid: jwt-hardcoded-key` on the line before each expected
// finding, `// ok: jwt-hardcoded-key` before each line that must have
// none. internal/modelcheck checks every JS model has one.
const keysTestdata = "testdata/keys"

var annotation = regexp.MustCompile(`^\s*//\s*(ruleid|ok):\s*(\S+)\s*$`)

// annotated returns the lines (1-based) each annotation of rule marks:
// the first line after it that is not itself a comment.
func annotated(src, rule string) (want, ok []int) {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		m := annotation.FindStringSubmatch(l)
		if m == nil || m[2] != rule {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "//") {
			j++
		}
		if m[1] == "ruleid" {
			want = append(want, j+1)
		} else {
			ok = append(ok, j+1)
		}
	}
	return want, ok
}

// TestKeysAnnotated: in each annotated file, jwt-hardcoded-key reports
// exactly the lines marked ruleid, and so none of those marked ok; every
// key sink row of the embedded JS models makes a finding somewhere.
func TestKeysAnnotated(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(keysTestdata, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test data in %s: %v", keysTestdata, err)
	}
	e := New(Options{Model: tokenmodel.New(nil)})
	fired := map[*model.Row]bool{}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := annotated(string(src), rules.JWTHardcodedKey)
			if len(want) == 0 || len(ok) == 0 {
				t.Fatalf("%s needs findings and non-findings (ruleid and ok annotations)", name)
			}
			fs, ps := e.Scan(context.Background(), walk.File{Rel: name, Content: src})
			if len(ps) > 0 {
				t.Fatalf("problems: %+v", ps)
			}
			var got []int
			for _, f := range fs {
				if f.RuleID != rules.JWTHardcodedKey {
					continue
				}
				got = append(got, f.StartLine)
				if f.Secret == "" || strings.Contains(f.Message, f.Secret) {
					t.Errorf("line %d: the finding must carry its secret for redaction, and its message must not quote it: %q", f.StartLine, f.Message)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("findings on lines %v, want %v", got, want)
			}
			for _, l := range ok {
				if slices.Contains(got, l) {
					t.Errorf("line %d is marked ok and has a finding", l)
				}
			}
			k := knowledge{tokens: tokenmodel.New(nil), keys: keySpecOf(model.Current())}
			hits, perr := analyseScript(script{code: src, kind: kindOf(name)}, k)
			if perr != nil {
				t.Fatal(perr.msg)
			}
			for _, h := range hits {
				if h.row != nil {
					fired[h.row] = true
				}
			}
		})
	}
	for _, r := range model.Current().Rows(model.JS, model.SectionSink) {
		if _, isKey := keyMessages[r.Kind]; isKey && !fired[r] {
			t.Errorf("%s: %s makes no finding in %s", r.Where(), r, keysTestdata)
		}
	}
}

// TestKeyMessages: the message names the constant and where it was
// defined, in the file's lines also after TypeScript is stripped.
func TestKeyMessages(t *testing.T) {
	e := New(Options{Model: tokenmodel.New(nil)})
	for _, c := range []struct{ file, src, want string }{
		{"a.js", "const jwt = require('jsonwebtoken');\njwt.sign(p, 'inline-key');\n",
			"JWT key is hard-coded (a literal, used by jwt.sign): "},
		{"a.ts", "import jwt from 'jsonwebtoken';\ninterface X { a: string }\ntype Y = X;\nconst KEY: string = 'typed-key';\nexport const t = jwt.sign(p, KEY);\n",
			"JWT key is hard-coded (KEY, defined on line 4, used by jwt.sign): "},
		{"a.js", "const session = require('express-session');\nconst conf = { s: { secret: 'deep' } };\napp.use(session(conf.s));\n",
			"session secret is hard-coded (conf.s.secret, defined on line 2, used by session option secret): "},
	} {
		fs, _ := e.Scan(context.Background(), walk.File{Rel: c.file, Content: []byte(c.src)})
		if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, c.want) {
			var msgs []string
			for _, f := range fs {
				msgs = append(msgs, f.Message)
			}
			t.Errorf("%q: messages %q, want one starting %q", c.src, msgs, c.want)
		}
	}
}

// TestKeysFromUserModels: the sinks are the model's rows, so a user's
// model file of another package is followed the same way.
func TestKeysFromUserModels(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "acme.yml"), []byte(`language: js
module: acme-auth
checked: [1.0.0]
sinks:
  - path: Member[Signer].Argument[0].Member[hmacKey]
    input: Value
    kind: jwt-key
`), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := model.WithUser([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	src := "import { Signer } from 'acme-auth';\nconst s = new Signer({ hmacKey: 'acme-key' });\n"
	for _, c := range []struct {
		set  *model.Set
		want int
	}{{nil, 0}, {set, 1}} {
		fs, _ := New(Options{Libraries: c.set}).Scan(context.Background(), walk.File{Rel: "a.js", Content: []byte(src)})
		if len(fs) != c.want {
			t.Errorf("with user models %v: %d findings, want %d", c.set != nil, len(fs), c.want)
		}
	}
}

// jwtTestdata holds one annotated file per JS model file with JWT api
// rows, annotated as keysTestdata for the rules below.
const jwtTestdata = "testdata/jwt"

var jwtRules = []string{rules.JWTUnverifiedParse, rules.JWTNoneAlg, rules.JWTAlgNotPinned}

// TestJWTAnnotated: in each annotated file, each of jwtRules reports
// exactly the lines marked ruleid for it, and so none marked ok; each
// file has both.
func TestJWTAnnotated(t *testing.T) { checkAnnotated(t, jwtTestdata, jwtRules) }

// cookiesTestdata holds one annotated file per JS model file with
// sets-cookie rows, and one for document.cookie.
const cookiesTestdata = "testdata/cookies"

// TestCookiesAnnotated is TestJWTAnnotated for token-cookie-insecure.
func TestCookiesAnnotated(t *testing.T) {
	checkAnnotated(t, cookiesTestdata, []string{rules.TokenCookieInsecure})
}

// logsTestdata holds one annotated file per JS model file with log
// sinks, and one each for the console of server and of browser code.
const logsTestdata = "testdata/logs"

// TestLogsAnnotated is TestJWTAnnotated for token-logged.
func TestLogsAnnotated(t *testing.T) {
	checkAnnotated(t, logsTestdata, []string{rules.TokenLogged})
}

// lifetimesTestdata holds one annotated file per JS model file with
// lifetime rows.
const lifetimesTestdata = "testdata/lifetimes"

// TestLifetimesAnnotated is TestJWTAnnotated for jwt-long-lifetime.
func TestLifetimesAnnotated(t *testing.T) {
	checkAnnotated(t, lifetimesTestdata, []string{rules.JWTLongLifetime})
}

// storageTestdata holds one annotated file per JS model file with
// web-storage sinks or the keeps-token-in-web-storage trait.
const storageTestdata = "testdata/storage"

// TestStorageAnnotated is TestJWTAnnotated for token-in-web-storage.
func TestStorageAnnotated(t *testing.T) {
	checkAnnotated(t, storageTestdata, []string{rules.TokenInWebStorage})
}

// checkAnnotated scans each file of dir and checks, for each rule, that
// the findings are on exactly the lines marked ruleid, none on a line
// marked ok, and that the file has both kinds of mark.
func checkAnnotated(t *testing.T, dir string, ruleIDs []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test data in %s: %v", dir, err)
	}
	e := New(Options{Model: tokenmodel.New(nil)})
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			fs, ps := e.Scan(context.Background(), walk.File{Rel: name, Content: src})
			if len(ps) > 0 {
				t.Fatalf("problems: %+v", ps)
			}
			annotations := 0
			for _, rule := range ruleIDs {
				want, ok := annotated(string(src), rule)
				annotations += len(want) * len(ok)
				var got []int
				for _, f := range fs {
					if f.RuleID == rule {
						got = append(got, f.StartLine)
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s: findings on lines %v, want %v", rule, got, want)
				}
				for _, l := range ok {
					if slices.Contains(got, l) {
						t.Errorf("%s: line %d is marked ok and has a finding", rule, l)
					}
				}
			}
			if annotations == 0 {
				t.Fatalf("%s needs findings and non-findings (ruleid and ok annotations) of one rule", name)
			}
		})
	}
}

// TestJWTClientSide: a client-side decoder (jwt-decode) is judged only in
// server code, told by the file's path or a server module it imports.
func TestJWTClientSide(t *testing.T) {
	src := "import jwtDecode from 'jwt-decode';\nexport function isAdmin(t) { const c = jwtDecode(t); if (c.role === 'admin') { return true; } return false; }\n"
	e := New(Options{Model: tokenmodel.New(nil)})
	for _, c := range []struct {
		file, src string
		want      int
	}{
		{"src/components/Menu.js", src, 0},
		{"server/auth.js", src, 1},
		{"src/api/auth.js", src, 1},
		{"src/auth.js", "import http from 'node:http';\n" + src, 1},
		{"src/auth.js", "const fs = require('fs');\n" + src, 1},
	} {
		fs, _ := e.Scan(context.Background(), walk.File{Rel: c.file, Content: []byte(c.src)})
		n := 0
		for _, f := range fs {
			if f.RuleID == rules.JWTUnverifiedParse {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%s: %d findings, want %d", c.file, n, c.want)
		}
	}
}
