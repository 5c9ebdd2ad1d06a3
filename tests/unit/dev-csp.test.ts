/**
 * The Content-Security-Policy outside Electron: strict in what ships (renderer/index.html), relaxed only under the dev
 * server, where hot reload needs inline scripts and <style> tags (without them `npm run dev` shows an unstyled app);
 * and, on every JavaScript response of the dev and preview servers, the desktop app's own policy, which is what a
 * worker runs under. Only the sync worker, started as `<script>?connect=<origin>`, may reach that one server.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../electron/content-security';
import { rendererConfig } from '../../vite.config';

const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
const policyOf = (page: string) => /Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? '';
const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' '));

const plugins = (rendererConfig.plugins ?? []).flat() as (Plugin | null | false)[];
const pluginNamed = (name: string): Plugin => {
  const plugin = plugins.find((candidate) => candidate && candidate.name === name);
  if (!plugin) throw new Error(`vite.config.ts has no plugin ${name}`);
  return plugin;
};
const devPlugin = pluginNamed('cinefile-dev-csp');
const scriptPolicyPlugin = pluginNamed('cinefile-script-csp');

describe('Content-Security-Policy of the document', () => {
  it('ships strict: no inline scripts or styles, no remote sources', () => {
    const policy = policyOf(html);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('never lets the document itself talk to a server: connect-src is the app alone', () => {
    expect(directives(policyOf(html)).filter((directive) => directive.startsWith('connect-src'))).toEqual(["connect-src 'self'"]);
    // The same directives as the header Electron sends, which adds only frame-ancestors (ignored in a meta tag).
    const header = directives(CONTENT_SECURITY_POLICY);
    expect(directives(policyOf(html))).toEqual(header.filter((directive) => !directive.startsWith('frame-ancestors')));
  });

  it('is relaxed only by the dev server, for hot reload of scripts and styles', () => {
    expect(devPlugin.apply).toBe('serve');
    const transform = devPlugin.transformIndexHtml as (page: string) => string;
    const policy = policyOf(transform(html));
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain('connect-src \'self\' ws:');
    expect(policy).toContain("object-src 'none'");
  });
});

/** A tiny site: a page, a stylesheet and two scripts, in the layout `vite build` leaves. */
let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'cinefile-csp-'));
  mkdirSync(join(site, 'assets'));
  const page = '<!doctype html><title>Cinefile</title><script type="module" src="./assets/index.js"></script>';
  writeFileSync(join(site, 'index.html'), page);
  writeFileSync(join(site, 'assets', 'index.js'), 'export const page = 1;\n');
  writeFileSync(join(site, 'assets', 'sync.worker.js'), 'self.postMessage("ready");\n');
  writeFileSync(join(site, 'assets', 'index.css'), 'body { color: red; }\n');
  mkdirSync(join(site, 'src'));
  writeFileSync(join(site, 'src', 'sync.worker.ts'), 'const ready: string = "ready";\nself.postMessage(ready);\n');
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const SERVER = 'https://couch.example.net:6984';
const withServer = contentSecurityPolicy(SERVER);
/** Values that must never reach a policy: paths, wildcards, injected directives, other schemes, encodings. */
const refusedConnects = [
  'https://couch.example.net/',
  'https://couch.example.net/cinefile',
  'https://*.example.net',
  '*',
  "https://couch.example.net 'unsafe-eval'",
  'https://couch.example.net; script-src *',
  'https://couch.example.net,https://evil.example',
  'https://anna:secret@couch.example.net',
  'ftp://couch.example.net',
  'data:',
  'HTTPS://COUCH.EXAMPLE.NET',
  '',
];

/** Asks a running server for `path` and answers the status, Content-Type and policy it sent. */
async function headersOf(base: string, path: string): Promise<{ status: number; type: string | null; policy: string | null }> {
  const response = await fetch(new URL(path, base));
  await response.arrayBuffer();
  const { headers, status } = response;
  return { status, type: headers.get('content-type'), policy: headers.get('content-security-policy') };
}

describe('vite preview (the browser build): a policy on every script', () => {
  let server: PreviewServer;
  let base: string;
  beforeAll(async () => {
    server = await preview({
      configFile: false,
      root: site,
      logLevel: 'silent',
      plugins: [scriptPolicyPlugin],
      build: { outDir: site },
      preview: { host: '127.0.0.1', port: 0 },
    });
    base = server.resolvedUrls?.local[0] ?? '';
  });
  afterAll(() => server.close());

  it('sends every script, workers included, the desktop app’s policy, so none of them runs unrestricted', async () => {
    for (const path of ['assets/index.js', 'assets/sync.worker.js', 'assets/index.js?v=2']) {
      const answer = await headersOf(base, path);
      expect(answer.status, path).toBe(200);
      expect(answer.type, path).toMatch(/javascript/);
      expect(answer.policy, path).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('adds only the requested server to connect-src of a script asked for with ?connect=<origin>', async () => {
    const answer = await headersOf(base, `assets/sync.worker.js?connect=${encodeURIComponent(SERVER)}`);
    expect(answer.policy).toBe(withServer);
    expect(directives(withServer)).toContain(`connect-src 'self' ${SERVER}`);
  });

  it.each(refusedConnects)('ignores connect=%j and sends the base policy', async (value) => {
    const answer = await headersOf(base, `assets/sync.worker.js?connect=${encodeURIComponent(value)}`);
    expect(answer.status).toBe(200);
    expect(answer.policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses two connect parameters rather than choose one', async () => {
    const both = `connect=${encodeURIComponent(SERVER)}&connect=${encodeURIComponent('https://evil.example')}`;
    expect((await headersOf(base, `assets/sync.worker.js?${both}`)).policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('leaves pages and stylesheets alone: the page keeps its own meta policy', async () => {
    for (const path of ['', 'index.html', `index.html?connect=${encodeURIComponent(SERVER)}`, 'assets/index.css']) {
      const answer = await headersOf(base, path);
      expect(answer.status, path).toBe(200);
      expect(answer.policy, path).toBeNull();
    }
  });
});

describe('vite (the dev server): the same policies on its transformed modules', () => {
  let server: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    server = await createServer({
      configFile: false,
      root: site,
      logLevel: 'silent',
      plugins: [scriptPolicyPlugin],
      cacheDir: join(site, '.vite'),
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, ws: false, watch: null },
    });
    await server.listen();
    base = server.resolvedUrls?.local[0] ?? '';
  });
  afterAll(() => server.close());

  it('sends a TypeScript worker, as the dev server starts it, the base policy, or the one naming the server', async () => {
    const plain = await headersOf(base, 'src/sync.worker.ts?worker_file&type=module');
    expect(plain.type).toMatch(/javascript/);
    expect(plain.policy).toBe(CONTENT_SECURITY_POLICY);
    const connected = await headersOf(base, `src/sync.worker.ts?worker_file&type=module&connect=${encodeURIComponent(SERVER)}`);
    expect(connected.status).toBe(200);
    expect(connected.policy).toBe(withServer);
    const injected = await headersOf(base, `src/sync.worker.ts?connect=${encodeURIComponent('https://a.example; script-src *')}`);
    expect(injected.policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('leaves the page alone, so its relaxed meta policy (inline scripts, websocket) still rules it', async () => {
    const page = await headersOf(base, '');
    expect(page.type).toMatch(/text\/html/);
    expect(page.policy).toBeNull();
  });
});
