// Rule jwt-hardcoded-key on express-jwt: the middleware's secret, in the
// v6 default export and the v7+ named export.
const { expressjwt } = require('express-jwt');
const jwtMiddleware = require('express-jwt');

// ruleid: jwt-hardcoded-key
app.get('/protected', expressjwt({ secret: 'express-jwt-secret', algorithms: ['HS256'] }), handler);
// ruleid: jwt-hardcoded-key
app.use(jwtMiddleware({ secret: 'express-jwt-v6-secret', algorithms: ['HS256'] }));
// ok: jwt-hardcoded-key
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
// ok: jwt-hardcoded-key
app.use(expressjwt({ secret: getSecretFromJwks, algorithms: ['RS256'] }));
