// Rule token-cookie-insecure on universal-cookie's set, which writes
// document.cookie in the browser.
import Cookies from 'universal-cookie';

const cookies = new Cookies();

export function keep(idToken, theme) {
  // ruleid: token-cookie-insecure
  cookies.set('id_token', idToken, { path: '/', secure: true });
  // ok: token-cookie-insecure
  cookies.set('theme', theme, { path: '/' });
  // ok: token-cookie-insecure
  cookies.set('id_token', idToken, { maxAge: 0 });
}
