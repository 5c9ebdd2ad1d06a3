/**
 * The app:// protocol (electron/main/protocol.ts) as the renderer meets it: the real handler that serveRenderer
 * installs, called with real Requests, over a stand-in for Electron's `net.fetch` that really reads the file it is
 * asked for. So status, body bytes, content types, the CSP header and every traversal refusal are those of the
 * real code, and each read the handler asks for is recorded, to prove none ever lands outside the renderer folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type AppHandler = (request: Request) => Response | Promise<Response>;

/**
 * What Chromium's file:// loader (which Electron's net.fetch uses) answers as Content-Type for the kinds of files
 * Cinefile ships: the "primary" table of net/base/mime_util.cc, which wins over the OS registry, plus its
 * built-in entries for woff2 and json. Anything else gets no header here (Chromium would sniff).
 */
const CHROMIUM_FILE_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const electron = vi.hoisted(() => ({
  handlers: new Map<string, AppHandler>(),
  /** Every file path the handler asked net.fetch to read, in order. */
  reads: [] as string[],
}));

/**
 * Electron's net.fetch for a file:// URL, as far as protocol.ts relies on it: the file's bytes with status 200 and
 * a Content-Type from the extension; a file that cannot be read is a network error, so the promise rejects
 * (net.fetch never answers 404 for files). Anything but file:// is a bug in the handler, so it throws too.
 */
async function fakeNetFetch(input: string | Request): Promise<Response> {
  const url = new URL(typeof input === 'string' ? input : input.url);
  if (url.protocol !== 'file:') throw new TypeError(`this test's net.fetch reads only files, not ${url.href}`);
  const path = fileURLToPath(url);
  electron.reads.push(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new TypeError('net::ERR_FILE_NOT_FOUND', { cause: error });
  }
  const type = CHROMIUM_FILE_TYPES[extname(path).toLowerCase()];
  return new Response(new Uint8Array(bytes), {
    status: 200,
    statusText: 'OK',
    headers: type === undefined ? {} : { 'Content-Type': type, 'Content-Length': String(bytes.length) },
  });
}
const netFetch = vi.fn(fakeNetFetch);

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: AppHandler) => electron.handlers.set(scheme, handler),
    registerSchemesAsPrivileged: vi.fn(),
  },
  net: { fetch: (input: string | Request) => netFetch(input) },
}));
const { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppRequest, serveRenderer } = await import(
  '../../../electron/main/protocol'
);
const shared = await import('../../../electron/content-security');

/** A one-pixel PNG: real image bytes, including ones that are not valid UTF-8. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** Every byte value once, after a format's magic number: any text decoding on the way would change them. */
const binary = (magic: string): Buffer => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

