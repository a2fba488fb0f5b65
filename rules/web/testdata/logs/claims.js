// Rule token-logged: what a name says is overruled by what the value is.
// A token's decoded claims, a boolean or a number replay nothing;
// the encoded token does.
const express = require('express');
const jwt = require('jsonwebtoken');
const { getToken } = require('next-auth/jwt');
const app = express();

app.get('/me', async (req, res) => {
  const token = await getToken({ req });
  // ok: token-logged
  console.log('session', token);
  const rawToken = await getToken({ req, raw: true });
  // ruleid: token-logged
  console.log('session', rawToken);
  const accessToken = jwt.verify(req.get('Authorization'), process.env.KEY);
  // ok: token-logged
  console.log('claims', accessToken);
  const hasToken = !!req.cookies.token;
  const token2 = req.cookies.token !== undefined;
  // ok: token-logged
  console.info('has token', hasToken, token2);
  let sessionToken = false;
  sessionToken = req.cookies.session_token;
  // ruleid: token-logged
  console.warn('cookie', sessionToken);
  res.end();
});
