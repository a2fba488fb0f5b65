// Rule jwt-hardcoded-key on Node's crypto: an HMAC's key and the bytes of
// a secret KeyObject.
const crypto = require('node:crypto');
const { createHmac } = require('crypto');

// ruleid: jwt-hardcoded-key
const mac = crypto.createHmac('sha256', 'hmac-secret-key').update(body).digest('hex');
// ruleid: jwt-hardcoded-key
const mac2 = createHmac('sha512', Buffer.from('hmac-buffer-key', 'utf8')).update(body).digest();
// ruleid: jwt-hardcoded-key
const keyObject = crypto.createSecretKey(Buffer.from('secret-key-object'));
// ok: jwt-hardcoded-key
const digest = crypto.createHash('sha256').update('not-a-key').digest('hex');
// ok: jwt-hardcoded-key
const mac3 = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(body).digest('hex');
module.exports = { mac, mac2, keyObject, digest, mac3 };
