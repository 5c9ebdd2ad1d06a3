// What `npm start` decides, piece by piece: find or fetch Electron's binary, otherwise which message, which URL and
// which browser opener (the end-to-end run is in start-fallback.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { start, type FetchResult, type RunResult, type Runner } from './start-module';

const { findElectronBinary, shortReason, fetchElectronBinary, ensureElectronBinary, previewUrl } = start;
const { fallbackMessage, browserOpener, openByHandMessage, onPath } = start;

const dir = mkdtempSync(join(tmpdir(), 'cinefile-start-'));
const realBinary = join(dir, 'electron');
writeFileSync(realBinary, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What electron's install.js prints when GitHub cannot be reached (this machine, CI). */
const OFFLINE_INSTALL_OUTPUT = [
  'RequestError: getaddrinfo ENOTFOUND github.com',
  '    at ClientRequest.<anonymous> (/work/main/node_modules/got/dist/source/core/index.js:970:111)',
  '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)',
  '',
].join('\n');

const ran = (overrides: Partial<RunResult>): RunResult => ({
  code: 0,
  signal: null,
  timedOut: false,
  output: '',
  ...overrides,
});

describe('findElectronBinary', () => {
  it('reports the binary when the electron package resolves to a file that exists', () => {
    expect(findElectronBinary({ env: {}, resolveElectron: () => realBinary })).toBe(realBinary);
  });

  it('reports none when the electron package throws because its download was skipped', () => {
    const skipped = (): never => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron and try again');
    };
    expect(findElectronBinary({ env: {}, resolveElectron: skipped })).toBeNull();
  });

  it('reports none when the package names a binary that is not there', () => {
    expect(findElectronBinary({ env: {}, resolveElectron: () => join(dir, 'dist', 'electron') })).toBeNull();
  });

  it('prefers ELECTRON_EXEC_PATH, as electron-vite does, and checks it exists', () => {
    const neverAsked = (): never => {
      throw new Error('should not be asked');
    };
    expect(findElectronBinary({ env: { ELECTRON_EXEC_PATH: realBinary }, resolveElectron: neverAsked })).toBe(
      realBinary,
    );
    const gone = { ELECTRON_EXEC_PATH: join(dir, 'gone') };
    expect(findElectronBinary({ env: gone, resolveElectron: neverAsked })).toBeNull();
  });
});

describe('shortReason', () => {
  it('says a network failure plainly, without the stack under it', () => {
    expect(shortReason(OFFLINE_INSTALL_OUTPUT)).toBe('cannot reach github.com: ENOTFOUND');
    expect(shortReason('Error: connect ECONNREFUSED 127.0.0.1:9\n    at TCPConnectWrap.afterConnect')).toBe(
      'cannot reach 127.0.0.1:9: ECONNREFUSED',
    );
  });

  it('keeps the message of an error and drops its type, colours and stack', () => {
    const vitePreview = [
      'error when starting preview server:',
      '\u001b[31mError: Port 4173 is already in use\u001b[39m',
      '    at Server.onError (file:///x.js:1:1)',
    ].join('\n');
    expect(shortReason(vitePreview)).toBe('Port 4173 is already in use');
  });

  it('finds the compiler error in vite build output, not its code frame', () => {
    const viteBuild = [
      '\u001b[31m✗\u001b[39m Build failed in 433ms',
      'error during build:',
      'Build failed with 1 error:',
      '',
      '[MISSING_EXPORT] "x" is not exported by "renderer/src/a.ts".',
      '   ╭─[ renderer/src/b.tsx:5:10 ]',
      ' 5 │ import { x } from "./a";',
      '   │          ┬',
      '    at aggregateBindingErrorsIntoJsError (file:///rolldown.mjs:50:18)',
    ].join('\n');
    expect(shortReason(viteBuild)).toBe('[MISSING_EXPORT] "x" is not exported by "renderer/src/a.ts".');
  });

  it('is empty when there is nothing to say', () => {
    expect(shortReason('')).toBe('');
    expect(shortReason('\n    at somewhere (x.js:1:1)\n')).toBe('');
  });
});

describe('fetchElectronBinary', () => {
  it("runs Electron's own installer with this Node and a time limit", async () => {
    const run = vi.fn<Runner>(async () => ran({ code: 0 }));
    const installScript = '/pkg/electron/install.js';
    await expect(fetchElectronBinary({ installScript, run, timeoutMs: 5_000, env: {} })).resolves.toEqual({ ok: true });
    expect(run).toHaveBeenCalledExactlyOnceWith(process.execPath, [installScript], { timeoutMs: 5_000, env: {} });
  });

  it('gives up after two minutes by default', async () => {
    const run = vi.fn<Runner>(async () => ran({ code: 0 }));
    await fetchElectronBinary({ installScript: 'install.js', run });
    expect(run.mock.calls[0]?.[2].timeoutMs).toBe(120_000);
  });

  it("turns the installer's stack trace into one short reason", async () => {
    const run: Runner = async () => ran({ code: 1, output: OFFLINE_INSTALL_OUTPUT });
    await expect(fetchElectronBinary({ installScript: 'install.js', run })).resolves.toEqual({
      ok: false,
      reason: 'cannot reach github.com: ENOTFOUND',
    });
  });

  it('says when the download ran out of time, or the installer said nothing', async () => {
    const slow: Runner = async () => ran({ code: null, signal: 'SIGTERM', timedOut: true });
    await expect(fetchElectronBinary({ installScript: 'install.js', run: slow, timeoutMs: 120_000 })).resolves.toEqual({
      ok: false,
      reason: 'no download within 120 s',
    });
    const silent: Runner = async () => ran({ code: 3 });
    await expect(fetchElectronBinary({ installScript: 'install.js', run: silent })).resolves.toEqual({
      ok: false,
      reason: 'its installer exited with 3',
    });
  });

  it('does not run anything without the electron package', async () => {
    const run = vi.fn<Runner>();
    await expect(fetchElectronBinary({ installScript: null, run })).resolves.toEqual({
      ok: false,
      reason: 'the electron package is not installed',
    });
    expect(run).not.toHaveBeenCalled();
  });
});

