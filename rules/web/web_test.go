package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
)

// scan runs the engine over one file and returns "line:col rule" strings
// and problem messages.
func scan(t *testing.T, e *Engine, name, src string) (got []string, problems []string) {
	t.Helper()
	f := walk.File{Rel: name, Content: []byte(src), Size: int64(len(src))}
	if !e.Wants(name) {
		t.Fatalf("engine does not want %s", name)
	}
	fs, ps := e.Scan(context.Background(), f)
	for _, x := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", x.StartLine, x.StartCol, x.RuleID))
		if x.Engine != Name || x.Message == "" || x.EndLine < x.StartLine {
			t.Errorf("%s: malformed finding %+v", name, x)
		}
	}
	for _, p := range ps {
		problems = append(problems, fmt.Sprintf("%d:%d %s", p.Line, p.Column, p.Message))
	}
	slices.Sort(got)
	return got, problems
}

type tcase struct {
	name, file, src string
	want            []string // "line:col rule", sorted
}

var cases = []tcase{
	{"setItem with token value", "a.js", `
const res = await fetch('/login');
const { token } = await res.json();
localStorage.setItem('user', token);
`, []string{"4:14 token-in-web-storage"}},
	{"setItem with constant key", "a.js", `const TOKEN_KEY = 'auth_token';
function save(v) { window.localStorage.setItem(TOKEN_KEY, v); }
`, []string{"2:40 token-in-web-storage"}},
	{"constant key with a neutral name", "a.js", `const K = 'jwt';
sessionStorage.setItem(K, x);
`, []string{"2:16 token-in-web-storage"}},
	{"property and index assignment, aliases", "a.js", `const s = window.sessionStorage;
s.accessToken = data.access_token;
globalThis.localStorage['refresh_token'] = r;
localStorage.theme = 'dark';
`, []string{"2:3 token-in-web-storage", "3:25 token-in-web-storage"}},
	{"non-findings: reads, removeItem, other keys", "a.js", `const t = localStorage.getItem('token');
localStorage.removeItem('token');
localStorage.setItem('theme', theme);
localStorage.setItem('tokenExpiry', String(expiresAt));
sessionStorage.setItem('lang', navigator.language);
myStore.setItem('token', token);
sessionStorage.setItem(window.btoa('pkce_session_id'), sessionId);
sessionStorage.setItem('pkce_code_verifier', verifier);
`, nil},
	{"clearing a stored token writes no token (filebrowser logout)", "a.js", `localStorage.setItem("jwt", "");
sessionStorage.setItem('token', null);
const EMPTY = ''; localStorage.setItem('access_token', EMPTY);
localStorage.token = undefined;
localStorage['jwt'] = '';
`, nil},
	{"an access key id is no credential (held-out pass 3: minio console)", "a.ts", `localStorage.setItem("userLoggedIn", accessKey);
sessionStorage.setItem('access_key', form.accessKey);
fetch(` + "`/api/list?next_token=${nextToken}&access_key=${accessKey}`" + `);
`, nil},
	{"a secret access key is", "a.ts", `localStorage.setItem("creds", secretAccessKey);
`, []string{"1:14 token-in-web-storage"}},
	{"a token stored under a token key is still reported", "a.js", `localStorage.setItem("jwt", token);
localStorage['jwt'] = data.value;
`, []string{"1:14 token-in-web-storage", "2:14 token-in-web-storage"}},
	{"shadowed localStorage is not the browser's", "a.js", `function f(localStorage) { localStorage.setItem('token', t); }
`, nil},
	{"query: template, concatenation, URLSearchParams, axios", "a.js", "fetch(`/api/items?access_token=${token}`);\n" +
		"const ws = new WebSocket(base + '/ws?user=' + u + '&token=' + t);\n" +
		"const u = new URL('/x', location.href); u.searchParams.set('api_key', key);\n" +
		"const p = new URLSearchParams({ jwt: tok, page: 1 });\n" +
		"axios.get('/api', { params: { access_token } });\n" +
		"const api = axios.create({ baseURL: '/v1' }); api.get('/me', { params: { token: t } });\n",
		// line 4: the params object never becomes a query
		[]string{"1:19 token-in-query", "2:53 token-in-query", "3:60 token-in-query", "5:31 token-in-query", "6:74 token-in-query"}},
	{"a token after '#' is in the URL's fragment, which is never sent (held-out pass 9)", "a.js", "open(`https://jwt.io/#debugger-io?token=${token}`);\n" +
		"location.href = `${base}/#/login?x=${a}&token=${token}`;\n" +
		"fetch(`${base}/login?x=${a}#y&token=${token}`);\n" +
		"fetch(`${base}/api?page=${p}&token=${token}`);\n",
		[]string{"4:30 token-in-query"}},
	{"axios params held in a constant, and a config in one (held-out pass 6, uptime-kuma)", "a.js", "const data = { user_login: login, api_key: notification.apiKey, text: msg };\n" +
		"await axios.post(url, null, { params: data });\n" +
		"const config = { params: { page: 2, token: t } };\n" +
		"axios.get(url, config);\n" +
		"const plain = { page: 2 };\n" +
		"axios.get(url, { params: plain });\n",
		[]string{"1:35 token-in-query", "3:37 token-in-query"}},
	{"URLSearchParams that become a query", "a.js", "const q = new URLSearchParams(); q.set('access_token', t);\n" +
		"fetch(`${api}/me?${q}`);\n" +
		"const r = new URLSearchParams({ token: t }); u.search = r;\n" +
		"const s = new URLSearchParams(); s.append('jwt', j); fetch(base + '/x?' + s.toString());\n",
		[]string{"1:40 token-in-query", "3:33 token-in-query", "4:43 token-in-query"}},
	{"a finding on a call written with names only is placed on that call, not at the file's start", "a.js", "const token = getToken();\n" +
		"function f(user) {\n" +
		"  const p = new URLSearchParams({ token });\n" +
		"  fetch('/api?' + p);\n" +
		"}\n" +
		"const { sign } = require('jsonwebtoken');\n" +
		"sign({ user }, process.env.KEY);\n" +
		"sign({ user }, process.env.KEY);\n",
		// both sign calls: one finding each, not one merged at 1:1
		[]string{"3:17 token-in-query", "7:1 jwt-missing-exp", "8:1 jwt-missing-exp"}},
	{"a payload with an expiry claim of the application's own was made to expire", "server/user.js",
		"const jwt = require('jsonwebtoken');\n" +
			"exports.session = (u) => jwt.sign({ id: u.id, expiresAt: addHours(new Date(), 24).toISOString() }, u.secret);\n" +
			"exports.link = (u, validUntil) => jwt.sign({ id: u.id, validUntil }, u.secret);\n" +
			"exports.signin = (u) => jwt.sign({ id: u.id, createdAt: new Date().toISOString() }, u.secret);\n" +
			"exports.named = (u) => jwt.sign({ id: u.id, expiresAtLabel: 'x' }, u.secret);\n",
		[]string{"4:29 jwt-missing-exp", "5:28 jwt-missing-exp"}},
	{"a credential under a parameter name of its own (Google's and Steam's key=) is a token in the query", "server/steam.js",
		"const axios = require('axios');\n" +
			"exports.a = (cfg) => axios.get(u, { params: { key: cfg.steamApiKey, steamids: id } });\n" +
			"exports.b = (apiKey) => fetch(u + '?' + new URLSearchParams({ key: apiKey, q: 'x' }));\n" +
			"exports.c = (cfg) => axios.get(u, { params: { key: cfg.cacheKey, page: 2 } });\n" +
			"exports.d = (state) => axios.get(u, { params: { state: state.authToken } });\n",
		[]string{"2:47 token-in-query", "3:63 token-in-query"}},
	{"a call of a name an import binds is placed on the call, not on the import", "a.mjs",
		"import { sign as foo } from 'jsonwebtoken';\n\nfoo({ x: 42 }, process.env.K);\n",
		[]string{"3:1 jwt-missing-exp"}},
	{"the console of browser code is collected by error trackers: a log (held-out pass 6, ntfy)", "src/components/Login.js", "const token = await login();\nconsole.log(`login ok, token is ${token}`);\nconsole.log('token expires', tokenExpiry);\nconsole.log('logged in');\n", []string{"2:9 token-logged"}},
	{"the console of server code is a log", "server/auth.js", "const token = await login();\nconsole.log('got token', token);\n", []string{"2:9 token-logged"}},
	{"form bodies are not queries (oidc-client-ts, keycloak-js)", "a.js", "const params = new URLSearchParams({ grant_type: 'refresh_token' });\n" +
		"params.append('client_secret', client_secret);\n" +
		"params.set('refresh_token', refreshToken);\n" +
		"await fetch(tokenEndpoint, { method: 'POST', body: params });\n" +
		"var body = 'grant_type=urn:ietf:params:oauth:grant-type:uma-ticket&client_id=' + id;\n" +
		"body += '&claim_token=' + request.claimToken;\n" +
		"xhr.send(body);\n",
		nil},
	{"query non-findings: code, state, literal values, ordinary params, body", "a.js", "fetch(`/cb?code=${code}&state=${state}`);\n" +
		"fetch(`/items?page=${page}`);\n" +
		"fetch('/docs?token=' + 'EXAMPLE');\n" +
		"fetch('/login', { method: 'POST', body: JSON.stringify({ token }) });\n" +
		"axios.post('/api', { token }, { headers: { Authorization: `Bearer ${token}` } });\n" +
		"const p = new URLSearchParams(); p.set('state', s);\n" +
		"axios.get('/x', { params: { page: 2 } });\n",
		nil},
	{"query: a mail link's unsubscribe or read-receipt token is no credential; a sign-in token is", "mail.js",
		"const a = `${base}/api/notifications.unsubscribe?token=${this.unsubscribeToken(userId)}`;\n" +
			"const b = `${base}/api/notifications.pixel?token=${this.pixelToken}&id=${id}`;\n" +
			"const c = `${base}/auth/email.callback?token=${signinToken}`;\n",
		[]string{"3:40 token-in-query"}},
	{"jsonwebtoken", "server.js", `const jwt = require('jsonwebtoken');
const a = jwt.verify(t, key, { algorithms: ['HS256', 'none'] });
const b = jwt.sign({ sub: id }, key);
const c = jwt.sign({ sub: id }, key, { algorithm: 'none', expiresIn: '1h' });
jwt.verify(t, key, { ignoreExpiration: true });
const claims = jwt.decode(other);
if (claims.role === 'admin') { grant(); }
`, []string{"2:54 jwt-none-alg", "3:15 jwt-missing-exp", "4:51 jwt-none-alg", "5:22 jwt-missing-exp", "6:20 jwt-unverified-parse"}},
	{"jsonwebtoken non-findings", "server.mjs", `import jwt from 'jsonwebtoken';
const a = jwt.verify(t, key, { algorithms: ['RS256'] });
const b = jwt.sign({ sub: id }, key, { expiresIn: '15m' });
const c = jwt.sign({ sub: id, exp: Math.floor(Date.now() / 1000) + 60 }, key);
const d = jwt.sign(payload, key);
const claims = jwt.decode(t);
if (claims.exp * 1000 < Date.now()) { refresh(); }
console.log(claims.sub);
const other = require('jwt-decode'); other.decode(t).role === 'x' && f();
`, []string{}},
	{"decode result set as the request's user", "mw.js", `const { decode } = require('jsonwebtoken');
module.exports = (req, res, next) => { const u = decode(req.headers.authorization); req.user = u; next(); };
`, []string{"2:57 jwt-unverified-parse"}},
	{"hard-coded keys of jsonwebtoken, express-session and crypto", "keys.js", `const jwt = require('jsonwebtoken');
const session = require('express-session');
const { createHmac } = require('node:crypto');
const KEY = 'module-key';
const conf = { session: { secret: 'conf-secret' } };
jwt.sign({ sub: id }, KEY, { expiresIn: '1h' });
app.use(session({ secret: conf.session.secret }));
createHmac('sha256', Buffer.from('mac-key'));
jwt.verify(t, process.env.KEY);
function sign(p, k) { return k; } sign(p, 'a-local-function');
`, []string{"6:23 jwt-hardcoded-key", "7:27 jwt-hardcoded-key", "8:35 jwt-hardcoded-key"}},
	{"ES module imports of jsonwebtoken and jose", "auth.mjs", `import jwt from 'jsonwebtoken';
import { verify as check } from 'jsonwebtoken';
import * as jose from 'jose';
import { decodeJwt } from 'jose';
export const mint = (id) => jwt.sign({ sub: id }, key);
export const open = (t) => check(t, key, { algorithms: ['none'] });
export const unsigned = new jose.UnsecuredJWT({ sub: 'x' }).encode();
export function admin(t) { const c = decodeJwt(t); if (c.admin) { return true; } return jose.decodeJwt(t).exp > 0; }
`, []string{"5:33 jwt-missing-exp", "6:57 jwt-none-alg", "7:34 jwt-none-alg", "8:38 jwt-unverified-parse"}},
	{"a long concatenation starts a query and ends with a token", "a.js", "fetch('/x?a=1'" + strings.Repeat(" + '&b=' + b", 400) + " + '&token=' + t);\n" +
		"fetch('/x'" + strings.Repeat(" + '&b=' + b", 400) + " + '&token=' + t);\n",
		[]string{"1:" + fmt.Sprint(len("fetch('/x?a=1'")+len(strings.Repeat(" + '&b=' + b", 400))+6) + " token-in-query"}},
	{"XMLHttpRequest and new URL", "a.js", "const x = new XMLHttpRequest(); x.open('GET', '/api/feed?token=' + t);\n" +
		"const u = new URL(`https://api.example.com/v1?jwt=${jwt}`);\n" +
		"x.open('GET', '/api/feed?lang=' + lang);\n",
		[]string{"1:58 token-in-query", "2:47 token-in-query"}},
	{"TypeScript", "store.ts", `import type { Session } from './types';
interface Creds { token: string; expiresAt: number }
const KEY: string = 'session_token';
export function keep(c: Creds): void {
  localStorage.setItem(KEY, c.token as string);
  sessionStorage.setItem('expiresAt', String(c.expiresAt));
}
`, []string{"5:16 token-in-web-storage"}},
	{"non-ASCII text before a finding in a template (TypeScript)", "a.ts", "const u: string = `/é😀/x?token=${t}`;\n" +
		"localStorage.setItem('token', `é😀${t}`); sessionStorage['é😀'] = jwt;\n",
		[]string{"1:30 token-in-query", "2:14 token-in-web-storage", "2:61 token-in-web-storage"}},
	{"TSX", "Login.tsx", `import React from 'react';
export function Login({ onToken }: { onToken: (t: string) => void }) {
  const save = (jwt: string) => { localStorage.setItem('jwt', jwt); onToken(jwt); };
  return <button onClick={() => save(prompt('jwt') ?? '')}>Sign in</button>;
}
`, []string{"3:48 token-in-web-storage"}},
	{"JSX in .jsx and in .js", "App.jsx", `export const App = ({ token }) => {
  fetch(` + "`/api/me?token=${token}`" + `);
  return <div className="app">{token ? 'in' : 'out'}</div>;
};
`, []string{"2:18 token-in-query"}},
	{"JSX in a .js file", "App.js", `export const App = ({ token }) => {
  localStorage.setItem('token', token);
  return <div>{token}</div>;
};
`, []string{"2:16 token-in-web-storage"}},
	{"Vue single-file component", "Login.vue", `<template>
  <form @submit.prevent="login">{{ user }}</form>
</template>
<script setup lang="ts">
const props = defineProps<{ user: string }>();
async function login(): Promise<void> {
  const { access_token } = await api.post('/token');
  localStorage.setItem('access_token', access_token);
}
</script>
`, []string{"8:16 token-in-web-storage"}},
	{"HTML page with inline and external scripts", "index.html", `<!doctype html>
<html><head>
<script src="app.js"></script>
<script type="application/json">{"token": "x"}</script>
</head><body>
<script>
  var t = new URLSearchParams(location.hash.slice(1)).get('access_token');
  sessionStorage.setItem('token', t);
</script>
</body></html>
`, []string{"8:18 token-in-web-storage"}},
	{"Go template", "login.gohtml", `{{define "login"}}
<script>
  const token = {{.Token}};
  localStorage.setItem("token", token);
  const u = "{{.Base}}/api?x=1";
</script>
{{end}}
`, []string{"4:16 token-in-web-storage"}},
	{"import attributes (gitea emoji.ts)", "emoji.ts", `import emojis from '../../assets/emoji.json' with {type: 'json'};
import data from './d.json' assert { type: "json" };
localStorage.setItem('token', emojis.token);
`, []string{"3:14 token-in-web-storage"}},
	{"template comments and control actions (gitea head_script.tmpl)", "head_script.tmpl", `<script>
	window.config = {
		notificationSettings: {{NotificationSettings}}, {{/*a map provided by NewFuncMap*/}}
		enableTimeTracking: {{EnableTimetracking}},
		{{if .IsSigned}}signed: true,{{end}}
	};
	sessionStorage.setItem('api_token', {{.APIToken}});
	sessionStorage.setItem('csrf_token', {{.CsrfToken}}); // meant to be read by scripts
</script>
`, []string{"7:17 token-in-web-storage"}},
	{"decorators in JavaScript (Ember, vault ui)", "auth.js", `import Component from '@glimmer/component';
import { tracked } from '@glimmer/tracking';
export default class Auth extends Component {
  @tracked token = null;
  @action save(t) { localStorage.setItem('vault-token', t); }
}
`, []string{"5:34 token-in-web-storage"}},
	{"decorators in TypeScript", "auth.ts", `export default class Auth extends Component<Args> {
  @tracked declare token: string;
  @action save(t: string): void { sessionStorage.setItem('token', t); }
}
`, []string{"3:50 token-in-web-storage"}},
	{"Svelte", "Nav.svelte", `<script>
  export let jwt;
  $: if (jwt) localStorage.setItem('auth', jwt);
</script>
<nav>{jwt}</nav>
`, []string{"3:28 token-in-web-storage"}},
}

