/**
 * The real createMainWindow (electron/main/window.ts) against a BrowserWindow stand-in that records what it was
 * built with: the web preferences a user's safety depends on, the preload file electron-vite really produces, the
 * page it loads, and the navigation guards (the real ones from security.ts) on its webContents.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  WebPreferences,
} from 'electron';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig, type Rollup } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GuardedContents } from './fake-web-contents';


/** A BrowserWindow as far as window.ts and window-state.ts use it; records its constructor options. */
class FakeWindow extends EventEmitter {
  static readonly created: FakeWindow[] = [];
  /** When set, loadURL rejects with it, as Electron does when the page cannot load. */
  static loadFailure: Error | undefined;
  readonly webContents = new GuardedContents();
  readonly loadURL = vi.fn((_url: string): Promise<void> =>
    FakeWindow.loadFailure === undefined ? Promise.resolve() : Promise.reject(FakeWindow.loadFailure),
  );
  readonly show = vi.fn();
  readonly maximize = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    const { x = 0, y = 0, width = 0, height = 0 } = this.options;
    return { x, y, width, height };
  }
  isMaximized(): boolean {
    return false;
  }
}

const state = { userData: '', isPackaged: true };
const openExternal = vi.fn(() => Promise.resolve());
const primaryDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return state.isPackaged;
    },
    getPath: (name: string) => {
      if (name === 'userData') return state.userData;
      throw new Error(`no path ${name} in this test`);
    },
  },
  BrowserWindow: FakeWindow,
  screen: { getPrimaryDisplay: () => primaryDisplay, getAllDisplays: () => [primaryDisplay] },
  shell: { openExternal },
}));
const { createMainWindow } = await import('../../../electron/main/window');
const windowModuleDir = join(import.meta.dirname, '../../../electron/main');

beforeAll(() => {
  state.userData = mkdtempSync(join(tmpdir(), 'cinefile-window-'));
});
afterAll(() => rmSync(state.userData, { recursive: true, force: true }));
beforeEach(() => {
  state.isPackaged = true;
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  FakeWindow.created.length = 0;
  FakeWindow.loadFailure = undefined;
  openExternal.mockClear();
  rmSync(join(state.userData, 'window-state.json'), { force: true });
});
afterEach(() => vi.unstubAllEnvs());

/** Creates the window and returns the stand-in it built. */
function openWindow(): FakeWindow {
  const window = createMainWindow() as unknown as FakeWindow;
  expect(FakeWindow.created).toEqual([window]);
  return window;
}

const preferencesOf = (window: FakeWindow): WebPreferences => window.options.webPreferences ?? {};

/**
 * Where, relative to the built module that contains window.ts, electron-vite writes the preload script: built in
 * memory with the project's electron.vite.config.ts, so a renamed output or a moved chunk shows up here.
 */
async function builtPreloadFromWindowModule(): Promise<string> {
  const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
  const chunksOf = async (target: 'main' | 'preload'): Promise<{ outDir: string; chunks: Rollup.OutputChunk[] }> => {
    const config: InlineConfig | undefined = resolved.config?.[target];
    const outDir = config?.build?.outDir;
    if (!config || outDir === undefined) throw new Error(`electron.vite.config.ts has no ${target} output folder`);
    const output = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } });
    const chunks = (Array.isArray(output) ? output : [output])
      .flatMap((result) => ('output' in result ? result.output : []))
      .filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
    return { outDir, chunks };
  };
  const main = await chunksOf('main');
  const preload = await chunksOf('preload');
  const windowFile = join(windowModuleDir, 'window.ts');
  const windowChunk = main.chunks.find((chunk) => chunk.moduleIds.some((id) => resolve(id) === windowFile));
  const preloadEntries = preload.chunks.filter((chunk) => chunk.isEntry);
  if (windowChunk === undefined) throw new Error('window.ts is in no chunk of the main build');
  expect(preloadEntries).toHaveLength(1);
  const preloadFile = join(preload.outDir, preloadEntries[0]?.fileName ?? '');
  return relative(dirname(join(main.outDir, windowChunk.fileName)), preloadFile);
}

