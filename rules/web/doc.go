// Package web is tokenvet's engine for browser and Node code: JavaScript,
// TypeScript, JSX/TSX, Vue and Svelte single-file components, HTML pages
// and Go HTML templates. It reports, with the rule ids of the catalogue:
//
//   - token-in-web-storage: localStorage/sessionStorage writes (setItem,
//     property and index assignment, also through window., globalThis.,
//     self. and simple aliases) whose key or value is a token; a literal
//     ("", null, undefined) under a token key clears a token and is not
//     reported; the same for the models' web-storage sinks (localforage),
//     and clients the models say keep their token there (PocketBase's
//     LocalAuthStore; storage.go);
//   - token-in-query: a token put into a URL query (template literals and
//     concatenations writing ?token=…, URLSearchParams set/append or object
//     initialisers, searchParams, axios params objects);
//   - jwt-missing-exp for the Node jsonwebtoken library: sign without
//     an expiry, verify with ignoreExpiration;
//   - jwt-long-lifetime: a lifetime the JS models' lifetime rows name
//     (jsonwebtoken's and fast-jwt's expiresIn, jose's
//     setExpirationTime), folded from numbers, constants and time spans
//     ('60d'), above the Go rule's limits (lifetime.go);
//   - jwt-none-alg, jwt-unverified-parse and jwt-alg-not-pinned from the
//     api rows of the JS models with a family (jwt.go: jsonwebtoken,
//     jose, jwt-simple, jwt-decode): 'none' among the accepted or signing
//     algorithms, the none key, an unsigned token minted; an unverified
//     decode (or one with verification turned off) whose result decides
//     access or whose token comes from the request served, unless the
//     same token is verified in the same function; a verifier that takes
//     the algorithm from the token given an evident public key. A
//     client-side decoder (jwt-decode) is judged only in server code: a
//     file that imports or requires a server module (express, koa,
//     fastify, hapi, restify, http, https, http2, fs, net, child_process,
//     @nestjs/common, next/server) or lies under a server/, api/ or
//     backend/ directory;
//   - jwt-hardcoded-key: a string literal reaching a key or secret
//     parameter that a library model names (models/js: sink rows of kinds
//     jwt-key, session-secret and secret-key, such as jsonwebtoken's
//     sign and verify, express-session's secret option, crypto.createHmac),
//     written in the call or held in a constant, a property of a constant
//     object, Buffer.from or new TextEncoder().encode of one, or the
//     fallback of an unset setting (process.env.SECRET || 'literal'),
//     or exported by the project's own module the script requires or
//     imports by a relative path (config.secret with config =
//     require('../config/auth.config'); modules.go reads such a module,
//     inside the scanned tree only, once per scan, and the file's cached
//     result is kept only while the module is unchanged) (keys.go).
//     Calls are resolved through require and import bindings to the
//     package's export, never by their name alone.
//
// Whether a value is a token is decided by internal/tokenmodel, the model
// the Go analyzers of the same rules use.
//
// JavaScript is parsed with github.com/tdewolff/parse/v2/js (pure Go, no
// cgo). TypeScript, JSX and TSX are first stripped to JavaScript with
// esbuild's Transform; its source map carries positions back to the
// original file. <script> blocks of HTML, Vue, Svelte and templates are cut
// out with golang.org/x/net/html and analysed in whole-file coordinates;
// template actions ({{ … }}) inside them are blanked to same-length
// identifiers first. A script the parsers reject is reported as a problem
// of kind "syntax" (the file still gets the secret rules of other engines),
// except that a const or let name declared twice in one scope (test
// fixtures, concatenated scripts) is parsed again with those declarations
// as var of the same length (reparseRedeclared).
// A minified bundle is skipped by the walk's decision (walk.MinifiedCheck),
// which the engine applies too; page templates in languages it does not
// parse (EJS, Handlebars, Pug, …) are listed as read with their scripts not
// analysed.
//
// Deep nesting cannot make a script cost more than a bounded multiple of
// its size. esbuild has no depth limit and is quadratic in the depth, so
// what goes to it is measured first by a linear pass over the tokens
// (nesting.go), and a script nested deeper than MaxNesting is a problem
// of kind "limit" ("too deeply nested"), as is one past the JavaScript
// parser's own limit; the analyser's walks stop at a bounded tree depth,
// so that no input can overflow the stack.
//
// Findings are reported at the name that makes the write or call a
// finding: setItem, the stored property or key, the query key, the option.
package web
