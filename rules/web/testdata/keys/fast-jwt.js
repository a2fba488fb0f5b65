// Rule jwt-hardcoded-key on fast-jwt: the key option of its signer and
// verifier factories.
const { createSigner, createVerifier, createDecoder } = require('fast-jwt');

// ruleid: jwt-hardcoded-key
const signSync = createSigner({ key: 'fast-jwt-signing-secret', expiresIn: 60000 });
// ruleid: jwt-hardcoded-key
const verifySync = createVerifier({ key: 'fast-jwt-verifying-secret' });
// ok: jwt-hardcoded-key
const decode = createDecoder({ complete: 'not-a-key' });
// ok: jwt-hardcoded-key
const verifyAsync = createVerifier({ key: async () => process.env.KEY });
module.exports = { signSync, verifySync, decode, verifyAsync };
