// `npm start` end to end where Electron's binary cannot be had: it serves the app for the browser, says why in one
// line, and leaves nothing running once stopped.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, start, startScript } from './start-module';

const { findElectronBinary, openByHandMessage } = start;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** True while any process of the group led by pid is still there. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Process groups (detached + kill(-pid)) are POSIX; the fallback itself is the same on Windows.
describe.skipIf(process.platform === 'win32')('npm start without Electron', () => {
  it('serves the app for the browser, says why in one line on stderr, and leaves nothing running', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const outDir = mkdtempSync(join(tmpdir(), 'cinefile-start-out-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CINEFILE_OUT_DIR: outDir };
    // No display, so no browser: the test must not open one. BROWSER=none does the same off Linux.
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    if (process.platform !== 'linux') env['BROWSER'] = 'none';
    const electronSetting = /^(ELECTRON_|npm_config_electron_|npm_package_config_electron_)/i;
    for (const key of Object.keys(env)) if (electronSetting.test(key)) delete env[key];
    // The real path: ELECTRON_EXEC_PATH unset, Electron's installer runs and fails. It is pointed at a closed local
    // port with an empty cache, so it fails at once on any machine instead of downloading 100 MB and opening a
    // window. Where the binary is already installed, a missing ELECTRON_EXEC_PATH makes it absent instead.
    env['ELECTRON_MIRROR'] = 'http://127.0.0.1:9/';
    env['electron_config_cache'] = join(outDir, 'electron-cache');
    if (findElectronBinary({ env: {} }) !== null) env['ELECTRON_EXEC_PATH'] = join(outDir, 'no-such-electron');

    const child = spawn(process.execPath, [startScript], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid!;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited = false;
    const closed = new Promise<void>((resolve) =>
      child.on('close', () => {
        exited = true;
        resolve();
      }),
    );

    try {
      let page = '';
      const deadline = Date.now() + 30_000;
      while (!exited && Date.now() < deadline && !page.includes('<div id="root">')) {
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          if (response.status === 200) page = await response.text();
        } catch {
          // not serving yet
        }
        if (!page) await sleep(200);
      }
      expect(exited, `npm start stopped early:\n${stderr}`).toBe(false);
      expect(page).toContain('<div id="root">');

      // The by-hand line follows readiness; give it a moment.
      for (let i = 0; i < 25 && !stdout.includes('open http'); i++) await sleep(100);
      const why = process.platform === 'linux' ? 'no display' : 'BROWSER=none';
      expect(stdout).toContain(openByHandMessage(url, why));

      const lines = stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cinefile: .+, so the desktop window cannot open; serving Cinefile for your browser /);
      expect(lines[0]).toContain(`at ${url} instead.`);
      expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    } finally {
      if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
      await Promise.race([closed, sleep(5_000)]);
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      const leftOver = groupAlive(pid);
      if (leftOver) process.kill(-pid, 'SIGKILL');
      rmSync(outDir, { recursive: true, force: true });
      expect(leftOver, 'vite preview or start.mjs still running after SIGTERM').toBe(false);
    }
    await expect(fetch(url, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  }, 40_000);
});
