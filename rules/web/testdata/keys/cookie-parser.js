// Rule jwt-hardcoded-key on cookie-parser: its first argument signs and
// checks signed cookies.
const express = require('express');
const cookieParser = require('cookie-parser');
const app = express();
const COOKIE_SECRET = "cookie-parser-secret";

// ruleid: jwt-hardcoded-key
app.use(cookieParser('literal-cookie-secret'));
// ruleid: jwt-hardcoded-key
app.use(cookieParser(COOKIE_SECRET, { decode: decodeURIComponent }));
// ruleid: jwt-hardcoded-key
app.use(cookieParser(['array-cookie-secret']));
// ok: jwt-hardcoded-key
app.use(cookieParser());
// ok: jwt-hardcoded-key
app.use(cookieParser(process.env.COOKIE_SECRET));
