// Rule jwt-long-lifetime on jsonwebtoken: sign's expiresIn is seconds
// when a number and a time span of the ms package when a string; the
// limit is 24h for access tokens and 90 days for refresh tokens, by the
// names around the call.
const jwt = require('jsonwebtoken');

const secret = process.env.JWT_SECRET;
const DAY = 60 * 60 * 24;
const config = { accessTTL: '7d', shortTTL: '15m' };

function login(user) {
  // ruleid: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '60d' });
}

function loginWeek(user) {
  // ruleid: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: DAY * 30 });
}

function loginConfigured(user) {
  // ruleid: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: config.accessTTL });
}

function loginSpelledOut(user) {
  // ruleid: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '2 days' });
}

function loginShort(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: config.shortTTL });
}

function loginHour(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: 3600 });
}

function loginDay(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '24h' });
}

// A string without a unit is milliseconds (the ms package), not seconds.
function loginMillis(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '172800' });
}

// A refresh token may live longer: 30 days is within 90.
function issueRefreshToken(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '30d' });
}

function issueTokens(user) {
  // ok: jwt-long-lifetime
  const refreshToken = jwt.sign({ sub: user.id }, secret, { expiresIn: DAY * 60 });
  // ruleid: jwt-long-lifetime
  const longRefresh = jwt.sign({ sub: user.id }, secret, { expiresIn: '1y' });
  return { refreshToken, longRefresh };
}

// A lifetime the code computes at run time is not judged.
function loginFromEnv(user) {
  // ok: jwt-long-lifetime
  return jwt.sign({ sub: user.id }, secret, { expiresIn: process.env.JWT_TTL });
}

// A second argument that is not the options: nothing to judge.
function verify(token) {
  // ok: jwt-long-lifetime
  return jwt.verify(token, secret, { maxAge: '60d', algorithms: ['HS256'] });
}

module.exports = { loginMillis, login, loginWeek, loginConfigured, loginSpelledOut, loginShort, loginHour, loginDay, issueRefreshToken, issueTokens, loginFromEnv, verify };
