// The demo's Node backend-for-frontend: issues and checks session JWTs.
const jwt = require('jsonwebtoken');

const secret = process.env.SESSION_SECRET;

function issue(user) {
  // No expiresIn: the token is valid forever.
  return jwt.sign({ sub: user.id, role: user.role }, secret);
}

function check(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  // 'none' among the accepted algorithms: unsigned tokens pass.
  req.session = jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });
  next();
}

function isAdmin(req) {
  // decode does not check the signature.
  const claims = jwt.decode(req.cookies.session);
  if (claims.role === 'admin') {
    return true;
  }
  return false;
}

module.exports = { issue, check, isAdmin };