describe('ensureElectronBinary', () => {
  it('uses a binary that is already there without fetching', async () => {
    const fetch = vi.fn<() => Promise<FetchResult>>();
    await expect(ensureElectronBinary({ env: {}, find: () => realBinary, fetch })).resolves.toEqual({
      binary: realBinary,
      reason: null,
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches a missing binary once and uses it when the download worked', async () => {
    const find = vi.fn<() => string | null>().mockReturnValueOnce(null).mockReturnValue(realBinary);
    const fetch = vi.fn(async (): Promise<FetchResult> => ({ ok: true }));
    await expect(ensureElectronBinary({ env: {}, find, fetch })).resolves.toEqual({ binary: realBinary, reason: null });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('falls back with the reason when the download failed', async () => {
    const reason = 'cannot reach github.com: ENOTFOUND';
    const fetch = vi.fn(async (): Promise<FetchResult> => ({ ok: false, reason }));
    await expect(ensureElectronBinary({ env: {}, find: () => null, fetch })).resolves.toEqual({
      binary: null,
      reason: "Electron's binary could not be downloaded (cannot reach github.com: ENOTFOUND)",
    });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('falls back when the installer succeeded but left no binary', async () => {
    const result = await ensureElectronBinary({ env: {}, find: () => null, fetch: async () => ({ ok: true }) });
    expect(result).toEqual({ binary: null, reason: "Electron's installer finished without leaving a binary" });
  });

  it('does not download when ELECTRON_EXEC_PATH names the binary, or downloads are switched off', async () => {
    const fetch = vi.fn(async (): Promise<FetchResult> => ({ ok: true }));
    const named = await ensureElectronBinary({ env: { ELECTRON_EXEC_PATH: '/opt/gone' }, find: () => null, fetch });
    expect(named).toEqual({ binary: null, reason: 'ELECTRON_EXEC_PATH names /opt/gone, which does not exist' });
    const noDownloads = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const skipped = await ensureElectronBinary({ env: noDownloads, find: () => null, fetch });
    expect(skipped.reason).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the browser version', () => {
  it('is served on 127.0.0.1 at PORT, 4173 by default, and refuses a PORT that is not a port', () => {
    expect(previewUrl({})).toBe('http://127.0.0.1:4173');
    expect(previewUrl({ PORT: '5000' })).toBe('http://127.0.0.1:5000');
    for (const PORT of ['', 'abc', '0', '70000', '80.5', '-1']) expect(previewUrl({ PORT })).toBeNull();
  });

  it('is announced in one line that says why the desktop window is not there and where to go', () => {
    const reason = "Electron's binary could not be downloaded (cannot reach github.com: ENOTFOUND)";
    const line = fallbackMessage(reason, 'http://127.0.0.1:4173');
    expect(line).toBe(
      "Cinefile: Electron's binary could not be downloaded (cannot reach github.com: ENOTFOUND), so the desktop " +
        'window cannot open; serving Cinefile for your browser at http://127.0.0.1:4173 instead.',
    );
    expect(fallbackMessage('a reason\nover two lines', 'http://127.0.0.1:4173')).not.toMatch(/\n/);
  });
});

describe('browserOpener', () => {
  const url = 'http://127.0.0.1:4173';
  const has = () => true;
  const hasNothing = () => false;

  it('uses open on macOS and start on Windows', () => {
    expect(browserOpener(url, { platform: 'darwin', env: {}, which: hasNothing })).toEqual({
      command: 'open',
      args: [url],
      verbatim: false,
    });
    expect(browserOpener(url, { platform: 'win32', env: {}, which: hasNothing })).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', url],
      verbatim: true,
    });
  });

  it('uses xdg-open on Linux and the BSDs when there is a display, X11 or Wayland', () => {
    const xdg = { command: 'xdg-open', args: [url], verbatim: false };
    expect(browserOpener(url, { platform: 'linux', env: { DISPLAY: ':0' }, which: has })).toEqual(xdg);
    expect(browserOpener(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, which: has })).toEqual(xdg);
    expect(browserOpener(url, { platform: 'freebsd', env: { DISPLAY: ':0' }, which: has })).toEqual(xdg);
  });

  it('opens nothing without a display, without xdg-open, or with BROWSER=none', () => {
    expect(browserOpener(url, { platform: 'linux', env: {}, which: has })).toEqual({
      command: null,
      why: 'no display',
    });
    expect(browserOpener(url, { platform: 'linux', env: { DISPLAY: ':0' }, which: hasNothing })).toEqual({
      command: null,
      why: 'xdg-open is not installed',
    });
    expect(browserOpener(url, { platform: 'darwin', env: { BROWSER: 'none' } })).toEqual({
      command: null,
      why: 'BROWSER=none',
    });
  });

  it('asks in one line for the URL to be opened by hand', () => {
    expect(openByHandMessage(url, 'no display')).toBe(
      'Cinefile: no browser can be opened from here (no display); ' +
        'open http://127.0.0.1:4173 in a browser to use Cinefile.',
    );
  });

  it('looks xdg-open up on PATH', () => {
    expect(onPath('node', { PATH: join(process.execPath, '..') })).toBe(true);
    expect(onPath('no-such-command-here', { PATH: join(process.execPath, '..') })).toBe(false);
    expect(onPath('node', {})).toBe(false);
  });
});