func TestCases(t *testing.T) {
	e := New(Options{Model: tokenmodel.New(nil)})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, problems := scan(t, e, c.file, c.src)
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			want := append([]string(nil), c.want...)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestUnparsedIsAProblem(t *testing.T) {
	e := New(Options{})
	got, problems := scan(t, e, "broken.ts", "const x: = ;\nlocalStorage.setItem('token', t)\n")
	if len(got) != 0 || len(problems) != 1 || !strings.HasPrefix(problems[0], "1:") {
		t.Errorf("findings %v, problems %v: want one problem on line 1", got, problems)
	}
	_, problems = scan(t, e, "page.html", "<script>\nlet = = ;\n</script>")
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "2:") {
		t.Errorf("problems %v: want one on line 2", problems)
	}
}

func TestConfiguredNames(t *testing.T) {
	src := "localStorage.setItem('partner_sig', s);\n"
	if got, _ := scan(t, New(Options{Model: tokenmodel.New(nil)}), "a.js", src); len(got) != 0 {
		t.Errorf("partner_sig reported without configuration: %v", got)
	}
	if got, _ := scan(t, New(Options{Model: tokenmodel.New([]string{"partner_sig"})}), "a.js", src); len(got) != 1 {
		t.Errorf("configured partner_sig not reported: %v", got)
	}
}

