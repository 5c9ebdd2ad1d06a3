import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The shape of electron/start.mjs (plain JS, so it is typed here rather than imported with types). */
interface StartModule {
  MISSING_ELECTRON_MESSAGE: string;
  findElectronBinary(options?: {
    env?: Record<string, string | undefined>;
    resolveElectron?: () => unknown;
    exists?: (path: string) => boolean;
  }): string | null;
}

const startScript = fileURLToPath(new URL('../../../electron/start.mjs', import.meta.url));
const { findElectronBinary, MISSING_ELECTRON_MESSAGE } = (await import(startScript)) as StartModule;

const dir = mkdtempSync(join(tmpdir(), 'cinefile-start-'));
const realBinary = join(dir, 'electron');
writeFileSync(realBinary, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(findElectronBinary({ env: { ELECTRON_EXEC_PATH: join(dir, 'gone') }, resolveElectron: neverAsked })).toBeNull();
  });
});

describe('npm start without Electron', () => {
  it('prints exactly one line pointing to `npm run web` and exits with code 1', () => {
    // ELECTRON_EXEC_PATH to a missing file makes the binary absent on any machine, with or without Electron.
    const result = spawnSync(process.execPath, [startScript], {
      env: { ...process.env, ELECTRON_EXEC_PATH: join(dir, 'no-such-electron') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${MISSING_ELECTRON_MESSAGE}\n`);
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run web');
    expect(MISSING_ELECTRON_MESSAGE).toContain('http://127.0.0.1:4173');
  });
});
