/**
 * `npm run dist` as far as it runs on a machine without Electron's binary: the app is built with the project's own
 * electron-vite config and packed for Linux by electron-builder with electron-builder.yml, into a temporary
 * folder, over a stand-in Electron folder (a file carrying Electron's fuse wire where the binary would be). The
 * installers' own tools (AppImage runtime, fpm) download from GitHub, so electron-builder is stopped at the point
 * where it has computed each installer's desktop entry. What is checked is what the user's package gets: app.asar
 * holds only the built app, the fuses are flipped as configured, and no desktop entry turns the sandbox off.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build as vite, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const asar = requireFromBuilder('@electron/asar') as { listPackage(path: string, options: object): string[] };

// Electron's fuse wire: a sentinel, the wire version, its length, then one byte per fuse ('0' off, '1' on).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** Electron 41's defaults, as in its released binaries. */
const STOCK_WIRE = '10110001';

/** A stand-in for Electron's unpacked Linux release: same file names, the binary reduced to its fuse wire. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\n# stand-in\n${SENTINEL}\x01\x08${STOCK_WIRE}\n`, { mode: 0o755 });
  writeFileSync(join(dir, 'chrome-sandbox'), 'stand-in', { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), '41.7.1');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in');
}

/** The fuses as they stand in a packed binary. */
function readFuses(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  expect(bytes[at], 'fuse wire version').toBe(1);
  const length = bytes[at + 1]!;
  return Object.fromEntries(FUSE_ORDER.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

/** Builds main, preload and renderer with electron.vite.config.ts exactly as `npm run dist` does, into `outDir`. */
async function buildApp(outDir: string): Promise<void> {
  const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
  for (const part of ['main', 'preload', 'renderer'] as const) {
    const config: InlineConfig | undefined = resolved.config?.[part];
    if (!config) throw new Error(`electron.vite.config.ts has no ${part} config`);
    await vite({ ...config, logLevel: 'silent', build: { ...config.build, outDir: join(outDir, part), emptyOutDir: true } });
  }
}

interface Packed {
  unpacked: string;
  appImageDesktopEntry: string;
  debDesktopEntry: string;
  debFiles: string[];
}

let work: string;
let packed: Packed;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cinefile-dist-'));
  const project = join(work, 'project');
  mkdirSync(project);
  for (const file of ['package.json', 'electron-builder.yml']) cpSync(join(root, file), join(project, file));
  symlinkSync(join(root, 'build'), join(project, 'build'));
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  await buildApp(join(project, 'out'));
  // A leftover benchmark build (npm run bench) must never ship.
  mkdirSync(join(project, 'out', 'bench-renderer'));
  writeFileSync(join(project, 'out', 'bench-renderer', 'index.html'), '<!doctype html>');
  standInElectron(join(work, 'electron'));

  const { Arch, Platform, build } = await import('electron-builder');
  let appImageDesktopEntry = '';
  let debDesktopEntry = '';
  let debFiles: string[] = [];
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget(['AppImage', 'deb'], Arch.x64),
    config: { electronDist: join(work, 'electron'), directories: { output: join(work, 'dist') } },
    // Called with each installer's computed options just before its download-needing tool would run; true stops.
    effectiveOptionComputed: async (options: unknown) => {
      if (Array.isArray(options)) {
        const [args, desktopFile] = options as [string[], string];
        debFiles = args.filter((arg) => arg.includes('='));
        debDesktopEntry = readFileSync(desktopFile, 'utf8');
      } else {
        appImageDesktopEntry = (options as { desktop: string }).desktop;
      }
      return true;
    },
  });
  packed = { unpacked: join(work, 'dist', 'linux-unpacked'), appImageDesktopEntry, debDesktopEntry, debFiles };
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run dist for Linux (stand-in Electron)', () => {
  it('puts only the built app in app.asar: main, preload, renderer and package.json, no node_modules', () => {
    const files = asar.listPackage(join(packed.unpacked, 'resources', 'app.asar'), {}).map((path) => path.replaceAll('\\', '/'));
    const topLevel = [...new Set(files.map((path) => path.split('/').slice(0, 3).join('/')))].sort();
    expect(topLevel).toEqual(['/out', '/out/main', '/out/preload', '/out/renderer', '/package.json']);
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files.filter((path) => /\.map$|\.ts$|\.tsx$/.test(path))).toEqual([]);
  });

  it('ships a minified renderer', () => {
    const html = readFileSync(join(work, 'project', 'out', 'renderer', 'index.html'), 'utf8');
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const code = readFileSync(join(work, 'project', 'out', 'renderer', script!), 'utf8');
    // Unminified output keeps one statement per line; minified output is a few very long lines.
    expect(code.split('\n').length).toBeLessThan(200);
  });

  it('flips the fuses in the packed binary exactly as electron-builder.yml sets them', () => {
    expect(readFuses(join(packed.unpacked, 'cinefile'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps the sandbox on: neither desktop entry passes --no-sandbox', () => {
    const exec = (entry: string): string | undefined => /^Exec=(.*)$/m.exec(entry)?.[1];
    expect(exec(packed.appImageDesktopEntry)).toBe('AppRun %U');
    expect(exec(packed.debDesktopEntry)).toBe('/opt/Cinefile/cinefile %U');
    for (const entry of [packed.appImageDesktopEntry, packed.debDesktopEntry]) {
      expect(entry).not.toContain('--no-sandbox');
      // The window groups with its launcher: Electron's app_id comes from package.json's desktopName.
      expect(entry).toMatch(/^StartupWMClass=cinefile$/m);
    }
  });

  it('installs the deb with the launcher named after desktopName and an AppArmor profile that allows the sandbox', () => {
    expect(packed.debFiles.some((file) => file.endsWith('=/usr/share/applications/cinefile.desktop'))).toBe(true);
    const profile = readFileSync(join(packed.unpacked, 'resources', 'apparmor-profile'), 'utf8');
    expect(profile).toContain('userns,');
  });
});

describe('package.json', () => {
  it('has no production dependencies for electron-builder to copy into the package (everything is bundled)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});
