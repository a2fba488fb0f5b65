// Rule token-cookie-insecure on js-cookie: it writes document.cookie, so
// a token there can never be HttpOnly, whatever the attributes.
import Cookies from 'js-cookie';

export function remember(auth) {
  // ruleid: token-cookie-insecure
  Cookies.set('access_token', auth.accessToken, { secure: true, sameSite: 'strict' });
  // ruleid: token-cookie-insecure
  Cookies.set('jwt', auth.token);
  const api = Cookies.withAttributes({ path: '/' });
  // ruleid: token-cookie-insecure
  api.set('refresh_token', auth.refreshToken);
  // ok: token-cookie-insecure
  Cookies.set('lang', 'en');
  // ok: token-cookie-insecure
  Cookies.set('token', '');
  // ok: token-cookie-insecure
  Cookies.remove('token');
}
