// Rule jwt-hardcoded-key on the global crypto of Node's REPL, used
// without a require: Node's crypto module.

function sign(body) {
  // ruleid: jwt-hardcoded-key
  return crypto.createHmac('sha256', 'global-hmac-key').update(body).digest('hex');
}

function other(body, crypto) {
  // A parameter named crypto is whatever the caller passes.
  // ok: jwt-hardcoded-key
  return crypto.createHmac('sha256', 'param-hmac-key');
}

// ok: jwt-hardcoded-key
const webSig = crypto.subtle.sign('HMAC', importedKey, data);