// TestMinified: the engine declines what the walk's minified decision
// calls a bundle, and nothing else: a file named .min.js that is
// hand-written, or a hand-written file with one long data line, is
// analysed (issue 16).
func TestMinified(t *testing.T) {
	bundle := walk.File{Rel: "bundle.js", Content: []byte(strings.Repeat("var a=b(c,d);", 700) + "localStorage.setItem('token',t);")}
	if r, skip := New(Options{}).SkipFile(bundle); !skip || !strings.Contains(r, "minified") {
		t.Errorf("minified bundle not skipped: %q %v", r, skip)
	}
	if _, skip := New(Options{Minified: walk.MinifiedCheck{Include: true}}).SkipFile(bundle); skip {
		t.Error("Minified.Include ignored")
	}
	dataURI := "const logo = 'data:image/png;base64," + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB", 160) + "';\n"
	for _, f := range []walk.File{
		{Rel: "app.min.js", Content: []byte("localStorage.setItem('token', t);\n")},
		{Rel: "app.js", Content: []byte(strings.Repeat("let a = 1;\n", 1000))},
		{Rel: "logo.js", Content: []byte(dataURI + strings.Repeat("export function show(el) {\n  el.src = logo;\n}\n", 40) + "localStorage.setItem('token', t);\n")},
	} {
		if r, skip := New(Options{}).SkipFile(f); skip {
			t.Errorf("%s skipped: %q", f.Rel, r)
		}
	}
	if got, _ := scan(t, New(Options{}), "logo.js", dataURI+"localStorage.setItem('token', t);\n"); len(got) != 1 {
		t.Errorf("hand-written file with a data URI: findings %v, want the web-storage write", got)
	}
}

