/**
 * The user's CouchDB server as Settings › Sync describes it, checked before anything is sent: a parsed address, a
 * database name CouchDB accepts, and whether plain http may be used (only to this machine, or to a LAN address the
 * user explicitly allowed — a password sent in the clear across the internet is refused). Also what each answer of
 * "Test connection" means, in words a person can act on.
 */

export interface SyncServerSettings {
  /** As typed: "https://couch.example.net", "http://192.168.1.20:5984". */
  address: string;
  database: string;
  username: string;
  /** Plain http to a LAN address, allowed by the user for a server at home. */
  allowPlainHttpOnLan: boolean;
}

export type SyncServerCheck =
  | { ok: true; origin: string; databaseUrl: string }
  | { ok: false; field: 'address' | 'database'; error: string };

const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
export const MAX_DATABASE_NAME = 238;

/** Where a host is: this machine, the local network (private ranges, .local names), or anywhere else. */
export type HostReach = 'loopback' | 'lan' | 'internet';

export function hostReach(hostname: string): HostReach {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)) return 'loopback';
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'lan';
    return 'internet';
  }
  if (host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.home.arpa')) return 'lan';
  // IPv6 unique-local (fc00::/7) and link-local (fe80::/10) addresses.
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return 'lan';
  if (!host.includes('.') && !host.includes(':')) return 'lan';
  return 'internet';
}

/** Checks the address and database name; the origin is what the Content-Security-Policy lets the app connect to. */
export function checkSyncServer(settings: Pick<SyncServerSettings, 'address' | 'database' | 'allowPlainHttpOnLan'>): SyncServerCheck {
  const typed = settings.address.trim();
  if (typed === '') return { ok: false, field: 'address', error: 'Enter the address of your CouchDB server.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return { ok: false, field: 'address', error: `“${typed}” is not a web address; it looks like https://couch.example.net.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, field: 'address', error: `A CouchDB server is reached over https or http, not ${url.protocol.replace(':', '')}.` };
  }
  // A Content-Security-Policy can name an IPv6 address in no browser tested (Chromium ignores it), so it needs a name.
  if (url.hostname.startsWith('[')) {
    return { ok: false, field: 'address', error: 'Use the server’s name (or an IPv4 address) rather than an IPv6 address.' };
  }
  // URL accepts hosts like "*" or "a_b"; a server's name is letters, digits, dots and hyphens, or an IPv4 address.
  if (!/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(url.hostname)) {
    return { ok: false, field: 'address', error: `“${typed}” does not name a server; it looks like https://couch.example.net.` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, field: 'address', error: 'Leave the user name and password out of the address; they have fields of their own.' };
  }
  if (url.search !== '' || url.hash !== '') return { ok: false, field: 'address', error: 'The address cannot carry ? or # parts.' };
  if (url.protocol === 'http:') {
    const reach = hostReach(url.hostname);
    if (reach === 'internet') {
      return { ok: false, field: 'address', error: 'Plain http would send your password unencrypted across the internet; use https.' };
    }
    if (reach === 'lan' && !settings.allowPlainHttpOnLan) {
      return { ok: false, field: 'address', error: 'This is plain http to another machine: allow plain http on your local network, or use https.' };
    }
  }
  const database = settings.database.trim();
  if (database === '') return { ok: false, field: 'database', error: 'Enter the name of the database to keep the catalog in.' };
  if (database.length > MAX_DATABASE_NAME || !DATABASE_NAME.test(database)) {
    return {
      ok: false,
      field: 'database',
      error: 'A CouchDB database name starts with a lowercase letter and holds only lowercase letters, digits and _ $ ( ) + - /.',
    };
  }
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, origin: url.origin, databaseUrl: `${base}${encodeURIComponent(database)}` };
}

/** What "Test connection" found, step by step: the first thing wrong, or that all is well. */
export type ConnectionVerdict =
  | { state: 'ok' }
  | { state: 'unreachable'; detail: string }
  | { state: 'not-couchdb' }
  | { state: 'wrong-credentials' }
  | { state: 'forbidden' }
  | { state: 'database-missing' }
  | { state: 'server-error'; status: number };

/** Whether a server's welcome (GET /) is CouchDB's, or a server speaking its protocol (pouchdb-server). */
export function isCouchWelcome(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const welcome = body as Record<string, unknown>;
  return welcome.couchdb === 'Welcome' || typeof welcome['express-pouchdb'] === 'string';
}

/** The sentence Settings › Sync shows for a verdict. */
export function connectionMessage(verdict: ConnectionVerdict, settings: Pick<SyncServerSettings, 'address' | 'database' | 'username'>): string {
  switch (verdict.state) {
    case 'ok':
      return `Connected: ${settings.username || 'you'} can use “${settings.database}”.`;
    case 'unreachable':
      return `Cannot reach ${settings.address}: ${verdict.detail}. Check the address and that the server is running and allows this app (CORS).`;
    case 'not-couchdb':
      return `${settings.address} answers, but it is not a CouchDB server.`;
    case 'wrong-credentials':
      return 'The server refused the user name or password.';
    case 'forbidden':
      return `${settings.username || 'This user'} may not use “${settings.database}”; add them to its members or admins.`;
    case 'database-missing':
      return `The database “${settings.database}” does not exist on this server yet.`;
    case 'server-error':
      return `The server had a problem (HTTP ${verdict.status}); try again, or look at its log.`;
  }
}
