/**
 * The browser stand-in for the Electron bridge (`npm run web`, end-to-end tests), so the renderer has one code
 * path: a download for saving (whole or streamed), a file input for opening, the print dialog for PDFs, Web Storage
 * for the sync password. What a browser cannot do says so: automatic backups live in the desktop app's own folder.
 */
import type { AutoBackup, IpcRequest, SaveBegun, SyncSecretSaved } from '../../../electron/ipc';
import type { OpenFileRequest, Platform, SaveFileRequest } from './platform';

export const DESKTOP_ONLY_BACKUPS = 'Automatic backups need the desktop app.';
/** The same refusal main gives for a token it does not know. */
export const SAVE_NOT_OPEN = 'This save is not open.';
/** MAX_STREAMED_SAVE_BYTES of electron/ipc.ts, repeated: the renderer takes only types from that file. */
const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024;

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the time click() returns; the URL can go on the next tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function saveByDownload(request: SaveFileRequest): Promise<{ savedTo: string | null }> {
  download(new Blob([request.data], { type: 'application/octet-stream' }), request.suggestedName);
  return Promise.resolve({ savedTo: request.suggestedName });
}

function openWithFileInput(request: OpenFileRequest): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((filter) => filter.extensions.map((ext) => (ext === '*' ? '*' : `.${ext}`))).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.arrayBuffer().then((buffer) => resolve({ fileName: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/**
 * Streamed saves: there is no Save dialog to cancel, so a save always begins; each chunk becomes a Blob at once
 * (the browser may keep big ones on disk, and a caller reusing its buffer cannot change what was saved), and the
 * end downloads them as one file.
 */
function streamedDownloads(): Pick<Platform, 'saveFileBegin' | 'saveFileChunk' | 'saveFileEnd'> {
  const saves = new Map<string, { fileName: string; parts: Blob[]; bytes: number }>();
  const openSave = (token: string) => {
    const save = saves.get(token);
    if (save === undefined) throw new Error(SAVE_NOT_OPEN);
    return save;
  };
  return {
    saveFileBegin: ({ suggestedName }): Promise<SaveBegun> => {
      const token = crypto.randomUUID();
      saves.set(token, { fileName: suggestedName, parts: [], bytes: 0 });
      return Promise.resolve({ token, fileName: suggestedName });
    },
    saveFileChunk: async ({ token, chunk }) => {
      const save = openSave(token);
      if (save.bytes + chunk.byteLength > MAX_SAVE_BYTES) {
        saves.delete(token);
        throw new Error('This file would be larger than 2 GB, so nothing was saved.');
      }
      save.bytes += chunk.byteLength;
      save.parts.push(new Blob([chunk]));
    },
    saveFileEnd: async ({ token, cancel }) => {
      const save = openSave(token);
      saves.delete(token);
      if (cancel) return { savedTo: null };
      download(new Blob(save.parts, { type: 'application/octet-stream' }), save.fileName);
      return { savedTo: save.fileName };
    },
  };
}

/** The frame of the last print, removed when the browser says printing is over, or when the next one starts. */
let printFrame: HTMLIFrameElement | null = null;

/**
 * Opens the browser's print dialog on the document; the person picks "Save as PDF" there. Cinefile never learns
 * whether or where they saved, so the honest answer is always `savedTo: null`, given once print() returns
 * (Chromium: when the dialog closes; Firefox: at once, with the dialog still open). The frame is same-origin, so
 * print() may be called on it, but sandboxed without scripts (checked in Chromium: one load, scripts blocked).
 */
function printInFrame({ html }: { html: string }): Promise<{ savedTo: string | null }> {
  printFrame?.remove();
  const frame = document.createElement('iframe');
  printFrame = frame;
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (view === null) return reject(new Error('The print preview could not be opened.'));
        // Removing the frame earlier would cut Firefox's still-open dialog off from its document.
        view.addEventListener(
          'afterprint',
          () => {
            frame.remove();
            if (printFrame === frame) printFrame = null;
          },
          { once: true },
        );
        view.print();
        resolve({ savedTo: null });
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}

const desktopOnly = (): Promise<never> => Promise.reject(new Error(DESKTOP_ONLY_BACKUPS));

/** The Web Storage key of the sync password (one at a time, with its account, in either storage). */
export const SYNC_SECRET_KEY = 'cinefile.sync-secret';
/** MAX_SYNC_ACCOUNT_CHARS and MAX_SYNC_PASSWORD_CHARS of electron/ipc.ts, repeated (types only from there). */
const MAX_SYNC_CHARS = 1_000;

/** Refuses what main's schema refuses, in the same words, so the settings page behaves alike in both shells. */
function checkSyncSecretRequest(channel: string, account: string, password?: string): void {
  if (account.length < 1 || account.length > MAX_SYNC_CHARS) {
    throw new Error(`${channel}: invalid request at account: a sync account of 1 to ${MAX_SYNC_CHARS} characters`);
  }
  if (password !== undefined && (password.length < 1 || password.length > MAX_SYNC_CHARS)) {
    throw new Error(`${channel}: invalid request at password: a password of 1 to ${MAX_SYNC_CHARS} characters`);
  }
}

/** The password kept in `storage` for exactly `account`; anything unreadable or for another account is none. */
function keptIn(storage: Storage, account: string): string | null {
  try {
    const kept: unknown = JSON.parse(storage.getItem(SYNC_SECRET_KEY) ?? 'null');
    if (typeof kept !== 'object' || kept === null) return null;
    const { account: keptFor, password } = kept as Record<string, unknown>;
    return keptFor === account && typeof password === 'string' ? password : null;
  } catch {
    return null;
  }
}

/**
 * The sync password in a browser, where there is no keychain. By default it is kept in sessionStorage: for this
 * tab, until it closes ('session'). When the person opts in, it goes to localStorage instead ('browser-storage'),
 * where it outlives the tab but is NOT encrypted: anyone with access to this browser profile can read it, which the
 * settings page tells them. A new save replaces the old one in both, so only one is ever kept.
 */
function webStorageSecrets(): Pick<Platform, 'saveSyncSecret' | 'readSyncSecret' | 'forgetSyncSecret'> {
  const forgetAll = (): void => {
    localStorage.removeItem(SYNC_SECRET_KEY);
    sessionStorage.removeItem(SYNC_SECRET_KEY);
  };
  return {
    saveSyncSecret: async ({ account, password, remember }: IpcRequest<'sync-secret:save'>): Promise<SyncSecretSaved> => {
      checkSyncSecretRequest('sync-secret:save', account, password);
      const storage = remember ? localStorage : sessionStorage;
      try {
        forgetAll();
        storage.setItem(SYNC_SECRET_KEY, JSON.stringify({ account, password }));
      } catch (error) {
        // Storage disabled, full, or refused (some private modes): say so rather than pretend.
        try {
          forgetAll();
        } catch {
          // Nothing was kept, so there is nothing more to remove.
        }
        const why = error instanceof Error ? error.message : String(error);
        return { kept: 'not-kept', reason: `This browser would not store the password (${why}), so it will be asked for again.` };
      }
      return { kept: remember ? 'browser-storage' : 'session' };
    },
    readSyncSecret: async ({ account }) => {
      checkSyncSecretRequest('sync-secret:read', account);
      const password = keptIn(sessionStorage, account) ?? keptIn(localStorage, account);
      return password === null ? null : { password };
    },
    forgetSyncSecret: async () => {
      forgetAll();
      return { forgotten: true };
    },
  };
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile: saveByDownload,
    openFile: openWithFileInput,
    ...streamedDownloads(),
    savePdf: printInFrame,
    // A browser has no backups folder: starting, reading or revealing one refuses; the list is honestly empty.
    autoBackupBegin: desktopOnly,
    listBackups: (): Promise<AutoBackup[]> => Promise.resolve([]),
    readBackup: desktopOnly,
    revealBackup: desktopOnly,
    // The browser never sends 'backup-before-quit' (onMenuCommand never fires), so there is nothing to answer.
    quitBackupReady: () => Promise.resolve(),
    ...webStorageSecrets(),
    onMenuCommand: () => () => undefined,
  };
}
