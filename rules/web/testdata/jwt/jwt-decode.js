// Rule jwt-unverified-parse on jwt-decode in server code (this file
// requires express): the claims of a request's token are trusted unread.
const express = require('express');
const jwtDecode = require('jwt-decode');
const { jwtDecode: decodeV4 } = require('jwt-decode');

const app = express();

app.get('/a', (req, res) => {
  const token = req.headers.authorization;
  // ruleid: jwt-unverified-parse
  const claims = jwtDecode(token);
  res.json(claims);
});

app.get('/b', (req, res) => {
  // ruleid: jwt-unverified-parse
  const claims = decodeV4(req.headers['x-access-token']);
  res.json(claims);
});

function display(stored) {
  // ok: jwt-unverified-parse
  const { name } = jwtDecode(stored);
  return name;
}

module.exports = { app, display };
