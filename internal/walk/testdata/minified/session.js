// session.js: a hand-written browser module, the source of
// session.min.js beside it (see TestMinifiedDecision for how that file
// was made). Both are test input for the minified decision only.

const STORAGE_PREFIX = 'acme.';
const DEFAULT_TIMEOUT_MS = 15000;

export class SessionError extends Error {
  constructor(message, status, details) {
    super(message);
    this.name = 'SessionError';
    this.status = status;
    this.details = details || {};
  }
}

function storageKey(name) {
  return STORAGE_PREFIX + name;
}

export function readPreference(name, fallback) {
  const raw = window.localStorage.getItem(storageKey(name));
  if (raw === null) {
    return fallback;
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    console.warn('ignoring a malformed preference', name, err);
    return fallback;
  }
}

export function writePreference(name, value) {
  window.localStorage.setItem(storageKey(name), JSON.stringify(value));
}

function withTimeout(promise, timeoutMs) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new SessionError('request timed out', 0)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ApiClient {
  constructor(baseUrl, options = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs || DEFAULT_TIMEOUT_MS;
    this.listeners = new Map();
    this.pendingRequests = 0;
  }

  on(eventName, handler) {
    if (!this.listeners.has(eventName)) {
      this.listeners.set(eventName, new Set());
    }
    this.listeners.get(eventName).add(handler);
    return () => this.listeners.get(eventName).delete(handler);
  }

  emit(eventName, payload) {
    const handlers = this.listeners.get(eventName);
    if (!handlers) {
      return;
    }
    for (const handler of handlers) {
      try {
        handler(payload);
      } catch (err) {
        console.error('listener failed', eventName, err);
      }
    }
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    this.pendingRequests += 1;
    this.emit('busy', this.pendingRequests);
    try {
      const response = await withTimeout(fetch(this.baseUrl + path, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      }), this.timeoutMs);
      if (response.status === 401) {
        this.emit('signedOut', { path });
        throw new SessionError('the session has ended', 401);
      }
      if (!response.ok) {
        const details = await response.json().catch(() => ({}));
        throw new SessionError(`request failed: ${method} ${path}`, response.status, details);
      }
      if (response.status === 204) {
        return null;
      }
      return await response.json();
    } finally {
      this.pendingRequests -= 1;
      this.emit('busy', this.pendingRequests);
    }
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }
}

export function validateSignIn(form) {
  const problems = [];
  const email = (form.email || '').trim();
  const password = form.password || '';
  if (!email) {
    problems.push({ field: 'email', message: 'Enter your email address.' });
  } else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    problems.push({ field: 'email', message: 'That does not look like an email address.' });
  }
  if (password.length < 12) {
    problems.push({ field: 'password', message: 'Passwords have at least 12 characters.' });
  }
  return problems;
}

export function formatRelativeTime(date, now = new Date()) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units = [
    ['year', 60 * 60 * 24 * 365],
    ['month', 60 * 60 * 24 * 30],
    ['week', 60 * 60 * 24 * 7],
    ['day', 60 * 60 * 24],
    ['hour', 60 * 60],
    ['minute', 60],
  ];
  const formatter = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return formatter.format(Math.round(seconds / size), unit);
    }
  }
  return formatter.format(seconds, 'second');
}

export class SessionView {
  constructor(root, client) {
    this.root = root;
    this.client = client;
    this.unsubscribe = client.on('signedOut', () => this.showSignIn());
  }

  async load() {
    this.root.classList.add('is-loading');
    try {
      const profile = await this.client.get('/api/me');
      this.render(profile);
    } catch (err) {
      if (err instanceof SessionError && err.status === 401) {
        this.showSignIn();
        return;
      }
      this.showError(err);
    } finally {
      this.root.classList.remove('is-loading');
    }
  }

  render(profile) {
    const lastSeen = profile.lastSeen ? formatRelativeTime(new Date(profile.lastSeen)) : 'never';
    this.root.innerHTML = '';
    const heading = document.createElement('h2');
    heading.textContent = `Signed in as ${profile.displayName}`;
    const detail = document.createElement('p');
    detail.textContent = `Last seen ${lastSeen}.`;
    this.root.append(heading, detail);
    writePreference('lastProfile', { id: profile.id, displayName: profile.displayName });
  }

  showSignIn() {
    this.root.innerHTML = '<a class="button" href="/sign-in">Sign in again</a>';
  }

  showError(err) {
    const message = err && err.message ? err.message : 'Something went wrong.';
    this.root.textContent = message;
  }

  destroy() {
    this.unsubscribe();
    this.root.innerHTML = '';
  }
}
