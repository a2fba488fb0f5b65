// Rules jwt-unverified-parse, jwt-none-alg and jwt-alg-not-pinned on
// jsonwebtoken: decode does not verify; 'none' in the algorithms accepted
// or signed with; verify with a public key and no algorithms option.
const express = require('express');
const fs = require('fs');
const jwt = require('jsonwebtoken');
const { decode, verify: check } = require('jsonwebtoken');

const app = express();
const PUBLIC_KEY = fs.readFileSync('keys/jwt-public.pem');
const secret = process.env.JWT_SECRET;

app.get('/a', (req, res) => {
  const token = req.headers.authorization.split(' ')[1];
  // ruleid: jwt-unverified-parse
  const claims = jwt.decode(token);
  res.json(claims);
});

app.get('/b', (req, res) => {
  const { headers } = req;
  const auth = headers['authorization'];
  const token = auth.replace('Bearer ', '');
  // ruleid: jwt-unverified-parse
  const { sub } = decode(token);
  res.json({ sub });
});

app.get('/c', (req, res) => {
  const token = req.get('Authorization');
  // ok: jwt-unverified-parse
  const header = jwt.decode(token, { complete: true }).header;
  // ok: jwt-unverified-parse
  const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  res.json({ header, claims });
});

app.get('/d', (req, res) => {
  const token = req.cookies.session;
  // ruleid: jwt-unverified-parse
  jwt.decode(token);
  // ruleid: jwt-none-alg
  jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });
  res.end();
});

function isAdmin(token) {
  // ruleid: jwt-unverified-parse
  if (jwt.decode(token).role === 'admin') {
    return true;
  }
  return false;
}

function isAdminChecked(token) {
  // ok: jwt-unverified-parse
  jwt.verify(token, secret, { algorithms: ['HS256'] });
  // ok: jwt-unverified-parse
  if (jwt.decode(token).role === 'admin') {
    return true;
  }
  return false;
}

function expiresSoon(token) {
  // ok: jwt-unverified-parse
  const claims = jwt.decode(token);
  if (claims.exp * 1000 < Date.now() + 60000) {
    return true;
  }
  return false;
}

function algorithms(token, payload) {
  // ruleid: jwt-none-alg
  const a = check(token, secret, { algorithms: ['none'] });
  // ruleid: jwt-none-alg
  const b = jwt.sign(payload, secret, { algorithm: 'none', expiresIn: '1h' });
  // ok: jwt-none-alg
  const c = jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: '1h' });
  // ok: jwt-none-alg
  const d = jwt.verify(token, secret, { algorithms: ['RS256', 'HS256'] });
  return [a, b, c, d];
}

// A key read from a public key's file, when there is a file system.
const VERIFY_KEY = fs ? fs.readFileSync('keys/jwt.pub', 'utf8') : 'placeholder';
const SIGNING_SECRET = fs ? fs.readFileSync('keys/hmac.secret', 'utf8') : 'placeholder';

function pinning(token, opts, publicKey) {
  // ruleid: jwt-alg-not-pinned
  const a = jwt.verify(token, PUBLIC_KEY);
  // ruleid: jwt-alg-not-pinned
  const b = jwt.verify(token, publicKey, { issuer: 'me' });
  // ok: jwt-alg-not-pinned
  const c = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
  // ok: jwt-alg-not-pinned
  const d = jwt.verify(token, secret);
  // ok: jwt-alg-not-pinned
  const e = jwt.verify(token, PUBLIC_KEY, opts);
  // ruleid: jwt-alg-not-pinned
  jwt.verify(token, publicKey, (err, decoded) => use(decoded));
  // ruleid: jwt-alg-not-pinned
  jwt.verify(token, publicKey, function (err, decoded) { use(decoded); });
  // ok: jwt-alg-not-pinned
  jwt.verify(token, publicKey, { algorithms: ['RS256'] }, (err, decoded) => use(decoded));
  // ok: jwt-alg-not-pinned
  jwt.verify(token, secret, (err, decoded) => use(decoded));
  // ruleid: jwt-alg-not-pinned
  jwt.verify(token, VERIFY_KEY, (err, decoded) => use(decoded));
  // ok: jwt-alg-not-pinned
  jwt.verify(token, SIGNING_SECRET, (err, decoded) => use(decoded));
  return [a, b, c, d, e];
}

module.exports = { isAdmin, isAdminChecked, expiresSoon, algorithms, pinning };

function lastLogin(storedToken) {
  // ok: jwt-unverified-parse
  const parsed = jwt.decode(storedToken, { json: true });
  return parsed ? parsed.iat : null;
}

function hasRole(token) {
  // ruleid: jwt-unverified-parse
  const { role } = jwt.decode(token);
  return role === 'admin' ? 'admin' : 'user';
}

module.exports.more = { lastLogin, hasRole };
