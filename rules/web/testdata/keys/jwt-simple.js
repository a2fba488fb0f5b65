// Rule jwt-hardcoded-key on jwt-simple: encode and decode take the key
// second.
var jwt = require('jwt-simple');
var secret = 'jwt-simple-secret';

// ruleid: jwt-hardcoded-key
var token = jwt.encode({ foo: 'bar' }, secret);
// ruleid: jwt-hardcoded-key
var decoded = jwt.decode(token, 'jwt-simple-literal');
module.exports = function (key) {
  // ok: jwt-hardcoded-key
  return jwt.decode(token, key);
};
// ok: jwt-hardcoded-key
jwt.encode({ foo: 'bar' }, process.env.SECRET, 'HS512');
