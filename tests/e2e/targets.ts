/**
 * Where the end-to-end specs run: Debian's Chromium against the built renderer (always), and the real Electron
 * app when its binary is installed. Each launch gets a fresh profile, so IndexedDB starts empty.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium, type BrowserContext, type ElectronApplication, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the Electron binary, or null when its download was skipped (as on these build machines). */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export interface RunningApp {
  page: Page;
  /** Closes the app, keeping its profile so it can be opened again. */
  close(): Promise<void>;
}

export interface AppTarget {
  name: 'chromium' | 'electron';
  /** Opens the app on a profile folder; the same folder again is "reopening the app". */
  launch(profileDir: string): Promise<RunningApp>;
}

export function chromiumTarget(baseUrl: string): AppTarget {
  return {
    name: 'chromium',
    async launch(profileDir) {
      const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 820 },
        colorScheme: 'dark',
        locale: 'en-GB',
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(baseUrl);
      return { page, close: () => context.close() };
    },
  };
}

export function electronTarget(): AppTarget {
  return {
    name: 'electron',
    async launch(profileDir) {
      // The app folder, as `npm start` (electron-vite preview) starts it: Electron reads package.json's "main" and
      // takes the app's name and version from it, so the real start path is what runs here.
      const app: ElectronApplication = await _electron.launch({
        args: [root],
        env: { ...process.env, CINEFILE_USER_DATA: profileDir },
      });
      const page = await app.firstWindow();
      await page.setViewportSize({ width: 1280, height: 820 });
      return { page, close: () => app.close() };
    },
  };
}

/** A fresh profile folder, removed by the returned function. */
export function freshProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cinefile-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
