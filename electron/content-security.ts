/**
 * The Content-Security-Policy, in one place for every shell that serves the renderer: Electron's app:// protocol
 * (electron/main/protocol.ts), the Vite dev and preview servers (vite.config.ts), and the renderer, which starts the
 * sync worker with a URL these shells read. It must stay free of Node, Electron and DOM-only imports.
 *
 * Sync is the one thing that talks to another machine, and only from a dedicated worker: a worker's policy comes
 * from its own script's response headers, not from the document. So the document keeps `connect-src 'self'`, and
 * the worker script, requested as `<script>?connect=<origin>`, is served with that one origin added to connect-src.
 * The origin is accepted only when it is exactly a plain http(s) origin, so a crafted value cannot add a wildcard,
 * a path, or a token of its own (`;`, `,`, quotes, spaces) to the policy.
 */

/** The query parameter naming the origin a worker script may connect to. */
export const CONNECT_PARAM = 'connect';

/** Longer than any real origin (a DNS name has at most 253 characters); refused rather than put in a header. */
const MAX_ORIGIN_CHARS = 300;

const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/**
 * Sent with every response that carries a policy. Mirrors the meta tag in renderer/index.html, plus
 * `frame-ancestors`, which browsers ignore in a meta tag and only honour as a header.
 */
export const CONTENT_SECURITY_POLICY = directives.join('; ');

/**
 * A DNS name or IPv4 address as the URL parser leaves it (lowercase, punycode): letters, digits, hyphens and single
 * dots only. This refuses what the URL parser lets through in a host but a CSP would read as syntax (`*`, `'`, `;`,
 * `,`, `!`, `$`…), and IPv6 literals, which a CSP source expression cannot name at all.
 */
const CSP_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/**
 * True when `value` is exactly the origin of an http or https URL: scheme, host, optional non-default port, and
 * nothing else — no path (not even "/"), query, fragment, user info, wildcard, upper case or default port, since
 * each of those makes `new URL(value).origin` differ from `value`.
 */
export function isPlainOrigin(value: string): boolean {
  if (value.length > MAX_ORIGIN_CHARS) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value && CSP_HOST.test(url.hostname);
}

/**
 * The policy with `connectOrigin` added to connect-src (and nothing else changed), or the base policy for null.
 * Throws for anything but a plain origin: callers pass what connectOriginOf accepted.
 */
export function contentSecurityPolicy(connectOrigin: string | null): string {
  if (connectOrigin === null) return CONTENT_SECURITY_POLICY;
  if (!isPlainOrigin(connectOrigin)) throw new Error('A Content-Security-Policy may name only a plain http(s) origin.');
  return directives
    .map((directive) => (directive === "connect-src 'self'" ? `${directive} ${connectOrigin}` : directive))
    .join('; ');
}

/**
 * The origin a script request asks to connect to (its single `connect` parameter), or null when there is none, more
 * than one, or its value is not exactly a plain http(s) origin.
 */
export function connectOriginOf(url: URL): string | null {
  const values = url.searchParams.getAll(CONNECT_PARAM);
  if (values.length !== 1) return null;
  const [value] = values;
  if (value === undefined || !isPlainOrigin(value)) return null;
  return new URL(value).origin;
}

/**
 * The URL to start the sync worker with: `scriptUrl` (absolute or relative, with or without a query, as Vite hands
 * it out) plus `connect=<origin>`, replacing any earlier one. Other parameters are kept byte for byte (the dev
 * server's `?worker_file&type=module` must stay as it is). Throws when `origin` is not a plain http(s) origin, as
 * no shell would honour it.
 */
export function workerUrlWithConnect(scriptUrl: string, origin: string): string {
  if (!isPlainOrigin(origin)) throw new Error(`“${origin}” is not a server origin a Content-Security-Policy can name.`);
  const hashAt = scriptUrl.indexOf('#');
  const withoutHash = hashAt === -1 ? scriptUrl : scriptUrl.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : scriptUrl.slice(hashAt);
  const queryAt = withoutHash.indexOf('?');
  const path = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  const kept = queryAt === -1 ? [] : withoutHash.slice(queryAt + 1).split('&');
  const parameters = kept.filter((part) => part !== '' && !isConnectParameter(part));
  parameters.push(`${CONNECT_PARAM}=${encodeURIComponent(origin)}`);
  return `${path}?${parameters.join('&')}${hash}`;
}

/** Whether one `name=value` piece of a query is a connect parameter, however its name is encoded. */
function isConnectParameter(part: string): boolean {
  const name = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')) === CONNECT_PARAM;
  } catch {
    return false;
  }
}
