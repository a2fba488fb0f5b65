// Rule token-logged on the console of server code (a server module is
// required): what it prints goes to the service's logs.
const express = require('express');
const app = express();

app.get('/me', (req, res) => {
  const bearer = req.get('Authorization');
  // ruleid: token-logged
  console.log('request with', bearer);
  // ruleid: token-logged
  console.error(`auth failed for ${req.headers.authorization}`);
  // ok: token-logged
  console.log('request for', req.path);
  res.end();
});
