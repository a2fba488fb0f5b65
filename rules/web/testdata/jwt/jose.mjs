// Rules jwt-unverified-parse and jwt-none-alg on jose: decodeJwt and
// UnsecuredJWT.decode do not verify; UnsecuredJWT mints alg none tokens;
// v2's JWK.None is the none key.
import express from 'express';
import * as jose from 'jose';
import { decodeJwt, jwtVerify, UnsecuredJWT } from 'jose';

const app = express();
const key = new TextEncoder().encode(process.env.JWT_SECRET);

app.get('/a', async (req, res) => {
  const token = req.headers.authorization;
  // ruleid: jwt-unverified-parse
  const claims = jose.decodeJwt(token);
  res.json(claims);
});

app.get('/b', async (req, res) => {
  const token = req.query.token;
  // ruleid: jwt-unverified-parse
  const { payload } = UnsecuredJWT.decode(token);
  res.json(payload);
});

app.get('/c', async (req, res) => {
  const token = req.headers.authorization;
  // ok: jwt-unverified-parse
  const { kid } = decodeJwt(token);
  // ok: jwt-unverified-parse
  const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
  res.json({ kid, payload });
});

export function role(token) {
  // ruleid: jwt-unverified-parse
  const claims = decodeJwt(token);
  if (claims.role === 'admin') {
    return 'admin';
  }
  return 'user';
}

export function mint(claims) {
  // ruleid: jwt-none-alg
  const a = new UnsecuredJWT(claims).setIssuedAt().encode();
  // ok: jwt-none-alg
  const b = new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
  return [a, b];
}

export async function accept(token) {
  // ruleid: jwt-none-alg
  const a = await jwtVerify(token, key, { algorithms: ['HS256', 'none'] });
  // ruleid: jwt-none-alg
  const b = jose.JWT.verify(token, jose.JWK.None);
  // ok: jwt-none-alg
  const c = jose.JWT.verify(token, jose.JWK.asKey(process.env.JWT_SECRET));
  return [a, b, c];
}
