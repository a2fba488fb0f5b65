package secrets

import (
	"slices"
	"testing"
)

// TestEnvFilesLoaded: the env files code loads by a literal path, in the
// loaders of Node, dotenv, Go and Python, resolved against the file's
// directory and the scan root; and what is no such load.
func TestEnvFilesLoaded(t *testing.T) {
	for _, c := range []struct {
		rel, src string
		want     []string
	}{
		{"app.js", "process.loadEnvFile('.env.example');\n", []string{".env.example"}},
		{"server/index.js", "require('dotenv').config({ path: '.env.example' })\n", []string{"server/.env.example", ".env.example"}},
		{"src/main.ts", "import * as dotenv from 'dotenv';\ndotenv.config({ override: true, path: `config/.env.sample` });\n", []string{"src/config/.env.sample", "config/.env.sample"}},
		{"cmd/api/main.go", "package main\nfunc main() { _ = godotenv.Load(\".env.dist\") }\n", []string{"cmd/api/.env.dist", ".env.dist"}},
		{"manage.py", "from dotenv import load_dotenv\nload_dotenv(dotenv_path='.env.example')\n", []string{".env.example"}},
		// not loads: no literal path, a path outside the tree, a file that
		// is no env file, a language that is not read, no loader at all
		{"app.js", "require('dotenv').config()\n", nil},
		{"app.js", "process.loadEnvFile('../../.env')\n", nil},
		{"app.js", "require('dotenv').config({ path: 'settings.json' })\n", nil},
		{"README.md", "process.loadEnvFile('.env.example')\n", nil},
		{"app.js", "config({ path: '.env.example' })\n", nil},
	} {
		got := EnvFilesLoaded(c.rel, []byte(c.src))
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("EnvFilesLoaded(%s, %q) = %v, want %v", c.rel, c.src, got, want)
		}
	}
	if !IsEnvTemplate(".env.example") || !IsEnvTemplate("config/.env.sample") || IsEnvTemplate(".env") || IsEnvTemplate("app.example.js") {
		t.Error("IsEnvTemplate: templates are .env.example and the like, not .env itself or code")
	}
}
