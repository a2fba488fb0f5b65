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