// TestUnparsedTemplates: a page template the engine cannot parse is
// declined, with a reason when it holds a script, silently otherwise.
func TestUnparsedTemplates(t *testing.T) {
	e := New(Options{})
	for _, tc := range []struct {
		rel, src string
		listed   bool
	}{
		{"Pages/Index.cshtml", "@{ var t = Model.Token; }\n<SCRIPT>localStorage.setItem('token', '@t')</SCRIPT>\n", true},
		{"src/pages/index.astro", "---\nconst t = 1;\n---\n<script src=\"/app.js\"></script>", true},
		{"views/page.pug", "html\n  body\n    script.\n      localStorage.setItem('token', t)\n", true},
		{"Pages/Partial.cshtml", "<p>@Model.Name</p>\n", false},
		{"views/list.pug", "ul\n  each item in items\n    li= item.description\n", false},
	} {
		if !e.Wants(tc.rel) {
			t.Errorf("Wants(%s) = false", tc.rel)
			continue
		}
		reason, skip := e.SkipFile(walk.File{Rel: tc.rel, Content: []byte(tc.src)})
		if !skip || (reason != "") != tc.listed || (tc.listed && !strings.HasPrefix(reason, "scripts not analysed")) {
			t.Errorf("SkipFile(%s) = %q, %v; want skipped, listed %v", tc.rel, reason, skip, tc.listed)
		}
	}
}

