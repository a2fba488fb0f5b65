// Rule jwt-hardcoded-key on jsonwebtoken: sign and verify take the key
// as their second argument.
const jwt = require('jsonwebtoken');
const { sign: mint, verify } = require('jsonwebtoken');
const config = require('config');
const fs = require('fs');

const SIGNING_KEY = 'module-level-signing-key';
const settings = { auth: { jwtSecret: `template-without-substitutions` } };
let rotated = 'first-value';
rotated = fetchKey();

function issue(user, keyFromCaller) {
  // ruleid: jwt-hardcoded-key
  const a = jwt.sign({ sub: user }, 'literal-signing-key', { expiresIn: '1h' });
  // ruleid: jwt-hardcoded-key
  const b = jwt.sign({ sub: user }, SIGNING_KEY, { expiresIn: '1h' });
  const local = 'function-level-key';
  // ruleid: jwt-hardcoded-key
  const c = mint({ sub: user }, local, { expiresIn: '1h' });
  // ruleid: jwt-hardcoded-key
  const d = jwt.verify(a, settings.auth.jwtSecret);
  // ruleid: jwt-hardcoded-key
  const e = verify(b, Buffer.from('buffer-of-a-literal'));
  // ok: jwt-hardcoded-key
  const f = jwt.sign({ sub: user }, keyFromCaller, { expiresIn: '1h' });
  // ok: jwt-hardcoded-key
  const g = jwt.verify(c, process.env.JWT_SECRET);
  // ok: jwt-hardcoded-key
  const h = jwt.verify(c, config.get('jwt.secret'));
  // ok: jwt-hardcoded-key
  const i = jwt.verify(c, fs.readFileSync('/run/secrets/jwt'));
  // ok: jwt-hardcoded-key
  const j = jwt.sign({ sub: user }, '', { expiresIn: '1h' });
  // ok: jwt-hardcoded-key
  const k = jwt.verify(c, rotated);
  // ok: jwt-hardcoded-key
  const l = jwt.verify(c, '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----');
  return [a, b, c, d, e, f, g, h, i, j, k, l];
}

function sign(payload, key) {
  return payload + key;
}
// ok: jwt-hardcoded-key
sign('a local function of the same name', 'not-a-jwt-key');
const other = require('some-other-jwt');
// ok: jwt-hardcoded-key
other.sign({ sub: 1 }, 'another-package');

// A fallback for an unset environment variable is the key whenever the
// variable is missing, which is how such code runs in a fresh deployment.
const fallbackSecret = process.env.JWT_SECRET || 'dev-secret-change-me';
const emptyFallback = process.env.JWT_SECRET || '';
const envOnly = process.env.JWT_SECRET || process.env.SECRET;
function issueWithFallbacks(p, opts) {
  // ruleid: jwt-hardcoded-key
  const a = jwt.sign(p, fallbackSecret);
  // ruleid: jwt-hardcoded-key
  const b = jwt.sign(p, process.env.KEY ?? 'nullish-fallback-key');
  // ok: jwt-hardcoded-key
  const c = jwt.sign(p, emptyFallback);
  // ok: jwt-hardcoded-key
  const d = jwt.sign(p, envOnly);
  // ok: jwt-hardcoded-key
  const e = jwt.sign(p, opts.secret || process.env.SECRET);
  return [a, b, c, d, e];
}
