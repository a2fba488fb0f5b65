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
// ruleid: jwt-hardcoded-key
const pk = crypto.createPrivateKey('private-key-text');
// ruleid: jwt-hardcoded-key
const pk2 = crypto.createPrivateKey({ key: 'private-key-text-2', format: 'pem' });
// ruleid: jwt-hardcoded-key
const pk3 = crypto.createPrivateKey({ key: privatePem, passphrase: 'key-passphrase' });
// ok: jwt-hardcoded-key
const pk4 = crypto.createPrivateKey(fs.readFileSync('keys/private.pem'));
// ruleid: jwt-hardcoded-key
const plain = crypto.privateDecrypt('decrypt-key-text', buffer);
// ruleid: jwt-hardcoded-key
const plain2 = crypto.privateDecrypt({ key: 'decrypt-key-text-2' }, buffer);
// ruleid: jwt-hardcoded-key
const plain3 = crypto.privateDecrypt({ key: privatePem, passphrase: 'decrypt-passphrase' }, buffer);
// ruleid: jwt-hardcoded-key
const sealed = crypto.privateEncrypt('encrypt-key-text', buffer);
// ruleid: jwt-hardcoded-key
const sealed2 = crypto.privateEncrypt({ key: 'encrypt-key-text-2' }, buffer);
// ruleid: jwt-hardcoded-key
const sealed3 = crypto.privateEncrypt({ key: privatePem, passphrase: 'encrypt-passphrase' }, buffer);
const signer = crypto.createSign('RSA-SHA256');
signer.update(body);
// ruleid: jwt-hardcoded-key
const sig = signer.sign('signing-key-text', 'base64');
// ruleid: jwt-hardcoded-key
const sig2 = crypto.createSign('RSA-SHA256').update(body).sign({ key: 'signing-key-text-2' });
// ok: jwt-hardcoded-key
const sig3 = signer.sign(process.env.SIGNING_KEY, 'base64');
// ruleid: jwt-hardcoded-key
const sig4 = crypto.sign('sha256', body, 'one-shot-signing-key');
// ruleid: jwt-hardcoded-key
const cipher = crypto.createCipheriv('aes-256-cbc', 'cipher-key-32-bytes-long-0123456', iv);
// ruleid: jwt-hardcoded-key
const decipher = crypto.createDecipheriv('aes-256-cbc', Buffer.from('decipher-key-32-bytes-long-01234'), iv);
// ok: jwt-hardcoded-key
const cipher2 = crypto.createCipheriv('aes-256-cbc', crypto.randomBytes(32), iv);
module.exports = { mac, mac2, keyObject, digest, mac3, pk, pk2, pk3, pk4, plain, plain2, plain3, sealed, sealed2, sealed3, sig, sig2, sig3, sig4, cipher, decipher, cipher2 };
