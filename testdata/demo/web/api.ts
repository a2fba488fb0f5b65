// The demo front end's API client (TypeScript).
interface Session {
  accessToken: string;
  expiresAt: number;
}

export async function loadOrders(session: Session): Promise<unknown> {
  // The token travels in the URL: it ends up in server logs and history.
  const res = await fetch(`/api/orders?access_token=${session.accessToken}`);
  // Safe: only the expiry is kept in storage.
  sessionStorage.setItem('expiresAt', String(session.expiresAt));
  return res.json();
}

export function remember(session: Session): void {
  window.sessionStorage.setItem('session', JSON.stringify(session.accessToken));
}
