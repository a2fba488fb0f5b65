// Rule jwt-hardcoded-key on express-session: the secret signs the
// session id cookie.
import express from 'express';
import session from 'express-session';

const app = express();
const sessionConfig = {
  secret: 'session-secret-in-a-config-object',
  resave: false,
  saveUninitialized: true,
};
// ruleid: jwt-hardcoded-key
app.use(session({ secret: 'keyboard cat', resave: false }));
// ruleid: jwt-hardcoded-key
app.use(session(sessionConfig));
// ruleid: jwt-hardcoded-key
app.use(session({ secret: ['new-rotated-secret', process.env.OLD_SECRET] }));
const secret = 'shorthand-secret';
// ruleid: jwt-hardcoded-key
app.use(session({ secret, cookie: { secure: true } }));
// ok: jwt-hardcoded-key
app.use(session({ secret: process.env.SESSION_SECRET, name: 'sid' }));
// ok: jwt-hardcoded-key
app.use(session({ secret: [process.env.SESSION_SECRET], name: 'not-a-secret' }));
export function configured(opts) {
  // ok: jwt-hardcoded-key
  return session({ secret: opts.secret, name: 'session-name' });
}
// ruleid: jwt-hardcoded-key
app.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat', resave: false }));
