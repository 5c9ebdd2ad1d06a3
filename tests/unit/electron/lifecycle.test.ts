/**
 * The app's lifecycle in electron/main/index.ts, with Electron and the window/IPC modules mocked: one Cinefile per
 * profile (a second launch focuses the first), the profile override used by tests, start-up wiring, and the
 * backup-before-quit hold (its details are in quit-backup.test.ts).
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL } from '../../../electron/ipc';

const calls: string[] = [];

function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    minimized: true,
    isMinimized: vi.fn(() => window.minimized),
    restore: vi.fn(() => {
      window.minimized = false;
    }),
    show: vi.fn(),
    focus: vi.fn(),
    isDestroyed: () => false,
    close: vi.fn(),
    webContents: Object.assign(new EventEmitter(), { id: 1, send: vi.fn() }),
  });
  return window;
}

const state = vi.hoisted(() => ({
  lock: true,
  packaged: true,
  windows: [] as unknown[],
}));

const app = Object.assign(new EventEmitter(), {
  getPath: vi.fn((name: string) => `/fake/${name}`),
  setPath: vi.fn((name: string, value: string) => calls.push(`setPath ${name} ${value}`)),
  requestSingleInstanceLock: vi.fn(() => {
    calls.push('requestSingleInstanceLock');
    return state.lock;
  }),
  quit: vi.fn(() => calls.push('quit')),
  exit: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  isReady: vi.fn(() => true),
  setAppUserModelId: vi.fn(),
  setAboutPanelOptions: vi.fn(),
  getVersion: vi.fn(() => '0.1.0'),
});
// A getter (Object.assign would copy its value once): each test says whether this run is packaged.
Object.defineProperty(app, 'isPackaged', { get: () => state.packaged });

vi.mock('electron', () => ({
  app,
  BrowserWindow: { getAllWindows: () => state.windows },
  session: { defaultSession: {} },
}));

const createMainWindow = vi.fn(() => {
  const window = fakeWindow();
  state.windows.push(window);
  return window;
});
vi.mock('../../../electron/main/window', () => ({ createMainWindow }));
vi.mock('../../../electron/main/protocol', () => ({
  registerAppScheme: vi.fn(() => calls.push('registerAppScheme')),
  serveRenderer: vi.fn(() => calls.push('serveRenderer')),
}));
vi.mock('../../../electron/main/ipc-handlers', () => ({ registerIpcHandlers: vi.fn(() => calls.push('registerIpcHandlers')) }));
vi.mock('../../../electron/main/menu', () => ({ installMenu: vi.fn(() => calls.push('installMenu')) }));
vi.mock('../../../electron/main/security', () => ({
  allowOnlyPersistentStorage: vi.fn((_session: unknown, origins: readonly string[]) =>
    calls.push(`allowOnlyPersistentStorage ${origins.join(' ')}`),
  ),
}));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main/index');
  // Let whenReady().then(...) run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  calls.length = 0;
  state.windows = [];
  state.lock = true;
  app.removeAllListeners();
  createMainWindow.mockClear();
  app.quit.mockClear();
  delete process.env['CINEFILE_USER_DATA'];
  delete process.env['ELECTRON_RENDERER_URL'];
});

afterEach(() => {
  delete process.env['CINEFILE_USER_DATA'];
});

describe('main process lifecycle', () => {
  it("starts with permissions limited to the app's own storage, the renderer served, IPC and menu ready, then one window", async () => {
    await startMain();
    expect(calls).toEqual([
      'registerAppScheme',
      'requestSingleInstanceLock',
      'allowOnlyPersistentStorage app://cinefile',
      'serveRenderer',
      'registerIpcHandlers',
      'installMenu',
    ]);
    expect(createMainWindow).toHaveBeenCalledTimes(1);
  });

  it('quits a second copy on the same profile instead of opening another window on the same catalog', async () => {
    state.lock = false;
    await startMain();
    expect(app.quit).toHaveBeenCalled();
    expect(createMainWindow).not.toHaveBeenCalled();
  });

  it('brings the open window forward (restored from the dock) when Cinefile is launched again', async () => {
    await startMain();
    const window = state.windows[0] as ReturnType<typeof fakeWindow>;
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(createMainWindow).toHaveBeenCalledTimes(1);
  });

  it('holds the first quit and asks the window’s page for a backup before quitting', async () => {
    await startMain();
    const window = state.windows[0] as ReturnType<typeof fakeWindow>;
    const preventDefault = vi.fn();
    app.emit('before-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'backup-before-quit');
    expect(app.quit).not.toHaveBeenCalled();

    // The page answers (through backup:quit-ready): main quits again, and this time lets it through.
    const { quitBackupReady } = await import('../../../electron/main/quit-backup');
    quitBackupReady(window.webContents.id, true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const next = vi.fn();
    app.emit('before-quit', { preventDefault: next });
    expect(next).not.toHaveBeenCalled();
  });

  it('outside macOS, holds the close of the last window (which quits there) for the same backup', async () => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('win32');
    try {
      await startMain();
      const window = state.windows[0] as ReturnType<typeof fakeWindow>;
      const preventDefault = vi.fn();
      window.emit('close', { preventDefault });
      expect(preventDefault).toHaveBeenCalledTimes(1);
      expect(window.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'backup-before-quit');
      const { quitBackupReady } = await import('../../../electron/main/quit-backup');
      quitBackupReady(window.webContents.id, true);
      await vi.waitFor(() => expect(window.close).toHaveBeenCalledTimes(1));
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('gives a development run its own profile, apart from the installed app’s, before taking the lock', async () => {
    state.packaged = false;
    try {
      await startMain();
      expect(calls.indexOf('setPath userData /fake/appData/Cinefile Development')).toBeGreaterThan(-1);
      expect(calls.indexOf('setPath userData /fake/appData/Cinefile Development')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
    } finally {
      state.packaged = true;
    }
  });

  it('keeps the installed app’s own profile when packaged', async () => {
    await startMain();
    expect(calls.filter((call) => call.startsWith('setPath userData'))).toEqual([]);
  });

  it('uses the profile folder tests ask for, before taking the single-instance lock', async () => {
    process.env['CINEFILE_USER_DATA'] = '/tmp/cinefile-profile-x';
    await startMain();
    expect(calls.indexOf('setPath userData /tmp/cinefile-profile-x')).toBeGreaterThan(-1);
    expect(calls.indexOf('setPath userData /tmp/cinefile-profile-x')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
  });
});
