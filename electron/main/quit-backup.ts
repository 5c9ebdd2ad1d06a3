/**
 * Backup on quit. The catalog lives in the renderer, so only the renderer can write a backup; main's part is to
 * hold the quit long enough for it, once, and never for long:
 *
 * 1. The first quit (before-quit: File › Quit, Cmd+Q, app.quit()) or, on Windows and Linux, the close of the last
 *    window (which quits there) is prevented, and the main window's renderer gets the menu command
 *    'backup-before-quit'.
 * 2. The renderer writes its backup (backup:auto-begin, file:save-chunk, file:save-end) and answers
 *    backup:quit-ready { ok }. Main stops waiting at that answer, after QUIT_BACKUP_TIMEOUT_MS, or as soon as the
 *    window or its renderer goes away, whichever comes first.
 * 3. The phase becomes 'done' for good and the quit (or close) is repeated; every later before-quit or close
 *    passes straight through, so the flow can neither loop nor run twice. A second quit while waiting is held
 *    (the time-out bounds it).
 */
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../ipc';

export const QUIT_BACKUP_TIMEOUT_MS = 15_000;

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's app this flow uses. */
export interface QuitApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

/** The parts of the main BrowserWindow this flow uses. */
export interface QuitWindow {
  isDestroyed(): boolean;
  close(): void;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  once(event: 'closed', listener: () => void): unknown;
  removeListener(event: 'closed', listener: () => void): unknown;
  webContents: {
    id: number;
    send(channel: string, ...args: unknown[]): void;
    once(event: 'render-process-gone', listener: () => void): unknown;
    removeListener(event: 'render-process-gone', listener: () => void): unknown;
  };
}

type Phase = 'idle' | 'asking' | 'done';
let phase: Phase = 'idle';
/** While asking: which renderer was asked, and how to stop waiting for it. */
let waiting: { contentsId: number; answer: (ok: boolean) => void } | null = null;

const BACKUP_BEFORE_QUIT: MenuCommand = 'backup-before-quit';

/** Sends the command and resolves when the renderer answers, the time-out passes or the window goes away. */
function askForBackup(window: QuitWindow, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      window.removeListener('closed', stop);
      window.webContents.removeListener('render-process-gone', stop);
      waiting = null;
      resolve();
    };
    const timer = setTimeout(() => {
      console.warn(`Cinefile: quitting without a backup, the page did not answer within ${timeoutMs / 1000} s`);
      stop();
    }, timeoutMs);
    window.once('closed', stop);
    window.webContents.once('render-process-gone', stop);
    waiting = {
      contentsId: window.webContents.id,
      answer: (ok) => {
        if (!ok) console.warn('Cinefile: the backup before quitting failed; quitting anyway');
        stop();
      },
    };
    try {
      window.webContents.send(MENU_COMMAND_CHANNEL, BACKUP_BEFORE_QUIT);
    } catch (error) {
      console.warn('Cinefile: could not ask for a backup before quitting', error);
      stop();
    }
  });
}

/** Asks once, then marks the flow done for good and carries on with what was interrupted. */
function backUpThen(window: QuitWindow, timeoutMs: number, carryOn: () => void): void {
  phase = 'asking';
  askForBackup(window, timeoutMs)
    .then(() => {
      phase = 'done';
      carryOn();
    })
    .catch((error: unknown) => console.error('Cinefile: could not carry on quitting', error));
}

/** Holds the first quit for a backup by `mainWindow()`'s renderer; quits at once when there is no window. */
export function installQuitBackup(app: QuitApp, mainWindow: () => QuitWindow | null, timeoutMs = QUIT_BACKUP_TIMEOUT_MS): void {
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    if (phase === 'asking') {
      event.preventDefault();
      return;
    }
    const window = mainWindow();
    if (window === null || window.isDestroyed()) {
      // No page, no catalog to back up.
      phase = 'done';
      return;
    }
    event.preventDefault();
    backUpThen(window, timeoutMs, () => app.quit());
  });
}

/**
 * On Windows and Linux closing the last window quits without a before-quit first (that comes after the window is
 * gone), so the close itself is held for the same backup when `closingQuits()` says it will end the app.
 */
export function holdLastWindowClose(window: QuitWindow, closingQuits: () => boolean, timeoutMs = QUIT_BACKUP_TIMEOUT_MS): void {
  window.on('close', (event) => {
    if (phase === 'done' || !closingQuits()) return;
    event.preventDefault();
    if (phase === 'asking') return;
    backUpThen(window, timeoutMs, () => {
      if (!window.isDestroyed()) window.close();
    });
  });
}

/** backup:quit-ready: the asked renderer is done. Answers from any other page, or when nobody asked, are ignored. */
export function quitBackupReady(senderId: number, ok: boolean): void {
  if (waiting === null || waiting.contentsId !== senderId) return;
  waiting.answer(ok);
}
