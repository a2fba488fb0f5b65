// Rule token-cookie-insecure on express's res.cookie: a token cookie
// needs httpOnly and secure, which default to false.
const express = require('express');
const app = express();

app.post('/login', async (req, res) => {
  const token = await issue(req.body);
  // ruleid: token-cookie-insecure
  res.cookie('token', token);
  // ruleid: token-cookie-insecure
  res.cookie('access_token', token, { httpOnly: true });
  // ruleid: token-cookie-insecure
  res.cookie('jwt', token, { secure: true, httpOnly: false });
  // ruleid: token-cookie-insecure
  res.cookie('session_token', sessionToken, { httpOnly: true, secure: false, maxAge: 3600000 });
  // ok: token-cookie-insecure
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  // ok: token-cookie-insecure
  res.cookie('token', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ok: token-cookie-insecure
  res.cookie('token', token, cookieOptions);
  // ok: token-cookie-insecure
  res.cookie('theme', 'dark');
  // ok: token-cookie-insecure
  res.cookie('token', '', { maxAge: 0 });
  // ok: token-cookie-insecure
  res.cookie('token', token, { maxAge: -1 });
  // A double-submit CSRF cookie is read by the page's scripts by design.
  // ok: token-cookie-insecure
  res.cookie('XSRF-TOKEN', token, { secure: true });
  res.json({ ok: true });
});

function middleware(req, response, next) {
  const refreshToken = rotate(req.cookies.refresh_token);
  // ruleid: token-cookie-insecure
  response.cookie('refresh_token', refreshToken, { httpOnly: true });
  next();
}

// Not a handler's response: res is no response after a request.
function render(res) {
  // ok: token-cookie-insecure
  res.cookie('token', token);
}

module.exports = { middleware, render };
