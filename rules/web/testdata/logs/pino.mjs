// Rule token-logged on pino: the logger writes objects and messages.
import pino from 'pino';

const log = pino({ level: 'info' });

export function refresh(req) {
  // ruleid: token-logged
  log.info({ refresh_token: req.body.refresh_token }, 'refreshing');
  // ruleid: token-logged
  log.error(req.headers.authorization);
  // ok: token-logged
  log.info({ user: req.body.user }, 'login');
  // ok: token-logged
  log.warn('token missing');
}
