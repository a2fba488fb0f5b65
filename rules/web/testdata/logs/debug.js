// Rule token-logged on debug: require('debug')(namespace) returns the
// function that logs.
const debug = require('debug');
const trace = debug('app:auth');

function verify(jwt, claims) {
  // ruleid: token-logged
  trace('verifying %s', jwt);
  // ok: token-logged
  trace('verified for %s', claims.sub);
}

module.exports = { verify };
