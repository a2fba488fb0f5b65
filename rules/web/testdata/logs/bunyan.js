// Rule token-logged on bunyan's loggers.
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'auth' });

function exchange(code, idToken) {
  // ruleid: token-logged
  log.info({ idToken }, 'exchanged');
  // ok: token-logged
  log.info({ code_length: code.length }, 'exchanged');
}

module.exports = { exchange };
