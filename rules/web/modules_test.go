package web

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
	"github.com/tokenvet/tokenvet/rules"
)

// writeTree writes files (relative path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// keyLines scans one file of the tree at root and returns the lines of
// its jwt-hardcoded-key findings, checking that no message quotes the key.
func keyLines(t *testing.T, e *Engine, root, rel string) []int {
	t.Helper()
	abs := filepath.Join(root, filepath.FromSlash(rel))
	src, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	fs, ps := e.Scan(context.Background(), walk.File{Abs: abs, Rel: rel, Content: src, Size: int64(len(src))})
	if len(ps) > 0 {
		t.Fatalf("%s: problems: %+v", rel, ps)
	}
	var lines []int
	for _, f := range fs {
		if f.RuleID != rules.JWTHardcodedKey {
			continue
		}
		if f.Secret == "" || strings.Contains(f.Message, f.Secret) {
			t.Errorf("%s:%d: the finding must carry its secret and not quote it: %q", rel, f.StartLine, f.Message)
		}
		lines = append(lines, f.StartLine)
	}
	slices.Sort(lines)
	return lines
}

// TestProjectModuleKeys: a key that a script reads from the project's own
// config module (CommonJS or ES, JavaScript or TypeScript) is reported
// at its use, naming the module; a key the module reads from the
// environment, a module outside the scanned tree, a package and a module
// too large to be a config file are not followed.
func TestProjectModuleKeys(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "project")
	writeTree(t, root, map[string]string{
		"app/config/auth.config.js": `module.exports = {
  secret: "my-app-signing-phrase",
  fromEnv: process.env.JWT_SECRET,
  jwt: { refresh: process.env.REFRESH_SECRET || "refresh-fallback-phrase" },
};
exports.other = "never-read-phrase";
`,
		"app/config/keys.js": `exports.access = "exported-access-phrase";
module.exports.refresh = 'exported-refresh-phrase';
`,
		"app/config/big.js": "module.exports = { secret: 'big-module-phrase' };\n// " + strings.Repeat("x", maxModuleSize) + "\n",
		"app/controllers/auth.controller.js": `const jwt = require("jsonwebtoken");
const config = require("../config/auth.config");
const keys = require("../config/keys.js");
const { jwt: jwtConf } = require("../config/auth.config");
const outside = require("../../../shared/config");
const big = require("../config/big");
const pkg = require("some-config-package");
jwt.sign({ id: 1 }, config.secret, { expiresIn: 3600 });
jwt.sign({ id: 1 }, config.jwt.refresh, { expiresIn: 3600 });
jwt.sign({ id: 1 }, jwtConf.refresh, { expiresIn: 3600 });
jwt.sign({ id: 1 }, keys.access, { expiresIn: 3600 });
jwt.sign({ id: 1 }, keys.refresh, { expiresIn: 3600 });
jwt.sign({ id: 1 }, config.fromEnv, { expiresIn: 3600 });
jwt.sign({ id: 1 }, config.missing, { expiresIn: 3600 });
jwt.sign({ id: 1 }, outside.secret, { expiresIn: 3600 });
jwt.sign({ id: 1 }, big.secret, { expiresIn: 3600 });
jwt.sign({ id: 1 }, pkg.secret, { expiresIn: 3600 });
`,
		"src/config/index.ts": `export default {
  jwtSecret: process.env.JWT_SECRET ?? 'ts-fallback-phrase',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----',
};
export const apiSecret: string = 'named-export-phrase';
`,
		"src/auth.ts": `import jwt from 'jsonwebtoken';
import config, { apiSecret } from './config';
export function issue(id: string) {
  jwt.sign({ id }, config.jwtSecret, { expiresIn: '1h' });
  jwt.sign({ id }, apiSecret, { expiresIn: '1h' });
  jwt.verify(id, config.publicKey);
}
`,
	})
	// A module outside the tree, reached by a relative path and by a
	// symlink inside it: never read.
	writeTree(t, base, map[string]string{"shared/config.js": `module.exports = { secret: "outside-tree-phrase" };`})
	if err := os.Symlink(filepath.Join(base, "shared", "config.js"), filepath.Join(root, "app", "config", "linked.js")); err != nil {
		t.Fatal(err)
	}
	writeTree(t, root, map[string]string{"app/linked.js": `const jwt = require("jsonwebtoken");
const c = require("./config/linked");
jwt.sign({ id: 1 }, c.secret, { expiresIn: 3600 });
`})

	e := New(Options{Model: tokenmodel.New(nil)})
	if got, want := keyLines(t, e, root, "app/controllers/auth.controller.js"), []int{8, 9, 10, 11, 12}; !slices.Equal(got, want) {
		t.Errorf("auth.controller.js: findings on lines %v, want %v", got, want)
	}
	if got, want := keyLines(t, e, root, "src/auth.ts"), []int{4, 5}; !slices.Equal(got, want) {
		t.Errorf("auth.ts: findings on lines %v, want %v", got, want)
	}
	if got := keyLines(t, e, root, "app/linked.js"); len(got) != 0 {
		t.Errorf("linked.js: a module outside the tree was read (findings on lines %v)", got)
	}

	// The message names the module the key is written in.
	src, _ := os.ReadFile(filepath.Join(root, "app/controllers/auth.controller.js"))
	fs, _ := e.Scan(context.Background(), walk.File{Abs: filepath.Join(root, "app/controllers/auth.controller.js"), Rel: "app/controllers/auth.controller.js", Content: src})
	if len(fs) == 0 || !strings.Contains(fs[0].Message, "defined in app/config/auth.config.js") {
		t.Errorf("the message should name the module: %+v", fs)
	}

	// Without a file on disk (a script given as text), nothing is read.
	fs, _ = New(Options{}).Scan(context.Background(), walk.File{Rel: "app/controllers/auth.controller.js", Content: src})
	for _, f := range fs {
		if f.RuleID == rules.JWTHardcodedKey {
			t.Errorf("a script without a path read a module: %+v", f)
		}
	}
}
