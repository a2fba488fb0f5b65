// Rule jwt-alg-not-pinned on express-jwt: without the algorithms option
// the middleware (up to v5) takes the algorithm from the token, so an
// RSA public key given as the secret verifies HS256 tokens signed with
// that public key.
const fs = require('fs');
const jwt = require('express-jwt');
const { expressjwt } = require('express-jwt');

const publicKey = fs.readFileSync('keys/jwt.pub');

// ruleid: jwt-alg-not-pinned
exports.legacy = jwt({ secret: publicKey });
// ok: jwt-alg-not-pinned
exports.pinned = jwt({ secret: publicKey, algorithms: ['RS256'] });
// ok: jwt-alg-not-pinned
exports.hmac = jwt({ secret: process.env.JWT_SECRET });
// ruleid: jwt-alg-not-pinned
exports.named = expressjwt({ secret: publicKey, requestProperty: 'auth' });
// ok: jwt-alg-not-pinned
exports.namedPinned = expressjwt({ secret: publicKey, algorithms: ['RS256'] });
