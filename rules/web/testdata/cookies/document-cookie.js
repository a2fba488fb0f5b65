// Rule token-cookie-insecure on document.cookie: a cookie written from
// script can never be HttpOnly.
export function save(t, theme) {
  // ruleid: token-cookie-insecure
  document.cookie = `auth_token=${t}; path=/; secure`;
  // ruleid: token-cookie-insecure
  document.cookie = 'token=' + t + '; path=/';
  // ruleid: token-cookie-insecure
  window.document.cookie = `session=${accessToken}`;
  // ok: token-cookie-insecure
  document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  // ok: token-cookie-insecure
  document.cookie = `theme=${theme}; path=/`;
  // ok: token-cookie-insecure
  document.cookie = `csrf_token=${t}; path=/`;
  // ok: token-cookie-insecure
  document.cookie = `token=${t}; max-age=0`;
}

// A local variable named document is not the page's.
export function other(document, t) {
  // ok: token-cookie-insecure
  document.cookie = `token=${t}`;
}
