// Rule jwt-long-lifetime on fast-jwt: createSigner's expiresIn is
// milliseconds when a number.
const { createSigner } = require('fast-jwt');

const key = process.env.JWT_KEY;

// ruleid: jwt-long-lifetime
const signer = createSigner({ key, expiresIn: 3 * 24 * 60 * 60 * 1000 });
// ok: jwt-long-lifetime
const hourly = createSigner({ key, expiresIn: 60 * 60 * 1000 });
// ruleid: jwt-long-lifetime
const monthly = createSigner({ key, expiresIn: '30d' });
// ok: jwt-long-lifetime
const quarter = createSigner({ key, expiresIn: '10m' });

module.exports = { signer, hourly, monthly, quarter };
