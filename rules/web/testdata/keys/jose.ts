// Rule jwt-hardcoded-key on jose, in TypeScript: the v4/v5 builders and
// verifiers, and the v2 API.
import * as jose from 'jose';
import { SignJWT, jwtVerify, importJWK } from 'jose';
import { JWT, JWK, JWS, JWE } from 'jose';

const secret: Uint8Array = new TextEncoder().encode('text-encoded-secret');
const encoder = new TextEncoder();

export async function mint(sub: string, fromCaller: Uint8Array): Promise<string> {
  const token = await new SignJWT({ sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2h')
    // ruleid: jwt-hardcoded-key
    .sign(secret);
  // ruleid: jwt-hardcoded-key
  await jwtVerify(token, encoder.encode('encoder-in-a-const'));
  // ruleid: jwt-hardcoded-key
  await jose.jwtVerify(token, new TextEncoder().encode('namespace-import'));
  // ruleid: jwt-hardcoded-key
  await new jose.EncryptJWT({ sub }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(new TextEncoder().encode('an-encryption-key-of-32-bytes!!!'));
  // ruleid: jwt-hardcoded-key
  await jose.jwtDecrypt(token, Buffer.from('decrypting-with-a-literal'));
  // ruleid: jwt-hardcoded-key
  await new jose.CompactSign(new TextEncoder().encode('payload')).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from('compact-sign-key'));
  // ruleid: jwt-hardcoded-key
  await new jose.FlattenedSign(new TextEncoder().encode('payload')).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from('flattened-sign-key'));
  // ruleid: jwt-hardcoded-key
  await jose.compactVerify(token, Buffer.from('compact-verify-key'));
  // ruleid: jwt-hardcoded-key
  await jose.flattenedVerify(JSON.parse(token), Buffer.from('flattened-verify-key'));
  // ruleid: jwt-hardcoded-key
  await importJWK({ kty: 'oct', k: 'c2VjcmV0LWluLWEtandr' }, 'HS256');
  // ok: jwt-hardcoded-key
  await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(fromCaller);
  // ok: jwt-hardcoded-key
  await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET));
  // ok: jwt-hardcoded-key
  await importJWK({ kty: 'oct', k: process.env.JWK_K }, 'HS256');
  return token;
}

export function legacy(payload: object): string {
  const key = JWK.asKey('v2-jwk-secret');
  // ruleid: jwt-hardcoded-key
  const t = JWT.sign(payload, key, { expiresIn: '1h' });
  // ruleid: jwt-hardcoded-key
  JWT.verify(t, JWK.asKey(Buffer.from('v2-inline-as-key')));
  // ruleid: jwt-hardcoded-key
  JWT.verify(t, 'v2-jwt-verify-secret');
  // ruleid: jwt-hardcoded-key
  JWT.sign(payload, 'v2-jwt-sign-secret');
  // ruleid: jwt-hardcoded-key
  const s = JWS.sign(payload, 'v2-jws-sign-secret');
  // ruleid: jwt-hardcoded-key
  JWS.verify(s, 'v2-jws-verify-secret');
  // ruleid: jwt-hardcoded-key
  const e = JWE.encrypt('cleartext', 'v2-jwe-encrypt-secret');
  // ruleid: jwt-hardcoded-key
  JWE.decrypt(e, 'v2-jwe-decrypt-secret');
  // ok: jwt-hardcoded-key
  JWT.verify(t, JWK.asKey(process.env.PUBLIC_PEM as string));
  return t;
}
