// Rule token-in-web-storage on the PocketBase SDK: a LocalAuthStore keeps
// the auth token in localStorage; an AsyncAuthStore or the client's own
// memory store does not say where.
import PocketBase, { LocalAuthStore, AsyncAuthStore } from 'pocketbase';

// ruleid: token-in-web-storage
export const admin = new PocketBase('/', new LocalAuthStore('__pb_superusers__'));
// ok: token-in-web-storage
export const custom = new PocketBase('/', new AsyncAuthStore({ save: async (s) => sessionVault.put(s) }));
// ok: token-in-web-storage
export const other = new OtherLocalAuthStore('__pb__');
