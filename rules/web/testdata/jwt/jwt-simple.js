// Rule jwt-unverified-parse on jwt-simple: decode(token, key, noVerify)
// skips the signature check when noVerify is truthy.
const jwt = require('jwt-simple');

const secret = process.env.JWT_SECRET;
const SKIP = true;

function read(token) {
  // ruleid: jwt-unverified-parse
  const a = jwt.decode(token, secret, true);
  // ruleid: jwt-unverified-parse
  const b = jwt.decode(token, secret, 'HS256');
  // ruleid: jwt-unverified-parse
  const c = jwt.decode(token, secret, SKIP);
  return [a, b, c];
}

function readChecked(token, other) {
  // ok: jwt-unverified-parse
  const a = jwt.decode(token, secret);
  // ok: jwt-unverified-parse
  const b = jwt.decode(other, secret, false);
  // ok: jwt-unverified-parse
  const c = jwt.decode(other, secret, 0, 'HS256');
  return [a, b, c];
}

function peekThenVerify(token) {
  // ok: jwt-unverified-parse
  const header = jwt.decode(token, secret, true);
  // ok: jwt-unverified-parse
  const claims = jwt.decode(token, secret);
  return [header, claims];
}

module.exports = { read, readChecked, peekThenVerify };