func TestWants(t *testing.T) {
	e := New(Options{})
	for _, n := range []string{"a.js", "b.MJS", "c.cjs", "d.jsx", "e.ts", "f.tsx", "g.vue", "h.svelte", "i.html", "j.htm", "k.tmpl", "l.gohtml"} {
		if !e.Wants(n) {
			t.Errorf("Wants(%s) = false", n)
		}
	}
	for _, n := range []string{"a.go", "types.d.ts", "x.json", "README.md"} {
		if e.Wants(n) {
			t.Errorf("Wants(%s) = true", n)
		}
	}
}

func FuzzWebEngine(f *testing.F) {
	for _, c := range cases {
		f.Add(c.file, c.src)
	}
	// The key rule's annotated files: module bindings, access paths,
	// constants and conversions (jwt-hardcoded-key).
	// The JWT rules' annotated files: decodes, verifications, request
	// tokens and algorithm options (jwt-unverified-parse, jwt-none-alg,
	// jwt-alg-not-pinned). The cookie rule's: cookie calls, injected
	// services and document.cookie strings (token-cookie-insecure). The
	// log rule's (token-logged).
	keyFiles, _ := filepath.Glob(filepath.Join(keysTestdata, "*"))
	jwtFiles, _ := filepath.Glob(filepath.Join(jwtTestdata, "*"))
	cookieFiles, _ := filepath.Glob(filepath.Join(cookiesTestdata, "*"))
	logFiles, _ := filepath.Glob(filepath.Join(logsTestdata, "*"))
	lifetimeFiles, _ := filepath.Glob(filepath.Join(lifetimesTestdata, "*"))
	storageFiles, _ := filepath.Glob(filepath.Join(storageTestdata, "*"))
	for _, p := range slices.Concat(keyFiles, jwtFiles, cookieFiles, logFiles, lifetimeFiles, storageFiles) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), string(src))
		}
	}
	f.Add("x.html", "<script>{{ </script>")
	// Redeclared names, parsed again with var (reparseRedeclared).
	f.Add("x.js", "const a = 1;\nconst a = 2;\nlet a = { const: a };\n// let a\n")
	f.Add("x.ts", "enum E { A = `${")
	// Nesting past the limit, and unbalanced: the pre-pass and the parsers'
	// own limits (issue 10, defect 1).
	for _, c := range nestCases {
		f.Add(c.file, c.source(MaxNesting+1))
		f.Add(c.file, c.head+strings.Repeat(c.open, 2*MaxNesting))
	}
	for _, open := range []string{"(", "[", "{", "`${", "<a>", "<a b={", "${", "/*", "'", "if(a)", "<T,>", "Array<", "!", "a<"} {
		f.Add("x.tsx", strings.Repeat(open, 2*MaxNesting))
	}
	e := New(Options{Minified: walk.MinifiedCheck{Include: true}})
	// Page templates: each syntax's tags, nested and unterminated.
	for _, src := range []string{"<script><%= a %><% b %><%# c\n</script>", "<script>{{{a}}}{{#b}}{{!c</script>",
		"<script>{% a %}{{ b }}{# c</script>", "<script><?= $a ?><?php</script>", "<script>[{[ .A ]}][[ .B ]]<<.C>>[[ if </script>"} {
		f.Add("x.ejs", src)
	}
	exts := []string{".js", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".html", ".gohtml", ".ejs", ".hbs", ".j2", ".php"}
	f.Fuzz(func(t *testing.T, name, src string) {
		ext := exts[len(name)%len(exts)]
		file := walk.File{Rel: "f" + ext, Content: []byte(src)}
		fs, ps := e.Scan(context.Background(), file)
		for _, p := range ps {
			if strings.Contains(p.Message, "internal error") {
				t.Fatalf("engine panicked on %q: %s", src, p.Message)
			}
			if p.Kind != KindSyntax && p.Kind != KindLimit {
				t.Fatalf("problem of unknown kind %q on %q", p.Kind, src)
			}
		}
		for _, x := range fs {
			if x.StartLine < 1 || x.StartCol < 1 || x.EndLine < x.StartLine {
				t.Fatalf("bad position %+v for %q", x, src)
			}
		}
	})
}

