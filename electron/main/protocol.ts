/**
 * Serves the built renderer from app://cinefile/ instead of file://. A standard, secure custom origin gives the
 * renderer its own IndexedDB and a real same-origin policy, and lets us refuse every path outside out/renderer.
 */
import { statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { connectOriginOf, CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../content-security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cinefile';

/** The policies live in ../content-security (shared with the Vite servers); re-exported for main's other users. */
export { CONTENT_SECURITY_POLICY };

export type AppRequestTarget =
  | { kind: 'file'; path: string }
  | { kind: 'refused'; status: 400 | 403 | 404 };

/** True when `path` is an existing regular file (a folder is never served). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps an app:// request URL to a file inside `rootDir`, or says why not. Pure apart from `fileExists`, so the
 * traversal rules can be tested without Electron:
 * - another scheme or host → 403 (only app://cinefile/ is ours);
 * - a path that, once percent-decoded, has `..` segments, backslashes or NUL → 403, because `%2f` and `%5c` slip
 *   past URL normalisation and would otherwise climb out of the folder;
 * - a missing file with an extension → 404; a missing extension-less path → index.html (client-side routes).
 */
export function resolveAppRequest(
  requestUrl: string,
  rootDir: string,
  fileExists: (path: string) => boolean = isFile,
): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { kind: 'refused', status: 403 };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.includes('\\') || segment.includes('\0'))) {
    return { kind: 'refused', status: 403 };
  }

  const root = resolve(rootDir);
  const indexFile = join(root, 'index.html');
  if (segments.length === 0) return { kind: 'file', path: indexFile };

  const candidate = resolve(root, ...segments);
  // Belt and braces: whatever the segments were (drive letters, odd Unicode), the result must stay under root.
  const fromRoot = relative(root, candidate);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    return { kind: 'refused', status: 403 };
  }

  if (fileExists(candidate)) return { kind: 'file', path: candidate };
  if (extname(candidate) === '') return { kind: 'file', path: indexFile };
  return { kind: 'refused', status: 404 };
}

/** Must run before `app` is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard + secure give a real origin (IndexedDB, localStorage, relative URLs); supportFetchAPI lets the
      // renderer fetch its own assets.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Files Chromium runs as scripts: the only responses whose policy may name the sync server. */
const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs']);

/**
 * The policy for one response: the base one, except for a script requested with a valid `connect` parameter (the
 * sync worker), whose connect-src gains that origin. A worker takes its policy from its own script's headers, so
 * this lets the worker, and only the worker, reach the user's server; the document stays on `connect-src 'self'`.
 */
function policyFor(requestUrl: string, path: string): string {
  if (!SCRIPT_EXTENSIONS.has(extname(path).toLowerCase())) return CONTENT_SECURITY_POLICY;
  return contentSecurityPolicy(connectOriginOf(new URL(requestUrl)));
}

function securityHeaders(headers: Headers, policy: string = CONTENT_SECURITY_POLICY): Headers {
  headers.set('Content-Security-Policy', policy);
  headers.set('X-Content-Type-Options', 'nosniff');
  return headers;
}

/** Serves `rendererDir` (the built renderer) on app://cinefile/. Call once, after `app` is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (target.kind === 'refused') {
      return new Response(null, { status: target.status, headers: securityHeaders(new Headers()) });
    }
    const file = await net.fetch(pathToFileURL(target.path).href);
    return new Response(file.body, {
      status: file.status,
      statusText: file.statusText,
      headers: securityHeaders(new Headers(file.headers), policyFor(request.url, target.path)),
    });
  });
}
