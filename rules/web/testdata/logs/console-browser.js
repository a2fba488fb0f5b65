// Rule token-logged on the console of browser code: error trackers and
// session recorders collect what a page prints (Sentry's console
// breadcrumbs), so a token printed there leaves the browser.
export async function login(api, user) {
  const token = await api.login(user);
  // ruleid: token-logged
  console.log(`[Login] user ${user.name} signed in, token is ${token}`);
  // ok: token-logged
  console.log('[Login] token expires at', tokenExpiry);
  // ok: token-logged
  console.info('[Login] signed in as', user.name);
  return token;
}