func TestBlankImportAttributes(t *testing.T) {
	for in, want := range map[string]string{
		"import a from './a.json' with {type: 'json'};":       "import a from './a.json'                    ;",
		"import b from \"./b.json\"  assert { type: 'json' }": "import b from \"./b.json\"                         ",
		"export * from 'x' with {type:'json'}":                "export * from 'x'" + strings.Repeat(" ", 19),
		"with (obj) { a }":                                    "with (obj) { a }",
		"const x = 'from' + 'y'; with {a}":                    "const x = 'from' + 'y'; with {a}",
		"f(withdrawal)":                                       "f(withdrawal)",
	} {
		b := []byte(in)
		blankImportAttributes(b)
		if string(b) != want {
			t.Errorf("blankImportAttributes(%q) = %q, want %q", in, b, want)
		}
	}
}

// TestTransformedInvalidUTF8 is the fuzzer's find: esbuild never returned
// on a JSX file holding bytes that are not UTF-8. The engine must return,
// and keep positions right after such bytes.
func TestTransformedInvalidUTF8(t *testing.T) {
	e := New(Options{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Scan(context.Background(), walk.File{Rel: "f.jsx", Content: []byte("\"\xc1\x83\xea\xfd\xd70\xbc\xf6\"")})
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Scan did not return on a .jsx file with invalid UTF-8")
	}
	src := "const s = '\xff\xfe';\nlocalStorage.setItem('token', t);\n"
	fs, _ := e.Scan(context.Background(), walk.File{Rel: "f.tsx", Content: []byte(src)})
	if len(fs) != 1 || fs[0].StartLine != 2 || fs[0].StartCol != 14 {
		t.Fatalf("findings = %+v, want one token-in-web-storage at 2:14", fs)
	}
}

func TestValidUTF8SameLength(t *testing.T) {
	for in, want := range map[string]string{
		"plain":         "plain",
		"é ok":          "é ok",
		"a\xffb":        "a?b",
		"\xc1\x83x\xe2": "??x?",
	} {
		got := validUTF8SameLength([]byte(in))
		if string(got) != want || len(got) != len(in) {
			t.Errorf("validUTF8SameLength(%q) = %q, want %q of the same length", in, got, want)
		}
	}
}

// TestManyFindingsMapped: findings in TypeScript are mapped back through
// esbuild's source map in one pass over each text; every one keeps its
// line and column, also after characters of two UTF-16 units and with
// two findings on one line.
func TestManyFindingsMapped(t *testing.T) {
	lines := []struct {
		src     string
		anchors []string // where each finding is, in the line: rule and the text it starts at
	}{
		{"localStorage.setItem('token', t); // é😀", []string{"token-in-web-storage setItem"}},
		{"{ const s: string = 'é😀'; sessionStorage.setItem('jwt', t as string); }", []string{"token-in-web-storage setItem"}},
		{"/* é😀 */ fetch(`/a?token=${t}`); localStorage['jwt'] = t;", []string{"token-in-query token=", "token-in-web-storage 'jwt'"}},
	}
	var b strings.Builder
	var want []string
	for i := 1; i <= 3000; i++ {
		l := lines[i%len(lines)]
		b.WriteString(l.src + "\n")
		for _, a := range l.anchors {
			rule, text, _ := strings.Cut(a, " ")
			want = append(want, fmt.Sprintf("%d:%d %s", i, strings.Index(l.src, text)+1, rule))
		}
	}
	got, ps := scanBounded(t, New(Options{}), "many.ts", b.String())
	if len(ps) != 0 {
		t.Fatalf("problems %+v", ps)
	}
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	fs, _ := New(Options{}).Scan(context.Background(), walk.File{Rel: "many.ts", Content: []byte(b.String())})
	got = got[:0]
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.StartLine, f.StartCol, f.RuleID))
	}
	slices.Sort(got)
	slices.Sort(want)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("first difference: got %s, want %s", got[i], want[i])
		}
	}
}

