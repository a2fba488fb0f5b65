// Rule jwt-hardcoded-key on cookie-session: the whole session lives in a
// cookie signed with keys (or secret).
const cookieSession = require('cookie-session');
const keys = ['first-cookie-key', 'second-cookie-key'];

// ruleid: jwt-hardcoded-key
app.use(cookieSession({ name: 'session', keys: ['cookie-session-key'] }));
// ruleid: jwt-hardcoded-key
app.use(cookieSession({ name: 'session', secret: 'cookie-session-secret' }));
// ruleid: jwt-hardcoded-key
app.use(cookieSession({ name: 'session', keys }));
// ok: jwt-hardcoded-key
app.use(cookieSession({ name: 'session', keys: [process.env.KEY1, process.env.KEY2] }));
// ok: jwt-hardcoded-key
app.use(cookieSession({ name: 'session-name-is-no-secret', keys: process.env.KEYS.split(',') }));
