// Rule jwt-hardcoded-key on Passport's OAuth strategies: the client
// secret (consumer secret for OAuth 1.0a) authenticates the application
// to the provider.
const passport = require('passport');
const FacebookStrategy = require('passport-facebook').Strategy;
const GoogleStrategy = require('passport-google-oauth20').Strategy;
const GitHubStrategy = require('passport-github2');
const OAuth2Strategy = require('passport-oauth2');
const TwitterStrategy = require('passport-twitter').Strategy;

const FACEBOOK_APP_SECRET = 'fb-app-secret-0123456789';
const google = { clientID: '1234.apps.googleusercontent.com', clientSecret: 'GOCSPX-not-a-real-secret' };

// ruleid: jwt-hardcoded-key
passport.use(new FacebookStrategy({ clientID: process.env.FB_ID, clientSecret: FACEBOOK_APP_SECRET, callbackURL: '/auth/facebook/cb' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new GoogleStrategy(google, verify));
// ruleid: jwt-hardcoded-key
passport.use(new GitHubStrategy({ clientID: 'gh-id', clientSecret: 'github-client-secret-01', callbackURL: '/cb' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new OAuth2Strategy({ authorizationURL: 'https://p/a', tokenURL: 'https://p/t', clientID: 'x', clientSecret: 'oauth2-secret-value' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new TwitterStrategy({ consumerKey: 'ck', consumerSecret: 'twitter-consumer-secret' }, verify));

// Each module is its Strategy too, and has it as .Strategy.
const FacebookModule = require('passport-facebook');
const GoogleModule = require('passport-google-oauth20');
const TwitterModule = require('passport-twitter');
const { Strategy: GitHubNamed } = require('passport-github2');
const oauth2 = require('passport-oauth2');
// ruleid: jwt-hardcoded-key
passport.use(new FacebookModule({ clientID: 'id', clientSecret: 'fb-module-secret-0001' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new GoogleModule({ clientID: 'id', clientSecret: 'google-module-secret-01' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new TwitterModule({ consumerKey: 'ck', consumerSecret: 'twitter-module-secret' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new GitHubNamed({ clientID: 'id', clientSecret: 'github-named-secret-01' }, verify));
// ruleid: jwt-hardcoded-key
passport.use(new oauth2.Strategy({ clientID: 'id', clientSecret: 'oauth2-member-secret' }, verify));

// ok: jwt-hardcoded-key
passport.use(new FacebookStrategy({ clientID: process.env.FB_ID, clientSecret: process.env.FB_SECRET, callbackURL: '/cb' }, verify));
// ok: jwt-hardcoded-key
passport.use(new GoogleStrategy({ clientID: 'id', clientSecret: config.google.secret, callbackURL: '/cb' }, verify));
// ok: jwt-hardcoded-key
passport.use(new TwitterStrategy({ consumerKey: 'a-public-consumer-key', consumerSecret: secrets.twitter }, verify));
// ok: jwt-hardcoded-key
passport.use(new OAuth2Strategy({ clientID: 'public-client-id-literal', clientSecret: readSecret('oauth2') }, verify));
function verify(accessToken, refreshToken, profile, done) { done(null, profile); }