describe('createMainWindow: web preferences', () => {
  it('isolates and sandboxes the page, with no Node.js anywhere in it', () => {
    const preferences = preferencesOf(openWindow());
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.nodeIntegrationInWorker).not.toBe(true);
  });

  it('keeps the web security model whole: same-origin policy, no mixed content, no <webview>, no experiments', () => {
    const preferences = preferencesOf(openWindow());
    expect(preferences.webSecurity).not.toBe(false);
    expect(preferences.allowRunningInsecureContent).not.toBe(true);
    expect(preferences.webviewTag).not.toBe(true);
    expect(preferences.experimentalFeatures).not.toBe(true);
    expect(preferences.enableBlinkFeatures ?? '').toBe('');
    expect(preferences.additionalArguments ?? []).toEqual([]);
    // Spelled out in window.ts even where they are Electron's defaults, so a default change cannot loosen them.
    expect(preferences).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('stays offline: no spellchecker dictionaries downloaded', () => {
    expect(preferencesOf(openWindow()).spellcheck).toBe(false);
  });

  it('loads the preload script electron-vite builds, from where the built main module will look for it', async () => {
    const preload = preferencesOf(openWindow()).preload;
    expect(preload).toBeDefined();
    const fromWindowModule = relative(windowModuleDir, preload ?? '');
    expect(fromWindowModule).toBe(await builtPreloadFromWindowModule());
    // Today that is out/preload/index.cjs beside out/main/index.js: CommonJS, as a sandboxed preload must be.
    expect(fromWindowModule).toBe(join('..', 'preload', 'index.cjs'));
  }, 60_000);
});

describe('createMainWindow: the window', () => {
  it('starts hidden on the app background and shows itself once the first frame is ready', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ show: false, backgroundColor: '#14110f', title: 'Cinefile' });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('opens 1280×820 centred on the primary display the first time, no smaller than the minimum size', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ x: 320, y: 130, width: 1280, height: 820, minWidth: 720, minHeight: 500 });
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('restores the saved size and maximized state, and saves them again on close', () => {
    const stateFile = join(state.userData, 'window-state.json');
    writeFileSync(stateFile, JSON.stringify({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, isMaximized: true }));
    const window = openWindow();
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    expect(window.maximize).toHaveBeenCalledTimes(1);

    rmSync(stateFile);
    window.emit('close', { preventDefault: () => undefined });
    expect(existsSync(stateFile)).toBe(true);
  });
});

describe('createMainWindow: the page', () => {
  it('loads app://cinefile/index.html in a packaged build, whatever the environment says', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    expect(openWindow().loadURL.mock.calls).toEqual([['app://cinefile/index.html']]);
  });

  it('loads the dev server in `electron-vite dev`, but only a local http one', () => {
    state.isPackaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    expect(openWindow().loadURL.mock.calls).toEqual([['http://localhost:5173/']]);

    FakeWindow.created.length = 0;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    expect(openWindow().loadURL.mock.calls).toEqual([['app://cinefile/index.html']]);
  });

  it('reports a page that fails to load instead of leaving the rejection unhandled', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    FakeWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6) loading app://cinefile/index.html');
    openWindow();
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('Cinefile: the window could not load', FakeWindow.loadFailure));
    error.mockRestore();
  });
});

describe('createMainWindow: guards on its webContents', () => {
  it('keeps the window on the app: navigation and redirects elsewhere are stopped, web links go to the browser', () => {
    const contents = openWindow().webContents;
    expect(contents.attempt('will-navigate', 'app://cinefile/index.html#/films/42')).toBe(false);
    expect(contents.attempt('will-navigate', 'https://www.themoviedb.org/')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://www.themoviedb.org/']]);
  });

  it('trusts the dev server only in development', () => {
    state.isPackaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const contents = openWindow().webContents;
    expect(contents.attempt('will-navigate', 'http://localhost:5173/films')).toBe(false);
    expect(contents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('opens no Electron windows and attaches no <webview>', () => {
    const contents = openWindow().webContents;
    expect(contents.openHandler?.({ url: 'app://cinefile/index.html' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://letterboxd.com/' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(contents.attempt('will-attach-webview', 'https://example.com/')).toBe(true);
  });
});
