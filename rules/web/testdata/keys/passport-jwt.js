// Rule jwt-hardcoded-key on passport-jwt: secretOrKey verifies every
// bearer token.
const passport = require('passport');
const JwtStrategy = require('passport-jwt').Strategy;
const { ExtractJwt } = require('passport-jwt');

const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
const options = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'passport-options-secret' };

// ruleid: jwt-hardcoded-key
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'passport-secret' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new JwtStrategy(options, verify));
// ok: jwt-hardcoded-key
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_KEY }, verify));
function verify(payload, done) { done(null, payload); }

// Properties assigned after the fact: opts.x = …, this.x = … (one value
// anywhere in the script; two values, or a compound assignment, are no
// one literal).
const later = {};
later.secretOrKey = 'assigned-after-the-fact';
// ruleid: jwt-hardcoded-key
passport.use(new JwtStrategy(later, verify));
const fromEnv = {};
fromEnv.secretOrKey = process.env.JWT_KEY;
// ok: jwt-hardcoded-key
passport.use(new JwtStrategy(fromEnv, verify));
const twice = {};
twice.secretOrKey = 'first-value-of-two';
twice.secretOrKey = readKey();
// ok: jwt-hardcoded-key
passport.use(new JwtStrategy(twice, verify));
class Auth {
  constructor() {
    this.jwtSecret = 'class-field-secret';
    this.options = { secretOrKey: this.jwtSecret };
  }
  use() {
    // ruleid: jwt-hardcoded-key
    passport.use(new JwtStrategy({ secretOrKey: this.jwtSecret }, verify));
    // ruleid: jwt-hardcoded-key
    passport.use(new JwtStrategy(this.options, verify));
  }
}
class Rotating {
  constructor() { this.key = 'initial-key-value'; }
  rotate() { this.key = fetchKey(); }
  use() {
    // ok: jwt-hardcoded-key
    passport.use(new JwtStrategy({ secretOrKey: this.key }, verify));
  }
}