// TestRedeclared: a script that declares a const or let name twice in
// one scope (test fixtures, concatenated scripts) is parsed again with
// those declarations as var, with every offset kept; one that still does
// not parse keeps the parser's first error.
func TestRedeclared(t *testing.T) {
	e := New(Options{})
	src := "const jwt = require('jsonwebtoken');\njwt.sign({ sub: 1 }, 'first-key', { expiresIn: '1h' });\n" +
		"const jwt = require('jsonwebtoken');\nlet  n = 1;\nlet n = 2;\njwt.verify(t, 'second-key');\n"
	fs, ps := e.Scan(context.Background(), walk.File{Rel: "cases.js", Content: []byte(src)})
	if len(ps) > 0 {
		t.Fatalf("problems: %+v", ps)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.StartLine, f.StartCol, f.RuleID))
	}
	want := []string{"2:23 jwt-hardcoded-key", "6:16 jwt-hardcoded-key"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	_, ps = e.Scan(context.Background(), walk.File{Rel: "bad.js", Content: []byte("const x = 1;\nconst x = 2;\nlet y = ;\n")})
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "identifier x has already been declared") || ps[0].Line != 2 {
		t.Errorf("a script that still does not parse: problems %+v, want the first error", ps)
	}
	for _, c := range []struct{ in, name, out string }{
		{"const a = 1; const a = 2;", "a", "var   a = 1; var   a = 2;"},
		{"let ab; let a; x.const a; constant a; const\ta;", "a", "let ab; var a; x.const a; constant a; var  \ta;"},
	} {
		buf := []byte(c.in)
		varForLexical(buf, c.name)
		if string(buf) != c.out {
			t.Errorf("varForLexical(%q, %q) = %q, want %q", c.in, c.name, buf, c.out)
		}
	}
}
