// Rule jwt-long-lifetime on jose: setExpirationTime takes a time span
// string ('2h', '7 days'); a number there is an absolute time (seconds
// since the epoch), not a lifetime, so it is not judged.
import { SignJWT, EncryptJWT } from 'jose';

export async function issue(key, claims) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    // ruleid: jwt-long-lifetime
    .setExpirationTime('7d')
    .sign(key);
}

export async function issueShort(key, claims) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    // ok: jwt-long-lifetime
    .setExpirationTime('2h')
    .sign(key);
}

export async function issueAt(key, claims) {
  // ok: jwt-long-lifetime
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(1900000000).sign(key);
}

export async function encrypt(key, claims) {
  // ruleid: jwt-long-lifetime
  return new EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setExpirationTime('90 days').encrypt(key);
}
