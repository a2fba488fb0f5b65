// Rule token-in-web-storage on localforage: setItem stores in IndexedDB,
// WebSQL or localStorage, which every script of the origin can read.
import localforage from 'localforage';

const TOKEN_KEY = 'auth_token';
const store = localforage.createInstance({ name: 'session' });

export async function keep(session, prefs) {
  // ruleid: token-in-web-storage
  await localforage.setItem('access_token', session.value);
  // ruleid: token-in-web-storage
  await localforage.setItem('session', session.accessToken);
  // ruleid: token-in-web-storage
  await store.setItem(TOKEN_KEY, session.value);
  // ok: token-in-web-storage
  await localforage.setItem('theme', prefs.theme);
  // ok: token-in-web-storage
  await localforage.setItem('access_token', '');
  // ok: token-in-web-storage
  await localforage.getItem('access_token');
}