/** The built renderer as electron-vite lays it out, relative to the folder served. */
const RENDERER_FILES: Record<string, string | Buffer> = {
  'index.html':
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Cinefile</title>' +
    '<script type="module" src="/assets/index-B8WDKzdh.js"></script>' +
    '<link rel="stylesheet" href="/assets/index-D9_JlHRa.css"></head><body><div id="root"></div></body></html>\n',
  'assets/index-B8WDKzdh.js': 'const greeting = "Ça tourne — 🎬";\nexport { greeting };\n',
  'assets/sync.worker-C4kPq2.js': 'self.postMessage("ready");\n',
  'assets/index-D9_JlHRa.css': ':root { color-scheme: dark; }\nbody { background: #14110f; }\n',
  'assets/red-hot-poster.png': PNG,
  'assets/red-hot-poster.webp': binary('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
  'assets/icon-Bld6iFlR.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  'assets/fonts/inter-latin-400.woff2': binary('wOF2'),
  'assets/seed/red-hot.json': '{"title":"Red Hot","year":2024}\n',
  'assets/posters/Red Hot #1 été.webp': binary('RIFF\u0001\u0000\u0000\u0000WEBPVP8L'),
};

/** A fake out/renderer, with secrets beside it (one in a folder whose name merely starts like the root's). */
let parent: string;
let root: string;
let secret: string;
let handler: AppHandler;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'cinefile-protocol-'));
  root = join(parent, 'renderer');
  for (const [file, content] of Object.entries(RENDERER_FILES)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  secret = join(parent, 'secret.txt');
  writeFileSync(secret, 'not for the renderer');
  mkdirSync(join(parent, 'renderer-evil'));
  writeFileSync(join(parent, 'renderer-evil', 'payload.js'), 'alert("escaped")');

  serveRenderer(root);
  const installed = electron.handlers.get(APP_SCHEME);
  if (installed === undefined) throw new Error(`serveRenderer did not handle ${APP_SCHEME}:`);
  handler = installed;
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

beforeEach(() => {
  electron.reads.length = 0;
  netFetch.mockClear();
});

/** Asks the installed handler for `url` as Chromium would, and reads the whole answer. */
async function get(url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await handler(new Request(url));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const fileBytes = (file: string): Buffer => readFileSync(join(root, file));
const isInsideRoot = (path: string): boolean => {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
};

describe('serveRenderer: files inside the renderer folder', () => {
  it('installs one handler, for app:', () => {
    expect([...electron.handlers.keys()]).toEqual([APP_SCHEME]);
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('cinefile');
  });

  it.each([
    ['index.html', 'text/html'],
    ['assets/index-B8WDKzdh.js', 'text/javascript'],
    ['assets/index-D9_JlHRa.css', 'text/css'],
    ['assets/red-hot-poster.png', 'image/png'],
    ['assets/red-hot-poster.webp', 'image/webp'],
    ['assets/icon-Bld6iFlR.svg', 'image/svg+xml'],
    ['assets/fonts/inter-latin-400.woff2', 'font/woff2'],
    ['assets/seed/red-hot.json', 'application/json'],
  ])('serves %s byte for byte as %s, with the security headers', async (file, contentType) => {
    const response = await get(`app://cinefile/${file}`);
    expect(response.status).toBe(200);
    expect(response.body.equals(fileBytes(file))).toBe(true);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('Content-Length')).toBe(String(fileBytes(file).length));
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    // One read, of exactly that file, through a file:// URL.
    expect(netFetch.mock.calls).toEqual([[pathToFileURL(join(root, file)).href]]);
  });

  it('serves a file whose name needs percent-encoding (spaces, #, accents) without decoding it twice', async () => {
    const file = 'assets/posters/Red Hot #1 été.webp';
    const response = await get(`app://cinefile/${file.split('/').map(encodeURIComponent).join('/')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/webp');
    expect(response.body.equals(fileBytes(file))).toBe(true);
    expect(electron.reads).toEqual([join(root, file)]);
  });

  it('ignores query strings and fragments', async () => {
    const response = await get('app://cinefile/assets/index-B8WDKzdh.js?v=2#x');
    expect(response.status).toBe(200);
    expect(response.body.equals(fileBytes('assets/index-B8WDKzdh.js'))).toBe(true);
  });

  it('sends the Content-Security-Policy with every HTML page, word for word', async () => {
    for (const url of ['app://cinefile/', 'app://cinefile/index.html', 'app://cinefile/films/42']) {
      const response = await get(url);
      expect(response.headers.get('Content-Type'), url).toBe('text/html');
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });
});

describe('serveRenderer: the sync worker’s script may name the sync server', () => {
  const worker = 'app://cinefile/assets/sync.worker-C4kPq2.js';
  const SERVER = 'https://couch.example.net:6984';
  const withConnect = (url: string, value: string): string => `${url}?connect=${encodeURIComponent(value)}`;

  it('is the same policy as the shared module’s, kept under the name main has always exported', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(shared.CONTENT_SECURITY_POLICY);
  });

  it('adds the origin a script is requested with to connect-src, and changes nothing else', async () => {
    const response = await get(withConnect(worker, SERVER));
    expect(response.status).toBe(200);
    expect(response.body.equals(fileBytes('assets/sync.worker-C4kPq2.js'))).toBe(true);
    const policy = response.headers.get('Content-Security-Policy');
    expect(policy).toBe(shared.contentSecurityPolicy(SERVER));
    expect(policy).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${SERVER}`));
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    // The same file without the parameter (the search, statistics and import workers) stays on the base policy.
    expect((await get(worker)).headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'https://couch.example.net/cinefile',
    'https://*.example.net',
    '*',
    "https://couch.example.net 'unsafe-eval'",
    'https://couch.example.net; script-src *',
    'https://couch.example.net,https://evil.example',
    'https://anna:secret@couch.example.net',
    'javascript:alert(1)',
    'http://[::1]:5984',
    '',
  ])('ignores connect=%j: the base policy, still served', async (value) => {
    const response = await get(withConnect(worker, value));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('ignores two connect parameters, and the parameter on anything that is not a script', async () => {
    const both = `${withConnect(worker, SERVER)}&connect=${encodeURIComponent('https://evil.example')}`;
    expect((await get(both)).headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    const stylesheet = 'app://cinefile/assets/index-D9_JlHRa.css';
    const notScripts = ['app://cinefile/', 'app://cinefile/index.html', 'app://cinefile/films/42', stylesheet];
    for (const url of notScripts) {
      const response = await get(withConnect(url, SERVER));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    const missing = await get(withConnect('app://cinefile/assets/missing.js', SERVER));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('serveRenderer: client-side routes and missing files', () => {
  it('answers the bare origin, client-side routes and folders with index.html', async () => {
    for (const url of [
      'app://cinefile',
      'app://cinefile/',
      'app://cinefile/films/42',
      'app://cinefile/lists/7/edit?sort=title#top',
      'app://cinefile/assets',
      'app://cinefile/assets/fonts/',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.body.equals(fileBytes('index.html')), url).toBe(true);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(new Set(electron.reads)).toEqual(new Set([join(root, 'index.html')]));
  });

  it('answers 404 with the security headers and no read for a missing file with an extension', async () => {
    for (const url of ['app://cinefile/assets/missing.js', 'app://cinefile/favicon.ico', 'app://cinefile/films/42.json']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.body.length, url).toBe(0);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
    }
    expect(netFetch).not.toHaveBeenCalled();
  });

  it('fails the request (never serves something else) when the file vanishes between the check and the read', async () => {
    const file = join(root, 'assets', 'vanishing.js');
    writeFileSync(file, 'export {}');
    netFetch.mockImplementationOnce(async (input) => {
      rmSync(file);
      return fakeNetFetch(input);
    });
    await expect(handler(new Request('app://cinefile/assets/vanishing.js'))).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
    expect(electron.reads).toEqual([file]);
  });
});

describe('serveRenderer: nothing outside the renderer folder', () => {
  /** [url, status]: 403 for refusals, 404 for names that stay inside root but do not exist, 200 for index.html. */
  const attempts: [string, number][] = [
    // The URL parser itself removes plain and %2e dot segments, so these land inside the folder.
    ['app://cinefile/../secret.txt', 404],
    ['app://cinefile/../../../../etc/passwd', 200],
    ['app://cinefile/%2e%2e/secret.txt', 404],
    ['app://cinefile/%2E%2E/%2E%2E/etc/passwd', 200],
    ['app://cinefile/assets/../../secret.txt', 404],
    // Encoded slashes and backslashes survive URL parsing and are refused outright.
    ['app://cinefile/..%2fsecret.txt', 403],
    ['app://cinefile/assets/..%2f..%2fsecret.txt', 403],
    ['app://cinefile/assets%2f..%2f..%2fsecret.txt', 403],
    ['app://cinefile/..%2frenderer-evil/payload.js', 403],
    ['app://cinefile/..%5csecret.txt', 403],
    ['app://cinefile/assets\\..\\..\\secret.txt', 403],
    ['app://cinefile/index.html%00.js', 403],
    // Double encoding decodes once: a literal "%2e%2e" folder name, which does not exist.
    ['app://cinefile/%252e%252e/secret.txt', 404],
    // Absolute paths are taken as names inside the folder.
    ['app://cinefile//etc/passwd', 200],
    [`app://cinefile/${encodeURIComponent('/etc/passwd')}`, 200],
    [`app://cinefile/${encodeURIComponent('/etc/hosts.txt')}`, 404],
    // Only app://cinefile is ours.
    ['app://evil/index.html', 403],
    ['app://cinefile.evil.com/index.html', 403],
    ['app://cinefile:8080/index.html', 403],
    ['app://localhost/index.html', 403],
    ['app:///etc/passwd', 403],
    ['app://cinefile/%E0%A4%A', 400],
  ];

  it.each(attempts)('%s → %i, reading nothing outside the folder', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    if (status === 200) {
      expect(response.body.equals(fileBytes('index.html'))).toBe(true);
    } else {
      expect(response.body.length).toBe(0);
    }
    for (const path of electron.reads) expect(isInsideRoot(path), path).toBe(true);
    if (status !== 200) expect(netFetch).not.toHaveBeenCalled();
  });

  it('refuses the secret beside the folder under its absolute path', async () => {
    const response = await get(`app://cinefile/${encodeURIComponent(secret)}`);
    expect(response.status).toBe(404);
    expect(netFetch).not.toHaveBeenCalled();
  });
});

const resolveIn = (url: string): ReturnType<typeof resolveAppRequest> => resolveAppRequest(url, root);

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveIn('app://cinefile/index.html')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveIn('app://cinefile/assets/index-B8WDKzdh.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-B8WDKzdh.js'),
    });
  });

  it('serves index.html for the bare origin and ignores query strings and hashes', () => {
    expect(resolveIn('app://cinefile/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveIn('app://cinefile/index.html?x=1#/films/42')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it('falls back to index.html for unknown paths without an extension (client-side routes)', () => {
    expect(resolveIn('app://cinefile/films/42')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    // A folder is not a file: asking for one gets the app, never a directory listing.
    expect(resolveIn('app://cinefile/assets')).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  it('answers 404 for a missing file with an extension', () => {
    expect(resolveIn('app://cinefile/assets/missing.js')).toEqual({ kind: 'refused', status: 404 });
  });

  it('refuses encoded traversal, backslashes and NUL bytes outright with 403', () => {
    expect(resolveIn('app://cinefile/..%2fsecret.txt')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveIn('app://cinefile/assets\\..\\..\\secret.txt')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveIn('app://cinefile/index.html%00.js')).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses other hosts, schemes, ports and credentials with 403', () => {
    // Credentials cannot be put in a Request (the constructor throws), so this one is checked here only.
    for (const url of [
      'app://evil/index.html',
      'app://cinefile.evil.com/index.html',
      'app://cinefile:8080/index.html',
      'app://user:pass@cinefile/index.html',
      'file:///etc/passwd',
      'https://cinefile/index.html',
    ]) {
      expect(resolveIn(url), url).toEqual({ kind: 'refused', status: 403 });
    }
  });

  it('answers 400 for URLs that do not parse or decode', () => {
    expect(resolveIn('not a url')).toEqual({ kind: 'refused', status: 400 });
    expect(resolveIn('app://cinefile/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' '));

  it('allows only the app itself to provide scripts, and nothing to frame it', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('repeats every directive of the meta tag in renderer/index.html, so the two cannot drift apart', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(expect.arrayContaining(directives(meta ?? '')));
  });
});
