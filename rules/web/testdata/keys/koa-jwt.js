// Rule jwt-hardcoded-key on koa-jwt: the middleware's secret.
const Koa = require('koa');
const jwt = require('koa-jwt');
const app = new Koa();

// ruleid: jwt-hardcoded-key
app.use(jwt({ secret: 'koa-shared-secret' }).unless({ path: [/^\/public/] }));
// ruleid: jwt-hardcoded-key
app.use(jwt({ secret: ['koa-array-secret'] }));
// ok: jwt-hardcoded-key
app.use(jwt({ secret: process.env.KOA_SECRET, key: 'jwtdata' }));
