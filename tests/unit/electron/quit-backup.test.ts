/**
 * Backup on quit (electron/main/quit-backup.ts) against a fake app whose quit() emits before-quit the way Electron
 * does: the first quit is held once while the page backs up, then goes through; it never loops and never waits
 * more than the time-out. Each test loads a fresh copy of the module (it keeps the flow's phase).
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL } from '../../../electron/ipc';

const loadQuitBackup = () => import('../../../electron/main/quit-backup');
type QuitBackup = Awaited<ReturnType<typeof loadQuitBackup>>;

/** An app whose quit() asks before-quit listeners and really "quits" (counts it) unless one prevents it. */
function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    quitAttempts: 0,
    quitted: 0,
    quit: vi.fn(() => {
      app.quitAttempts++;
      if (app.quitAttempts > 10) throw new Error('quit loops');
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.quitted++;
    }),
  });
  return app;
}

/** A main window whose close() asks close listeners first, like BrowserWindow. */
function fakeWindow(id = 7) {
  const window = Object.assign(new EventEmitter(), {
    destroyed: false,
    closedCount: 0,
    isDestroyed: () => window.destroyed,
    close: vi.fn(() => {
      let prevented = false;
      window.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      window.closedCount++;
      window.destroyed = true;
      window.emit('closed');
    }),
    webContents: Object.assign(new EventEmitter(), { id, send: vi.fn() }),
  });
  return window;
}

let quitBackup: QuitBackup;
beforeEach(async () => {
  vi.resetModules();
  vi.useFakeTimers();
  quitBackup = await loadQuitBackup();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('backup before quitting', () => {
  it('holds the first quit once, asks the page for a backup, and quits when it answers ready', async () => {
    const app = fakeApp();
    const window = fakeWindow();
    quitBackup.installQuitBackup(app, () => window);

    app.quit();
    expect(app.quitted).toBe(0);
    expect(window.webContents.send.mock.calls).toEqual([[MENU_COMMAND_CHANNEL, 'backup-before-quit']]);

    quitBackup.quitBackupReady(window.webContents.id, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quitted).toBe(1);
    expect(app.quitAttempts).toBe(2);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    // Nothing left waiting: the time-out does not fire a third quit later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(app.quitAttempts).toBe(2);
  });

  it('quits after 15 seconds when the page never answers', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const app = fakeApp();
    const window = fakeWindow();
    quitBackup.installQuitBackup(app, () => window);

    app.quit();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(app.quitted).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quitted).toBe(1);
    expect(app.quitAttempts).toBe(2);
  });

  it('holds a second quit while waiting (no second request), and lets every quit after the backup through', async () => {
    const app = fakeApp();
    const window = fakeWindow();
    quitBackup.installQuitBackup(app, () => window);

    app.quit();
    app.quit();
    expect(app.quitted).toBe(0);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    quitBackup.quitBackupReady(window.webContents.id, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quitted).toBe(1);
    app.quit();
    expect(app.quitted).toBe(2);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('ignores a ready answer from another page, or when nobody asked', async () => {
    const app = fakeApp();
    const window = fakeWindow(7);
    quitBackup.installQuitBackup(app, () => window);

    quitBackup.quitBackupReady(7, true);
    app.quit();
    quitBackup.quitBackupReady(8, true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(app.quitted).toBe(0);
    quitBackup.quitBackupReady(7, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quitted).toBe(1);
  });

  it('quits at once when there is no window to ask', () => {
    const app = fakeApp();
    quitBackup.installQuitBackup(app, () => null);
    app.quit();
    expect(app.quitted).toBe(1);

    const other = fakeApp();
    const gone = fakeWindow();
    gone.destroyed = true;
    quitBackup.installQuitBackup(other, () => gone);
    other.quit();
    expect(other.quitted).toBe(1);
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });

  it('stops waiting as soon as the page’s renderer goes away', async () => {
    const app = fakeApp();
    const window = fakeWindow();
    quitBackup.installQuitBackup(app, () => window);
    app.quit();
    window.webContents.emit('render-process-gone');
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quitted).toBe(1);
  });

  it('on Windows and Linux, closing the last window backs up first, then closes (and quits) for real', async () => {
    const app = fakeApp();
    const window = fakeWindow();
    quitBackup.installQuitBackup(app, () => (window.isDestroyed() ? null : window));
    quitBackup.holdLastWindowClose(window, () => true);
    // What index.ts does on 'window-all-closed' outside macOS.
    window.on('closed', () => app.quit());

    window.close();
    expect(window.closedCount).toBe(0);
    expect(window.webContents.send.mock.calls).toEqual([[MENU_COMMAND_CHANNEL, 'backup-before-quit']]);
    // A quit while the close waits is held too, and does not ask again.
    app.quit();
    expect(window.webContents.send).toHaveBeenCalledTimes(1);

    quitBackup.quitBackupReady(window.webContents.id, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closedCount).toBe(1);
    expect(app.quitted).toBe(1);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('on macOS, closing the window does not quit, so it is not held', () => {
    const window = fakeWindow();
    quitBackup.holdLastWindowClose(window, () => false);
    window.close();
    expect(window.closedCount).toBe(1);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
