// Rule token-logged on winston: a logger's level methods write their
// arguments.
const winston = require('winston');
const logger = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });

function issued(user, accessToken, tokenExpiry) {
  // ruleid: token-logged
  logger.info(`issued token ${accessToken} for ${user.id}`);
  // ruleid: token-logged
  logger.log('debug', 'refresh', { refreshToken: user.refreshToken });
  // ruleid: token-logged
  winston.error('bad token ' + accessToken);
  // ok: token-logged
  logger.info('issued token for %s', user.id);
  // ok: token-logged
  logger.debug('token expires at', tokenExpiry);
  // ok: token-logged
  logger.info('token length', accessToken.length);
  // ok: token-logged
  logger.log('info', 'login');
}

module.exports = { issued };
